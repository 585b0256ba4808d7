// Consents are personal data of the person they are about and of the person
// who gave them (who consented to what, the child's view, the note): every
// release is in samhandling's access log, and a consent never opens the case
// it names to someone who no longer takes part in it.
import { beforeAll, describe, expect, it } from "vitest";
import { demoWorld } from "../../demo/index.ts";
import { demoPersons } from "../../demo/fjordvik.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { ageOn } from "../support/oracle.ts";

// The world the shared test federation is seeded with (test/support/federation.setup.ts).
const seeded = demoWorld({ syntheticFamilies: 30, syntheticSeed: Number(process.env.SEED_SYNTHETIC_SEED ?? 1) });
const demoIds = new Set(demoPersons.map((p) => p.personId));
const birth = new Map(seeded.registry.person.map((p) => [p.id!, new Date(p.birthDate).toISOString().slice(0, 10)]));

/** A synthetic child under 16 with a guardian holding parental responsibility, and another child of the same guardian. */
const guardianship = seeded.registry.guardianship.find(
  (g) => g.parentalResponsibility && !demoIds.has(g.childId) && ageOn(birth.get(g.childId)!, new Date()) < 16,
)!;
const CHILD = guardianship.childId;
const GUARDIAN = guardianship.guardianId;
const childAge = () => ageOn(birth.get(CHILD)!, new Date());

const OPENER = "nav-veileder-2";
const OUTSIDER = "skole-kontaktlaerer-3";

type Entry = { personId: string; actorId: string; actorService: string; categories: string[]; decision: string; reason: string; basis: string | null; basisReference: string | null };
const ENTRY = "personId actorId actorService categories decision reason basis basisReference";

