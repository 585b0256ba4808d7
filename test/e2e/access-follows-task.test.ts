// Issue 17, "access follows the task", tried from the outside through the
// gateway, finding by finding and rule by rule (docs/access-rules.md). Each
// test says which finding or rule it guards; each fails on the hub before
// issue 17 (a field, a code or an answer that did not exist or was different).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { demoWorld } from "../../demo/index.ts";
import { demoCaseId, demoInformationRequestId, demoPersonId, demoPersons } from "../../demo/fjordvik.ts";
import { asUser, gateway, type GraphQLResponse } from "../support/graphql.ts";
import { ageOn } from "../support/oracle.ts";
import { attestedFormConsent, openCase, registerConcern } from "../support/tasks.ts";
import { startLocalSignIn, type LocalSignIn } from "./local-sign-in.ts";

// The world the shared test federation is seeded with (test/support/federation.setup.ts).
const world = demoWorld({ syntheticFamilies: 30, syntheticSeed: Number(process.env.SEED_SYNTHETIC_SEED ?? 1) });
const demoIds = new Set(demoPersons.map((p) => p.personId));
const birth = new Map(world.registry.person.map((p) => [p.id!, new Date(p.birthDate).toISOString().slice(0, 10)]));
const age = (id: string) => ageOn(birth.get(id)!, new Date());
const householdOf = (id: string) => world.registry.familyMember.find((m) => m.personId === id)?.familyId;
const membersOf = (familyId: string) => world.registry.familyMember.filter((m) => m.familyId === familyId).map((m) => m.personId);

/** Synthetic households only: the demo's cases are other suites' to count. */
const synthetic = world.registry.person.map((p) => p.id!).filter((id) => !demoIds.has(id));
/** A synthetic child under 16 whose guardian holds parental responsibility, with a sibling or parent in the household. */
const guardianship = world.registry.guardianship.find(
  (g) => g.parentalResponsibility && synthetic.includes(g.childId) && age(g.childId) < 16 && age(g.childId) >= 7 && membersOf(householdOf(g.childId)!).length > 1,
)!;
const CHILD = guardianship.childId;
const GUARDIAN = guardianship.guardianId;
/** Two synthetic adults of two different households. */
const adults = synthetic.filter((id) => age(id) >= 25 && householdOf(id));
const ADULT = adults[0]!;
const STRANGER = adults.find((id) => householdOf(id) !== householdOf(ADULT))!;

const NAV = "nav-veileder-2";
const SKOLE = "skole-kontaktlaerer-3";
const BARNEVERN = "barnevern-saksbehandler-1";

