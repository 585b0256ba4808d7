// The access log's head anchored outside its table (issue 24): signed
// checkpoints kept in a file, the kit's job that writes them, pruning that
// leaves a signed boundary, and `npm run audit:verify` checking all of it.
// Each tampering case also shows that the chain alone does not see it: what
// finds it is the checkpoint. On PGlite, and on PostgreSQL in the PostgreSQL pass.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { AccessLog, entryHash, GENESIS_HASH, type AccessDecision, type AccessLogRecord } from "../services/kit/access-log.ts";
import { verifyAnchored, type AnchoredResult } from "../services/kit/access-log-anchored.ts";
import {
  accessLogCheckpointJob,
  checkpointAnchor,
  CheckpointFile,
  checkpointSigner,
  useCheckpointAnchor,
  type CheckpointAnchor,
} from "../services/kit/access-log-checkpoint.ts";
import { devCheckpointKey, newCheckpointKey, publicHalf, type CheckpointPrivateKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { NoCheckpointAnchorError, pruneAccessLog } from "../services/kit/access-log-prune.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { applyMigrations } from "../services/kit/db/migrate.ts";
import { migrationSets } from "../services/kit/db/migration-sets.ts";
import { createJobRunner } from "../services/kit/jobs.ts";
import { recreatePostgresDatabases, servePglite, testDatabase } from "./support/database.ts";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "access-log-checkpoint-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(scratch, { recursive: true, force: true });
});

let databases = 0;
/** A migrated nav database: PGlite (in memory, or in `dataDir`), or a fresh PostgreSQL database in the PostgreSQL pass. */
async function navDatabase(dataDir?: string): Promise<{ pool: pg.Pool; url?: string; close(): Promise<void> }> {
  if (testDatabase() === "postgresql") {
    const [url] = await recreatePostgresDatabases([`checkpoint_test_${++databases}`]);
    const pool = new pg.Pool({ connectionString: url, max: 3 });
    let ended = false;
    const database = { pool, url, close: async () => void (ended || ((ended = true), await pool.end())) };
    cleanups.push(database.close);
    const client = await pool.connect();
    await applyMigrations(client, migrationSets("nav")).finally(() => client.release());
    return database;
  }
  // A new one is a copy of one migrated once in this file (support/database.ts pgliteSnapshot).
  const database = await servePglite(dataDir, { migrations: migrationSets("nav") });
  cleanups.push(database.close);
  return database;
}

let counter = 0;
function record(overrides: Partial<AccessLogRecord> = {}): AccessLogRecord {
  counter += 1;
  const granted = counter % 3 !== 0;
  return {
    requestId: `req-${counter}`,
    actorId: `employee-${counter % 3}`,
    actorService: "nav",
    personId: `person-${counter}`,
    categories: ["SERVICE_DATA"],
    caseId: `case-${counter % 4}`,
    decision: (granted ? "GRANTED" : "RESTRICTED") as AccessDecision,
    reason: granted ? "CONSENT" : "NO_CONSENT",
    basis: granted ? `consent-${counter}` : null,
    ...overrides,
  };
}
/** `n` rows: one request per look, so each record is a row of its own. */
const appendRows = (log: AccessLog, n: number) => log.append(Array.from({ length: n }, () => record()));

interface Setup {
  pool: pg.Pool;
  url?: string;
  log: AccessLog;
  key: CheckpointPrivateKey;
  store: CheckpointFile;
  anchor: CheckpointAnchor;
  /** One pass of the kit's checkpoint job, as server.ts runs it, one interval after the last. */
  checkpoint(): Promise<void>;
  verify(keys?: CheckpointPrivateKey[]): Promise<AnchoredResult>;
}

let setups = 0;
async function setup(options: { dataDir?: string; checkpointDir?: string; key?: CheckpointPrivateKey } = {}): Promise<Setup> {
  const { pool, url } = await navDatabase(options.dataDir);
  const key = options.key ?? (await newCheckpointKey());
  const store = new CheckpointFile(options.checkpointDir ?? path.join(scratch, `checkpoints-${++setups}`), "nav");
  const anchor = checkpointAnchor(await checkpointSigner("nav", key), store);
  const clock = { now: new Date() };
  const runner = createJobRunner({ ...accessLogCheckpointJob(pool, anchor, 60_000), db: pool, leaseMs: 5_000, now: () => clock.now });
  return {
    pool,
    url,
    log: new AccessLog(pool),
    key,
    store,
    anchor,
    async checkpoint() {
      clock.now = new Date(clock.now.getTime() + 60_000);
      expect(await runner.runOnce()).toMatchObject({ ran: true, completed: true });
    },
    verify: async (keys = [key]) => verifyAnchored(pool, "nav", await store.read(), keys.map(publicHalf)),
  };
}

