// One write call, for every service: who may (guard.ts), what is wrong with
// the input (checks), what each record's source key already holds, and then
// all of it in one transaction together with its access-log entries — or none
// of it. The same call twice changes nothing the second time and says so
// (UNCHANGED). The answer repeats what the writer sent and the outcome,
// nothing the hub held: the write API reads nothing out.
import { accessLogUnavailable } from "../access.ts";
import { AccessLogUnavailableError, type AccessLog, type AccessLogRecord, type TransactionSql } from "../access-log.ts";
import { actorOf, type Caller, type HubClaims } from "../auth/caller.ts";
import type { ViewService } from "../catalog.ts";
import { hubError } from "../errors.ts";
import { createLogger, errorFields } from "../log.ts";
import { Checks, type Problem } from "./checks.ts";
import { inDirectory, writePermission } from "./guard.ts";
import type { RawSql } from "./involvement.ts";
import { MAX_RECORDS_PER_CALL } from "./names.ts";
import { holds, keyOf, type AnyKind, type Columns, type KeyedRow, type NewRow, type SourceKey } from "./kinds.ts";
import type { InvolvementSignals } from "./signals.ts";
import type { StaffDirectory } from "./staff.ts";
import { WriteOutcome, type EndRecordInput, type RecordKeyInput, type WriteBatch, type WriteResult } from "./types.ts";
import { basisNaming } from "../access-values.ts";

const log = createLogger("writes");


/** How an operation changes its kind's record. */
export type Mode = "upsert" | "update" | "end";

export interface Operation<Tx> {
  /** The record input's field, e.g. `measure`, `endMeasure`, `startInvolvement`. */
  field: string;
  kind: AnyKind<Tx>;
  mode: Mode;
}

/** One record as the call sent it: its operation and input, or what is wrong with its shape. */
export type SentRecord =
  | { index: number; operation: string; input: RecordKeyInput }
  | { index: number; operation: string; input: null; problem: Problem };

export interface WriteRequest {
  caller: Caller;
  requestId: string;
}

/** What the write API of one running service needs: bound at start-up (services/kit/server.ts). */
export interface WriteService {
  write(request: WriteRequest, records: readonly SentRecord[], dryRun: boolean): Promise<WriteBatch>;
}

/** Runs `work` in one transaction of the service's database; `work`'s error rolls everything back. */
export type Transaction<Tx> = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** Thrown inside the transaction to roll it back once the results are known (a dry run, a refused record). */
class RollBack extends Error {}

/** A record's state while a call is applied: the stored row (if any), and what the call's records set on it so far. */
interface Entry {
  kind: AnyKind<unknown>;
  key: SourceKey;
  personId: string;
  stored: KeyedRow | null;
  /** A stored row without a source key that this call takes over (kinds with a natural identity). */
  adopted: boolean;
  set: Columns;
}

const current = (entry: Entry): Columns => ({ ...(entry.stored as unknown as Columns | null), ...entry.set });

