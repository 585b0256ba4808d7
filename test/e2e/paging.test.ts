// Cursor paging through the real gateway (services/kit/paging.ts): paging
// forward through a list gives each entry once, in order, and the last page
// says so; a bad cursor or page size is refused; and what the access rules
// hide is neither shown nor counted. Unit tests of the kit: test/paging.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
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