async function ok<T>(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gateway<T>(query, variables, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

async function samhandlingLog(from: string, filter: { personId?: string; actorId?: string }): Promise<Entry[]> {
  const data = await ok<{ samhandlingAuditLog: Entry[] }>(
    await asUser("samhandling-auditor"),
    `query ($p: ID, $a: String, $from: DateTime!) { samhandlingAuditLog(personId: $p, actorId: $a, from: $from) { ${ENTRY} } }`,
    { p: filter.personId ?? null, a: filter.actorId ?? null, from },
  );
  return data.samhandlingAuditLog;
}

const since = () => new Date(Date.now() - 1000).toISOString();

let caseId: string;
let guardianMemberId: string;
let consentId: string;

beforeAll(async () => {
  expect(guardianship, "the seed has a synthetic child under 16 with a guardian").toBeDefined();
  const opened = await ok<{ openCase: { id: string; members: { id: string; person: { id: string } | null }[] } }>(
    await asUser(OPENER),
    `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id members { id person { id } } } }`,
    {
      input: {
        kind: "ANSVARSGRUPPE",
        title: "Samtykker som personopplysninger",
        subjectIds: [CHILD],
        referral: { kind: "REFERRAL", reference: "Henvisning, testarkiv 2026/3" },
        members: [{ personId: GUARDIAN, displayName: "Foresatt", role: "FAMILY" }],
      },
    },
  );
  caseId = opened.openCase.id;
  guardianMemberId = opened.openCase.members.find((m) => m.person?.id === GUARDIAN)!.id;
  // The guardian, taking part in the case, consents for the child from their own sign-in.
  const granted = await ok<{ grantConsent: { id: string } }>(
    await asUser(GUARDIAN),
    `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    {
      input: {
        caseId,
        subjectId: CHILD,
        capacity: "GUARDIAN",
        services: ["SKOLE"],
        categories: ["SERVICE_DATA"],
        note: "Gjelder skolen",
        ...(childAge() >= 7 ? { childView: "Det er greit." } : {}),
      },
    },
  );
  consentId = granted.grantConsent.id;
});

describe("a consent's case", () => {
  const MY_CONSENTS = `{ myConsents { id case { id title members { displayName } goals { text } meetings { title } } } }`;

  it("is shown to the giver while they take part, and is null once they are removed — the consent itself stays theirs to see", async () => {
    const guardian = await asUser(GUARDIAN);
    const before = (await ok<{ myConsents: { id: string; case: { id: string; members: unknown[] } | null }[] }>(guardian, MY_CONSENTS)).myConsents;
    expect(before.find((c) => c.id === consentId)?.case).toMatchObject({ id: caseId, members: expect.any(Array) });

    await ok(await asUser(OPENER), `mutation ($c: ID!, $m: ID!) { removeCaseMember(caseId: $c, memberId: $m) { leftAt } }`, { c: caseId, m: guardianMemberId });
    const res = await gateway<{ myConsents: { id: string; case: unknown }[] }>(MY_CONSENTS, {}, guardian);
    expect(res.errors).toBeUndefined();
    const after = res.data!.myConsents.find((c) => c.id === consentId);
    expect(after, "the consent they gave is still listed").toBeDefined();
    expect(after!.case).toBeNull();
    // …exactly as case(id) answers them, asked within the case as case(id) must be.
    const from = since();
    const refusals = async () =>
      (await samhandlingLog(from, { personId: CHILD, actorId: `citizen-${GUARDIAN}` })).filter(
        (e) => e.decision === "RESTRICTED" && e.reason === "NOT_A_MEMBER" && e.categories.join() === "CASE",
      ).length;
    const refusedBefore = await refusals();
    const direct = await gateway<{ case: unknown }>(`query ($id: ID!) { case(id: $id) { id } }`, { id: caseId }, await asUser(GUARDIAN, caseId));
    expect(direct.errors, JSON.stringify(direct.errors)).toBeUndefined();
    expect(direct.data).toEqual({ case: null });
    // And case(id) logs its refusal for the case's subject, as the consent's case did.
    expect(await refusals()).toBe(refusedBefore + 1);
  });

  it("is shown to the subject, who takes part in it as such", async () => {
    const child = await asUser(CHILD);
    const mine = (await ok<{ myConsents: { id: string; case: { id: string } | null }[] }>(child, `{ myConsents { id case { id } } }`)).myConsents;
    expect(mine.find((c) => c.id === consentId)?.case).toEqual({ id: caseId });
  });
});

describe("releasing consents is logged", () => {
  it("consents(caseId) logs one entry per person (subject and giver) for a case member, before the answer leaves", async () => {
    const from = since();
    const consents = (await ok<{ consents: { id: string; note: string | null }[] }>(await asUser(OPENER, caseId), `query ($c: ID!) { consents(caseId: $c) { id note } }`, { c: caseId })).consents;
    expect(consents.map((c) => c.id)).toContain(consentId);
    const log = await samhandlingLog(from, { actorId: OPENER });
    const expected = { actorService: "NAV", categories: ["CASE"], decision: "GRANTED", reason: "CASE_MEMBERSHIP", basis: "CASE", basisReference: caseId };
    expect(log).toContainEqual(expect.objectContaining({ ...expected, personId: CHILD }));
    expect(log).toContainEqual(expect.objectContaining({ ...expected, personId: GUARDIAN }));
  });

  it("myConsents logs the release to the giver, and the subject sees it in their own access log", async () => {
    const from = since();
    await ok(await asUser(GUARDIAN), `{ myConsents { id childView note } }`);
    const log = await samhandlingLog(from, { actorId: `citizen-${GUARDIAN}` });
    expect(log).toContainEqual(expect.objectContaining({ personId: CHILD, categories: ["CASE"], decision: "GRANTED", reason: "CONSENT_GIVER", basis: "CASE", basisReference: caseId }));

    const mine = await ok<{ me: { samhandlingAccessLog: Entry[] } }>(await asUser(CHILD), `{ me { samhandlingAccessLog { ${ENTRY} } } }`);
    expect(mine.me.samhandlingAccessLog).toContainEqual(expect.objectContaining({ actorId: `citizen-${GUARDIAN}`, reason: "CONSENT_GIVER", categories: ["CASE"] }));
  });

  it("a refusal to someone outside the case is logged as RESTRICTED for its subjects", async () => {
    const from = since();
    const res = await gateway(`query ($c: ID!) { consents(caseId: $c) { id } }`, { c: caseId }, await asUser(OUTSIDER, caseId));
    // As for an unknown case: the id reveals nothing.
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(res.data?.consents ?? null).toBeNull();
    const log = await samhandlingLog(from, { actorId: OUTSIDER });
    expect(log).toContainEqual(expect.objectContaining({ personId: CHILD, categories: ["CASE"], decision: "RESTRICTED", reason: "NOT_A_MEMBER" }));
  });

  it("recordConsentForm and refuseConsent log the record they answer with", async () => {
    const from = since();
    const released = async () =>
      (await samhandlingLog(from, { actorId: OPENER, personId: GUARDIAN })).filter((e) => e.reason === "CASE_MEMBERSHIP" && e.categories.join() === "CASE").length;
    const before = await released();
    const common = { caseId, subjectId: CHILD, givenById: GUARDIAN, capacity: "GUARDIAN", ...(childAge() >= 7 ? { childView: "Vil helst ikke." } : {}) };
    await ok(await asUser(OPENER), `mutation ($input: RecordConsentFormInput!) { recordConsentForm(input: $input) { id note } }`, {
      input: { ...common, services: ["NAV"], categories: ["INVOLVEMENT"], formReference: "Samtykkeskjema, testarkiv" },
    });
    expect(await released()).toBe(before + 1);
    await ok(await asUser(OPENER), `mutation ($input: RefuseConsentInput!) { refuseConsent(input: $input) { id note } }`, {
      input: { ...common, services: ["FRIVILLIGHET"] },
    });
    expect(await released()).toBe(before + 2);
  });

  it("withdrawConsent logs the record it answers with", async () => {
    const from = since();
    const released = async () =>
      (await samhandlingLog(from, { actorId: OPENER, personId: GUARDIAN })).filter((e) => e.reason === "CASE_MEMBERSHIP" && e.categories.join() === "CASE").length;
    const before = await released();
    await ok(await asUser(OPENER), `mutation ($id: ID!) { withdrawConsent(id: $id) { id note withdrawnAt } }`, { id: consentId });
    // The giver's entry: the answer names who gave it (the case's own look logs only its subjects).
    expect(await released()).toBe(before + 1);
  });
});
