// A case for the live-notification tests (e2e and browser): about Sofie
// (Sandvik), opened by skole, with helse, nav and her mother Kari as members,
// and Kari's consent that lets the members read helse's stafettlogg entries —
// so an entry helse writes is told to skole and nav.
import { demoPersonId } from "../../demo/fjordvik.ts";
import { okAs } from "./graphql.ts";

export const OPENER = "skole-kontaktlaerer-1"; // Marte Fossum, skole: opens the case and holds the baton
export const HEALTH = "helse-helsesykepleier-1"; // Ragnhild Eide
export const NAV = "nav-veileder-1";
export const SOFIE = demoPersonId("sandvik", "Sofie");
export const KARI = demoPersonId("sandvik", "Kari"); // her mother, with parental responsibility

/** Runs `query` as `user` and answers its data (throws on errors): the shared federation's, or an own one's. */
export type CallAs = (user: string, query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

const REGISTER = `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
export const APPEND = `mutation ($caseId: ID!, $text: String!) { appendStafettlogg(caseId: $caseId, input: { kind: NOTE, text: $text }) { id } }`;

export async function sofieCaseWithConsent(title: string, ok: CallAs = okAs): Promise<{ caseId: string; nav: string; consentId: string }> {
  const concernId = (await ok(OPENER, REGISTER, { input: { subjectId: SOFIE, text: "Bekymring fra skolen (levende varsler)." } })).registerConcern.id;
  const caseId = (await ok(OPENER, OPEN, { input: { kind: "BTI", title, subjectIds: [SOFIE], concernId } })).openCase.id as string;
  await ok(OPENER, ADD, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
  const nav = (await ok(OPENER, ADD, { caseId, input: { actorId: NAV, role: "PROFESSIONAL" } })).addCaseMember.id as string;
  await ok(OPENER, ADD, { caseId, input: { personId: KARI, displayName: "Kari Sandvik", role: "FAMILY" } });
  const input = { caseId, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services: ["HELSE"], categories: ["STAFETTLOGG"], childView: "Det er greit." };
  const consentId = (await ok(KARI, GRANT, { input })).grantConsent.id as string;
  return { caseId, nav, consentId };
}
