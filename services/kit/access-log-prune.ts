// Pruning the access log (the retention job's access-log rule calls this):
// removes the oldest rows, up to the first one written at or after `before`,
// and leaves the rest a chain that still verifies. Before anything is deleted
// a signed `prune` checkpoint is stored outside the database
// (access-log-checkpoint.ts) naming where the log now starts — the first kept
// row's seq and its prev_hash — and a `head` checkpoint of the newest row;
// `npm run audit:verify` starts from that boundary. Rows removed any other
// way (a plain DELETE) leave a first row no checkpoint accounts for, and are
// reported (access-log-anchored.ts).
//
// The newest row is always kept, however old: it is the chain's head, which
// every instance's next append links to (access-log.ts reads it from the table).
import type pg from "pg";
import { currentCheckpointAnchor, headDraft, type CheckpointAnchor, type CheckpointDraft } from "./access-log-checkpoint.ts";

export interface PruneOptions {
  /** Rows written before this go (the oldest ones, up to the first row at or after it). */
  before: Date;
  /** Count what would go, delete nothing and write no checkpoint. */
  dryRun?: boolean;
  /** Where the checkpoints go; by default this process's (set by the kit at start-up). */
  anchor?: CheckpointAnchor;
}

export interface PruneResult {
  /** Rows removed (each one look at one or more persons), or that would be with `dryRun`. */
  entries: number;
  /** Auditors' reviews of removed rows, removed with them. */
  reviews: number;
  /** The first row kept: where the log now starts (null for an empty log). */
  firstKeptSeq: string | null;
  /** Its prev_hash: the hash of the last row removed, as the prune checkpoint names it (null when nothing was removed). */
  boundaryHash: string | null;
  dryRun: boolean;
}

/** Thrown when there is no anchor to write the boundary to: rows are never removed without one. */
export class NoCheckpointAnchorError extends Error {
  constructor() {
    super("pruneAccessLog: no checkpoint anchor (the kit sets it at start-up); rows are never removed without a signed boundary");
    this.name = "NoCheckpointAnchorError";
  }
}

/**
 * Prunes the log of the service whose database `db` is (its pool, or a
 * connection not in a transaction): one transaction, in which the boundary is
 * read, its checkpoints stored, and the rows and their reviews deleted. A
 * failure after the checkpoints were stored leaves the rows and a boundary
 * that still holds (the row it names is there with that prev_hash).
 */
export async function pruneAccessLog(db: pg.Pool | pg.ClientBase, options: PruneOptions): Promise<PruneResult> {
  const dryRun = options.dryRun === true;
  const anchor = options.anchor ?? currentCheckpointAnchor();
  if (!anchor && !dryRun) throw new NoCheckpointAnchorError();
  const pooled = "totalCount" in db;
  const client = pooled ? await db.connect() : db;
  let failed: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await pruneWithin(client, options.before, dryRun, anchor);
    await client.query(dryRun ? "ROLLBACK" : "COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (failed = rollbackError));
    throw error;
  } finally {
    if (pooled) (client as pg.PoolClient).release(failed);
  }
}

async function pruneWithin(client: pg.ClientBase, before: Date, dryRun: boolean, anchor: CheckpointAnchor | undefined): Promise<PruneResult> {
  // The boundary: the first row at or after `before`, or the head (always kept). Rows go as a prefix
  // in seq order, so a row whose clock ran behind its neighbours' stays until the prefix reaches it.
  const { rows: [first] } = await client.query<{ seq: string; prev_hash: string }>(
    `SELECT seq::text AS seq, prev_hash FROM access_log
     WHERE at >= $1::timestamptz OR seq = (SELECT max(seq) FROM access_log)
     ORDER BY seq LIMIT 1`,
    [before.toISOString()],
  );
  if (!first) return { entries: 0, reviews: 0, firstKeptSeq: null, boundaryHash: null, dryRun };
  const { rows: [counts] } = await client.query<{ entries: string; reviews: string }>(
    `SELECT (SELECT count(*) FROM access_log WHERE seq < $1::bigint)::text AS entries,
            (SELECT count(*) FROM access_review WHERE entry_seq < $1::bigint)::text AS reviews`,
    [first.seq],
  );
  const entries = Number(counts!.entries);
  const reviews = Number(counts!.reviews);
  const result: PruneResult = { entries, reviews, firstKeptSeq: first.seq, boundaryHash: entries > 0 ? first.prev_hash : null, dryRun };
  if (entries === 0 || dryRun) return result;

  // Stored (and on disk) before a row is deleted: whatever happens next, no row goes without its boundary.
  const head = await headDraft(client);
  const boundary: CheckpointDraft = { kind: "prune", seq: first.seq, hash: first.prev_hash, count: entries };
  // The head's count as the log will hold it once the prefix is gone.
  await anchor!.write(head ? [boundary, { ...head, count: head.count - entries }] : [boundary]);
  await client.query(`DELETE FROM access_review WHERE entry_seq < $1::bigint`, [first.seq]);
  await client.query(`DELETE FROM access_log WHERE seq < $1::bigint`, [first.seq]);
  return result;
}
