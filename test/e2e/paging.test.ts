// Cursor paging through the real gateway (services/kit/paging.ts): paging
// forward through a list gives each entry once, in order, and the last page
// says so; a bad cursor or page size is refused; and what the access rules
// hide is neither shown nor counted. Unit tests of the kit: test/paging.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser, callAs, gateway, okAs, type GraphQLResponse } from "../support/graphql.ts";

const OPENER = "skole-kontaktlaerer-1"; // skole: opens the case; no consent opens health's entries to it
const HEALTH = "helse-helsesykepleier-1";

type Vars = Record<string, unknown>;
type PageInfo = { hasNextPage: boolean; endCursor: string | null };

// `any` here: these suites read deep into answers whose shapes differ query by query.
const call = <T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string) => callAs<T>(actor, query, variables, caseId);
const ok = <T = Record<string, any>>(actor: string, query: string, variables: Vars = {}, caseId?: string) => okAs<T>(actor, query, variables, caseId);

const REGISTER = `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`;
const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
const APPEND = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id } }`;
const LOG = `query ($id: ID!) { case(id: $id) { stafettlogg { id authorService } } }`;
const PAGE = `query ($id: ID!, $first: Int, $after: String) { case(id: $id) {
  stafettloggPage(first: $first, after: $after) { edges { cursor node { id authorService text } } pageInfo { hasNextPage endCursor } } } }`;

type Entry = { id: string; authorService: string; text: string };
type StafettloggPage = { edges: { cursor: string; node: Entry }[]; pageInfo: PageInfo };

/** Every page of the case's stafettlogg as `actor` reads it, `first` at a time. */
async function allPages(actor: string, caseId: string, first: number): Promise<StafettloggPage[]> {
  const pages: StafettloggPage[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: StafettloggPage = (await ok<{ case: { stafettloggPage: StafettloggPage } }>(actor, PAGE, { id: caseId, first, after }, caseId)).case.stafettloggPage;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}

describe("the stafettlogg a page at a time", () => {
  // A BTI case where the school writes 7 entries after its concern and health 5, interleaved, health's last three at the end.
  let caseId = "";
  beforeAll(async () => {
    const subjectId = demoPersonId("rahimi", "Zahra");
    const concernId = (await ok(OPENER, REGISTER, { input: { subjectId, text: "Bekymring fra skolen (paging)." } })).registerConcern.id;
    caseId = (await ok(OPENER, OPEN, { input: { kind: "BTI", title: "BTI – paging", subjectIds: [subjectId], concernId } })).openCase.id;
    await ok(OPENER, ADD, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
    const writers = [OPENER, OPENER, HEALTH, OPENER, HEALTH, OPENER, OPENER, OPENER, OPENER, HEALTH, HEALTH, HEALTH];
    for (const [i, actor] of writers.entries()) await ok(actor, APPEND, { caseId, input: { kind: "NOTE", text: `Notat ${i + 1}` } });
  });

  it("gives every readable entry once, in the list's order, and the last page says there is no next", async () => {
    const whole = (await ok(OPENER, LOG, { id: caseId }, caseId)).case.stafettlogg as { id: string; authorService: string }[];
    expect(whole.map((e) => e.authorService)).toEqual(Array(8).fill("SKOLE")); // the concern and seven notes
    const pages = await allPages(OPENER, caseId, 3);
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.id))).toEqual(whole.map((e) => e.id));
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const p of pages) expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
    // Page sizes that divide the list exactly, and one page of all.
    expect((await allPages(OPENER, caseId, 4)).map((p) => p.edges.length)).toEqual([4, 4]);
    expect((await allPages(OPENER, caseId, 100)).map((p) => p.pageInfo)).toEqual([{ hasNextPage: false, endCursor: expect.any(String) }]);
  });

  it("neither shows nor counts entries the reader may not read", async () => {
    // Health's last three entries come after the school's last: a page that counted them would say another follows.
    const pages = await allPages(OPENER, caseId, 8);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.edges.every((e) => e.node.authorService === "SKOLE")).toBe(true);
    expect(pages[0]!.pageInfo.hasNextPage).toBe(false);
    // Health reads its own five (no consent opens the school's to it), paged alike.
    const health = await allPages(HEALTH, caseId, 2);
    expect(health.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(health.flatMap((p) => p.edges.map((e) => e.node.text))).toEqual(["Notat 3", "Notat 5", "Notat 10", "Notat 11", "Notat 12"]);
    // A cursor of health's is only a place in the order: the school, given one, still reads only its own entries after it.
    const fromHealth = (await ok(OPENER, PAGE, { id: caseId, first: 100, after: health[0]!.pageInfo.endCursor }, caseId)).case.stafettloggPage as StafettloggPage;
    expect(fromHealth.edges.map((e) => e.node.text)).toEqual(["Notat 6", "Notat 7", "Notat 8", "Notat 9"]); // after health's "Notat 5"
  });

  it("refuses a malformed cursor and a page size outside 1 to 100 with BAD_USER_INPUT", async () => {
    for (const vars of [{ after: "not-a-cursor" }, { after: Buffer.from('["stafettlogg","x"]').toString("base64url") }, { first: 0 }, { first: 101 }]) {
      const res = await call(OPENER, PAGE, { id: caseId, ...vars }, caseId);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message).toMatch(/^(after is not a cursor from this list|first must be between 1 and 100)/);
    }
  });
});

describe("an audit log a page at a time", () => {
  const LOOKER = "nav-veileder-1"; // a member of the Haugland case
  type AuditEntry = { entryId: string; personId: string; at: string };
  type AuditPage = { edges: { cursor: string; node: AuditEntry }[]; pageInfo: PageInfo };
  const AUDIT_PAGE = `query ($from: DateTime, $to: DateTime, $first: Int, $after: String) {
    page: navAuditLogPage(from: $from, to: $to, first: $first, after: $after) { edges { cursor node { entryId personId at } } pageInfo { hasNextPage endCursor } } }`;
  const AUDIT_LIST = `query ($from: DateTime, $to: DateTime) { log: navAuditLog(from: $from, to: $to) { entryId personId at } }`;
  let from = "";
  let to = "";

  beforeAll(async () => {
    from = new Date(Date.now() - 1).toISOString();
    // Each look at the family's NAV views is one log row about several persons: pages of 3 cut through rows.
    for (let i = 0; i < 4; i++) {
      const res = await gateway(`query ($id: ID!) { family(id: $id) { members { person { nav { access { status } } } } } }`, { id: demoFamilyId("haugland") }, await asUser(LOOKER, demoCaseId("haugland")));
      expect(res.errors).toBeUndefined();
    }
    await new Promise((r) => setTimeout(r, 5));
    to = new Date().toISOString();
  });

  it("gives the same entries as the list, once each and in its order, and ends", async () => {
    const auditor = await asUser("nav-auditor");
    const whole = (await gateway<{ log: AuditEntry[] }>(AUDIT_LIST, { from, to }, auditor)).data!.log;
    const rows = new Set(whole.map((e) => e.entryId));
    expect(whole.length).toBeGreaterThan(rows.size); // some row is about several persons
    const seen: AuditEntry[] = [];
    const more: boolean[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const res: GraphQLResponse<{ page: AuditPage }> = await gateway<{ page: AuditPage }>(AUDIT_PAGE, { from, to, first: 3, after }, auditor);
      expect(res.errors).toBeUndefined();
      const page = res.data!.page;
      seen.push(...page.edges.map((e) => e.node));
      more.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    expect(more.at(-1)).toBe(false);
    expect(more.slice(0, -1).every(Boolean)).toBe(true);
  });

  it("refuses another list's cursor, a bad page size, and anyone but the service's auditors", async () => {
    const auditor = await asUser("nav-auditor");
    const skoleCursor = (await gateway<{ page: AuditPage }>(`{ page: skoleAuditLogPage(first: 1) { pageInfo { endCursor } } }`, {}, await asUser("skole-auditor"))).data!.page.pageInfo.endCursor;
    for (const vars of [{ after: skoleCursor ?? "x" }, { after: "%%%" }, { first: 101 }]) {
      const res = await gateway(AUDIT_PAGE, { from, to, ...vars }, auditor);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
    }
    const res = await gateway(AUDIT_PAGE, { from, to }, await asUser(LOOKER));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("myCases a page at a time", () => {
  type CaseNode = { id: string; openedAt: string };
  type CasesPage = { edges: { node: CaseNode }[]; pageInfo: PageInfo };
  const MINE = `{ myCases { id openedAt } }`;
  const MINE_PAGE = `query ($first: Int, $after: String) { myCasesPage(first: $first, after: $after) { edges { node { id openedAt } } pageInfo { hasNextPage endCursor } } }`;

  it.each([
    ["an employee", OPENER], // in several cases: pages of 2 cut the list
    ["a citizen", "citizen"],
  ])("gives %s the cases of myCases, each once, newest first, and ends", async (_who, user) => {
    const whole = (await ok<{ myCases: CaseNode[] }>(user, MINE)).myCases;
    expect(whole.length).toBeGreaterThan(0);
    const seen: CaseNode[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: CasesPage = (await ok<{ myCasesPage: CasesPage }>(user, MINE_PAGE, { first: 2, after })).myCasesPage;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // The same cases; in the same order but among cases opened at the same moment (the page orders those by id).
    expect(seen.map((c) => c.id).sort()).toEqual(whole.map((c) => c.id).sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    expect(seen.map((c) => c.openedAt)).toEqual(whole.map((c) => c.openedAt));
  });

  it("refuses an auditor and a malformed cursor", async () => {
    expect((await call("nav-auditor", MINE_PAGE)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await call(OPENER, MINE_PAGE, { after: "bm90IGEgY3Vyc29y" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

/** Every page of a connection, `first` at a time, as `read` gives them (at most 100 pages). */
async function pagesOf<Node>(first: number, read: (first: number, after: string | null) => Promise<{ edges: { cursor: string; node: Node }[]; pageInfo: PageInfo }>) {
  const pages: { edges: { cursor: string; node: Node }[]; pageInfo: PageInfo }[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await read(first, after);
    pages.push(page);
    for (const e of page.edges) expect(e.cursor).toEqual(expect.any(String));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error("paging did not end");
}
const nodesOf = <Node>(pages: { edges: { node: Node }[] }[]) => pages.flatMap((p) => p.edges.map((e) => e.node));

/** A page size outside 1..100 and another list's cursor are refused with the registry's BAD_USER_INPUT. */
async function expectRefusedPaging(ask: (vars: Vars) => Promise<GraphQLResponse<unknown>>, foreignCursor: string) {
  for (const vars of [{ first: 0 }, { first: 101 }, { after: foreignCursor }, { after: "%%%" }]) {
    const res = await ask(vars);
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe("BAD_USER_INPUT");
  }
}
const FOREIGN_CURSOR = Buffer.from('["stafettlogg","1","x"]').toString("base64url");

describe("a case's members a page at a time", () => {
  const ADMIN = "helse-admin";
  type Member = { id: string; role: string; displayName: string };
  const MEMBERS = `query ($id: ID!) { case(id: $id) { members { id role displayName } } }`;
  const MEMBERS_PAGE = `query ($id: ID!, $first: Int, $after: String) { case(id: $id) {
    membersPage(first: $first, after: $after) { edges { cursor node { id role displayName } } pageInfo { hasNextPage endCursor } } } }`;
  let caseId = "";
  let hidden = "";

  beforeAll(async () => {
    // A case with five members; the last to join is a health employee then deactivated in the directory.
    const subjectId = demoPersonId("rahimi", "Zahra");
    const concernId = (await ok(OPENER, REGISTER, { input: { subjectId, text: "Bekymring fra skolen (medlemmer i sider)." } })).registerConcern.id;
    caseId = (await ok(OPENER, OPEN, { input: { kind: "BTI", title: "BTI – medlemmer i sider", subjectIds: [subjectId], concernId } })).openCase.id;
    for (const actorId of [HEALTH, "nav-veileder-1", "frivillighet-koordinator-1"]) await ok(OPENER, ADD, { caseId, input: { actorId, role: "PROFESSIONAL" } });
    hidden = `helse-sidetest-${Date.now()}`;
    await ok(ADMIN, `mutation ($i: RegisterEmployeeInput!) { registerEmployee(input: $i) { actorId } }`, { i: { actorId: hidden, displayName: "Sidetest Helse" } });
    await ok(OPENER, ADD, { caseId, input: { actorId: hidden, role: "PROFESSIONAL" } });
    await ok(ADMIN, `mutation ($a: ID!) { setEmployeeActive(actorId: $a, active: false) { active } }`, { a: hidden });
  });

  const page = (first: number, after: string | null) =>
    ok<{ case: { membersPage: { edges: { cursor: string; node: Member }[]; pageInfo: PageInfo } } }>(OPENER, MEMBERS_PAGE, { id: caseId, first, after }, caseId).then((d) => d.case.membersPage);

  it("gives the members of members, in its order, each once, and neither shows nor counts a suspended one", async () => {
    const whole = (await ok<{ case: { members: Member[] } }>(OPENER, MEMBERS, { id: caseId }, caseId)).case.members;
    expect(whole.map((m) => m.displayName)).not.toContain("Sidetest Helse");
    expect(whole).toHaveLength(4); // the opener and three professionals
    const pages = await pagesOf(2, page);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2]);
    expect(nodesOf(pages)).toEqual(whole);
    // The suspended member joined last: a page that counted them would say another follows.
    expect((await pagesOf(4, page)).map((p) => p.pageInfo.hasNextPage)).toEqual([false]);
    expect(whole[0]!.role).toBe("STAFETTHOLDER"); // the opener of a BTI case holds the baton
  });

  it("refuses a bad page size or another list's cursor", async () => {
    await expectRefusedPaging((vars) => call(OPENER, MEMBERS_PAGE, { id: caseId, ...vars }, caseId), FOREIGN_CURSOR);
  });
});

describe("a case's consents a page at a time", () => {
  const CITIZEN = "citizen"; // Sara Haugland: a guardian of Ella and Jonas
  const HAUGLAND = demoCaseId("haugland");
  const LIST = `query ($caseId: ID!) { consents(caseId: $caseId) { id subject { id } } }`;
  const PAGED = `query ($caseId: ID!, $first: Int, $after: String) {
    consentsPage(caseId: $caseId, first: $first, after: $after) { edges { cursor node { id subject { id } } } pageInfo { hasNextPage endCursor } } }`;
  type ConsentNode = { id: string; subject: { id: string } | null };
  const page = (actor: string) => (first: number, after: string | null) =>
    ok<{ consentsPage: { edges: { cursor: string; node: ConsentNode }[]; pageInfo: PageInfo } }>(actor, PAGED, { caseId: HAUGLAND, first, after }, HAUGLAND).then((d) => d.consentsPage);

  it.each([
    ["a member of the case", "nav-veileder-1"],
    ["a citizen, who reads her own and her children's only", CITIZEN],
  ])("gives %s the consents of consents, newest first, each once", async (_who, actor) => {
    const whole = (await ok<{ consents: ConsentNode[] }>(actor, LIST, { caseId: HAUGLAND }, HAUGLAND)).consents;
    expect(whole.length).toBeGreaterThan(0);
    const pages = await pagesOf(1, page(actor));
    expect(nodesOf(pages)).toEqual(whole);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    // One page of all of them says no other follows, whatever others the case holds.
    expect((await pagesOf(whole.length, page(actor))).map((p) => p.pageInfo.hasNextPage)).toEqual([false]);
  });

  it("gives a citizen the consents of myConsents, newest first, each once, and refuses an employee", async () => {
    const MINE = `{ myConsents { id subject { id } } }`;
    const MINE_PAGE = `query ($first: Int, $after: String) { myConsentsPage(first: $first, after: $after) { edges { cursor node { id subject { id } } } pageInfo { hasNextPage endCursor } } }`;
    const whole = (await ok<{ myConsents: ConsentNode[] }>(CITIZEN, MINE)).myConsents;
    expect(whole.length).toBeGreaterThan(1);
    const pages = await pagesOf(1, (first, after) =>
      ok<{ myConsentsPage: { edges: { cursor: string; node: ConsentNode }[]; pageInfo: PageInfo } }>(CITIZEN, MINE_PAGE, { first, after }).then((d) => d.myConsentsPage),
    );
    expect(nodesOf(pages)).toEqual(whole);
    await expectRefusedPaging((vars) => call(CITIZEN, MINE_PAGE, vars), FOREIGN_CURSOR);
    expect((await call("nav-veileder-1", MINE_PAGE)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a bad page size, another list's cursor, and a case asked outside its own", async () => {
    await expectRefusedPaging((vars) => call("nav-veileder-1", PAGED, { caseId: HAUGLAND, ...vars }, HAUGLAND), FOREIGN_CURSOR);
    expect((await call("nav-veileder-1", PAGED, { caseId: HAUGLAND })).errors?.[0]?.extensions?.code).toMatch(/^PURPOSE_/);
  });
});

describe("a person's access log and a service's review list a page at a time", () => {
  const BARNEVERN = "barnevern-saksbehandler-1";
  const ELLA = demoPersonId("haugland", "Ella");
  type LogEntry = { entryId: string; personId: string; caseId: string | null; categories: string[]; extraordinary: boolean };
  const FIELDS = "entryId personId caseId categories extraordinary";
  const LOG = `query ($id: ID!) { person(id: $id) { skoleAccessLog { ${FIELDS} } } }`;
  const LOG_PAGE = `query ($id: ID!, $first: Int, $after: String) { person(id: $id) {
    skoleAccessLogPage(first: $first, after: $after) { edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } } }`;
  const REVIEW = `query ($from: DateTime) { skoleReviewList(from: $from) { entryId personId reviewedBy } }`;
  const REVIEW_PAGE = `query ($from: DateTime, $first: Int, $after: String) {
    skoleReviewListPage(from: $from, first: $first, after: $after) { edges { cursor node { entryId personId reviewedBy } } pageInfo { hasNextPage endCursor } } }`;
  let request = "";
  let from = "";

  beforeAll(async () => {
    // Barnevern asks the school about Ella and reads her school view twice under the request: extraordinary releases,
    // on the school's review list, and held back from her guardian's innsyn while the request is open — the newest entries about her.
    from = new Date(Date.now() - 1).toISOString();
    request = (
      await ok<{ requestInformation: { id: string } }>(BARNEVERN, `mutation ($i: RequestInformationInput!) { requestInformation(input: $i) { id } }`, {
        i: { childId: ELLA, services: ["SKOLE"], reference: `Undersøkelse sidetest ${Date.now()}` },
      })
    ).requestInformation.id;
    for (let i = 0; i < 2; i++) await ok(BARNEVERN, `query ($id: ID!) { person(id: $id) { skole { access { status } } } }`, { id: ELLA }, request);
  });
  afterAll(async () => {
    if (request) await call(BARNEVERN, `mutation ($id: ID!) { closeInformationRequest(id: $id, reason: "Sidetesten er ferdig.") { open } }`, { id: request });
  });

  // The guardian's own reads of the log are logged in it too, newest first: left out when comparing reads made one after the other.
  const looks = (entries: LogEntry[]) => entries.filter((e) => !e.categories.includes("ACCESS_LOG"));
  const logPage = (first: number, after: string | null) =>
    ok<{ person: { skoleAccessLogPage: { edges: { cursor: string; node: LogEntry }[]; pageInfo: PageInfo } } }>("citizen", LOG_PAGE, { id: ELLA, first, after }).then((d) => d.person.skoleAccessLogPage);

  it("gives the guardian the entries of the list, newest first, and neither shows nor counts those an open request holds back", async () => {
    const whole = (await ok<{ person: { skoleAccessLog: LogEntry[] } }>("citizen", LOG, { id: ELLA })).person.skoleAccessLog;
    expect(whole.some((e) => e.caseId === request)).toBe(false);
    const pages = await pagesOf(3, logPage);
    expect(looks(nodesOf(pages))).toEqual(looks(whole));
    expect(nodesOf(pages).some((e) => e.caseId === request || e.extraordinary)).toBe(false);
    // The held-back releases are the newest about her: the first entry is an older one, and cursors pass over them.
    const first = await logPage(1, null);
    expect(first.edges[0]!.node.caseId).not.toBe(request);
  });

  it("answers null to anyone but the person and their guardian, and refuses a bad page size or cursor", async () => {
    expect((await ok<{ person: { skoleAccessLogPage: unknown } | null }>(OPENER, LOG_PAGE, { id: ELLA }, demoCaseId("haugland"))).person?.skoleAccessLogPage ?? null).toBeNull();
    await expectRefusedPaging((vars) => call("citizen", LOG_PAGE, { id: ELLA, ...vars }), FOREIGN_CURSOR);
  });

  it("gives the school's auditor the review list's entries, newest first, each once", async () => {
    const auditor = "skole-auditor";
    const whole = (await ok<{ skoleReviewList: { entryId: string; personId: string }[] }>(auditor, REVIEW, { from })).skoleReviewList;
    expect(whole.length).toBeGreaterThanOrEqual(2);
    const pages = await pagesOf(1, (first, after) =>
      ok<{ skoleReviewListPage: { edges: { cursor: string; node: { entryId: string; personId: string } }[]; pageInfo: PageInfo } }>(auditor, REVIEW_PAGE, { from, first, after }).then(
        (d) => d.skoleReviewListPage,
      ),
    );
    expect(nodesOf(pages)).toEqual(whole);
    await expectRefusedPaging((vars) => call(auditor, REVIEW_PAGE, { from, ...vars }), FOREIGN_CURSOR);
    expect((await call("nav-auditor", `{ skoleReviewListPage { pageInfo { hasNextPage } } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("an employee's concerns and information requests, and an administrator's employees, a page at a time", () => {
  const BARNEVERN = "barnevern-saksbehandler-1";
  const ADMIN = "helse-admin";
  type Conn<Node> = { edges: { cursor: string; node: Node }[]; pageInfo: PageInfo };
  const requests: string[] = [];

  beforeAll(async () => {
    // Three concerns of the opener's (besides those the suites above registered) and three requests barnevern is on.
    const subjectId = demoPersonId("rahimi", "Zahra");
    for (let i = 0; i < 3; i++) await ok(OPENER, REGISTER, { input: { subjectId, text: `Bekymring i sider ${i + 1}.` } });
    for (let i = 0; i < 3; i++) {
      const made = await ok<{ requestInformation: { id: string } }>(BARNEVERN, `mutation ($i: RequestInformationInput!) { requestInformation(input: $i) { id } }`, {
        i: { childId: demoPersonId("haugland", "Ella"), services: ["NAV"], reference: `Undersøkelse i sider ${i + 1} ${Date.now()}` },
      });
      requests.push(made.requestInformation.id);
    }
  });
  afterAll(async () => {
    for (const id of requests) await call(BARNEVERN, `mutation ($id: ID!) { closeInformationRequest(id: $id, reason: "Sidetesten er ferdig.") { open } }`, { id });
  });

  it("gives the concerns of myConcerns, newest first, each once, and refuses a bad page size or cursor", async () => {
    type ConcernNode = { id: string; registeredAt: string };
    const PAGED = `query ($first: Int, $after: String) { myConcernsPage(first: $first, after: $after) { edges { cursor node { id registeredAt } } pageInfo { hasNextPage endCursor } } }`;
    const whole = (await ok<{ myConcerns: ConcernNode[] }>(OPENER, `{ myConcerns { id registeredAt } }`)).myConcerns;
    expect(whole.length).toBeGreaterThanOrEqual(3);
    const pages = await pagesOf(2, (first, after) => ok<{ myConcernsPage: Conn<ConcernNode> }>(OPENER, PAGED, { first, after }).then((d) => d.myConcernsPage));
    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(nodesOf(pages)).toEqual(whole);
    const times = whole.map((c) => Date.parse(c.registeredAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Another's concerns are neither shown nor counted: health registered none here.
    expect((await ok<{ myConcernsPage: Conn<ConcernNode> }>(HEALTH, PAGED, { first: 100 })).myConcernsPage.edges.map((e) => e.node.id)).not.toContain(whole[0]!.id);
    await expectRefusedPaging((vars) => call(OPENER, PAGED, vars), FOREIGN_CURSOR);
    expect((await call("citizen", PAGED)).errors?.[0]?.extensions?.code).toBe((await call("citizen", `{ myConcerns { id } }`)).errors?.[0]?.extensions?.code);
  });

  it("gives the information requests of myInformationRequests, newest first, each once, and refuses a bad page size or cursor", async () => {
    type RequestNode = { id: string; validFrom: string };
    const PAGED = `query ($first: Int, $after: String) {
      myInformationRequestsPage(first: $first, after: $after) { edges { cursor node { id validFrom } } pageInfo { hasNextPage endCursor } } }`;
    const whole = (await ok<{ myInformationRequests: RequestNode[] }>(BARNEVERN, `{ myInformationRequests { id validFrom } }`)).myInformationRequests;
    expect(whole.map((r) => r.id)).toEqual(expect.arrayContaining(requests));
    const pages = await pagesOf(2, (first, after) =>
      ok<{ myInformationRequestsPage: Conn<RequestNode> }>(BARNEVERN, PAGED, { first, after }).then((d) => d.myInformationRequestsPage),
    );
    expect(nodesOf(pages)).toEqual(whole);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(nodesOf(pages).slice(0, 3).map((r) => r.id).sort()).toEqual([...requests].sort()); // the newest
    // An employee on none gets an empty page that says no other follows.
    expect((await ok<{ myInformationRequestsPage: Conn<RequestNode> }>(OPENER, PAGED)).myInformationRequestsPage).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    await expectRefusedPaging((vars) => call(BARNEVERN, PAGED, vars), FOREIGN_CURSOR);
  });

  it("gives an administrator the employees of employees, by name, each once, and refuses anyone else as employees does", async () => {
    type EmployeeNode = { actorId: string; displayName: string; active: boolean };
    const PAGED = `query ($first: Int, $after: String) { employeesPage(first: $first, after: $after) { edges { cursor node { actorId displayName active } } pageInfo { hasNextPage endCursor } } }`;
    const LIST = `{ employees { actorId displayName active } }`;
    const whole = (await ok<{ employees: EmployeeNode[] }>(ADMIN, LIST)).employees;
    expect(whole.length).toBeGreaterThan(2);
    expect(whole.some((e) => !e.active)).toBe(true); // the suspended member above: inactive ones are listed too
    const pages = await pagesOf(2, (first, after) => ok<{ employeesPage: Conn<EmployeeNode> }>(ADMIN, PAGED, { first, after }).then((d) => d.employeesPage));
    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(nodesOf(pages)).toEqual(whole);
    await expectRefusedPaging((vars) => call(ADMIN, PAGED, vars), FOREIGN_CURSOR);
    // A cursor holds an actor id, no name; one of another service's employees is refused, not placed.
    expect(Buffer.from(pages[0]!.edges[0]!.cursor, "base64url").toString("utf8")).not.toContain(whole[0]!.displayName);
    const othersCursor = Buffer.from(JSON.stringify(["employees", "nav-veileder-1"])).toString("base64url");
    expect((await call(ADMIN, PAGED, { after: othersCursor })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (const actor of [HEALTH, "citizen"]) {
      const code = (await call(actor, LIST)).errors?.[0]?.extensions?.code;
      expect(code).toBe("FORBIDDEN");
      expect((await call(actor, PAGED)).errors?.[0]?.extensions?.code, actor).toBe(code);
    }
  });
});
