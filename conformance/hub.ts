// What the checks do in the hub around the subgraph, each one call: open a
// case, consent, withdraw, read the view, the access log, the write API.
import { writeMutation, recordInputName, capitalised } from "../services/kit/writes/names.ts";
import { ok } from "./assert.ts";
import type { GraphQLResponse } from "./http.ts";
import { viewFields } from "./schema.ts";
import { CONFORMANCE_ACTOR, type ConformanceTarget, type Headers } from "./target.ts";

export interface Access {
  status: string;
  reason: string;
  basis: string | null;
  basisReference: string | null;
}
export type View = { access: Access } & Record<string, unknown>;

/** The service's view of `personId` through the gateway, as `headers`' caller: the raw answer and the view. */
export async function viewOf(t: ConformanceTarget, personId: string, headers: Headers): Promise<{ raw: string; view: View }> {
  const res = await t.gateway<{ person: Record<string, View | null> | null }>(
    `query ($id: ID!) { person(id: $id) { ${t.service} { access { status reason basis basisReference } ${viewFields(t.schema, t.service)} } } }`,
    { id: personId },
    headers,
  );
  const data = ok(res, `Person.${t.service} through the gateway`);
  const view = data.person?.[t.service];
  if (!view) throw new Error(`Person.${t.service} answered null: a view always answers, with how access was decided`);
  return { raw: res.raw, view };
}

/** A case about `subjectIds`, opened by the checks' coordinator from a referral (a case starts from a task); the coordinator holds the baton. */
export async function openCaseAbout(t: ConformanceTarget, subjectIds: string[], title: string): Promise<string> {
  const res = await t.gateway<{ openCase: { id: string } }>(
    `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
    { input: { kind: "ANSVARSGRUPPE", title, subjectIds, referral: { kind: "REFERRAL", reference: "Konformans, testarkiv" } } },
    await t.asUser(CONFORMANCE_ACTOR),
  );
  return ok(res, "opening a case").openCase.id;
}

/** The subject consents to this service's `categories` themself, signed in as themself; the consent's id. */
export async function consentSelf(t: ConformanceTarget, caseId: string, personId: string, categories: string[]): Promise<string> {
  const res = await t.gateway<{ grantConsent: { id: string } }>(
    `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    { input: { caseId, subjectId: personId, givenById: personId, capacity: "SELF", services: [t.service.toUpperCase()], categories, note: "konformans" } },
    await t.asUser(personId, caseId),
  );
  return ok(res, "granting a consent").grantConsent.id;
}

export async function withdraw(t: ConformanceTarget, consentId: string, personId: string, caseId: string): Promise<void> {
  ok(await t.gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: consentId }, await t.asUser(personId, caseId)), "withdrawing a consent");
}

export interface LogEntry {
  actorId: string;
  decision: string;
  reason: string;
  caseId: string | null;
  categories: string[];
  basis: string | null;
  basisReference: string | null;
}
const LOG_FIELDS = "actorId decision reason caseId categories basis basisReference";

/** The service's access log about `personId` since `from`, as its auditor reads it (`<service>AuditLogPage`), newest first. */
export async function auditLog(t: ConformanceTarget, personId: string, from: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse<{ log: { edges: { node: LogEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> = await t.gateway(
      `query ($p: ID!, $from: DateTime!, $after: String) { log: ${t.service}AuditLogPage(personId: $p, from: $from, first: 100, after: $after) { edges { node { ${LOG_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { p: personId, from, after },
      await t.asUser(`${t.service}-auditor`),
    );
    const page = ok(res, `${t.service}AuditLogPage as the service's auditor`).log;
    entries.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return entries;
    after = page.pageInfo.endCursor;
  }
}

/** The person's own view of the service's access log about them (`Person.<service>AccessLogPage`, innsyn), newest first. */
export async function ownLog(t: ConformanceTarget, personId: string): Promise<LogEntry[] | null> {
  const res = await t.gateway<{ person: Record<string, { edges: { node: LogEntry }[] } | null> | null }>(
    `query ($id: ID!) { person(id: $id) { log: ${t.service}AccessLogPage(first: 100) { edges { node { ${LOG_FIELDS} } } } } }`,
    { id: personId },
    await t.asUser(personId),
  );
  return ok(res, `Person.${t.service}AccessLogPage as the person themself`).person?.log?.edges.map((e) => e.node) ?? null;
}

export interface Batch {
  written: boolean;
  dryRun: boolean;
  unchanged: number;
  results: { outcome: string | null; refusal: { code: string } | null }[];
}

/** The write call as a journal system sends it (`write<Service>`). */
export function write(t: ConformanceTarget, records: unknown[], headers: Headers, dryRun = false): Promise<GraphQLResponse<Record<string, Batch>>> {
  const mutation = writeMutation(t.service);
  return t.gateway<Record<string, Batch>>(
    `mutation ${capitalised(mutation)}($records: [${recordInputName(t.service)}!]!, $dryRun: Boolean! = false) { ${mutation}(records: $records, dryRun: $dryRun) { written dryRun unchanged results { outcome refusal { code } } } }`,
    { records, dryRun },
    headers,
  );
}

/** A write that must be answered (written or not); the batch. */
export async function written(t: ConformanceTarget, records: unknown[], headers: Headers, dryRun = false): Promise<Batch> {
  return Object.values(ok(await write(t, records, headers, dryRun), `${writeMutation(t.service)}`))[0]!;
}

export const outcomes = (batch: Batch) => batch.results.map((r) => r.outcome);

/** The source system the checks write as. */
export const SOURCE = "konformans";

/** The involvement record of the kit's write API, started (or, with `endedOn`, ended). */
export function involvement(personId: string, sourceId: string, extra: Record<string, unknown> = {}) {
  return { startInvolvement: { sourceSystem: SOURCE, sourceId, personId, startedOn: "2026-01-01", contact: { name: "Kontakt i konformanstesten", role: "kontaktperson" }, ...extra } };
}
export function ended(operation: string, personId: string, sourceId: string) {
  return { [operation]: { sourceSystem: SOURCE, sourceId, personId, endedOn: "2026-02-01" } };
}

export interface Signal {
  service: string;
  person: { id: string };
  frontDoor: { name: string; phone: string };
}

/** The case's involvement signals, as `as` sees them (null: not the stafettholder's to see). */
export async function signals(t: ConformanceTarget, caseId: string, as = CONFORMANCE_ACTOR): Promise<Signal[] | null> {
  const res = await t.gateway<{ case: { involvementSignals: Signal[] | null } }>(
    `query ($id: ID!) { case(id: $id) { involvementSignals { service person { id } frontDoor { name phone } } } }`,
    { id: caseId },
    await t.asUser(as, caseId),
  );
  return ok(res, "the case's involvement signals").case.involvementSignals;
}
