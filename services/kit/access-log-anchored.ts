// The access log checked against its signed checkpoints (access-log-checkpoint.ts):
// what `npm run audit:verify` runs for each service. The chain must verify
// from its first row — which follows GENESIS_HASH, or a prune's signed
// boundary — and reach every checkpoint's seq with that checkpoint's hash:
//  - a checkpoint beyond the log's last row: rows were removed from the end;
//  - one whose row is gone or differs: rows were removed (or rewritten) and
//    the rest re-chained;
//  - a first row that follows neither GENESIS_HASH nor a prune's boundary:
//    the oldest rows were removed without pruneAccessLog;
//  - rows but no valid checkpoint at all: the head is not anchored (the
//    store was emptied, or points elsewhere);
//  - a line of the store that does not verify with a trusted key: reported.
// Only seqs, counts and times are reported, never a logged person.
import { AccessLog, type VerifyResult } from "./access-log.ts";
import { openCheckpoints, type Checkpoint, type InvalidCheckpoint } from "./access-log-checkpoint.ts";
import type { CheckpointPublicKey } from "./access-log-checkpoint-keys.ts";
import type pg from "pg";

export type AnchorProblem =
  | ({ problem: "CHECKPOINT_INVALID" } & InvalidCheckpoint)
  | { problem: "NO_CHECKPOINT"; rows: number }
  /** The first row follows rows that are gone, and no prune's checkpoint says the log starts there. */
  | { problem: "PRUNED_WITHOUT_CHECKPOINT"; seq: string }
  /** A checkpoint names a row after the log's last (`lastSeq`; null for an empty log). */
  | { problem: "ROWS_REMOVED_AFTER"; seq: string; lastSeq: string | null; checkpointAt: string }
  /** A checkpoint's row is gone from within the log. */
  | { problem: "CHECKPOINT_ROW_MISSING"; seq: string; checkpointAt: string }
  /** A checkpoint's row is there with another hash (head) or prev_hash (prune). */
  | { problem: "CHECKPOINT_MISMATCH"; seq: string; checkpointAt: string };

export interface AnchoredResult {
  ok: boolean;
  /** The chain's own check (access-log.ts verify). */
  chain: VerifyResult;
  firstSeq: string | null;
  lastSeq: string | null;
  /** The log starts at a prune's signed boundary rather than at its first row ever. */
  prunedBefore: boolean;
  /** Valid checkpoints in the store. */
  checkpoints: number;
  /** The checkpoint with the highest seq, if any. */
  newest: Checkpoint | null;
  /** Rows after the newest checkpoint: their removal could not be found yet (the next checkpoint anchors them). */
  rowsAfterNewest: number;
  problems: AnchorProblem[];
}

const bigint = (seq: string) => BigInt(seq);

/** Verifies a service's log (over `pool`) against the lines of its checkpoint store. */
export async function verifyAnchored(pool: pg.Pool, service: string, lines: readonly string[], trusted: readonly CheckpointPublicKey[]): Promise<AnchoredResult> {
  const { valid, invalid } = await openCheckpoints(service, lines, trusted);
  const problems: AnchorProblem[] = invalid.map((i) => ({ problem: "CHECKPOINT_INVALID", ...i }));
  const bySeq = new Map<string, (Checkpoint & { line: number })[]>();
  for (const c of valid) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  const boundaries = new Set(valid.filter((c) => c.kind === "prune").map((c) => `${c.seq}:${c.hash}`));
  const newest = valid.reduce<Checkpoint | null>((n, c) => (n === null || bigint(c.seq) > bigint(n.seq) ? c : n), null);

  const seen = new Set<Checkpoint>();
  let firstSeq: string | null = null;
  let lastSeq: string | null = null;
  let prunedBefore = false;
  let rowsAfterNewest = 0;
  const chain = await new AccessLog(pool).verify({
    startsAfterPrune: (seq, prevHash) => (prunedBefore = boundaries.has(`${seq}:${prevHash}`)),
    onRow(row) {
      firstSeq ??= row.seq;
      lastSeq = row.seq;
      if (newest === null || bigint(row.seq) > bigint(newest.seq)) rowsAfterNewest += 1;
      for (const c of bySeq.get(row.seq) ?? []) {
        seen.add(c);
        if ((c.kind === "head" ? row.hash : row.prevHash) !== c.hash) problems.push({ problem: "CHECKPOINT_MISMATCH", seq: c.seq, checkpointAt: c.at });
      }
    },
  });

  if (!chain.ok && chain.rows === 0 && chain.problem === "CHAIN_BROKEN") {
    // The very first row follows a row that is gone, and no prune's checkpoint accounts for it.
    problems.push({ problem: "PRUNED_WITHOUT_CHECKPOINT", seq: chain.brokenAt });
  } else if (chain.ok) {
    // (A broken chain was not read to its end: its checkpoints after the break prove nothing either way.)
    const start = prunedBefore && firstSeq !== null ? bigint(firstSeq) : null;
    const reported = new Set<string>();
    for (const c of valid) {
      if (seen.has(c) || (start !== null && bigint(c.seq) < start) || reported.has(c.seq)) continue;
      reported.add(c.seq);
      if (lastSeq === null || bigint(c.seq) > bigint(lastSeq)) problems.push({ problem: "ROWS_REMOVED_AFTER", seq: c.seq, lastSeq, checkpointAt: c.at });
      else problems.push({ problem: "CHECKPOINT_ROW_MISSING", seq: c.seq, checkpointAt: c.at });
    }
    if (valid.length === 0 && chain.rows > 0) problems.push({ problem: "NO_CHECKPOINT", rows: chain.rows });
  }
  return { ok: chain.ok && problems.length === 0, chain, firstSeq, lastSeq, prunedBefore, checkpoints: valid.length, newest, rowsAfterNewest, problems };
}

/** One line for an operator: the service, the seq and what it means; never a person. */
export function describeProblem(service: string, p: AnchorProblem): string {
  switch (p.problem) {
    case "CHECKPOINT_INVALID":
      return `${service}: checkpoint line ${p.line} is not valid (${p.reason})`;
    case "NO_CHECKPOINT":
      return `${service}: no valid checkpoint anchors the log's ${p.rows} rows (the checkpoint store is empty or elsewhere)`;
    case "PRUNED_WITHOUT_CHECKPOINT":
      return `${service}: rows before seq ${p.seq} were removed without a prune checkpoint`;
    case "ROWS_REMOVED_AFTER":
      return `${service}: rows removed from the end: the checkpoint of ${p.checkpointAt} names seq ${p.seq}, the log ends ${p.lastSeq === null ? "empty" : `at seq ${p.lastSeq}`}`;
    case "CHECKPOINT_ROW_MISSING":
      return `${service}: row seq ${p.seq} of the checkpoint of ${p.checkpointAt} is gone (rows removed and the rest re-chained)`;
    case "CHECKPOINT_MISMATCH":
      return `${service}: row seq ${p.seq} differs from the checkpoint of ${p.checkpointAt} (rewritten and re-chained)`;
  }
}
