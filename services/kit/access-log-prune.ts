// Pruning the access log: the oldest entries, those written before a time, are deleted.
//
// A MINIMAL STAND-IN, written by the retention branch (r24) so its access-log
// rule has something to call. Helper a24 writes the real one (a signed
// checkpoint of where the log now starts, stored outside the database before
// anything is deleted, so `npm run audit:verify` still verifies what
// remains); this one has its signature and result, and the merger takes
// a24's file. Like it, this one runs its own transaction on the pool (or a
// connection not in a transaction) and keeps the newest entry, the chain's head.
import type pg from "pg";
import { inTransaction } from "./db/transaction.ts";

export interface PruneOptions {
  before: Date;
  /** Count what would go, delete nothing. */
  dryRun?: boolean;
}

export interface PruneResult {
  /** Entries removed, or that would be with `dryRun`. */
  entries: number;
  /** Auditors' reviews of removed entries, removed with them. */
  reviews: number;
  /** The first entry kept (null for an empty log). */
  firstKeptSeq: string | null;
  /** Its prev_hash, when something was removed. */
  boundaryHash: string | null;
  dryRun: boolean;
}

export async function pruneAccessLog(db: pg.Pool | pg.ClientBase, options: PruneOptions): Promise<PruneResult> {
  const dryRun = options.dryRun === true;
  return inTransaction(db, async (client) => {
    // The first entry kept: the first at or after `before`, or the newest (always kept).
    const { rows } = await client.query<{ seq: string; prev_hash: string }>(
      `SELECT seq::text AS seq, prev_hash FROM access_log WHERE at >= $1 OR seq = (SELECT max(seq) FROM access_log) ORDER BY seq LIMIT 1`,
      [options.before],
    );
    const first = rows[0];
    if (!first) return { entries: 0, reviews: 0, firstKeptSeq: null, boundaryHash: null, dryRun };
    const { rows: counts } = await client.query<{ entries: number; reviews: number }>(
      `SELECT (SELECT count(*) FROM access_log WHERE seq < $1::bigint)::int AS entries, (SELECT count(*) FROM access_review WHERE entry_seq < $1::bigint)::int AS reviews`,
      [first.seq],
    );
    const { entries, reviews } = counts[0]!;
    if (entries > 0 && !dryRun) {
      await client.query(`DELETE FROM access_review WHERE entry_seq < $1::bigint`, [first.seq]);
      await client.query(`DELETE FROM access_log WHERE seq < $1::bigint`, [first.seq]);
    }
    return { entries, reviews, firstKeptSeq: first.seq, boundaryHash: entries > 0 ? first.prev_hash : null, dryRun };
  });
}
