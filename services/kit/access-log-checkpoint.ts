// Signed checkpoints of the access log: the chain (access-log.ts) finds an
// edited or deleted row in the middle, but not the newest rows deleted, nor the
// oldest deleted and the rest left as they were. A checkpoint names a point of
// the chain — a seq and the hash there — signed with a key the database does
// not hold, and is kept outside the database: one append-only file per service
// under ACCESS_LOG_CHECKPOINT_DIR (on storage the database's operators cannot
// write, in production). `npm run audit:verify` then checks that the chain still
// reaches every checkpoint (access-log-anchored.ts).
//
// Two kinds:
//  - `head`: the log's newest row was `seq` with hash `hash`, and the log held
//    `count` rows up to it. Written by the kit's job in every service
//    (accessLogCheckpointJob, below) and at every prune.
//  - `prune`: the log now starts at `seq`, whose prev_hash is `hash` (the hash
//    of the last row removed); `count` rows were removed. Written by
//    pruneAccessLog (access-log-prune.ts) before it deletes anything.
//
// Nothing of the request path changes: appends write no checkpoint.
import fs from "node:fs";
import path from "node:path";
import { CompactSign, compactVerify, decodeProtectedHeader } from "jose";
import { CHECKPOINT_ALG, importCheckpointKey, keyId, type CheckpointPrivateKey, type CheckpointPublicKey } from "./access-log-checkpoint-keys.ts";
import type { Queryable } from "./jobs.ts";
import { createLogger } from "./log.ts";
import type { ScheduledJob } from "./subgraph.ts";

/** What a checkpoint says (its JWS payload). Seqs and hashes only: never anyone logged. */
export interface Checkpoint {
  service: string;
  kind: "head" | "prune";
  /** head: the newest row's seq; prune: the first row kept. A BIGINT, so a string. */
  seq: string;
  /** head: that row's hash; prune: the first kept row's prev_hash. */
  hash: string;
  /** head: rows in the log up to `seq`; prune: rows removed. */
  count: number;
  /** When it was written (ISO). */
  at: string;
}

export type CheckpointDraft = Pick<Checkpoint, "kind" | "seq" | "hash" | "count">;

/** The JWS `typ`: a checkpoint's signature is not a token's, nor a token's a checkpoint's. */
const CHECKPOINT_TYP = "hub-access-log-checkpoint+jws";
const HASH = /^[0-9a-f]{64}$/;
const SEQ = /^[1-9][0-9]{0,18}$/;

function isCheckpoint(value: unknown): value is Checkpoint {
  const c = value as Partial<Checkpoint> | null;
  return (
    typeof c === "object" && c !== null && typeof c.service === "string" && (c.kind === "head" || c.kind === "prune") &&
    typeof c.seq === "string" && SEQ.test(c.seq) && typeof c.hash === "string" && HASH.test(c.hash) &&
    Number.isInteger(c.count) && c.count! >= 0 && typeof c.at === "string" && !Number.isNaN(Date.parse(c.at))
  );
}

/** Signs checkpoints of one service's log with the private key. */
export interface CheckpointSigner {
  readonly service: string;
  sign(draft: CheckpointDraft, at?: Date): Promise<string>;
}

export async function checkpointSigner(service: string, key: CheckpointPrivateKey): Promise<CheckpointSigner> {
  const [privateKey, kid] = await Promise.all([importCheckpointKey(key), keyId(key)]);
  return {
    service,
    async sign(draft, at = new Date()) {
      const payload: Checkpoint = { service, kind: draft.kind, seq: draft.seq, hash: draft.hash, count: draft.count, at: at.toISOString() };
      return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: CHECKPOINT_ALG, kid, typ: CHECKPOINT_TYP }).sign(privateKey);
    },
  };
}

/** A line of the store that is no good checkpoint of the service, and why (no content of the line: it could be anything). */
export interface InvalidCheckpoint {
  /** From 1. */
  line: number;
  reason: "UNKNOWN_KEY" | "BAD_SIGNATURE" | "MALFORMED" | "OTHER_SERVICE";
}

export interface OpenedCheckpoints {
  valid: (Checkpoint & { line: number })[];
  invalid: InvalidCheckpoint[];
}

