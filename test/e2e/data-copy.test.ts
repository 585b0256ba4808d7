// The citizen's copy (GDPR art. 15) through the gateway: a POST of DATA_COPY_MEDIA_TYPE gives
// the signed-in citizen everything the hub holds about them — and a guardian
// their child's, within the innsyn rules — as JSON and PDF; anyone else gets
// the answer an unknown person gets; every copy is logged. Its completeness is
// checked against the databases (on PostgreSQL), against the seeded demo world
// (embedded) and against each service's auditors' read of its own log (both
// passes): every case the person is a subject or an active member of, and every
// stafettlogg entry of those cases the rules let the reader read.
import fs from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoPersonId, fjordvik } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import type { CopyCase, DataCopy } from "../../gateway/data-copy/shape.ts";
import { ageOn } from "../../services/kit/scalars.ts";
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
/** Emma's mother: a member of Emma's BTI case for the family, not its subject. */
const ANNE = demoPersonId("nilsen", "Anne");
const EMMAS_CASE = demoCaseId("nilsen");

const copyUrl = () => inject("gatewayUrl");

/** `user`: a demo user key, or a person id (signed in as that citizen). */
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

  it("holds every case she is a subject or an active member of, her memberships, and the stafettlogg entries the rules let her read", async () => {
    expect(copy.cases.map((c) => c.id)).toContain(CASE);
    await expectCompleteCases(copy, SARA, before);
    // Her family's ansvarsgruppe: about her and her children, and she takes part in it for the family.
    const own = copy.cases.find((c) => c.id === CASE)!;
    expect(own.participation).toMatchObject({ subject: true, memberships: [expect.objectContaining({ role: "FAMILY", service: "FAMILY", leftAt: null })] });
  });

  it("on PostgreSQL: holds every consent row and access-log row about the person the databases hold", async () => {
    if (!postgres) return;
    const samhandling = postgres.get("samhandling")!;
    const consents = await samhandling.query<{ id: string }>("select id from consent where subject_person_id = $1 or given_by_person_id = $1", [SARA]);
    expect(copy.consents.map((c) => c.id).sort()).toEqual(consents.rows.map((r) => r.id).sort());
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

describe("a parent who takes part in their child's case without being its subject", () => {
  let copy: DataCopy;
  let before: Date;
  beforeAll(async () => {
    before = new Date(Date.now() - 5);
    copy = await copyOf(ANNE, ANNE);
  }, 120_000);

  it("holds the case with her membership and its dates, marked as not about her", async () => {
    expect(copy.madeFor).toEqual({ relation: "SELF", requestedBy: ANNE });
    const validate = new Ajv2020({ validateFormats: false }).compile(JSON.parse(fs.readFileSync("docs/data-copy.schema.json", "utf8")) as object);
    expect(validate(copy), JSON.stringify(validate.errors)).toBe(true);
    const emmas = copy.cases.find((c) => c.id === EMMAS_CASE);
    expect(emmas).toMatchObject({ kind: "BTI", participation: { subject: false, memberships: [expect.objectContaining({ role: "FAMILY", service: "FAMILY", joinedAt: expect.any(String), leftAt: null })] } });
    await expectCompleteCases(copy, ANNE, before);
  });

  it("holds the stafettlogg as far as a guardian may read it: the school's entries, not health's (Emma is 17)", () => {
    const log = copy.cases.find((c) => c.id === EMMAS_CASE)!.stafettlogg;
    const seeded = world.samhandling.stafettloggEntry.filter((e) => e.caseId === EMMAS_CASE);
    const shown = new Set(log.map((e) => e.id));
    for (const e of seeded) expect(shown.has(e.id), `${e.authorService} entry ${e.id}`).toBe(e.authorService === "SKOLE");
    expect(log.every((e) => e.authorService === "SKOLE")).toBe(true);
  });

  it("as a PDF shows the case, her part in it and the entries she may read", { timeout: 120_000 }, async () => {
    const response = await requestCopy(ANNE, ANNE, "PDF");
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, " ");
    const emmas = copy.cases.find((c) => c.id === EMMAS_CASE)!;
    expect(text).toContain(String(emmas.title));
    expect(text).toContain("Saken gjelder personen Nei");
    expect(text).toContain("Personen er med i saken som");
    expect(text).toContain(`Stafettlogg (${emmas.stafettlogg.length} oppføringer du kan lese)`);
    for (const e of emmas.stafettlogg) expect(text).toContain(String(e.text));
  });
});

describe("the subject of a BTI case", () => {
  it("has the case's whole stafettlogg: every service's entries are about her alone", { timeout: 120_000 }, async () => {
    const before = new Date(Date.now() - 5);
    const copy = await copyOf("emma", EMMA);
    await expectCompleteCases(copy, EMMA, before);
    const log = copy.cases.find((c) => c.id === EMMAS_CASE)!.stafettlogg.map((e) => e.id);
    expect(log).toEqual(expect.arrayContaining(world.samhandling.stafettloggEntry.filter((e) => e.caseId === EMMAS_CASE).map((e) => e.id)));
  });
});

describe("a guardian's copy of their child", () => {
  it("is given for a child they have parental responsibility for, within the innsyn rules", { timeout: 120_000 }, async () => {
    const copy = await copyOf("citizen", CHILD);
    expect(copy.madeFor).toEqual({ relation: "GUARDIAN", requestedBy: SARA });
    expect(copy.person.id).toBe(CHILD);
    expect(copy.consents.every((c) => (c.subject as { id: string }).id === CHILD)).toBe(true);
    for (const s of copy.services) expect(s.view).toMatchObject({ access: { status: expect.any(String) } });
    // The child's case as the guardian reads it: the child is its subject, not a member; its log as far as the guardian may read it.
    const childs = copy.cases.find((c) => c.id === CASE);
    expect(childs?.participation).toEqual({ subject: true, memberships: [] });
    const subjects = ((childs?.subjects ?? []) as ({ id: string } | null)[]).flatMap((p) => (p ? [p.id] : []));
    for (const e of childs!.stafettlogg) expect(mayRead(SARA, subjects, String(e.authorService), await registryFacts(subjects)), String(e.id)).toBe(true);
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

type Facts = Map<string, { birthDate: Date; guardians: { guardianId: string; parentalResponsibility: boolean }[] }>;

/**
 * docs/access-rules.md, written out here rather than taken from the code: a citizen reads a service's
 * stafettlogg entries only where every subject of the case is themself, or a child under 18 they have
 * parental responsibility for — under 16 for health's entries.
 */
function mayRead(reader: string, subjects: readonly string[], service: string, facts: Facts): boolean {
  return subjects.every((s) => {
    if (s === reader) return true;
    const f = facts.get(s);
    if (!f?.guardians.some((g) => g.guardianId === reader && g.parentalResponsibility)) return false;
    const age = ageOn(f.birthDate);
    return age < 18 && (service !== "HELSE" || age < 16);
  });
}

/** The register's facts the rule needs: from registry's database on PostgreSQL, else from the seeded world. */
async function registryFacts(ids: readonly string[]): Promise<Facts> {
  const facts: Facts = new Map();
  if (postgres) {
    const registry = postgres.get("registry")!;
    const persons = await registry.query<{ id: string; birth: string }>("select id, birth_date::text as birth from person where id = any($1)", [ids]);
    const guardians = await registry.query<{ child_id: string; guardian_id: string; parental_responsibility: boolean }>(
      "select child_id, guardian_id, parental_responsibility from guardianship where child_id = any($1)",
      [ids],
    );
    for (const p of persons.rows) {
      const mine = guardians.rows.filter((g) => g.child_id === p.id).map((g) => ({ guardianId: g.guardian_id, parentalResponsibility: g.parental_responsibility }));
      facts.set(p.id, { birthDate: new Date(`${p.birth}T00:00:00Z`), guardians: mine });
    }
    return facts;
  }
  for (const p of world.registry.person.filter((x) => ids.includes(x.id))) {
    const mine = world.registry.guardianship.filter((g) => g.childId === p.id).map((g) => ({ guardianId: g.guardianId, parentalResponsibility: g.parentalResponsibility }));
    facts.set(p.id, { birthDate: new Date(p.birthDate), guardians: mine });
  }
  return facts;
}

interface HeldCase {
  subject: boolean;
  /** The person's membership ids in the case, former ones included. */
  memberships: string[];
  subjects: string[];
  entries: { id: string; service: string; at: Date }[];
}

/**
 * The cases the hub holds with the person as a subject or an active member: on PostgreSQL every one in
 * samhandling's database (the membership and subject tables); embedded, the seeded demo world's.
 */
async function heldCases(personId: string): Promise<Map<string, HeldCase>> {
  const held = new Map<string, HeldCase>();
  if (postgres) {
    const db = postgres.get("samhandling")!;
    const ids = await db.query<{ case_id: string }>(
      "select case_id from case_subject where person_id = $1 union select case_id from case_member where person_id = $1 and left_at is null",
      [personId],
    );
    for (const { case_id: id } of ids.rows) {
      // One query at a time: a pg client runs one.
      const subjects = await db.query<{ person_id: string }>("select person_id from case_subject where case_id = $1", [id]);
      const members = await db.query<{ id: string }>("select id from case_member where case_id = $1 and person_id = $2", [id, personId]);
      const entries = await db.query<{ id: string; author_service: string; at: Date }>("select id, author_service::text, at from stafettlogg_entry where case_id = $1", [id]);
      const subjectIds = subjects.rows.map((r) => r.person_id);
      held.set(id, {
        subject: subjectIds.includes(personId),
        memberships: members.rows.map((r) => r.id),
        subjects: subjectIds,
        entries: entries.rows.map((r) => ({ id: r.id, service: r.author_service, at: r.at })),
      });
    }
    return held;
  }
  const w = world.samhandling;
  const ids = new Set([...w.caseSubject.filter((s) => s.personId === personId).map((s) => s.caseId), ...w.caseMember.filter((m) => m.personId === personId && !m.leftAt).map((m) => m.caseId)]);
  for (const id of ids) {
    const subjects = w.caseSubject.filter((s) => s.caseId === id).map((s) => s.personId);
    held.set(id, {
      subject: subjects.includes(personId),
      memberships: w.caseMember.filter((m) => m.caseId === id && m.personId === personId).map((m) => m.id),
      subjects,
      entries: w.stafettloggEntry.filter((e) => e.caseId === id).map((e) => ({ id: e.id, service: e.authorService, at: new Date(e.at) })),
    });
  }
  return held;
}

/**
 * A copy made for the person themself against what the hub holds: every case they are a subject or an
 * active member of (on PostgreSQL no other), their part in each, and — of each case's stafettlogg written
 * before the copy — every entry the rules let them read, and none they may not.
 */
async function expectCompleteCases(copy: DataCopy, personId: string, before: Date): Promise<void> {
  const held = await heldCases(personId);
  const inCopy = new Map(copy.cases.map((c): [string, CopyCase] => [String(c.id), c]));
  if (postgres) expect([...inCopy.keys()].sort()).toEqual([...held.keys()].sort());
  for (const [id, h] of held) {
    const c = inCopy.get(id);
    expect(c, `case ${id}`).toBeDefined();
    expect(c!.participation.subject, id).toBe(h.subject);
    expect(c!.participation.memberships.map((m) => String(m.id)).sort(), id).toEqual([...h.memberships].sort());
    const facts = await registryFacts(h.subjects);
    const readable = (service: string) => mayRead(personId, h.subjects, service, facts);
    const shown = new Set(c!.stafettlogg.map((e) => String(e.id)));
    for (const e of h.entries) if (e.at < before && readable(e.service)) expect(shown.has(e.id), `${id}: ${e.service} entry ${e.id}`).toBe(true);
    for (const e of c!.stafettlogg) expect(readable(String(e.authorService)), `${id}: ${String(e.authorService)} entry ${String(e.id)}`).toBe(true);
    if (postgres) {
      const rows = new Set(h.entries.map((e) => e.id));
      for (const e of shown) expect(rows.has(e), `${id}: entry ${e} in the database`).toBe(true);
    }
  }
}
