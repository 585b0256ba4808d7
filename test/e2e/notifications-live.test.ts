// Notifications live (issue 21) through the real gateway: a subscription over
// server-sent events hears of another member's stafettlogg entry, never of its
// own; what the subscriber may no longer see (a withdrawn consent, an ended
// membership) is not sent; a subscription without a sign-in is refused.
import { afterEach, describe, expect, it } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { asUser, okAs } from "../support/graphql.ts";
import { subscribeThroughGateway, type Subscribed } from "../support/sse.ts";

const OPENER = "skole-kontaktlaerer-1"; // skole: opens the case and holds the baton
const HEALTH = "helse-helsesykepleier-1";
const NAV = "nav-veileder-1";
const SOFIE = demoPersonId("sandvik", "Sofie");
const KARI = demoPersonId("sandvik", "Kari"); // her mother, with parental responsibility

const ok = <T = Record<string, any>>(user: string, query: string, variables: Record<string, unknown> = {}) => okAs<T>(user, query, variables);

const LIVE = `subscription { notificationsUpdated { unreadCount added { id kind caseId caseTitle service } } }`;
const REGISTER = `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id holder { id } } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
const REMOVE = `mutation ($caseId: ID!, $memberId: ID!) { removeCaseMember(caseId: $caseId, memberId: $memberId) { leftAt } }`;
const APPEND = `mutation ($caseId: ID!, $text: String!) { appendStafettlogg(caseId: $caseId, input: { kind: NOTE, text: $text }) { id } }`;
const SCHEDULE = `mutation ($caseId: ID!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: "Stafettmøte", startsAt: $startsAt) { id } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
const MARK = `mutation { markNotificationsRead(all: true) }`;

const inDays = (n: number) => new Date(Date.parse(`${todayInOslo()}T10:00:00Z`) + n * 86_400_000).toISOString();

interface Update {
  notificationsUpdated: { unreadCount: number; added: { id: string; kind: string; caseId: string; caseTitle: string | null; service: string | null }[] };
}

const open: Subscribed<Update>[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/** `user`'s live notifications; resolves once the first event (the count now) has arrived. */
async function live(user: string): Promise<Subscribed<Update>> {
  const s = subscribeThroughGateway<Update>(LIVE, await asUser(user));
  open.push(s);
  await expect.poll(() => s.results.length + (s.ended ? 1 : 0), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(s.results[0]?.errors).toBeUndefined();
  return s;
}

/** What a subscription has been told of in one case, oldest first. */
const told = (s: Subscribed<Update>, caseId: string) => s.results.flatMap((r) => r.data?.notificationsUpdated.added ?? []).filter((n) => n.caseId === caseId);
const kindsTold = (s: Subscribed<Update>, caseId: string) => told(s, caseId).map((n) => n.kind);

/** A BTI case about Sofie, opened by OPENER, with HEALTH and NAV as members. */
async function sofieCase(title: string) {
  const concernId = (await ok(OPENER, REGISTER, { input: { subjectId: SOFIE, text: "Bekymring fra skolen (levende varsler)." } })).registerConcern.id;
  const opened = (await ok(OPENER, OPEN, { input: { kind: "BTI", title, subjectIds: [SOFIE], concernId } })).openCase;
  await ok(OPENER, ADD, { caseId: opened.id, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
  const nav = (await ok(OPENER, ADD, { caseId: opened.id, input: { actorId: NAV, role: "PROFESSIONAL" } })).addCaseMember.id as string;
  await ok(OPENER, ADD, { caseId: opened.id, input: { personId: KARI, displayName: "Kari Sandvik", role: "FAMILY" } });
  // Kari lets the case's members read helse's stafettlogg entries about Sofie.
  const input = { caseId: opened.id, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services: ["HELSE"], categories: ["STAFETTLOGG"], childView: "Det er greit." };
  const consentId = (await ok(KARI, GRANT, { input })).grantConsent.id as string;
  return { caseId: opened.id as string, nav, consentId };
}

describe("notifications live through the gateway (SSE)", () => {
  it("refuses a subscription without a sign-in, with the registry's code", async () => {
    const s = subscribeThroughGateway<Update>(LIVE);
    open.push(s);
    await expect.poll(() => s.results.length + (s.ended ? 1 : 0), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(s.results[0]?.data ?? null).toBeNull();
    expect(s.results[0]?.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    await expect.poll(() => s.ended, { timeout: 5_000 }).not.toBeNull();
  });

  it("tells another member of a stafettlogg entry at once, not its author; a withdrawn consent or an ended membership stops it", async () => {
    const c = await sofieCase("Levende varsler: stafettloggen");
    const [opener, health, nav] = await Promise.all([live(OPENER), live(HEALTH), live(NAV)]);

    await ok(HEALTH, APPEND, { caseId: c.caseId, text: "Samtale med Sofie." });
    await expect.poll(() => kindsTold(opener, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY"]);
    expect(told(opener, c.caseId)[0]).toMatchObject({ service: "HELSE", caseTitle: "Levende varsler: stafettloggen" });
    await expect.poll(() => kindsTold(nav, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY"]);
    // The count came with it.
    const last = opener.results.at(-1)!.data!.notificationsUpdated;
    expect(last.unreadCount).toBeGreaterThan(0);

    // Kari withdraws her consent: helse's next entry is told to no one; a meeting scheduled after it is
    // (the order of events shows that nothing about the entry came before it).
    await ok(KARI, WITHDRAW, { id: c.consentId });
    await ok(HEALTH, APPEND, { caseId: c.caseId, text: "Ny samtale med Sofie." });
    await ok(OPENER, SCHEDULE, { caseId: c.caseId, startsAt: inDays(7) });
    await expect.poll(() => kindsTold(health, c.caseId), { timeout: 10_000 }).toEqual(["MEETING_SCHEDULED"]);
    await expect.poll(() => kindsTold(nav, c.caseId), { timeout: 10_000 }).toEqual(["STAFETTLOGG_ENTRY", "MEETING_SCHEDULED"]);
    // The author was never told of its own entries, nor the opener of its own meeting.
    expect(kindsTold(opener, c.caseId)).toEqual(["STAFETTLOGG_ENTRY"]);

    // Nav leaves the case: the next meeting is told to helse, not to nav.
    await ok(OPENER, REMOVE, { caseId: c.caseId, memberId: c.nav });
    await ok(OPENER, SCHEDULE, { caseId: c.caseId, startsAt: inDays(9) });
    await expect.poll(() => kindsTold(health, c.caseId), { timeout: 10_000 }).toEqual(["MEETING_SCHEDULED", "MEETING_SCHEDULED"]);
    expect(kindsTold(nav, c.caseId)).toEqual(["STAFETTLOGG_ENTRY", "MEETING_SCHEDULED"]);
  });

  it("updates the count on every open page when the reader marks notifications read", async () => {
    const s = await live(OPENER);
    await ok(OPENER, MARK);
    await expect.poll(() => s.results.at(-1)?.data?.notificationsUpdated.unreadCount, { timeout: 10_000 }).toBe(0);
  });
});
