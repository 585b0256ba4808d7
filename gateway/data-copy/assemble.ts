// Assembles the citizen's copy by asking the federated graph as the citizen:
// every part comes through the same operations, rules and access logs as any
// other read, so the copy holds exactly what the rules let this reader see
// (docs/access-rules.md) — the innsyn rules for a guardian included — and
// nothing is decided here but the copy's own gate: the reader is a citizen
// signed in at the high level, and the person is themself or a child the
// registry lets them see. Lists are read to their end, a page at a time.
import { SERVICE_NAMES, serviceEntry, VIEW_SERVICES, type FrontDoor } from "../../services/kit/catalog.ts";
import { DATA_COPY_OPERATIONS } from "./documents.ts";
import { DATA_COPY_FORMAT, DATA_COPY_VERSION, heading, WITHHELD_NOTICE, type ApiRecord, type CopyCase, type DataCopy } from "./shape.ts";

/** A GraphQL answer's error, as the hub's errors carry it. */
export interface CopyError {
  message: string;
  extensions?: { code?: string; retryable?: boolean };
}

/** Runs one of the copy's trusted documents as the caller (within `caseId`, declared as X-Case-Id, when given); the answer's data, or an error to pass on. */
export type RunOperation = (
  operation: string,
  variables: Record<string, unknown>,
  caseId?: string,
) => Promise<{ data?: ApiRecord | null; errors?: readonly CopyError[] }>;

/** How long a read that failed for a passing reason waits before it is asked once more. */
const RETRY_AFTER_MS = 250;

/**
 * `run`, asking once more a read whose every error is retryable (an instance
 * gone mid-request, a call timed out): a copy is dozens of reads, and one
 * passing failure should not cost the citizen the whole copy. Reads only —
 * the copy writes nothing until it is assembled — so asking again is safe;
 * the second look is logged like the first, as it was one.
 */
export function retryingOnce(run: RunOperation): RunOperation {
  return async (operation, variables, caseId) => {
    const answer = await run(operation, variables, caseId);
    const errors = answer.errors ?? [];
    if (errors.length === 0 || !errors.every((e) => e.extensions?.retryable === true)) return answer;
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
    return run(operation, variables, caseId);
  };
}

/** A refusal or failure the route answers with (its code from the hub's registry). */
export class DataCopyRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const copyNotFound = () =>
  new DataCopyRefused("NOT_FOUND", "No person with this id whose copy you may have: yourself, or a child you have parental responsibility for.");

interface Connection {
  edges: { node: ApiRecord }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const record = (value: unknown): ApiRecord | null => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as ApiRecord) : null);

async function data(run: RunOperation, operation: string, variables: Record<string, unknown>, caseId?: string): Promise<ApiRecord> {
  const answer = await run(operation, variables, caseId);
  const first = answer.errors?.[0];
  if (first) throw new DataCopyRefused(first.extensions?.code ?? "INTERNAL_SERVER_ERROR", first.message);
  const found = record(answer.data);
  if (!found) throw new DataCopyRefused("INTERNAL_SERVER_ERROR", "The copy could not be read just now. Try again in a moment.");
  return found;
}

