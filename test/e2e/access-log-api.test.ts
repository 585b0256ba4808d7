// Reading the access log: a person sees who has looked at their data in every
// service; a service's auditors read that service's log, and no one else does —
// not another service's auditor, not a caseworker, not a citizen asking about
// someone else. The population register's log is read by its own auditors.
import { beforeAll, describe, expect, it } from "vitest";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoPersonId, fjordvik } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { asUser, gateway } from "../support/graphql.ts";

const world = fjordvik();
const SARA = demoUser("citizen")!.claims.personId!;
/** One of Sara's children, whom she sees through her parental responsibility. */
const CHILD = world.registry.guardianship.find((g) => g.guardianId === SARA && g.parentalResponsibility)!.childId;
const TOR = demoPersonId("eriksen", "Tor");
const CASE = demoCaseId("haugland");
const LOOKER = "nav-veileder-1";

type Entry = { at: string; actorId: string; actorService: string; personId: string; categories: string[]; caseId: string | null; decision: string; reason: string };
const ENTRY = "at actorId actorService personId categories caseId decision reason";

let startedAt: string;

beforeAll(async () => {
  startedAt = new Date(Date.now() - 1000).toISOString();
  // A member of the Haugland case looks at Sara: registry (identity) and NAV (its own records) log it.
  const res = await gateway(`query ($id: ID!) { person(id: $id) { givenName nav { access { status } involved } } }`, { id: SARA }, await asUser(LOOKER, CASE));
  expect(res.errors).toBeUndefined();
});

const fresh = (entries: Entry[]) => entries.filter((e) => e.at >= startedAt);

