// The citizen's copy (GDPR art. 15) through the gateway: a POST of DATA_COPY_MEDIA_TYPE gives
// the signed-in citizen everything the hub holds about them — and a guardian
// their child's, within the innsyn rules — as JSON and PDF; anyone else gets
// the answer an unknown person gets; every copy is logged. Its completeness is
// checked against the databases (on PostgreSQL) and against each service's
// auditors' read of its own log (both passes).
import fs from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, fjordvik } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import type { DataCopy } from "../../gateway/data-copy/shape.ts";
import { DATA_COPY_MEDIA_TYPE } from "../../gateway/data-copy/route.ts";
import { asUser, gateway, type GraphQLResponse } from "../support/graphql.ts";
import { pdfText } from "../support/pdf-text.ts";
import { testDatabase } from "../support/database.ts";

const world = fjordvik();
const SARA = demoUser("citizen")!.claims.personId!;
const EMMA = demoUser("emma")!.claims.personId!;
/** Sara's children under 18 she has parental responsibility for. */
const CHILD = world.registry.guardianship.find((g) => g.guardianId === SARA && g.parentalResponsibility)!.childId;
const CASE = demoCaseId("haugland");

const copyUrl = () => inject("gatewayUrl");

async function requestCopy(user: string, personId: string, format: "JSON" | "PDF", acr?: "idporten-loa-substantial") {
  const headers = await asUser(user, undefined, acr);
  return fetch(copyUrl(), { method: "POST", headers: { ...headers, "content-type": DATA_COPY_MEDIA_TYPE }, body: JSON.stringify({ personId, format }) });
}

async function copyOf(user: string, personId: string): Promise<DataCopy> {
  const response = await requestCopy(user, personId, "JSON");
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as DataCopy;
}

type Entry = { entryId: string; personId: string };

/** On PostgreSQL: the service databases, read directly. */
let postgres: Map<string, pg.Client> | null = null;
const databaseUrl = (service: string) => process.env.DATABASE_URL_TEMPLATE!.replace("{service}", service);

beforeAll(async () => {
  // Something in more than one service's log about Sara: a case member looks at her.
  const look = await gateway(`query ($id: ID!) { person(id: $id) { givenName nav { access { status } } skole { access { status } } } }`, { id: SARA }, await asUser("nav-veileder-1", CASE));
  expect(look.errors).toBeUndefined();
  if (testDatabase() === "postgresql") {
    postgres = new Map();
    for (const service of SERVICE_NAMES) {
      const client = new pg.Client({ connectionString: databaseUrl(service) });
      await client.connect();
      postgres.set(service, client);
    }
  }
});

afterAll(async () => {
  for (const client of postgres?.values() ?? []) await client.end();
});

describe("the citizen's own copy", () => {
  let copy: DataCopy;
  let before: Date;
  beforeAll(async () => {
    before = new Date(Date.now() - 5);
    copy = await copyOf("citizen", SARA);
  }, 120_000);

  it("is the versioned shape, about the person, made for themself", () => {
    expect(copy).toMatchObject({ format: "samhandling-hub/data-copy", version: 1, madeFor: { relation: "SELF", requestedBy: SARA } });
    expect(copy.person).toMatchObject({ id: SARA, givenName: "Sara", familyName: "Haugland" });
    expect(copy.notice.withheld.nb).toMatch(/unntak fra innsyn/);
    // The documented shape (docs/data-copy.schema.json).
    const validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(fs.readFileSync("docs/data-copy.schema.json", "utf8")) as object);
    expect(validate(copy), JSON.stringify(validate.errors)).toBe(true);
    expect(copy.notice.whomToAsk.map((w) => w.service)).toEqual(VIEW_SERVICES.filter((s) => copy.notice.whomToAsk.some((w) => w.service === s)));
  });

  it("has every view service's view, decided by the right of access", () => {
    expect(copy.services.map((s) => s.service)).toEqual([...VIEW_SERVICES]);
    for (const s of copy.services) expect(s.view, s.service).toMatchObject({ access: { status: "GRANTED", reason: "SELF", basis: "RIGHT_OF_ACCESS" } });
  });

  it("has every service's whole access log about the person, as the service's auditors read it", async () => {
    expect(copy.accessLogs.map((l) => l.service)).toEqual([...SERVICE_NAMES]);
    for (const log of copy.accessLogs) {
      const entries = log.entries as Entry[];
      expect(entries, log.service).toEqual(expect.any(Array));
      expect(entries.every((e) => e.personId === SARA)).toBe(true);
      const ids = new Set(entries.map((e) => e.entryId));
      expect(ids.size, `${log.service}: no entry twice across pages`).toBe(entries.length);
      // The service's own auditor reads its log from the database by another path: every entry written before the copy is in it.
      const audited = await auditedEntries(log.service, before);
      for (const id of audited) expect(ids.has(id), `${log.service} entry ${id}`).toBe(true);
    }
  });

  it("on PostgreSQL: holds every consent row, case as subject and access-log row about the person the databases hold", async () => {
    if (!postgres) return;
    const samhandling = postgres.get("samhandling")!;
    const consents = await samhandling.query<{ id: string }>("select id from consent where subject_person_id = $1 or given_by_person_id = $1", [SARA]);
    expect(copy.consents.map((c) => c.id).sort()).toEqual(consents.rows.map((r) => r.id).sort());
    const cases = await samhandling.query<{ case_id: string }>("select case_id from case_subject where person_id = $1", [SARA]);
    expect(copy.cases.map((c) => c.id).sort()).toEqual(cases.rows.map((r) => r.case_id).sort());
    for (const log of copy.accessLogs) {
      const rows = await postgres.get(log.service)!.query<{ seq: string }>("select seq::text from access_log where person_ids @> array[$1]::text[] and at < $2", [SARA, before]);
      const ids = new Set((log.entries as Entry[]).map((e) => e.entryId));
      for (const row of rows.rows) expect(ids.has(row.seq), `${log.service} row ${row.seq}`).toBe(true);
      // And nothing the database does not hold about her.
      const all = await postgres.get(log.service)!.query<{ seq: string }>("select seq::text from access_log where person_ids @> array[$1]::text[]", [SARA]);
      const held = new Set(all.rows.map((r) => r.seq));
      for (const id of ids) expect(held.has(id), `${log.service} entry ${id}`).toBe(true);
    }
  });

  it("is logged: the copy shows in the person's own log (Hvem har sett) with basis DATA_COPY", async () => {
    const res = await gateway<{ me: { samhandlingAccessLog: { actorId: string; basis: string; basisReference: string; reason: string; at: string }[] } }>(
      "{ me { samhandlingAccessLog { actorId basis basisReference reason at } } }",
      {},
      await asUser("citizen"),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.samhandlingAccessLog).toContainEqual(
      expect.objectContaining({ actorId: demoUser("citizen")!.claims.sub, basis: "DATA_COPY", basisReference: "JSON", reason: "SELF" }),
    );
  });

  it("as a PDF says the same: the person, every service, every log's size", async () => {
    const response = await requestCopy("citizen", SARA, "PDF");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="kopi-av-opplysningene-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("Kopi av opplysningene om Sara Haugland");
    expect(text).toContain("unntak fra innsyn");
    for (const s of copy.services) expect(text).toContain(s.title.nb);
    for (const c of copy.consents) expect(text).toContain(String(c.id));
    for (const c of copy.cases) expect(text).toContain(String(c.title));
    // A later copy than the JSON: each log as long or longer (the copies and this test's reads are logged too).
    for (const l of copy.accessLogs) {
      const count = new RegExp(`${l.title.nb} \\((\\d+) oppføringer\\)`).exec(text);
      expect(Number(count?.[1]), l.service).toBeGreaterThanOrEqual(l.entries!.length);
    }
  }, 120_000);
});

