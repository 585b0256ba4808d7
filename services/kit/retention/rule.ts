// A retention rule: what is due at a time T (set-based, one statement per kind
// of record, no query per record) and how it is deleted, a batch per
// transaction (or, for the access log, in its own). The runner (run.ts) gives each rule its cut-off — T less the
// rule's period — opens the transaction and writes the tombstones in it.
//
// Most rules delete rows picked by one query and the rows hanging off them:
// `cascadeRule` builds such a rule from the query that picks the keys and the
// steps, each one table and which of its rows belong to the picked keys.
import type pg from "pg";
import type { Queryable } from "../jobs.ts";
import type { RetentionRuleName } from "./policy.ts";

/** How many records of one kind (the table's name). */
export interface KindCount {
  kind: string;
  count: number;
}

/** A rule whose deletes run in the runner's transactions, which write the tombstones too. */
export interface BatchedRule {
  name: RetentionRuleName;
  /** What is due at `cutOff`, counted per kind; reads only (the dry run). */
  due(db: Queryable, cutOff: Date): Promise<KindCount[]>;
  /**
   * Deletes one batch of what is due at `cutOff` in `tx`, a transaction the runner opened (and writes
   * the tombstones in); `at` is the pass's time. Returns what it deleted; nothing once none is left.
   */
  deleteBatch(tx: pg.ClientBase, cutOff: Date, at: Date): Promise<KindCount[]>;
}

/**
 * A rule that deletes in a transaction of its own, everything due at once: the access log's prune,
 * which stores a signed checkpoint outside the database before it deletes. Its tombstone follows in
 * a transaction of the runner's; the checkpoint records a prune whose tombstone a crash kept from
 * being written.
 */
export interface SelfContainedRule {
  name: RetentionRuleName;
  due(db: Queryable, cutOff: Date): Promise<KindCount[]>;
  deleteAll(pool: pg.Pool, cutOff: Date): Promise<KindCount[]>;
}

export type RetentionRule = BatchedRule | SelfContainedRule;

/** One table of a cascade: its rows that belong to the picked keys, said over `due(id)`. */
export interface CascadeStep {
  table: string;
  /** A condition on `table`'s rows naming the relation `due(id)`, e.g. `case_id IN (SELECT id FROM due)`. */
  where: string;
}

export interface CascadeSpec {
  name: RetentionRuleName;
  /** A query answering `id` for each record due, with `$1` the cut-off; one table, so its rows can be locked. */
  keys: string;
  /** The deletes in order (the rows that refer to others first); the kinds the tombstones name. */
  steps: readonly CascadeStep[];
  /** Run on a batch before its deletes, with `$1` its ids and `$2` the pass's time (what is kept but must know). */
  before?: string;
  /** Keys per transaction. */
  batch?: number;
}

const BATCH = 200;

/** A rule deleting what `keys` picks and what hangs off it, `batch` keys a transaction. */
export function cascadeRule(spec: CascadeSpec): BatchedRule {
  const batch = spec.batch ?? BATCH;
  return {
    name: spec.name,
    async due(db, cutOff) {
      // One statement: every step's count over the same picked keys.
      const counts = spec.steps.map((s, i) => `(SELECT count(*) FROM ${s.table} WHERE ${s.where})::int AS c${i}`).join(", ");
      const { rows } = await db.query<Record<string, number>>(`WITH due AS (${spec.keys}) SELECT ${counts}`, [cutOff]);
      return spec.steps.map((s, i) => ({ kind: s.table, count: rows[0]![`c${i}`]! }));
    },
    async deleteBatch(tx, cutOff, at) {
      // Locked, so a record cannot change under the deletes (a case reopened, say) until they commit.
      const picked = await tx.query<{ id: string }>(`${spec.keys} ORDER BY 1 LIMIT ${batch} FOR UPDATE`, [cutOff]);
      const ids = picked.rows.map((r) => r.id);
      if (ids.length === 0) return [];
      if (spec.before) await tx.query(spec.before, [ids, at]);
      const deleted: KindCount[] = [];
      for (const step of spec.steps) {
        const result = await tx.query(`WITH due AS (SELECT unnest($1::text[]) AS id) DELETE FROM ${step.table} WHERE ${step.where}`, [ids]);
        deleted.push({ kind: step.table, count: result.rowCount ?? 0 });
      }
      return deleted;
    },
  };
}
