// The access log: every release or refusal of personal data by a service,
// written to that service's own database (table `access_log`, defined once
// for every service in prisma/access-log/) before the answer leaves the service. It is the one place
// that references who saw what about whom, so it never goes to stdout.
//
// A row is one look: one request, one decision, and everyone it was about
// (`person_ids`). The views a request resolves for a family of five in one
// service, decided alike, are one row rather than five; readers still see
// one entry per person (`entries()` unnests).
//
// The rows form a hash chain: each row stores the previous row's hash and a
// hash over that and all of its own fields. Editing a row, editing a hash or
// deleting a row in the middle is found by `verify()`. Deleting the newest
// rows (truncating the tail) or the oldest is not, by the chain alone: signed
// checkpoints of the head, kept outside the database, find that
// (access-log-checkpoint.ts, access-log-anchored.ts), and a prune leaves a
// signed boundary where the remaining chain starts (access-log-prune.ts).
import { createHash } from "node:crypto";
import type pg from "pg";
import { inTransaction } from "./db/transaction.ts";

/** Released, refused — or, for a service's write through its write API (services/kit/writes/), written. */
export type AccessDecision = "GRANTED" | "RESTRICTED" | "WRITE";

/** What a caller logs: one person, one set of categories, one decision. */
export interface AccessLogRecord {
  requestId: string;
  actorId: string;
  actorService: string;
  personId: string;
  categories: string[];
  caseId: string | null;
  decision: AccessDecision;
  reason: string;
  basis: string | null;
  /** A release on an extraordinary basis (barnevern's information request): on the auditors' review list. */
  extraordinary?: boolean;
}

/** What a row stores: one look at one or more persons (records that differ only in the person). */
export interface AccessLook extends Omit<AccessLogRecord, "personId"> {
  personIds: string[];
}

interface Chained {
  /** A BIGINT, so a string. */
  seq: string;
  at: Date;
  prevHash: string;
  hash: string;
}

/** A stored row, as verify() reads it. */
export interface AccessLogRow extends AccessLook, Chained {}

/** One person's entry, as readers see it: a row's look at that person (rows about several persons give several). */
export interface AccessLogEntryRow extends AccessLogRecord, Chained {
  extraordinary: boolean;
  /** The person's place in the row's person_ids (from 1): with `at` and `seq`, the entry's place in the log (EntryPosition). */
  look: number;
}

/**
 * An entry's place in the log's newest-first order (time, then seq, newest
 * first; then the person's place in the row): what a page's cursor carries.
 */
export interface EntryPosition {
  at: Date;
  seq: string;
  look: number;
}

/** An auditor's review of an extraordinary release. */
export interface AccessReview {
  reviewedBy: string;
  reviewedAt: Date;
  note: string;
}

/** An entry on the review list: an extraordinary release, and its review once there is one. */
export interface ReviewListEntry extends AccessLogEntryRow {
  review: AccessReview | null;
}

/** `rows`: the rows checked (each one look, at one or more persons); when broken, those found intact before `brokenAt`. */
export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: string; problem: "HASH_MISMATCH" | "CHAIN_BROKEN" };

/** What verify() is told beyond the rows: where a pruned log may start, and who watches each intact row. */
export interface VerifyOptions {
  /**
   * The first row may follow rows no longer in the table when this accepts its
   * seq and prev_hash (a prune's signed boundary); otherwise it must follow
   * GENESIS_HASH, as the first row ever written does.
   */
  startsAfterPrune?(seq: string, prevHash: string): boolean;
  /** Each row found intact, in order (the checkpoints' check reads the seqs and hashes). */
  onRow?(row: { seq: string; prevHash: string; hash: string }): void;
}

export interface EntriesQuery {
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  actorId?: string;
  personId?: string;
  limit?: number;
  /** Only extraordinary releases (the review list). */
  extraordinary?: boolean;
  /** With `extraordinary`: only reviewed ones (true) or only those not yet reviewed (false). */
  reviewed?: boolean;
  /** Only entries that come after this one, newest first: the next page, read from the index on `at` (never OFFSET). */
  after?: EntryPosition;
  /**
   * Leave out entries under these cases (a person's innsyn: what an open information request
   * released stays hidden). In the query, so a page is cut from the entries the reader may see.
   */
  withoutCases?: readonly string[];
}