const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code as string | undefined;
async function ok<T = Record<string, any>>(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gateway<T>(query, variables, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

const ADD = `mutation ($c: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $c, input: $input) { id actorId displayName service role } }`;
const VIEWS = `query ($id: ID!) { person(id: $id) { id
  nav { access { status reason } } skole { access { status reason } } helse { access { status reason } } frivillighet { access { status reason } } } }`;
type Views = { person: { id: string } & Record<"nav" | "skole" | "helse" | "frivillighet", { access: { status: string; reason: string } }> | null };

/** A case about ADULT opened by NAV from a referral, with SKOLE as a second member: where consents are recorded and attested. */
let adultCase: string;
/** Sign-ins the development provider never gives (a newcomer, two roles at once), verified all the same (local-sign-in.ts). */
let local: LocalSignIn;

beforeAll(async () => {
  local = await startLocalSignIn(42);
  expect(guardianship, "a synthetic child under 16 with a guardian and a household").toBeDefined();
  expect(STRANGER, "two synthetic adults of different households").toBeDefined();
  adultCase = (await openCase(await asUser(NAV), { kind: "ANSVARSGRUPPE", subjectIds: [ADULT], members: [{ actorId: SKOLE, role: "PROFESSIONAL" }] })).id;
});
afterAll(async () => {
  await local?.stop();
});

describe("employees are known (the employee directory)", () => {
  it("refuses an actor id no employee has, where 'nobody-x' as NAV used to be accepted (finding 1)", async () => {
    const res = await gateway(ADD, { c: adultCase, input: { actorId: "nobody-x", role: "PROFESSIONAL" } }, await asUser(NAV, adultCase));
    expect(code(res)).toBe("UNKNOWN_EMPLOYEE");
    expect(res.errors?.[0]?.message).toMatch(/directory/);
    // The service is the directory's: a client cannot even say one.
    const typed = await gateway(ADD, { c: adultCase, input: { actorId: "helse-rus-1", role: "PROFESSIONAL", service: "NAV" } }, await asUser(NAV, adultCase));
    expect(typed.status).toBe(400);
  });

  it("enters a verified sign-in in the directory; a member's service and name are the directory's, never the input's", async () => {
    const newcomer: HubClaims = { sub: `nav-ny-${Date.now()}`, name: "Nina Nyansatt", service: "nav", roles: ["caseworker"] };
    expect(code(await gateway(ADD, { c: adultCase, input: { actorId: newcomer.sub, role: "PROFESSIONAL" } }, await asUser(NAV, adultCase)))).toBe("UNKNOWN_EMPLOYEE");
    expect((await local.send(`{ myCases { id } }`, {}, await local.headers(newcomer))).errors).toBeUndefined();
    const added = await ok<{ addCaseMember: Record<string, string> }>(await asUser(NAV, adultCase), ADD, { c: adultCase, input: { actorId: newcomer.sub, role: "PROFESSIONAL" } });
    expect(added.addCaseMember).toMatchObject({ actorId: newcomer.sub, displayName: "Nina Nyansatt", service: "NAV" });
    // An employee's name is not typed in either.
    const named = await gateway(ADD, { c: adultCase, input: { actorId: "helse-rus-1", displayName: "Noen andre", role: "PROFESSIONAL" } }, await asUser(NAV, adultCase));
    expect(code(named)).toBe("BAD_USER_INPUT");
  });

  it("lets a service's administrators keep their own service's entries only, never their own", async () => {
    const admin = await asUser("nav-admin");
    const { employees } = await ok<{ employees: { actorId: string; service: string; source: string }[] }>(admin, `{ employees { actorId service source } }`);
    expect(employees.length).toBeGreaterThan(5);
    expect(employees.every((e) => e.service === "NAV")).toBe(true);
    const id = `nav-registrert-${Date.now()}`;
    const registered = await ok<{ registerEmployee: Record<string, unknown> }>(admin, `mutation ($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { actorId service unit active source } }`, {
      i: { actorId: id, displayName: "Registrert Før Innlogging", unit: "NAV Fjordvik" },
    });
    expect(registered.registerEmployee).toEqual({ actorId: id, service: "NAV", unit: "NAV Fjordvik", active: true, source: "ADMIN" });
    const UNIT = `mutation ($a: ID!, $u: String) { setEmployeeUnit(actorId: $a, unit: $u) { unit } }`;
    expect((await ok(admin, UNIT, { a: id, u: "Ungdomsteamet" })).setEmployeeUnit).toEqual({ unit: "Ungdomsteamet" });
    // Another service's staff answer as unknown; the administrator's own entry is not theirs to change.
    expect(code(await gateway(UNIT, { a: SKOLE, u: "x" }, admin))).toBe("NOT_FOUND");
    expect(code(await gateway(UNIT, { a: "nav-admin-1", u: "x" }, admin))).toBe("FORBIDDEN");
    for (const other of [await asUser(NAV), await asUser("nav-auditor"), await asUser("skole-admin")]) {
      expect(code(await gateway(UNIT, { a: id, u: "x" }, other))).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    }
    expect(code(await gateway(`{ employees { actorId } }`, {}, await asUser(NAV)))).toBe("FORBIDDEN");
  });

  it("ends a deactivated employee's access from the next request, and their own sign-in does not bring it back", async () => {
    // Frivilligsentralen's leader is in the Haugland group, where Sara's consent opens NAV's data to the members.
    const caseId = demoCaseId("haugland");
    const actor = "frivillighet-koordinator-1";
    const sara = demoPersonId("haugland", "Sara");
    const ACTIVE = `mutation ($a: ID!, $on: Boolean!) { setEmployeeActive(actorId: $a, active: $on) { active } }`;
    const admin = await asUser("frivillighet-admin");
    const navOf = async () => (await gateway<Views>(VIEWS, { id: sara }, await asUser(actor, caseId))).data?.person?.nav.access ?? null;
    expect(await navOf()).toEqual({ status: "GRANTED", reason: "CONSENT" });
    try {
      expect((await ok(admin, ACTIVE, { a: actor, on: false })).setEmployeeActive).toEqual({ active: false });
      expect(await navOf()).toBeNull(); // registry no longer shows her, as for anyone outside the case
      expect((await ok(await asUser(actor, caseId), `query ($id: ID!) { case(id: $id) { id } }`, { id: caseId })).case).toBeNull();
      expect(code(await gateway(ADD, { c: adultCase, input: { actorId: actor, role: "PROFESSIONAL" } }, await asUser(NAV, adultCase)))).toBe("UNKNOWN_EMPLOYEE");
      expect(code(await gateway(`mutation ($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`, { i: { subjectId: CHILD, text: "x" } }, await asUser(actor)))).toBe("UNKNOWN_EMPLOYEE");
    } finally {
      expect((await ok(admin, ACTIVE, { a: actor, on: true })).setEmployeeActive).toEqual({ active: true });
    }
    expect(await navOf()).toEqual({ status: "GRANTED", reason: "CONSENT" });
  });

  it("takes no auditor in as a member: auditors audit and do nothing else", async () => {
    expect(code(await gateway(ADD, { c: adultCase, input: { actorId: "nav-auditor-1", role: "PROFESSIONAL" } }, await asUser(NAV, adultCase)))).toBe("FORBIDDEN");
  });
});

describe("a case starts from a task", () => {
  const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id btiLevel levelDeadline concernRegisteredAt basis basisReference stafettlogg { kind text } } }`;

  it("refuses a case opened from nothing, from someone else's concern, or from the wrong kind of task (finding 1)", async () => {
    const nav = await asUser(NAV);
    const open = (input: Record<string, unknown>) => gateway(OPEN, { input: { title: "x", subjectIds: [CHILD], ...input } }, nav);
    expect(code(await open({ kind: "BTI" }))).toBe("BAD_USER_INPUT");
    expect(code(await open({ kind: "ANSVARSGRUPPE" }))).toBe("BAD_USER_INPUT");
    const theirs = await registerConcern(await asUser(SKOLE), CHILD);
    const unknown = await open({ kind: "BTI", concernId: "bk-nosuchconcern" });
    expect(code(unknown)).toBe("NOT_FOUND");
    // Another employee's concern answers as an unknown one.
    expect((await open({ kind: "BTI", concernId: theirs })).errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    const mine = await registerConcern(nav, CHILD);
    expect(code(await open({ kind: "ANSVARSGRUPPE", concernId: mine }))).toBe("BAD_USER_INPUT");
    expect(code(await open({ kind: "BTI", referral: { kind: "DECISION", reference: "Vedtak 1" } }))).toBe("BAD_USER_INPUT");
    expect(code(await open({ kind: "ANSVARSGRUPPE", referral: { kind: "REFERRAL", reference: " " } }))).toBe("BAD_USER_INPUT");
  });

  it("takes the task's person and people of their registered household, and refuses anyone else alike, naming no one", async () => {
    const nav = await asUser(NAV);
    const referral = { kind: "REFERRAL", reference: "Henvisning, testarkiv 2026/17" };
    const household = membersOf(householdOf(CHILD)!);
    const opened = await ok<{ openCase: { id: string } }>(nav, `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id subjects { id } } }`, {
      input: { kind: "ANSVARSGRUPPE", title: "Husstand", subjectIds: household, referral },
    });
    expect(opened.openCase.id).toMatch(/^c-/);
    const stranger = await gateway(OPEN, { input: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [CHILD, STRANGER], referral } }, nav);
    const unknown = await gateway(OPEN, { input: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [CHILD, "p-nosuchperson"], referral } }, nav);
    expect(code(stranger)).toBe("BAD_USER_INPUT");
    expect(stranger.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(stranger.errors?.[0]?.message).not.toContain(STRANGER);
    expect(JSON.stringify(stranger.errors)).not.toContain(householdOf(STRANGER)!);
  });

  it("starts a BTI case's 14-day clock when the concern was noticed, carries it into the stafettlogg, and opens one case per concern", async () => {
    const skole = await asUser(SKOLE);
    const noticed = new Date(Date.now() - 10 * 86_400_000);
    const { registerConcern: c } = await ok<{ registerConcern: { id: string } }>(skole, `mutation ($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`, {
      i: { subjectId: CHILD, text: "Har vært borte fra skolen mange dager.", noticedAt: noticed.toISOString() },
    });
    const opened = (await ok(skole, OPEN, { input: { kind: "BTI", title: "BTI", subjectIds: [CHILD], concernId: c.id } })).openCase;
    expect(opened).toMatchObject({ btiLevel: 0, basis: "CONCERN", concernRegisteredAt: noticed.toISOString(), stafettlogg: [{ kind: "CONCERN", text: "Har vært borte fra skolen mange dager." }] });
    // Counted in Oslo's calendar, as the rules count it: within the hour before Oslo's midnight the UTC date is a day behind.
    expect(Date.parse(opened.levelDeadline) - Date.parse(todayInOslo(noticed))).toBeLessThanOrEqual(14 * 86_400_000);
    expect(code(await gateway(OPEN, { input: { kind: "BTI", title: "igjen", subjectIds: [CHILD], concernId: c.id } }, skole))).toBe("CONFLICT");
    const mine = (await ok<{ myConcerns: { id: string; caseId: string | null }[] }>(skole, `{ myConcerns { id caseId } }`)).myConcerns;
    expect(mine).toContainEqual({ id: c.id, caseId: opened.id });
  });

  it("releases nothing by opening a case: barnevern opening one about any child sees none of the other services' data (finding 2)", async () => {
    const barnevern = await asUser(BARNEVERN);
    const caseId = (await openCase(barnevern, { kind: "BTI", subjectIds: [CHILD] })).id;
    const views = (await ok<Views>(await asUser(BARNEVERN, caseId), VIEWS, { id: CHILD })).person!;
    for (const service of ["nav", "skole", "helse", "frivillighet"] as const) expect(views[service].access, service).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT" });
  });
});

describe("consent is the person's act", () => {
  const FORM = `mutation ($i: RecordConsentFormInput!) { recordConsentForm(input: $i) { id channel pending active formReference } }`;
  const ATTEST = `mutation ($id: ID!) { attestConsent(id: $id) { id pending active attestedBy } }`;
  const adultSelf = { subjectId: ADULT, capacity: "SELF", categories: ["SERVICE_DATA"] };

  it("refuses an employee's grantConsent as the person themself, which used to unlock any adult's data (finding 3)", async () => {
    const nav = await asUser(NAV, adultCase);
    const res = await gateway(`mutation ($i: GrantConsentInput!) { grantConsent(input: $i) { id } }`, { i: { caseId: adultCase, ...adultSelf, givenById: ADULT, services: ["HELSE"] } }, nav);
    expect(code(res)).toBe("FORBIDDEN");
    expect(res.errors?.[0]?.message).toMatch(/recordConsentForm/);
    expect((await ok<Views>(nav, VIEWS, { id: ADULT })).person!.helse.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT" });
  });

  it("counts a form recorded by one member only once a second member has attested it; the person sees who did each, and withdraws it", async () => {
    const nav = await asUser(NAV, adultCase);
    const skole = await asUser(SKOLE, adultCase);
    const recorded = (await ok(nav, FORM, { i: { caseId: adultCase, ...adultSelf, givenById: ADULT, services: ["FRIVILLIGHET"], formReference: "Samtykkeskjema, NAV arkiv 26/1717-1" } })).recordConsentForm;
    expect(recorded).toMatchObject({ channel: "PAPER_FORM", pending: true, active: false, formReference: "Samtykkeskjema, NAV arkiv 26/1717-1" });
    const frivillighet = async () => (await ok<Views>(nav, VIEWS, { id: ADULT })).person!.frivillighet.access;
    expect(await frivillighet()).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT" });
    // No employee alone: the recorder cannot attest their own form.
    expect(code(await gateway(ATTEST, { id: recorded.id }, nav))).toBe("FORBIDDEN");
    expect((await ok(skole, ATTEST, { id: recorded.id })).attestConsent).toEqual({ id: recorded.id, pending: false, active: true, attestedBy: SKOLE });
    expect(await frivillighet()).toEqual({ status: "GRANTED", reason: "CONSENT" });

    const person = await asUser(ADULT);
    const mine = (await ok<{ myConsents: Record<string, unknown>[] }>(person, `{ myConsents { id channel formReference recordedBy recordedByName attestedBy attestedByName } }`)).myConsents;
    expect(mine).toContainEqual({
      id: recorded.id, channel: "PAPER_FORM", formReference: "Samtykkeskjema, NAV arkiv 26/1717-1",
      recordedBy: NAV, recordedByName: "Morten Aas", attestedBy: SKOLE, attestedByName: "Tone Hagen",
    });
    await ok(person, `mutation ($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`, { id: recorded.id });
    expect(await frivillighet()).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT" });
  });

  it("takes effect at once when the person gives it signed in; a sign-in that states a lower level of assurance cannot (hook for issue 19)", async () => {
    const give = (headers: Record<string, string>) =>
      gateway<{ grantConsent: { id: string; channel: string } }>(`mutation ($i: GrantConsentInput!) { grantConsent(input: $i) { id channel } }`, { i: { caseId: adultCase, ...adultSelf, services: ["NAV"] } }, headers);
    const substantial = await give(await asUser(ADULT, undefined, "idporten-loa-substantial"));
    expect(code(substantial)).toBe("ASSURANCE_TOO_LOW");
    const given = await give(await asUser(ADULT, undefined, "idporten-loa-high"));
    expect(given.errors).toBeUndefined();
    expect(given.data!.grantConsent.channel).toBe("DIGITAL");
    // NAV sees its own records anyway; the school, a member, now sees NAV's.
    expect((await ok<Views>(await asUser(SKOLE, adultCase), VIEWS, { id: ADULT })).person!.nav.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    await ok(await asUser(ADULT), `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: given.data!.grantConsent.id });
  });

  it("shows a guardian the consents the other guardian gave about their child, and lets them withdraw one", async () => {
    // Emma's parents each gave one for school, NAV and the voluntary sector (demo): Trond sees Anne's too.
    const trond = await asUser(demoPersonId("nilsen", "Trond"));
    const mine = (await ok<{ myConsents: { id: string; givenBy: { id: string } }[] }>(trond, `{ myConsents { id givenBy { id } } }`)).myConsents;
    expect(mine.map((c) => c.givenBy.id)).toContain(demoPersonId("nilsen", "Anne"));
  });
});