export function writeService<Tx extends RawSql>(options: {
  service: ViewService;
  operations: ReadonlyMap<string, Operation<Tx>>;
  transaction: Transaction<Tx>;
  accessLog: AccessLog;
  signals: InvolvementSignals;
  staff: StaffDirectory;
}): WriteService {
  const { service, operations, accessLog } = options;

  /** Whether the employee directory holds the staff member as active; SERVICE_UNAVAILABLE (nothing written) when samhandling cannot say. */
  async function staffActive(claims: HubClaims, requestId: string): Promise<boolean> {
    try {
      return await options.staff(claims, requestId);
    } catch (error) {
      log.warn("the employee directory could not be asked about a staff write; nothing was written", { service, ...errorFields(error) });
      throw hubError("SERVICE_UNAVAILABLE", "The hub's employee directory could not confirm your sign-in, so nothing was written. Try again shortly.", { serviceName: "samhandling" });
    }
  }

  /** A refused caller's attempt, logged for each person it named; then the refusal. Nothing is read or written. */
  async function refuse(request: WriteRequest, records: readonly SentRecord[], reason: string, message: string): Promise<never> {
    const entries = records.flatMap((r) => (r.input ? [logRecord(request, r.input.personId, operations.get(r.operation)!, "RESTRICTED", reason, basisNaming("WRITE", r.operation))] : []));
    await accessLog.append(entries).catch((error: unknown) => log.warn("a refused write could not be logged", errorFields(error)));
    throw hubError("FORBIDDEN", message);
  }

  function logRecord(request: WriteRequest, personId: string, operation: Operation<Tx>, decision: AccessLogRecord["decision"], reason: string, basis: string): AccessLogRecord {
    const { actorId, actorService } = actorOf(request.caller);
    return { requestId: request.requestId, actorId, actorService, personId, categories: [operation.kind.category], caseId: null, decision, reason, basis };
  }

  return {
    async write(request, records, dryRun) {
      if (records.length > MAX_RECORDS_PER_CALL) {
        throw hubError("BAD_USER_INPUT", `A call writes at most ${MAX_RECORDS_PER_CALL} records; this one has ${records.length}. Split it.`, { field: "records" });
      }
      let permission = writePermission(request.caller, service);
      if (permission.allowed && request.caller.kind === "actor") permission = inDirectory(service, await staffActive(request.caller.claims, request.requestId));
      if (!permission.allowed) return refuse(request, records, permission.reason, permission.message);

      const results: WriteResult[] = records.map((r) => ({
        index: r.index,
        operation: r.operation,
        sourceSystem: r.input?.sourceSystem ?? null,
        sourceId: r.input?.sourceId ?? null,
        personId: r.input?.personId ?? null,
        outcome: null,
        refusal: null,
      }));
      const refuseRecord = (i: number, problem: Problem) => (results[i]!.refusal ??= { code: problem.code, message: problem.message, field: problem.field });
      const valid: { i: number; operation: Operation<Tx>; input: RecordKeyInput }[] = [];
      records.forEach((record, i) => {
        if (!record.input) return void refuseRecord(i, record.problem);
        const operation = operations.get(record.operation)!;
        const checks = new Checks(record.operation);
        checks.keys(record.input);
        if (operation.mode !== "end") operation.kind.check(record.input, checks);
        if (checks.problems.length > 0) refuseRecord(i, checks.problems[0]!);
        else valid.push({ i, operation, input: record.input });
      });

      let committed = false;
      let opened = false;
      try {
        await options.transaction(async (tx) => {
          const entries = await storedEntries(tx, valid);
          for (const { i, operation, input } of valid) {
            const applied = apply(entries, operation, input);
            if ("code" in applied) refuseRecord(i, applied);
            else results[i]!.outcome = applied.outcome;
          }
          if (results.some((r) => r.refusal) || dryRun) throw new RollBack();
          opened = await store(tx, entries);
          const entriesOfLog = valid.map(({ i, operation, input }) => logRecord(request, input.personId, operation, "WRITE", permission.reason, basisNaming("WRITE", `${operation.field}:${results[i]!.outcome}`)));
          await accessLog.appendWithin(transactionSql(tx), entriesOfLog);
        });
        committed = true;
      } catch (error) {
        if (error instanceof AccessLogUnavailableError) throw accessLogUnavailable();
        if (!(error instanceof RollBack)) throw error;
      } finally {
        accessLog.forgetHead();
      }

      if (dryRun && valid.length > 0) {
        // Nothing was written, but the answer told the writer what the service holds under its keys: a look at its own records.
        const looks = valid.map(({ i, operation, input }) => logRecord(request, input.personId, operation, "GRANTED", permission.reason, basisNaming("DRY_RUN", `${operation.field}:${results[i]!.outcome}`)));
        await accessLog.append(looks).catch(() => {
          throw accessLogUnavailable();
        });
      }
      if (opened) await options.signals.deliver();
      const count = (outcome: WriteOutcome) => results.filter((r) => r.outcome === outcome).length;
      return {
        written: committed,
        dryRun,
        created: count(WriteOutcome.CREATED),
        updated: count(WriteOutcome.UPDATED),
        unchanged: count(WriteOutcome.UNCHANGED),
        refused: results.filter((r) => r.refusal).length,
        results,
      };
    },
  };
}

/** The raw SQL of a transaction, as the access log appends within it. */
function transactionSql(tx: RawSql): TransactionSql {
  return { rows: (text, values) => tx.$queryRawUnsafe(text, ...values), run: (text, values) => tx.$executeRawUnsafe(text, ...values) };
}

const entryKey = (kind: AnyKind<unknown>, key: SourceKey) => `${kind.name}\u0000${keyOf(key)}`;
const naturalKey = (kind: AnyKind<unknown>, record: { personId: string } & Columns) => `${kind.name}\u0001${kind.natural!(record)}`;