/**
 * SQL inside a transaction someone else runs (a service's write through its
 * write API, services/kit/writes/): the rows a statement returns, or how many
 * rows it changed.
 */
export interface TransactionSql {
  rows<Row>(text: string, values: unknown[]): Promise<Row[]>;
  run(text: string, values: unknown[]): Promise<number>;
}

/**
 * The log could not be written (or read). Whoever was about to release data
 * must not release it: the caller turns this into a refusal.
 */
export class AccessLogUnavailableError extends Error {
  readonly code = "ACCESS_LOG_UNAVAILABLE" as const;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "AccessLogUnavailableError";
  }
}

export const GENESIS_HASH = "0".repeat(64);

// PostgreSQL allows 65535 parameters a statement; 13 a row × 4000 rows stays below.
export const ROWS_PER_STATEMENT = 4000;
const VERIFY_PAGE = 5000;
const HEAD_SQL = "SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1";
/** Appends of up to this many rows use a prepared statement (one per size and connection); larger ones are rare. */
const PREPARED_UP_TO_ROWS = 16;
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
/** Appends that lost the race for the chain's head to another writer, retried before giving up. */
const MAX_ATTEMPTS = 8;
/** How long a process appends under the advisory lock after it lost a race to another instance. */
const CONTENDED_MS = 10_000;
// Fixed key for pg_advisory_xact_lock while instances contend ("aclg"; not the migration runner's key).
const APPEND_LOCK_KEY = 0x61636c67;
/** The unique index on prev_hash: a row can follow only one row, so two writers can never fork the chain. */
const CHAIN_CONSTRAINT = "access_log_prev_hash_key";
/** access_log's columns as chained() writes them, with their types (parameters of an INSERT … SELECT need them). */
const COLUMN_TYPES = ["timestamptz", "text", "text", "text", "text[]", "text[]", "text", "text", "text", "text", "text", "text", "boolean"] as const;

/**
 * The hash of one row. The input is a JSON array in a fixed order: JSON
 * escaping makes it unambiguous (no field can pass for two), and `at` goes in
 * as an ISO string with milliseconds, exactly what timestamptz(3) keeps.
 * `seq` is left out on purpose: it is the row's storage position (with gaps
 * after rolled-back appends), and the chain itself fixes the order.
 * A look at one person goes in as that person's id, a look at several as
 * the array: rows written before looks were grouped (one person each) keep
 * their hashes, and a string never passes for an array. An extraordinary
 * release adds `true` at the end; an ordinary one adds nothing, so rows
 * written before the flag existed keep their hashes, and flipping the flag
 * either way breaks the row's hash.
 */
