// Pruning the access log: entries older than a time are deleted.
//
// A MINIMAL STAND-IN, written by the retention branch (r24) so its access-log
// rule has something to call: helper a24 writes the real one (a signed
// checkpoint of the chain's head at the cut, so `npm run audit:verify` still
// verifies what remains), with this signature. The merger takes a24's file.
// What the retention job needs of it: it runs on the Queryable it is given
// (a client inside the job's transaction, which also writes the tombstone)
// and says how many entries it deleted, or would delete when `dryRun`.
import type { Queryable } from "./jobs.ts";

export interface PruneResult {
  /** Entries deleted (or, in a dry run, that would be). */
  deleted: number;
}

export async function pruneAccessLog(db: Queryable, { before, dryRun = false }: { before: Date; dryRun?: boolean }): Promise<PruneResult> {
  if (dryRun) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM access_log WHERE at < $1`, [before]);
    return { deleted: rows[0]!.n };
  }
  const result = await db.query(`DELETE FROM access_log WHERE at < $1`, [before]);
  return { deleted: result.rowCount ?? 0 };
}