/** Checks every line of a service's store against the trusted public keys (any of them: old keys still verify what they signed). */
export async function openCheckpoints(service: string, lines: readonly string[], trusted: readonly CheckpointPublicKey[]): Promise<OpenedCheckpoints> {
  const keys = new Map(await Promise.all(trusted.map(async (k) => [await keyId(k), await importCheckpointKey(k)] as const)));
  const opened: OpenedCheckpoints = { valid: [], invalid: [] };
  for (const [index, jws] of lines.entries()) {
    const line = index + 1;
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(jws);
    } catch {
      opened.invalid.push({ line, reason: "MALFORMED" });
      continue;
    }
    const key = typeof header.kid === "string" ? keys.get(header.kid) : undefined;
    if (!key) {
      opened.invalid.push({ line, reason: "UNKNOWN_KEY" });
      continue;
    }
    let payload: unknown;
    try {
      const verified = await compactVerify(jws, key, { algorithms: [CHECKPOINT_ALG] });
      if (verified.protectedHeader.typ !== CHECKPOINT_TYP) throw new Error("not a checkpoint");
      payload = JSON.parse(new TextDecoder().decode(verified.payload));
    } catch {
      opened.invalid.push({ line, reason: "BAD_SIGNATURE" });
      continue;
    }
    if (!isCheckpoint(payload)) opened.invalid.push({ line, reason: "MALFORMED" });
    // Signed for another service's log: a copy of that service's store would otherwise pass for this one's.
    else if (payload.service !== service) opened.invalid.push({ line, reason: "OTHER_SERVICE" });
    else opened.valid.push({ ...payload, line });
  }
  return opened;
}

/**
 * Where a service's checkpoints are kept: `<dir>/<service>.jws`, one compact
 * JWS a line, only ever appended to (opened for appending, synced to disk
 * before the caller goes on: a prune deletes rows only once its boundary is stored).
 */
export class CheckpointFile {
  readonly file: string;

  constructor(dir: string, service: string) {
    this.file = path.join(dir, `${service}.jws`);
  }

  async append(lines: readonly string[]): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const handle = await fs.promises.open(this.file, "a", 0o600);
    try {
      await handle.appendFile(lines.map((l) => `${l}\n`).join(""));
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /** Every line, in order; none when the file does not exist (yet). */
  async read(): Promise<string[]> {
    try {
      return (await fs.promises.readFile(this.file, "utf8")).split("\n").filter((l) => l.trim() !== "");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }
}

/** A service's log's anchor: signs checkpoints and stores them outside the database. */
export interface CheckpointAnchor {
  readonly service: string;
  /** Signs and stores the drafts (in order, one write); resolves once they are on disk. */
  write(drafts: readonly CheckpointDraft[]): Promise<void>;
}

export function checkpointAnchor(signer: CheckpointSigner, store: Pick<CheckpointFile, "append">): CheckpointAnchor {
  return {
    service: signer.service,
    async write(drafts) {
      const at = new Date();
      await store.append(await Promise.all(drafts.map((d) => signer.sign(d, at))));
    },
  };
}

let processAnchor: CheckpointAnchor | undefined;

/** The kit sets this process's anchor at start-up (server.ts); pruneAccessLog uses it unless given another. */
export function useCheckpointAnchor(anchor: CheckpointAnchor | undefined): void {
  processAnchor = anchor;
}

export const currentCheckpointAnchor = (): CheckpointAnchor | undefined => processAnchor;

/** The log's newest row and how many rows it holds up to it; null for an empty log. */
export async function headDraft(db: Queryable): Promise<CheckpointDraft | null> {
  const { rows } = await db.query<{ seq: string; hash: string; count: string }>(
    `SELECT h.seq::text AS seq, h.hash, (SELECT count(*) FROM access_log c WHERE c.seq <= h.seq)::text AS count
     FROM (SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1) h`,
  );
  const head = rows[0];
  return head ? { kind: "head", seq: head.seq, hash: head.hash, count: Number(head.count) } : null;
}

export const CHECKPOINT_JOB = "access-log-checkpoint";

/**
 * The kit's job in every service: checkpoints the log's head once a pass
 * (each pass in one instance, kit/jobs.ts), unless this process already
 * checkpointed that very head. A head deleted between two passes is not
 * found; the interval is that window (docs/operations.md).
 */
export function accessLogCheckpointJob(db: Queryable, anchor: CheckpointAnchor, intervalMs: number): ScheduledJob {
  const log = createLogger("access-log-checkpoint");
  let last: string | undefined;
  return {
    name: CHECKPOINT_JOB,
    intervalMs,
    async run(pass) {
      const head = await headDraft(db);
      if (!head || `${head.seq}:${head.hash}` === last) return;
      await pass.checkpoint("head read");
      await anchor.write([head]);
      last = `${head.seq}:${head.hash}`;
      log.info("access log checkpointed", { seq: head.seq, rows: head.count });
    },
  };
}