describe("the duty to inform barnevern is a request, not a key", () => {
  const REQUEST = demoInformationRequestId("haugland");
  const JONAS = demoPersonId("haugland", "Jonas");
  const REVIEW = `query ($r: Boolean) { skoleReviewList(reviewed: $r) { entryId personId actorId caseId reason basis basisReference extraordinary reviewedBy reviewNote } }`;
  type Review = { entryId: string; personId: string; actorId: string; caseId: string; reason: string; basis: string; basisReference: string; extraordinary: boolean; reviewedBy: string | null; reviewNote: string | null };

  it("releases the asked services' data about the child to its barnevern employees only, flagged for the releasing service's review", async () => {
    const onIt = await asUser(BARNEVERN, REQUEST);
    const views = (await ok<Views>(onIt, VIEWS, { id: JONAS })).person!;
    expect(views.skole.access).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });
    expect(views.helse.access).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });
    expect(views.nav.access).toEqual({ status: "RESTRICTED", reason: "NOT_REQUESTED" });
    // Not his sister, not to a barnevern employee off the investigation, not to anyone else declaring it.
    expect((await ok<Views>(onIt, VIEWS, { id: demoPersonId("haugland", "Ella") })).person).toBeNull();
    expect((await ok<Views>(await asUser("barnevern-ettervern-1", REQUEST), VIEWS, { id: JONAS })).person).toBeNull();
    expect((await ok<Views>(await asUser("skole-kontaktlaerer-1", REQUEST), VIEWS, { id: JONAS })).person).toBeNull();

    // The school's auditors find the release on their review list, flagged, and mark it reviewed once.
    const auditor = await asUser("skole-auditor");
    const pending = (await ok<{ skoleReviewList: Review[] }>(auditor, REVIEW, { r: false })).skoleReviewList;
    const release = pending.find((e) => e.personId === JONAS && e.caseId === REQUEST && e.actorId === BARNEVERN)!;
    expect(release).toMatchObject({ reason: "INFORMATION_REQUEST", basis: "INFORMATION_REQUEST", basisReference: REQUEST, extraordinary: true, reviewedBy: null });
    const MARK = `mutation ($e: ID!, $n: String!) { markSkoleReviewed(entryId: $e, note: $n) }`;
    expect((await ok(auditor, MARK, { e: release.entryId, n: "Innenfor anmodningen og perioden." })).markSkoleReviewed).toBe(true);
    expect(code(await gateway(MARK, { e: release.entryId, n: "igjen" }, auditor))).toBe("CONFLICT");
    const reviewed = (await ok<{ skoleReviewList: Review[] }>(auditor, REVIEW, { r: true })).skoleReviewList;
    expect(reviewed).toContainEqual(expect.objectContaining({ entryId: release.entryId, reviewedBy: "skole-auditor-1", reviewNote: "Innenfor anmodningen og perioden." }));
    // Only the releasing service's auditors.
    for (const other of [await asUser("nav-auditor"), await asUser("skole-kontaktlaerer-1")]) expect(code(await gateway(REVIEW, { r: null }, other))).toBe("FORBIDDEN");
  });

  it("is recorded by barnevern only, for a child, asking other services, naming barnevern's employees; it ends when closed", async () => {
    const barnevern = await asUser(BARNEVERN);
    const REQUEST_INFO = `mutation ($i: RequestInformationInput!) { requestInformation(input: $i) { id open validFrom validTo services } }`;
    const input = { childId: CHILD, services: ["SKOLE", "HELSE"], reference: "Undersøkelse 2026/1717", memberActorIds: ["barnevern-saksbehandler-2"] };
    expect(code(await gateway(REQUEST_INFO, { i: input }, await asUser(SKOLE)))).toBe("FORBIDDEN");
    expect(code(await gateway(REQUEST_INFO, { i: { ...input, childId: ADULT } }, barnevern))).toBe("BAD_USER_INPUT");
    expect(code(await gateway(REQUEST_INFO, { i: { ...input, services: ["BARNEVERN"] } }, barnevern))).toBe("BAD_USER_INPUT");
    expect(code(await gateway(REQUEST_INFO, { i: { ...input, memberActorIds: [SKOLE] } }, barnevern))).toBe("BAD_USER_INPUT");
    const made = (await ok(barnevern, REQUEST_INFO, { i: input })).requestInformation;
    expect(made).toMatchObject({ open: true, services: ["SKOLE", "HELSE"] });
    // The configured period: 30 days.
    expect(Date.parse(made.validTo) - Date.parse(made.validFrom)).toBe(30 * 86_400_000);
    const skole = async () => (await gateway<Views>(VIEWS, { id: CHILD }, await asUser("barnevern-saksbehandler-2", made.id))).data?.person?.skole.access ?? null;
    expect(await skole()).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });

    // The guardian does not see releases under the request while it is open; once it has closed, they do.
    const guardian = await asUser(GUARDIAN);
    const LOG = `query ($id: ID!) { person(id: $id) { skoleAccessLog { caseId reason extraordinary } } }`;
    const underRequest = async () => (await ok<{ person: { skoleAccessLog: { caseId: string | null }[] } }>(guardian, LOG, { id: CHILD })).person.skoleAccessLog.filter((e) => e.caseId === made.id);
    expect(await underRequest()).toEqual([]);
    // The child's own innsyn is not held back.
    const child = await ok<{ me: { skoleAccessLog: { caseId: string | null }[] } }>(await asUser(CHILD), `{ me { skoleAccessLog { caseId } } }`);
    expect(child.me.skoleAccessLog.filter((e) => e.caseId === made.id).length).toBeGreaterThan(0);

    const closed = (await ok(barnevern, `mutation ($id: ID!) { closeInformationRequest(id: $id, reason: "Undersøkelsen er avsluttet.") { open closedAt } }`, { id: made.id })).closeInformationRequest;
    expect(closed.open).toBe(false);
    expect(await skole()).toBeNull();
    expect(await underRequest()).toContainEqual({ caseId: made.id, reason: "INFORMATION_REQUEST", extraordinary: true });
  });
});