/** Rewrites every row from `fromSeq` on so that the chain links again: what someone covering a deletion would do. */
async function rechainFrom(pool: pg.Pool, fromSeq: number): Promise<void> {
  const log = new AccessLog(pool);
  const rows = (await log.entries({ limit: 10_000 })).filter((r) => r.look === 1).sort((a, b) => Number(a.seq) - Number(b.seq));
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (Number(row.seq) >= fromSeq) {
      const hash = entryHash(prev, row.at, { ...row, personIds: [row.personId] });
      await pool.query(`UPDATE access_log SET prev_hash = $1, hash = $2 WHERE seq = $3`, [prev, hash, row.seq]);
      prev = hash;
    } else prev = row.hash;
  }
}

const problems = (r: AnchoredResult) => r.problems.map((p) => ("seq" in p ? `${p.problem} ${p.seq}` : p.problem));

describe("signed checkpoints of the access log's head", () => {
  beforeEach(() => useCheckpointAnchor(undefined));

  it("(a) a clean log with its checkpoints verifies; the job writes a head once, not again while it stays", async () => {
    const s = await setup();
    expect(await s.verify()).toMatchObject({ ok: true, checkpoints: 0, problems: [] }); // empty: nothing to anchor
    await appendRows(s.log, 5);
    await s.checkpoint();
    await appendRows(s.log, 3);
    await s.checkpoint();
    await s.checkpoint(); // same head: no third line
    expect(await s.store.read()).toHaveLength(2);
    const result = await s.verify();
    expect(result).toMatchObject({ ok: true, firstSeq: "1", lastSeq: "8", prunedBefore: false, checkpoints: 2, rowsAfterNewest: 0, problems: [] });
    expect(result.newest).toMatchObject({ service: "nav", kind: "head", seq: "8", count: 8 });
    // Rows after the newest checkpoint are counted: the next pass anchors them.
    await appendRows(s.log, 2);
    expect(await s.verify()).toMatchObject({ ok: true, rowsAfterNewest: 2 });
  }, 90_000);

  it("(b) finds the newest rows deleted, which the chain alone does not", async () => {
    const s = await setup();
    await appendRows(s.log, 6);
    await s.checkpoint();
    await s.pool.query(`DELETE FROM access_log WHERE seq > 3`);
    expect(await s.log.verify()).toEqual({ ok: true, rows: 3 });
    const result = await s.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ problem: "ROWS_REMOVED_AFTER", seq: "6", lastSeq: "3", checkpointAt: result.newest!.at }]);
    // Every row gone: still found.
    await s.pool.query(`DELETE FROM access_log`);
    expect(problems(await s.verify())).toEqual(["ROWS_REMOVED_AFTER 6"]);
  }, 90_000);

  it.each([
    { deleted: 3, rows: 7, found: ["CHECKPOINT_MISMATCH 5", "CHECKPOINT_MISMATCH 8"] },
    // The checkpointed row itself.
    { deleted: 5, rows: 7, found: ["CHECKPOINT_MISMATCH 8", "CHECKPOINT_ROW_MISSING 5"] },
  ])("(c) finds row $deleted deleted and the rest re-chained, which the chain alone does not", async ({ deleted, rows, found }) => {
    const s = await setup();
    await appendRows(s.log, 5);
    await s.checkpoint();
    await appendRows(s.log, 3);
    await s.checkpoint();
    await s.pool.query(`DELETE FROM access_log WHERE seq = $1`, [deleted]);
    await rechainFrom(s.pool, deleted + 1);
    expect(await s.log.verify()).toEqual({ ok: true, rows });
    expect(problems(await s.verify())).toEqual(found);
  }, 90_000);

  it("(d) finds a forged or edited checkpoint, one of another service, and an emptied store; old keys still verify", async () => {
    const s = await setup();
    await appendRows(s.log, 4);
    await s.checkpoint();
    const [line] = await s.store.read();
    const [header, payload, signature] = line!.split(".");
    // Edited: the head moved back to seq 2 (to cover a truncation), the signature kept.
    const edited = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as Record<string, unknown>;
    const moved = Buffer.from(JSON.stringify({ ...edited, seq: "2" })).toString("base64url");
    // Forged: signed with a key nobody trusts.
    const forger = checkpointAnchor(await checkpointSigner("nav", await newCheckpointKey()), s.store);
    fs.writeFileSync(s.store.file, `${header}.${moved}.${signature}\n`);
    await forger.write([{ kind: "head", seq: "2", hash: "0".repeat(64), count: 2 }]);
    // Signed with the right key, for another service's log.
    await checkpointAnchor(await checkpointSigner("helse", s.key), s.store).write([{ kind: "head", seq: "4", hash: "0".repeat(64), count: 4 }]);
    fs.appendFileSync(s.store.file, "not a checkpoint\n");
    const result = await s.verify();
    expect(result.problems).toEqual([
      { problem: "CHECKPOINT_INVALID", line: 1, reason: "BAD_SIGNATURE" },
      { problem: "CHECKPOINT_INVALID", line: 2, reason: "UNKNOWN_KEY" },
      { problem: "CHECKPOINT_INVALID", line: 3, reason: "OTHER_SERVICE" },
      { problem: "CHECKPOINT_INVALID", line: 4, reason: "MALFORMED" },
      { problem: "NO_CHECKPOINT", rows: 4 },
    ]);

    // An emptied store: the rows are not anchored.
    fs.writeFileSync(s.store.file, "");
    expect(problems(await s.verify())).toEqual(["NO_CHECKPOINT"]);

    // Rotation: checkpoints of the old key verify as long as its public half is trusted.
    await appendRows(s.log, 1); // a new head: the job does not write seq 4's again

    await s.checkpoint();
    const rotated = await newCheckpointKey();
    await appendRows(s.log, 1);
    await checkpointAnchor(await checkpointSigner("nav", rotated), s.store).write([{ kind: "head", seq: "6", hash: (await s.pool.query<{ hash: string }>("SELECT hash FROM access_log WHERE seq = 6")).rows[0]!.hash, count: 6 }]);
    expect(await s.verify([rotated, s.key])).toMatchObject({ ok: true, checkpoints: 2 });
    expect(problems(await s.verify([rotated]))).toEqual(["CHECKPOINT_INVALID"]);
  }, 90_000);

  it("(e) a prune leaves a signed boundary the rest verifies from; a prune by hand is found", async () => {
    const s = await setup();
    await appendRows(s.log, 4);
    await s.log.append([record({ requestId: "extra", reason: "INFORMATION_REQUEST", extraordinary: true })]);
    const [extra] = await s.log.reviewList({});
    expect(await s.log.markReviewed(extra!.seq, "nav-auditor", "ok")).toBe(true);
    await s.checkpoint();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await appendRows(s.log, 3);
    await s.checkpoint();

    // Without an anchor nothing is removed; a dry run counts and changes nothing.
    await expect(pruneAccessLog(s.pool, { before })).rejects.toBeInstanceOf(NoCheckpointAnchorError);
    const lines = (await s.store.read()).length;
    expect(await pruneAccessLog(s.pool, { before, dryRun: true })).toMatchObject({ entries: 5, reviews: 1, firstKeptSeq: "6", dryRun: true });
    expect((await s.store.read()).length).toBe(lines);
    expect(await s.log.verify()).toEqual({ ok: true, rows: 8 });

    // The kit's anchor (set at start-up) is the default.
    useCheckpointAnchor(s.anchor);
    const { rows: [sixth] } = await s.pool.query<{ prev_hash: string }>("SELECT prev_hash FROM access_log WHERE seq = 6");
    expect(await pruneAccessLog(s.pool, { before })).toEqual({ entries: 5, reviews: 1, firstKeptSeq: "6", boundaryHash: sixth!.prev_hash, dryRun: false });
    expect((await s.pool.query("SELECT count(*)::int AS n FROM access_review")).rows[0]).toEqual({ n: 0 });
    // The chain alone no longer starts at GENESIS_HASH; with the boundary it verifies, and so do the earlier checkpoints.
    expect(await s.log.verify()).toMatchObject({ ok: false, brokenAt: "6", problem: "CHAIN_BROKEN" });
    expect(await s.verify()).toMatchObject({ ok: true, firstSeq: "6", lastSeq: "8", prunedBefore: true, problems: [] });
    // Nothing older left: a second prune removes nothing and writes nothing.
    expect(await pruneAccessLog(s.pool, { before })).toMatchObject({ entries: 0, firstKeptSeq: "6", boundaryHash: null });
    await appendRows(s.log, 2);
    await s.checkpoint();
    expect(await s.verify()).toMatchObject({ ok: true, lastSeq: "10", rowsAfterNewest: 0 });

    // The newest row stays, however old: the next append links to it.
    expect(await pruneAccessLog(s.pool, { before: new Date(Date.now() + 60_000) })).toMatchObject({ entries: 4, firstKeptSeq: "10" });
    await appendRows(s.log, 1);
    await s.checkpoint();
    expect(await s.verify()).toMatchObject({ ok: true, firstSeq: "10", lastSeq: "11" });

    // By hand: the oldest rows deleted with no checkpoint of it.
    await s.pool.query("DELETE FROM access_log WHERE seq = 10");
    expect(problems(await s.verify())).toEqual(["PRUNED_WITHOUT_CHECKPOINT 11"]);
    // …and re-chained from GENESIS_HASH to look like a log that never had them: the checkpoints find it.
    await rechainFrom(s.pool, 11);
    expect(await s.log.verify()).toEqual({ ok: true, rows: 1 });
    expect(problems(await s.verify())).toContain("CHECKPOINT_MISMATCH 11");
  }, 90_000);

  it("a prune by hand of a log that was never pruned is found", async () => {
    const s = await setup();
    await appendRows(s.log, 5);
    await s.checkpoint();
    await s.pool.query("DELETE FROM access_log WHERE seq <= 2");
    expect(problems(await s.verify())).toEqual(["PRUNED_WITHOUT_CHECKPOINT 3"]);
  }, 90_000);
});