/** Every node of a paged list, page after page; null when the list itself is null (the rules give this reader none). */
async function allPages(read: (after: string | null) => Promise<Connection | null>): Promise<ApiRecord[] | null> {
  const nodes: ApiRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Connection | null = await read(after);
    if (!page) return after === null ? null : nodes;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const idOf = (value: unknown): string | null => {
  const id = record(value)?.id;
  return typeof id === "string" ? id : null;
};

const idsOf = (list: unknown): string[] => (Array.isArray(list) ? list.map(idOf).filter((id): id is string => id !== null) : []);

/**
 * A case the person takes part in, read within the case as the reader's case
 * page reads it: its facts, the person's own part in it (as subject, and each
 * membership with its dates) and the stafettlogg entries the reader may read
 * (the stafettlogg's consent rules decide, coordination/stafettlogg.ts).
 * null when the case is no longer the reader's to see.
 */
async function caseOf(run: RunOperation, caseId: string, personId: string, subject: boolean): Promise<CopyCase | null> {
  const facts = record((await data(run, DATA_COPY_OPERATIONS.case, { id: caseId }, caseId)).case);
  if (!facts) return null;
  const inCase = (operation: string, field: string) =>
    allPages(async (after) => record(record((await data(run, operation, { id: caseId, after }, caseId)).case)?.[field]) as Connection | null);
  const [members, stafettlogg] = await Promise.all([inCase(DATA_COPY_OPERATIONS.caseMembers, "membersPage"), inCase(DATA_COPY_OPERATIONS.caseStafettlogg, "stafettloggPage")]);
  const memberships = (members ?? []).filter((m) => idOf(m.person) === personId).map(({ person: _person, ...membership }) => membership);
  return { ...facts, participation: { subject, memberships }, stafettlogg: stafettlogg ?? [] };
}

/**
 * The copy of `personId` for the signed-in caller, or DataCopyRefused:
 * NOT_FOUND for anyone but the person and a guardian the rules let see them
 * (alike for a person who does not exist), ASSURANCE_TOO_LOW for a citizen
 * signed in below the high level.
 */
export async function assembleDataCopy(run: RunOperation, personId: string, now = new Date()): Promise<DataCopy> {
  const answer = await run(DATA_COPY_OPERATIONS.person, { id: personId });
  const root = record(answer.data);
  // No answer at all (sign-in refused, a limit, an outage): that, not "not found".
  if (!root) throw new DataCopyRefused(answer.errors?.[0]?.extensions?.code ?? "SERVICE_UNAVAILABLE", answer.errors?.[0]?.message ?? "The copy could not be read just now. Try again in a moment.");
  const viewer = record(root.viewer);
  const found = record(root.person);
  // An employee, a machine or the anonymous, and a person the registry does not show the caller (or has not):
  // the same answer, whatever else went wrong on the way.
  if (!viewer || viewer.kind !== "CITIZEN" || typeof viewer.personId !== "string" || !found) throw copyNotFound();
  const failed = answer.errors?.[0];
  if (failed) throw new DataCopyRefused(failed.extensions?.code ?? "INTERNAL_SERVER_ERROR", failed.message);
  const person = found;
  if (viewer.assurance !== "HIGH") {
    throw new DataCopyRefused("ASSURANCE_TOO_LOW", "A copy of your data needs a sign-in at the high level of assurance. Sign in again with BankID (or another high-level eID).");
  }
  const self = viewer.personId === personId;

  const allConsents = await allPages(async (after) => record((await data(run, DATA_COPY_OPERATIONS.consents, { after })).myConsentsPage) as Connection | null);
  // The person's own consents (about them or given by them); a child's: those about the child the guardian may see.
  const consents = (allConsents ?? []).filter((c) => idOf(c.subject) === personId || (self && idOf(c.givenBy) === personId));

  // Each service's log from its own subgraph: read side by side, each to its last page.
  const accessLogs = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      const entries = await allPages(async (after) => {
        const answer = await data(run, DATA_COPY_OPERATIONS.accessLog(service), { id: personId, after });
        return record(record(answer.person)?.[`${service}AccessLogPage`]) as Connection | null;
      });
      return { ...heading(service), entries };
    }),
  );

  // Each service's view of the person, a document each.
  const views = await Promise.all(
    VIEW_SERVICES.map(async (service) => record(record((await data(run, DATA_COPY_OPERATIONS.view(service), { id: personId })).person)?.[service])),
  );

  // The cases the person is a subject of and those they take part in as a member, each read once, newest first.
  const { cases: subjectOf, ...facts } = person;
  const registry: ApiRecord = facts;
  const asSubject = new Set(idsOf(subjectOf));
  const asMember = idsOf(record((await data(run, DATA_COPY_OPERATIONS.casesTakingPart, { id: personId })).person)?.casesTakingPart);
  const caseIds = [...new Set([...asSubject, ...asMember])];
  const cases = (await Promise.all(caseIds.map((id) => caseOf(run, id, personId, asSubject.has(id))))).filter((c): c is CopyCase => c !== null);
  cases.sort((a, b) => String(b.openedAt).localeCompare(String(a.openedAt)));
  return {
    format: DATA_COPY_FORMAT,
    version: DATA_COPY_VERSION,
    madeAt: now.toISOString(),
    madeFor: { relation: self ? "SELF" : "GUARDIAN", requestedBy: viewer.personId },
    person: registry,
    consents,
    cases,
    services: VIEW_SERVICES.map((service, i) => ({ ...heading(service), view: views[i] ?? null })),
    accessLogs,
    notice: {
      withheld: WITHHELD_NOTICE,
      whomToAsk: VIEW_SERVICES.flatMap((service) => {
        const frontDoor: FrontDoor | undefined = serviceEntry(service).frontDoor;
        return frontDoor ? [{ ...heading(service), frontDoor }] : [];
      }),
    },
  };
}