/** What each kind already holds under the call's keys — one read per kind — indexed by key, and by natural identity where a kind has one. */
async function storedEntries<Tx>(tx: Tx, valid: readonly { operation: Operation<Tx>; input: RecordKeyInput }[]): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  const kinds = new Map<AnyKind<Tx>, RecordKeyInput[]>();
  for (const { operation, input } of valid) {
    const inputs = kinds.get(operation.kind);
    if (inputs) inputs.push(input);
    else kinds.set(operation.kind, [input]);
  }
  for (const [kind, inputs] of kinds) {
    const rows = await kind.find(tx, inputs, [...new Set(inputs.map((i) => i.personId))]);
    const asked = new Set(inputs.map((i) => keyOf(i)));
    for (const row of rows) {
      const key = row.sourceSystem !== null && row.sourceId !== null ? { sourceSystem: row.sourceSystem, sourceId: row.sourceId } : null;
      const entry: Entry = { kind, key: key ?? { sourceSystem: "", sourceId: "" }, personId: row.personId, stored: row, adopted: false, set: {} };
      if (key && asked.has(keyOf(key))) entries.set(entryKey(kind, key), entry);
      if (kind.natural) entries.set(naturalKey(kind, row as unknown as { personId: string } & Columns), entry);
    }
  }
  return entries;
}

/** One record applied to the call's state: its outcome, or why it cannot be. */
function apply<Tx>(entries: Map<string, Entry>, operation: Operation<Tx>, input: RecordKeyInput): { outcome: WriteOutcome } | Problem {
  const { kind, mode, field } = operation;
  let entry = entries.get(entryKey(kind, input));
  let adoptedHere = false;
  const natural = kind.natural && mode === "upsert" ? naturalKey(kind, { ...kind.columns(input), personId: input.personId }) : null;
  if (!entry && natural) {
    const same = entries.get(natural);
    if (same && same.stored?.sourceSystem != null) {
      return { code: "CONFLICT", field: `${field}.sourceId`, message: `The hub already has this ${kind.name} under another source key (${same.key.sourceSystem}/${same.key.sourceId}); there is one. Write that one instead.` };
    }
    if (same && same.stored && !same.adopted) {
      // Written before the write API (no source key): the first write naming the person takes it over.
      same.adopted = adoptedHere = true;
      same.key = { sourceSystem: input.sourceSystem, sourceId: input.sourceId };
      same.set = { ...same.set, sourceSystem: input.sourceSystem, sourceId: input.sourceId };
      entries.set(entryKey(kind, input), (entry = same));
    } else if (same) {
      return { code: "CONFLICT", field: `${field}.sourceId`, message: `This call writes the same ${kind.name} under two source keys; there is one.` };
    }
  }
  if (!entry) {
    if (mode !== "upsert") return { code: "NOT_FOUND", field: `${field}.sourceId`, message: `No ${kind.name} of this service has this source key. Write it first (\`${kind.name === "involvement" ? "startInvolvement" : kind.name}\`).` };
    const created: Entry = { kind, key: { sourceSystem: input.sourceSystem, sourceId: input.sourceId }, personId: input.personId, stored: null, adopted: false, set: kind.columns(input) };
    entries.set(entryKey(kind, input), created);
    if (natural) entries.set(natural, created);
    return { outcome: WriteOutcome.CREATED };
  }
  if (entry.personId !== input.personId) {
    return { code: "CONFLICT", field: `${field}.personId`, message: `This source key names a ${kind.name} about another person. A source key stays with one person; check the export.` };
  }
  const columns = mode === "end" ? kind.end!((input as EndRecordInput).endedOn, current(entry) as unknown as KeyedRow) : kind.columns(input);
  if (holds(current(entry), columns) && !adoptedHere) return { outcome: entry.stored ? WriteOutcome.UNCHANGED : WriteOutcome.CREATED };
  entry.set = { ...entry.set, ...columns };
  return { outcome: entry.stored ? WriteOutcome.UPDATED : WriteOutcome.CREATED };
}

/** Writes the call's state: new rows per kind in one statement, changed rows one by one. Whether an involvement opened. */
async function store<Tx>(tx: Tx, entries: Map<string, Entry>): Promise<boolean> {
  let opened = false;
  const creates = new Map<AnyKind<Tx>, NewRow[]>();
  const seen = new Set<Entry>();
  for (const entry of entries.values()) {
    if (seen.has(entry)) continue;
    seen.add(entry);
    const kind = entry.kind as AnyKind<Tx>;
    const opens = kind.opens?.(entry.stored, current(entry)) === true;
    opened ||= opens;
    const set = opens ? { ...entry.set, signalPending: true } : entry.set;
    if (!entry.stored) {
      const row: NewRow = { ...set, personId: entry.personId, ...entry.key };
      const rows = creates.get(kind);
      if (rows) rows.push(row);
      else creates.set(kind, [row]);
    }
    else if (Object.keys(entry.set).length > 0) await kind.update(tx, entry.stored, set);
  }
  for (const [kind, rows] of creates) await kind.create(tx, rows);
  return opened;
}