describe("roles apart", () => {
  it("refuses an auditor case work, consents and personal data, whatever other roles the sign-in carries (finding 4)", async () => {
    const auditor = await asUser("nav-auditor");
    expect(code(await gateway(`mutation ($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`, { i: { subjectId: CHILD, text: "x" } }, auditor))).toBe("FORBIDDEN");
    const open = await gateway(`mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [ADULT], referral: { kind: "REFERRAL", reference: "x" } } }, auditor);
    expect(code(open)).toBe("FORBIDDEN");
    const form = await gateway(`mutation ($i: RecordConsentFormInput!) { recordConsentForm(input: $i) { id } }`, { i: { caseId: adultCase, subjectId: ADULT, givenById: ADULT, capacity: "SELF", services: ["NAV"], categories: ["SERVICE_DATA"], formReference: "x" } }, auditor);
    expect(code(form)).toBe("FORBIDDEN");
    const person = await gateway<Views>(VIEWS, { id: ADULT }, await asUser("nav-auditor", adultCase));
    expect(person.data?.person ?? null).toBeNull();
    expect(code(person)).toBe("FORBIDDEN");
    // A member of a case whose sign-in also says auditor is an auditor: nothing through the case.
    const both = await local.headers({ sub: NAV, name: "Morten Aas", service: "nav", roles: ["caseworker", "auditor"] }, adultCase);
    expect(code(await local.send(`query ($id: ID!) { case(id: $id) { id } consents(caseId: $id) { id } }`, { id: adultCase }, both))).toBe("FORBIDDEN");
    expect((await local.send<Views>(VIEWS, { id: ADULT }, both)).data?.person ?? null).toBeNull();
    // That sign-in put the auditor role in his directory entry, so he cannot be added to a case meanwhile; his usual sign-in takes it out again.
    expect(code(await gateway(ADD, { c: demoCaseId("eriksen"), input: { actorId: NAV, role: "PROFESSIONAL" } }, await asUser("nav-veileder-2", demoCaseId("eriksen"))))).toMatch(/^(FORBIDDEN|CONFLICT)$/);
    await ok(await asUser(NAV), `{ myCases { id } }`);
  });
});

describe("purpose everywhere", () => {
  it("refuses consents(caseId: B) within case A, and logs a look at B's consents under B (finding 5)", async () => {
    const nav = NAV;
    const other = (await openCase(await asUser(nav), { kind: "ANSVARSGRUPPE", subjectIds: [CHILD] })).id;
    const CONSENTS = `query ($c: ID!) { consents(caseId: $c) { id } }`;
    const mismatch = await gateway(CONSENTS, { c: other }, await asUser(nav, adultCase));
    expect(code(mismatch)).toBe("PURPOSE_MISMATCH");
    expect(mismatch.errors?.[0]?.message).toContain(`X-Case-Id: ${other}`);
    const headers = await asUser(nav, other);
    // A consent in B (the guardian's form, recorded), so that reading B's consents releases something.
    await ok(headers, `mutation ($i: RecordConsentFormInput!) { recordConsentForm(input: $i) { id } }`, {
      i: { caseId: other, subjectId: CHILD, givenById: GUARDIAN, capacity: "GUARDIAN", services: ["SKOLE"], categories: ["INVOLVEMENT"], childView: "Greit.", formReference: "Skjema 1" },
    });
    const from = new Date().toISOString();
    expect((await ok<{ consents: unknown[] }>(headers, CONSENTS, { c: other })).consents).toHaveLength(1);
    const { samhandlingAuditLog } = await ok<{ samhandlingAuditLog: { caseId: string; categories: string[]; reason: string }[] }>(
      await asUser("samhandling-auditor"),
      `query ($a: String, $f: DateTime) { samhandlingAuditLog(actorId: $a, from: $f) { caseId categories reason } }`,
      { a: nav, f: from },
    );
    expect(samhandlingAuditLog.length).toBeGreaterThan(0);
    expect(samhandlingAuditLog.every((e) => e.caseId === other)).toBe(true);
  });

  it("shows a listed case's own data only within that case, and names each case in the log", async () => {
    const nav = NAV;
    const headers = await asUser(nav, adultCase);
    // A case's members are its own data: listed cases other than the declared one refuse them.
    const res = await gateway<{ myCases: { id: string; members: unknown[] }[] | null }>(`{ myCases { id title members { id } } }`, {}, headers);
    expect(new Set(res.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["PURPOSE_MISMATCH"]));
    expect(JSON.stringify(res.data ?? null)).not.toMatch(/"m-/);
    // Within the declared case they are there.
    expect((await ok(headers, `query ($id: ID!) { case(id: $id) { members { id } } }`, { id: adultCase })).case.members.length).toBeGreaterThan(1);
    // The work list itself (ids, titles) is there, and each listed case's look is logged under that case.
    const from = new Date().toISOString();
    const mine = await ok<{ myCases: { id: string; title: string }[] }>(headers, `{ myCases { id title } }`);
    expect(mine.myCases.map((c) => c.id)).toContain(adultCase);
    const log = await ok<{ samhandlingAuditLog: { caseId: string | null; categories: string[] }[] }>(
      await asUser("samhandling-auditor"),
      `query ($a: String, $f: DateTime) { samhandlingAuditLog(actorId: $a, from: $f) { caseId categories } }`,
      { a: nav, f: from },
    );
    const cases = new Set(log.samhandlingAuditLog.filter((e) => e.categories.join() === "CASE").map((e) => e.caseId));
    expect([...cases].sort()).toEqual(mine.myCases.map((c) => c.id).sort());
  });
});