describe("a guardian's copy of their child", () => {
  it("is given for a child they have parental responsibility for, within the innsyn rules", { timeout: 120_000 }, async () => {
    const copy = await copyOf("citizen", CHILD);
    expect(copy.madeFor).toEqual({ relation: "GUARDIAN", requestedBy: SARA });
    expect(copy.person.id).toBe(CHILD);
    expect(copy.consents.every((c) => (c.subject as { id: string }).id === CHILD)).toBe(true);
    for (const s of copy.services) expect(s.view).toMatchObject({ access: { status: expect.any(String) } });
  });
});

describe("anyone else", () => {
  const notFound = async (response: Response) => {
    expect(response.status, await response.clone().text()).toBe(404);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("NOT_FOUND");
    return body;
  };

  it("gets the answer a person who does not exist gets: another person's child, a stranger, a caseworker", async () => {
    const unknown = await notFound(await requestCopy("citizen", "p-doesnotexist", "JSON"));
    expect(await notFound(await requestCopy("citizen", EMMA, "JSON"))).toEqual(unknown);
    expect(await notFound(await requestCopy("emma", SARA, "JSON"))).toEqual(unknown);
    expect(await notFound(await requestCopy("emma", CHILD, "PDF"))).toEqual(unknown);
    expect(await notFound(await requestCopy("nav-veileder-1", SARA, "JSON"))).toEqual(unknown);
  });

  it("a citizen signed in below the high level is asked to sign in again", async () => {
    const response = await requestCopy("citizen", SARA, "JSON", "idporten-loa-substantial");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("ASSURANCE_TOO_LOW");
  });

  it("a body that is not {personId, format} is refused", async () => {
    const headers = await asUser("citizen");
    const response = await fetch(copyUrl(), { method: "POST", headers: { ...headers, "content-type": DATA_COPY_MEDIA_TYPE }, body: JSON.stringify({ personId: SARA, format: "XML" }) });
    expect(response.status).toBe(400);
  });
});

type AuditPage = { edges: { node: { entryId: string; at: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };

/** The entry ids of `service`'s log about Sara written before `before`, as its auditor reads them (all pages). */
async function auditedEntries(service: string, before: Date): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  const auditor = await asUser(service === "registry" ? "registry-auditor" : `${service}-auditor`);
  for (;;) {
    const res: GraphQLResponse<{ page: AuditPage }> = await gateway<{ page: AuditPage }>(
      `query ($id: ID!, $after: String, $to: DateTime) { page: ${service}AuditLogPage(personId: $id, to: $to, first: 100, after: $after) { edges { node { entryId at } } pageInfo { hasNextPage endCursor } } }`,
      { id: SARA, after, to: before.toISOString() },
      auditor,
    );
    expect(res.errors, service).toBeUndefined();
    const page: AuditPage = res.data!.page;
    ids.push(...page.edges.map((e) => e.node.entryId));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
}