export function entryHash(prevHash: string, at: Date, r: AccessLook): string {
  const canonical = JSON.stringify([
    prevHash,
    at.toISOString(),
    r.requestId,
    r.actorId,
    r.actorService,
    r.personIds.length === 1 ? r.personIds[0] : r.personIds,
    r.categories,
    r.caseId,
    r.decision,
    r.reason,
    r.basis,
    ...(r.extraordinary ? [true] : []),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

// `seq` and `at` are read as text and epoch milliseconds so that the values
// do not depend on how the pg driver happens to be configured to parse
// BIGINT and timestamptz (a global type parser would change the hash input).
// (The alias shadows the column in ORDER BY, hence `access_log.seq` there:
// ordering by the text would put 10 before 2.)
const COLUMNS = `seq::text AS seq, (extract(epoch FROM at) * 1000)::bigint::text AS at_ms,
  request_id, actor_id, actor_service, person_ids, categories, case_id, decision, reason, basis, prev_hash, hash, extraordinary`;

interface DbRow {
  seq: string;
  at_ms: string;
  request_id: string;
  actor_id: string;
  actor_service: string;
  person_ids: string[] | null;
  categories: string[] | null;
  case_id: string | null;
  decision: string;
  reason: string;
  basis: string | null;
  prev_hash: string;
  hash: string;
  extraordinary: boolean;
}

function toRow(row: DbRow): AccessLogRow {
  return {
    seq: row.seq,
    at: new Date(Number(row.at_ms)),
    requestId: row.request_id,
    actorId: row.actor_id,
    actorService: row.actor_service,
    // Never null when written here; a tampered NULL then fails the hash check.
    personIds: row.person_ids ?? [],
    categories: row.categories as string[],
    caseId: row.case_id,
    decision: row.decision as AccessDecision,
    reason: row.reason,
    basis: row.basis,
    prevHash: row.prev_hash,
    hash: row.hash,
    extraordinary: row.extraordinary,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, got ${limit}`);
  return Math.min(limit, MAX_LIMIT);
}

export class AccessLog {
  /**
   * The newest hash this process wrote or read. Another instance of the
   * service may have appended since; the unique index on prev_hash then
   * refuses our rows and we read the head again.
   */
  private head: string | null = null;
  /** Appends of this process, one after the other: they would only race each other for the head. */
  private queue: Promise<unknown> = Promise.resolve();
  /** After losing a race to another instance, take the advisory lock for a while instead of guessing the head. */
  private lockUntil = 0;

  /**
   * @param options.prepared name the common append statements, so each connection parses and
   *   plans them once. Only on PostgreSQL: PGlite serves every socket connection from one
   *   session, where a reconnected client would find its statement names taken.
   */
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { prepared?: boolean } = {},
  ) {}

  /**
   * Writes all `records`, chained after the last row. Resolves once they are
   * committed; throws AccessLogUnavailableError (nothing written) otherwise.
   *
   * The usual case is one INSERT: this process knows the head (it wrote it).
   * Where several instances of a service share the database, the unique
   * index on prev_hash refuses rows chained to a head that is no longer the
   * head; the loser then appends under an advisory lock (BEGIN, lock, read
   * the head, INSERT, COMMIT) until the contention has passed, which queues
   * every locking writer fairly. The one-INSERT path inserts nothing while a
   * locked writer holds the lock (and then queues too), so an instance that
   * keeps writing after its own head cannot starve the others.
   */
  append(records: AccessLogRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const done = this.queue.then(() => this.write(records));
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * Writes `records` inside the caller's transaction, so that they commit or
   * roll back with what they record: a service's write and its entries are
   * one. Takes the chain's advisory lock for the rest of that transaction (run
   * it last, just before COMMIT) and reads the head under it; this process's
   * other appends queue behind the lock meanwhile. Call `forgetHead()` once the
   * transaction has ended, either way.
   */
  async appendWithin(sql: TransactionSql, records: AccessLogRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await sql.run("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK_KEY]);
      const [head] = await sql.rows<{ hash: string }>(HEAD_SQL, []);
      for (const statement of chained(records, head?.hash ?? GENESIS_HASH, new Date(), false)) {
        inserted(statement, { rowCount: await sql.run(statement.query.text, statement.query.values ?? []) });
      }
    } catch (err) {
      throw new AccessLogUnavailableError("access log unavailable: the entries were not written", { cause: err });
    }
  }

  /** After a transaction that appended within (above): the head this process knew is no longer the chain's. */
  forgetHead(): void {
    this.head = null;
  }

  private async write(records: AccessLogRecord[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (Date.now() < this.lockUntil) await this.appendLocked(records);
        else await this.appendOptimistic(records);
        return;
      } catch (err) {
        this.head = null;
        if (isChainConflict(err) && attempt < MAX_ATTEMPTS) {
          this.lockUntil = Date.now() + CONTENDED_MS;
          continue;
        }
        throw new AccessLogUnavailableError("access log unavailable: the entries were not written", { cause: err });
      }
    }
  }

  private async appendOptimistic(records: AccessLogRecord[]): Promise<void> {
    const prevHash = this.head ?? (await this.readHead(this.pool));
    // Set here rather than by the column default: it is part of the hash,
    // and a JS Date has exactly the milliseconds that timestamptz(3) keeps.
    const statements = chained(records, prevHash, new Date(), this.options.prepared === true);
    if (statements.length === 1) inserted(statements[0]!, await this.pool.query(statements[0]!.query));
    else await this.inTransaction(async (client) => {
      for (const statement of statements) inserted(statement, await client.query(statement.query));
    });
    this.head = statements.at(-1)!.lastHash;
  }

  private async appendLocked(records: AccessLogRecord[]): Promise<void> {
    let head = "";
    await this.inTransaction(async (client) => {
      // Its own statement: in READ COMMITTED each statement takes a fresh
      // snapshot, so the read below sees whatever the previous lock holder
      // committed. (Lock and read in one statement would read a stale head.)
      await client.query("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK_KEY]);
      const statements = chained(records, await this.readHead(client), new Date(), this.options.prepared === true);
      for (const statement of statements) inserted(statement, await client.query(statement.query));
      head = statements.at(-1)!.lastHash;
    });
    this.head = head;
  }

  private async readHead(db: pg.Pool | pg.ClientBase): Promise<string> {
    const last = await db.query<{ hash: string }>(HEAD_SQL);
    return last.rows[0]?.hash ?? GENESIS_HASH;
  }

  private inTransaction(work: (client: pg.ClientBase) => Promise<void>): Promise<void> {
    return inTransaction(this.pool, work);
  }

  /**
   * Recomputes the whole chain in `seq` order, a page at a time. Reports the
   * first row whose `prev_hash` is not the previous row's hash (a row was
   * deleted, or its prev_hash edited): CHAIN_BROKEN; or whose hash does not
   * match its fields (a field or the hash was edited): HASH_MISMATCH. The
   * first row must follow GENESIS_HASH unless `startsAfterPrune` accepts it.
   */
  async verify(options: VerifyOptions = {}): Promise<VerifyResult> {
    let expectedPrev = GENESIS_HASH;
    let rows = 0;
    let after = "0";
    for (;;) {
      const page = (await this.read<DbRow>(`SELECT ${COLUMNS} FROM access_log WHERE seq > $1 ORDER BY access_log.seq LIMIT $2`, [after, VERIFY_PAGE])).map(toRow);
      for (const row of page) {
        const startsAfterPrune = rows === 0 && options.startsAfterPrune?.(row.seq, row.prevHash) === true;
        if (row.prevHash !== expectedPrev && !startsAfterPrune) return { ok: false, rows, brokenAt: row.seq, problem: "CHAIN_BROKEN" };
        if (entryHash(row.prevHash, row.at, row) !== row.hash) return { ok: false, rows, brokenAt: row.seq, problem: "HASH_MISMATCH" };
        options.onRow?.(row);
        expectedPrev = row.hash;
        rows += 1;
      }
      if (page.length < VERIFY_PAGE) return { ok: true, rows };
      after = page[page.length - 1].seq;
    }
  }

  /** A person's entries, newest first (what a citizen's "who has seen my data" view shows). */
  entriesForPerson(personId: string, opts: Pick<EntriesQuery, "limit" | "after" | "withoutCases"> = {}): Promise<AccessLogEntryRow[]> {
    return this.entries({ ...opts, personId });
  }

  /** Entries matching all given filters, newest first; `limit` defaults to 1000, at most 10 000. */
  entries(opts: EntriesQuery): Promise<AccessLogEntryRow[]> {
    return this.select(opts).then((rows) => rows.map(({ review: _review, ...entry }) => entry));
  }

  /** Extraordinary releases, newest first, each with its review once there is one: the auditors' review list. */
  reviewList(opts: Omit<EntriesQuery, "extraordinary">): Promise<ReviewListEntry[]> {
    return this.select({ ...opts, extraordinary: true });
  }

  /**
   * Marks an extraordinary release reviewed, once: true when this review was
   * recorded, false when the entry is no extraordinary release or already reviewed.
   */
  async markReviewed(seq: string, by: string, note: string): Promise<boolean> {
    try {
      const result = await this.pool.query(
        `INSERT INTO access_review (entry_seq, reviewed_by, note)
         SELECT seq, $2, $3 FROM access_log WHERE seq = $1::bigint AND extraordinary
         ON CONFLICT (entry_seq) DO NOTHING`,
        [seq, by, note],
      );
      return result.rowCount === 1;
    } catch (err) {
      throw new AccessLogUnavailableError("access log unavailable: the review could not be written", { cause: err });
    }
  }

  private select(opts: EntriesQuery): Promise<ReviewListEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll("?", `$${params.length}`));
    };
    if (opts.from) add("at >= ?", opts.from.toISOString());
    if (opts.to) add("at < ?", opts.to.toISOString());
    if (opts.actorId !== undefined) add("actor_id = ?", opts.actorId);
    // The array test finds the rows through the GIN index; the second keeps only that person's entry of each.
    if (opts.personId !== undefined) add("person_ids @> ARRAY[?::text] AND look.person_id = ?", opts.personId);
    if (opts.extraordinary) where.push("extraordinary");
    if (opts.reviewed !== undefined) where.push(opts.reviewed ? "review.entry_seq IS NOT NULL" : "review.entry_seq IS NULL");
    if (opts.withoutCases?.length) add("(case_id IS NULL OR NOT (case_id = ANY(?::text[])))", [...opts.withoutCases]);
    if (opts.after) {
      // Older rows, or later persons of the same row. `at <= …` is what the index seeks to; the rest is exact.
      params.push(opts.after.at.toISOString(), opts.after.seq, opts.after.look);
      const [at, seq, look] = [params.length - 2, params.length - 1, params.length].map((i) => `$${i}`);
      where.push(`access_log.at <= ${at}::timestamptz AND ((access_log.at, access_log.seq) < (${at}::timestamptz, ${seq}::bigint) OR (access_log.seq = ${seq}::bigint AND look.n > ${look}::bigint))`);
    }
    params.push(clampLimit(opts.limit));
    const sql = `SELECT ${COLUMNS}, look.person_id, look.n::int AS look_n,
         review.reviewed_by, (extract(epoch FROM review.reviewed_at) * 1000)::bigint::text AS reviewed_at_ms, review.note AS review_note
       FROM access_log
       CROSS JOIN LATERAL unnest(person_ids) WITH ORDINALITY AS look(person_id, n)
       LEFT JOIN access_review review ON review.entry_seq = access_log.seq
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY access_log.at DESC, access_log.seq DESC, look.n LIMIT $${params.length}`;
    return this.read<DbRow & { person_id: string; look_n: number; reviewed_by: string | null; reviewed_at_ms: string | null; review_note: string | null }>(sql, params).then((rows) =>
      rows.map((row) => {
        const { personIds: _all, ...look } = toRow(row);
        const review = row.reviewed_by === null ? null : { reviewedBy: row.reviewed_by, reviewedAt: new Date(Number(row.reviewed_at_ms)), note: row.review_note ?? "" };
        return { ...look, extraordinary: row.extraordinary, personId: row.person_id, look: row.look_n, review };
      }),
    );
  }

  private async read<Row extends DbRow>(sql: string, params: unknown[]): Promise<Row[]> {
    try {
      return (await this.pool.query<Row>(sql, params)).rows;
    } catch (err) {
      throw new AccessLogUnavailableError("access log unavailable: could not be read", { cause: err });
    }
  }
}

interface Statement {
  query: pg.QueryConfig;
  /** Rows it inserts, unless a locked writer holds the chain (then none). */
  rows: number;
  /** The hash of the statement's last row. */
  lastHash: string;
}

/**
 * Records that differ only in the person become one look naming them all, in
 * the order they came. A person named again in the same look is the same
 * fact (one request resolving several fields about them under one decision):
 * kept once, so the person's own log shows one entry per look, not one per
 * field that happened to be resolved.
 */
export function looks(records: readonly AccessLogRecord[]): AccessLook[] {
  const byKey = new Map<string, AccessLook>();
  for (const { personId, ...look } of records) {
    const key = JSON.stringify([look.requestId, look.actorId, look.actorService, look.categories, look.caseId, look.decision, look.reason, look.basis, look.extraordinary === true]);
    const same = byKey.get(key);
    if (!same) byKey.set(key, { ...look, personIds: [personId] });
    else if (!same.personIds.includes(personId)) same.personIds.push(personId);
  }
  return [...byKey.values()];
}

/**
 * The INSERT of `rows` rows: its text depends only on the count. It inserts
 * nothing while another instance appends under the advisory lock (the
 * subquery runs once): so a writer that holds the head cannot starve the
 * locked ones; it finds out and queues with them.
 */
function insertText(rows: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) tuples.push(`(${COLUMN_TYPES.map((type, i) => `$${row * COLUMN_TYPES.length + i + 1}::${type}`).join(", ")})`);
  return `INSERT INTO access_log (at, request_id, actor_id, actor_service, person_ids, categories, case_id,
            decision, reason, basis, prev_hash, hash, extraordinary)
          SELECT * FROM (VALUES ${tuples.join(", ")}) AS v
          WHERE (SELECT pg_try_advisory_xact_lock($${rows * COLUMN_TYPES.length + 1}))`;
}

/** The texts of the common sizes, which are also the ones prepared. */
const INSERT_TEXTS = Array.from({ length: PREPARED_UP_TO_ROWS + 1 }, (_, rows) => (rows === 0 ? "" : insertText(rows)));

/** The INSERTs that chain the looks of `records` after `prevHash`, ROWS_PER_STATEMENT rows each. */
function chained(records: AccessLogRecord[], prevHash: string, at: Date, prepared: boolean): Statement[] {
  const statements: Statement[] = [];
  const iso = at.toISOString();
  const rows = looks(records);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const values: unknown[] = [];
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    for (const r of slice) {
      const hash = entryHash(prevHash, at, r);
      values.push(iso, r.requestId, r.actorId, r.actorService, r.personIds, r.categories, r.caseId, r.decision, r.reason, r.basis, prevHash, hash, r.extraordinary === true);
      prevHash = hash;
    }
    values.push(APPEND_LOCK_KEY);
    const common = slice.length <= PREPARED_UP_TO_ROWS;
    const text = common ? INSERT_TEXTS[slice.length]! : insertText(slice.length);
    statements.push({
      // Named, the common sizes are parsed and planned once per connection: that was about half of
      // PostgreSQL's CPU for a two-row append (0.17–0.22 ms a statement, prepared 0.09–0.10).
      query: prepared && common ? { name: `access_log_append_${slice.length}`, text, values } : { text, values },
      rows: slice.length,
      lastHash: prevHash,
    });
  }
  return statements;
}

/** Another instance held the advisory lock: nothing was inserted, and the writer should queue for the lock. */
class ChainBusy extends Error {}

function inserted(statement: Statement, result: { rowCount: number | null }): void {
  if (result.rowCount !== statement.rows) throw new ChainBusy(`access log: ${result.rowCount ?? 0} of ${statement.rows} rows inserted`);
}

function isChainConflict(err: unknown): boolean {
  if (err instanceof ChainBusy) return true;
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === "23505" && e.constraint === CHAIN_CONSTRAINT;
}

interface Pending {
  records: AccessLogRecord[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the appends made while one write is under way go together
 * in the next one, as DataLoader does for reads. The views resolved for one
 * request (many persons, many services) cost one INSERT, and under load the
 * views of many concurrent requests share one. Each caller's promise settles
 * when its rows are committed (or its whole batch failed: nothing of it was
 * written).
 */
export class BatchingAccessLog {
  private pending: Pending[] = [];
  private scheduled = false;
  private writing = false;

  constructor(private readonly log: AccessLog) {}

  append(records: AccessLogRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ records, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.pending.length === 0) return;
    this.scheduled = true;
    // setImmediate, not nextTick: it runs after every promise continuation
    // and nextTick queued by the current I/O callback, so resolvers woken by
    // the same batched read all land in the same batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.writing = true;
    // Whole callers only, up to one statement's worth of rows (a single larger caller goes alone).
    let rows = 0;
    let take = 0;
    while (take < this.pending.length && (take === 0 || rows + this.pending[take]!.records.length <= ROWS_PER_STATEMENT)) {
      rows += this.pending[take]!.records.length;
      take += 1;
    }
    const batch = this.pending.splice(0, take);
    try {
      await this.log.append(batch.flatMap((p) => p.records));
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