describe("npm run audit:verify with checkpoints", () => {
  const run = async (env: NodeJS.ProcessEnv, args: string[] = ["nav"]) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DATABASE_URL_") && !k.startsWith("ACCESS_LOG_")));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts", "audit-verify.ts"), ...args], {
        cwd: ROOT_DIR,
        env: { ...clean, ...env },
      });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code, stdout: `${e.stdout ?? ""}${e.stderr ?? ""}` };
    }
  };

  it("a subgraph checkpoints its log when it starts (the kit's job, the data folder's key), and audit:verify trusts that", async () => {
    const dataDir = fs.mkdtempSync(path.join(scratch, "subgraph-"));
    const postgres = testDatabase() === "postgresql";
    const { pool, url, close } = await navDatabase(postgres ? undefined : path.join(dataDir, "nav", "pgdata"));
    await appendRows(new AccessLog(pool), 3);
    await close();
    // Not +2390, where new-service.test.ts starts its identity provider: unit files run side by side.
    const port = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 2385;
    const env = { DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL_NAV: url } : {}) };
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DATABASE_URL_") && !k.startsWith("ACCESS_LOG_") && k !== "JOBS_ENABLED"));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "services", "nav", "index.ts")], {
      cwd: ROOT_DIR,
      env: { ...clean, ...env, PORT: String(port), SEED_DEMO: "false", REDIS_URL: "", LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const file = path.join(dataDir, "access-log-checkpoints", "nav.jws");
    try {
      const deadline = Date.now() + 150_000;
      while (!(fs.existsSync(file) && fs.readFileSync(file, "utf8").includes("\n")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(fs.existsSync(path.join(dataDir, ".access-log-checkpoint-key.json"))).toBe(true);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    const result = await run(env);
    expect(result.stdout).toMatch(/^ok nav: 3 rows, seq 1 to 3; 1 checkpoint, the newest of seq 3 at \S+; 0 rows after it$/m);
    expect(result.code).toBe(0);
  }, 240_000);

  it("exits 0 for an anchored log, 1 naming the service and seq when its newest rows are gone; no person is printed", async () => {
    const dataDir = fs.mkdtempSync(path.join(scratch, "data-"));
    const checkpointDir = path.join(dataDir, "access-log-checkpoints");
    const postgres = testDatabase() === "postgresql";
    // Development's default: the data folder's key, which the subgraphs make and audit:verify trusts.
    const key = await devCheckpointKey(dataDir);
    const s = await setup({ dataDir: postgres ? undefined : path.join(dataDir, "nav", "pgdata"), checkpointDir, key });
    await appendRows(s.log, 6);
    await s.checkpoint();
    const env = { DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL_NAV: s.url } : {}) };
    // PGlite's folder is opened by one process at a time.
    const reopen = postgres ? async () => s.pool : undefined;
    if (!postgres) await cleanups.at(-1)!();

    const intact = await run(env);
    expect(intact.stdout).toMatch(/^ok nav: 6 rows, seq 1 to 6; 1 checkpoint, the newest of seq 6 at \S+; 0 rows after it$/m);
    expect(intact.code).toBe(0);

    // Only the public keys given: the data folder's key is development's default, not production's.
    const production = await run({ ...env, NODE_ENV: "production" });
    expect(production.stdout).toMatch(/ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS is not set/);
    expect(production.code).toBe(1);
    const withKeys = await run({ ...env, NODE_ENV: "production", ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS: JSON.stringify({ keys: [publicHalf(key)] }) });
    expect(withKeys.code).toBe(0);

    const pool = reopen ? await reopen() : (await navDatabase(path.join(dataDir, "nav", "pgdata"))).pool;
    await pool.query("DELETE FROM access_log WHERE seq > 4");
    if (!postgres) await cleanups.at(-1)!();
    const truncated = await run(env);
    expect(truncated.stdout).toMatch(/^BROKEN nav: rows removed from the end: the checkpoint of \S+ names seq 6, the log ends at seq 4$/m);
    expect(truncated.stdout).not.toMatch(/person-|employee-/);
    expect(truncated.code).toBe(1);
  }, 120_000);
});