describe("a citizen's own access log", () => {
  it("shows who looked at their data, in each service, newest first", async () => {
    const selection = SERVICE_NAMES.map((s) => `${s}AccessLog { ${ENTRY} }`).join(" ");
    const res = await gateway<{ me: Record<string, Entry[] | null> }>(`{ me { id ${selection} } }`, {}, await asUser("citizen"));
    expect(res.errors).toBeUndefined();
    for (const s of SERVICE_NAMES) expect(res.data!.me[`${s}AccessLog`], s).toEqual(expect.any(Array));
    const nav = res.data!.me.navAccessLog!;
    expect(nav.every((e) => e.personId === SARA)).toBe(true);
    expect(fresh(nav)).toContainEqual(expect.objectContaining({ actorId: LOOKER, actorService: "NAV", caseId: CASE, decision: "GRANTED", reason: "OWN_SERVICE" }));
    expect(fresh(res.data!.me.registryAccessLog!)).toContainEqual(expect.objectContaining({ actorId: LOOKER, categories: ["IDENTITY"], decision: "GRANTED" }));
    const times = nav.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("is shown to a guardian with parental responsibility for their child under 16 (issue 17)", async () => {
    // Before issue 17 only auditors could see who looked at a small child's data.
    const childAsked = await gateway<{ person: { id: string; navAccessLog: Entry[] | null } | null }>(
      `query ($id: ID!) { person(id: $id) { id navAccessLog { ${ENTRY} } } }`,
      { id: CHILD },
      await asUser("citizen"),
    );
    expect(childAsked.errors).toBeUndefined();
    expect(childAsked.data!.person!.navAccessLog).toEqual(expect.any(Array));
    expect(childAsked.data!.person!.navAccessLog!.every((e) => e.personId === CHILD)).toBe(true);
    // The look itself is logged, as the guardian's innsyn into the child's log.
    expect(childAsked.data!.person!.navAccessLog).toContainEqual(expect.objectContaining({ actorId: demoUser("citizen")!.claims.sub, categories: ["ACCESS_LOG"], reason: "PARENTAL_RESPONSIBILITY" }));
  });

  it("is null for anyone else: a parent about their child from 16, a citizen about a stranger, a caseworker about a case subject", async () => {
    // Emma is 17: from 16 the youth alone sees who looked at her data.
    const anne = await asUser(demoPersonId("nilsen", "Anne"));
    const youth = await gateway<{ person: { id: string; navAccessLog: Entry[] | null } | null }>(
      `query ($id: ID!) { person(id: $id) { id navAccessLog { ${ENTRY} } } }`,
      { id: demoPersonId("nilsen", "Emma") },
      anne,
    );
    expect(youth.errors).toBeUndefined();
    expect(youth.data!.person).toEqual({ id: demoPersonId("nilsen", "Emma"), navAccessLog: null });

    const stranger = await gateway<{ person: unknown }>(`query ($id: ID!) { person(id: $id) { id navAccessLog { ${ENTRY} } } }`, { id: TOR }, await asUser("citizen"));
    expect(stranger.data!.person).toBeNull();

    const caseworker = await gateway<{ person: { navAccessLog: Entry[] | null; samhandlingAccessLog: Entry[] | null } }>(
      `query ($id: ID!) { person(id: $id) { navAccessLog { ${ENTRY} } samhandlingAccessLog { ${ENTRY} } } }`,
      { id: SARA },
      await asUser(LOOKER, CASE),
    );
    expect(caseworker.errors).toBeUndefined();
    expect(caseworker.data!.person).toEqual({ navAccessLog: null, samhandlingAccessLog: null });
  });

  it("follows the token: a citizen signed in as someone else gets that person's log, never the one asked about", async () => {
    const other = await asUser(TOR);
    const res = await gateway<{ person: unknown; me: { id: string; navAccessLog: Entry[] } }>(
      `query ($id: ID!) { person(id: $id) { id } me { id navAccessLog { personId } } }`,
      { id: SARA },
      other,
    );
    expect(res.data!.person).toBeNull();
    expect(res.data!.me.id).toBe(TOR);
    expect(res.data!.me.navAccessLog.every((e) => e.personId === TOR)).toBe(true);
  });
});

describe("a service's audit log", () => {
  const AUDIT = (service: string) => `query ($p: ID, $from: DateTime) { log: ${service}AuditLog(personId: $p, from: $from) { ${ENTRY} } }`;

  it("is read by that service's auditors", async () => {
    const res = await gateway<{ log: Entry[] }>(AUDIT("nav"), { p: SARA, from: startedAt }, await asUser("nav-auditor"));
    expect(res.errors).toBeUndefined();
    expect(res.data!.log).toContainEqual(expect.objectContaining({ actorId: LOOKER, personId: SARA, decision: "GRANTED", reason: "OWN_SERVICE" }));
  });

  it("logs every audit read itself: who searched whose entries, when — and the person sees it as an audit (issue 17)", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const searched = await gateway<{ log: Entry[] }>(AUDIT("nav"), { p: SARA, from: startedAt }, await asUser("nav-auditor"));
    expect(searched.errors).toBeUndefined();
    // The next read finds the first one among the log's entries about Sara…
    const again = await gateway<{ log: Entry[] }>(AUDIT("nav"), { p: SARA, from }, await asUser("nav-auditor"));
    expect(again.data!.log).toContainEqual(expect.objectContaining({ actorId: "nav-auditor-1", actorService: "NAV", personId: SARA, categories: ["ACCESS_LOG"], decision: "GRANTED", reason: "AUDIT", caseId: null }));
    // …and Sara sees it in her own innsyn, as an audit.
    const mine = await gateway<{ me: { navAccessLog: Entry[] } }>(`{ me { navAccessLog { ${ENTRY} } } }`, {}, await asUser("citizen"));
    expect(mine.data!.me.navAccessLog.filter((e) => e.at >= from && e.reason === "AUDIT")).toContainEqual(expect.objectContaining({ actorId: "nav-auditor-1", categories: ["ACCESS_LOG"] }));
    // A search by actor logs every person whose entries it returned.
    const byActor = await gateway<{ log: Entry[] }>(`query ($a: String, $from: DateTime) { log: navAuditLog(actorId: $a, from: $from) { ${ENTRY} } }`, { a: LOOKER, from: startedAt }, await asUser("nav-auditor"));
    const persons = [...new Set(byActor.data!.log.map((e) => e.personId))];
    expect(persons.length).toBeGreaterThan(0);
    const audits = await gateway<{ log: Entry[] }>(`query ($a: String, $from: DateTime) { log: navAuditLog(actorId: $a, from: $from) { ${ENTRY} } }`, { a: "nav-auditor-1", from }, await asUser("nav-auditor"));
    for (const personId of persons) expect(audits.data!.log).toContainEqual(expect.objectContaining({ personId, reason: "AUDIT" }));
  });

  it.each([
    ["another service's auditor", "skole-auditor"],
    ["a caseworker of the service itself", LOOKER],
    ["the hub's coordinator", "coordinator"],
    ["a citizen, about themself", "citizen"],
    ["the register's auditor", "registry-auditor"],
  ])("is refused to %s", async (_who, key) => {
    const res = await gateway<{ log: Entry[] }>(AUDIT("nav"), { p: SARA, from: startedAt }, await asUser(key));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.data?.log ?? null).toBeNull();
  });

  it("is refused without a token", async () => {
    const res = await gateway<{ log: Entry[] }>(AUDIT("nav"), { p: SARA, from: startedAt });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the population register's audit log", () => {
  it("is read by the register's auditors: who looked up whose identity", async () => {
    const res = await gateway<{ registryAuditLog: Entry[] }>(
      `query ($p: ID, $from: DateTime) { registryAuditLog(personId: $p, from: $from) { ${ENTRY} } }`,
      { p: SARA, from: startedAt },
      await asUser("registry-auditor"),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.registryAuditLog).toContainEqual(expect.objectContaining({ actorId: LOOKER, personId: SARA, categories: ["IDENTITY"], decision: "GRANTED", caseId: CASE }));
  });

  it.each([["samhandling's auditor", "samhandling-auditor"], ["NAV's auditor", "nav-auditor"], ["a caseworker", LOOKER], ["a citizen", "citizen"]])(
    "is refused to %s",
    async (_who, key) => {
      const res = await gateway(`{ registryAuditLog { actorId } }`, {}, await asUser(key));
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    },
  );

  it("gives the register's auditor no personal data and no part in cases", async () => {
    const auditor = await asUser("registry-auditor", CASE);
    const person = await gateway<{ person: unknown }>(`query ($id: ID!) { person(id: $id) { id } }`, { id: SARA }, auditor);
    expect(person.data!.person).toBeNull();
    expect(person.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const cases = await gateway(`{ myCases { id } }`, {}, auditor);
    expect(cases.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const opened = await gateway(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      { input: { kind: "ANSVARSGRUPPE", title: "x", subjectIds: [SARA], referral: { kind: "REFERRAL", reference: "x" } } },
      auditor,
    );
    expect(opened.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("treats a register token without the auditor role as no sign-in at all", async () => {
    const clerk = await asUser("registry-saksbehandler-1");
    const res = await gateway(`{ registryAuditLog { actorId } }`, {}, clerk);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const cases = await gateway(`{ myCases { id } }`, {}, clerk);
    expect(cases.errors?.[0]?.message).toMatch(/Sign in first/);
  });
});

describe("the log's closed sets are enums (issue 26)", () => {
  const FULL = "actorId actorService personId categories caseId decision reason basis basisReference";
  type FullEntry = Entry & { basis: string | null; basisReference: string | null };

  it("answers an entry's service, categories, reason and basis as enum values, and what the basis names beside them", async () => {
    const res = await gateway<{ log: FullEntry[] }>(`query ($p: ID, $from: DateTime) { log: navAuditLog(personId: $p, from: $from) { ${FULL} } }`, { p: SARA, from: startedAt }, await asUser("nav-auditor"));
    expect(res.errors).toBeUndefined();
    // The caseworker's look at her own service's records: a legal basis, which names nothing.
    expect(res.data!.log).toContainEqual({
      actorId: LOOKER,
      actorService: "NAV",
      personId: SARA,
      categories: ["SERVICE_DATA", "INVOLVEMENT"],
      caseId: CASE,
      decision: "GRANTED",
      reason: "OWN_SERVICE",
      basis: "OWN_RECORDS",
      basisReference: null,
    });
    // An audit read names the service audited.
    const mine = await gateway<{ me: { navAccessLog: FullEntry[] } }>(`{ me { navAccessLog { ${FULL} } } }`, {}, await asUser("citizen"));
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.me.navAccessLog).toContainEqual(expect.objectContaining({ actorService: "NAV", categories: ["ACCESS_LOG"], reason: "AUDIT", basis: "AUDIT", basisReference: "nav" }));
    // Her own innsyn is logged as hers: a citizen, under her right of access.
    expect(mine.data!.me.navAccessLog).toContainEqual(expect.objectContaining({ actorService: "CITIZEN", categories: ["ACCESS_LOG"], reason: "SELF", basis: "RIGHT_OF_ACCESS" }));
  });

  it("refuses an unknown data category in an input before any service sees it, naming the value and the enum", async () => {
    const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
    const input = { caseId: CASE, subjectId: SARA, capacity: "SELF", services: ["NAV"], categories: ["DIAGNOSES"] };
    const byVariable = await gateway(GRANT, { input }, await asUser("citizen", CASE));
    expect(byVariable.status).toBe(400);
    expect(byVariable.errors?.[0]?.extensions?.code, byVariable.raw).toBe("BAD_USER_INPUT");
    expect(byVariable.errors?.[0]?.message).toMatch(/"DIAGNOSES" does not exist in "DataCategory" enum/);
    expect(byVariable.data?.grantConsent ?? null).toBeNull();
    // Written into the document: the document itself is invalid.
    const inline = await gateway(
      `mutation { grantConsent(input: { caseId: "${CASE}", subjectId: "${SARA}", capacity: SELF, services: [NAV], categories: [DIAGNOSES] }) { id } }`,
      {},
      await asUser("citizen", CASE),
    );
    expect(inline.status).toBe(400);
    expect(inline.errors?.[0]?.extensions?.code, inline.raw).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(inline.errors?.[0]?.message).toMatch(/DataCategory.*DIAGNOSES|DIAGNOSES.*DataCategory/);
  });
});
