// The access log: appends form one hash chain (also when many resolvers log
// at once), and verify() finds edited and deleted rows; the audit:verify
// script does the same from the command line (with the checkpoints:
// access-log-checkpoint.test.ts).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";

import {
  AccessLog,
  AccessLogUnavailableError,
  BatchingAccessLog,
  entryHash,
  GENESIS_HASH,
  type AccessLogRecord,
} from "../services/kit/access-log.ts";
import { checkpointAnchor, CheckpointFile, checkpointSigner, headDraft } from "../services/kit/access-log-checkpoint.ts";
import { devCheckpointKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { applyMigrations } from "../services/kit/db/migrate.ts";
import { migrationSets } from "../services/kit/db/migration-sets.ts";
import { recreatePostgresDatabases, servePglite, testDatabase } from "./support/database.ts";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "access-log-test-"));
  tempDirs.push(dir);
  return dir;
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** The access log (the kit's) and nav's own tables, as nav's database gets them at start-up. */
const NAV_MIGRATIONS = migrationSets("nav");

/** A migrated nav database on PGlite (in memory, or in `dataDir`), reached as database.ts reaches it. */
async function navDatabase(dataDir?: string): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  // A new one is a copy of one migrated once in this file (support/database.ts pgliteSnapshot).
  const database = await servePglite(dataDir, { migrations: NAV_MIGRATIONS });
  cleanups.push(database.close);
  return database;
}

let counter = 0;
function record(overrides: Partial<AccessLogRecord> = {}): AccessLogRecord {
  counter += 1;
  return {
    requestId: `req-${counter}`,
    actorId: `employee-${counter % 3}`,
    actorService: "nav",
    personId: `person-${counter % 5}`,
    categories: counter % 2 ? ["benefits", "contact"] : [],
    caseId: counter % 4 ? `case-${counter % 4}` : null,
    decision: counter % 3 ? "GRANTED" : "RESTRICTED",
    reason: counter % 3 ? "CONSENT" : "NO_CONSENT",
    basis: counter % 3 ? `consent-${counter}` : null,
    ...overrides,
  };
}
const records = (n: number) => Array.from({ length: n }, () => record());

describe("AccessLog on PGlite", () => {
  it("chains batches, concurrent and coalesced appends into one verifiable chain", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    expect(await log.verify()).toEqual({ ok: true, rows: 0 });

    await log.append(records(3));
    await log.append([]);
    await log.append(records(1));
    // Unbatched appends racing each other.
    await Promise.all(Array.from({ length: 10 }, () => log.append(records(2))));

    // Many resolvers logging in the same tick: one transaction for all of them.
    const batching = new BatchingAccessLog(log);
    const append = vi.spyOn(log, "append");
    await Promise.all(Array.from({ length: 40 }, (_, i) => batching.append(records(1 + (i % 3)))));
    expect(append).toHaveBeenCalledTimes(1);
    // Callers spread over several ticks: several transactions, still one chain.
    append.mockClear();
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        for (let k = 0; k < i % 4; k++) await new Promise((resolve) => setImmediate(resolve));
        await batching.append(records(2));
      }),
    );
    expect(append.mock.calls.length).toBeGreaterThan(1);
    expect(append.mock.calls.length).toBeLessThan(12);
    append.mockRestore();

    const expected = 3 + 1 + 10 * 2 + 79 /* 14×1 + 13×2 + 13×3 */ + 12 * 2;
    expect(await log.verify()).toEqual({ ok: true, rows: expected });

    const { rows } = await pool.query(`SELECT prev_hash, hash FROM access_log ORDER BY seq`);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(expected);
  });

  it("rechains instead of forking when another instance appended since (the unique prev_hash refuses a stale head)", async () => {
    const { pool } = await navDatabase();
    const a = new AccessLog(pool);
    const b = new AccessLog(pool);
    await b.append(records(2)); // b now believes it knows the head
    await a.append(records(3)); // … which a has moved on
    await b.append(records(2)); // b's first INSERT is refused; it reads the head and appends after a's rows
    await a.append(records(1));
    expect(await a.verify()).toEqual({ ok: true, rows: 8 });
    const { rows } = await pool.query<{ n: string }>("SELECT count(DISTINCT prev_hash)::text AS n FROM access_log");
    expect(rows[0]!.n).toBe("8");
  });

  it("stores every field as given, at millisecond precision, and reads them back by person and by filter", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    const before = Date.now();
    await log.append([
      record({ personId: "p-1", actorId: "a-1", categories: ["health", "school"], caseId: "k-1", basis: "consent-9" }),
      record({ personId: "p-2", actorId: "a-1" }),
    ]);
    await log.append([record({ personId: "p-1", actorId: "a-2", decision: "RESTRICTED", caseId: null, basis: null, categories: [] })]);

    const forP1 = await log.entriesForPerson("p-1");
    expect(forP1.map((e) => [e.seq, e.actorId])).toEqual([["3", "a-2"], ["1", "a-1"]]);
    expect(forP1[1]).toMatchObject({ categories: ["health", "school"], caseId: "k-1", basis: "consent-9", decision: "GRANTED" });
    expect(forP1[0]).toMatchObject({ categories: [], caseId: null, basis: null, decision: "RESTRICTED" });
    expect(forP1[0].at.getTime()).toBeGreaterThanOrEqual(before);
    expect(forP1[1].prevHash).toBe(GENESIS_HASH);

    expect(await log.entriesForPerson("p-1", { limit: 1 })).toHaveLength(1);
    expect((await log.entries({ actorId: "a-1" })).map((e) => e.personId)).toEqual(["p-2", "p-1"]);
    expect(await log.entries({ actorId: "a-1", personId: "p-2" })).toHaveLength(1);
    expect(await log.entries({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await log.entries({ to: new Date(before - 60_000) })).toEqual([]);
    expect(await log.entries({})).toHaveLength(3);
  });

  it("finds an edited row, even when its hash is recomputed to cover the edit", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    await log.append(records(2));
    await log.append(records(3));
    await log.append(records(2));
    expect(await log.verify()).toEqual({ ok: true, rows: 7 });

    await pool.query(`UPDATE access_log SET actor_id = 'someone-else' WHERE seq = 3`);
    expect(await log.verify()).toEqual({ ok: false, rows: 2, brokenAt: "3", problem: "HASH_MISMATCH" });

    // Covering the edit with a correct hash for the edited row breaks the link from the next row.
    const [{ personId, ...row3 }] = (await log.entries({})).filter((e) => e.seq === "3");
    await pool.query(`UPDATE access_log SET hash = $1 WHERE seq = 3`, [entryHash(row3.prevHash, row3.at, { ...row3, personIds: [personId] })]);
    expect(await log.verify()).toEqual({ ok: false, rows: 3, brokenAt: "4", problem: "CHAIN_BROKEN" });
  });

  it("finds an edited hash and deleted rows", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    await log.append(records(3));
    await log.append(records(3));

    const { rows } = await pool.query<{ hash: string }>(`SELECT hash FROM access_log WHERE seq = 3`);
    await pool.query(`UPDATE access_log SET hash = repeat('a', 64) WHERE seq = 3`);
    expect(await log.verify()).toEqual({ ok: false, rows: 2, brokenAt: "3", problem: "HASH_MISMATCH" });
    await pool.query(`UPDATE access_log SET hash = $1 WHERE seq = 3`, [rows[0].hash]);
    expect(await log.verify()).toEqual({ ok: true, rows: 6 });

    await pool.query(`DELETE FROM access_log WHERE seq = 4`);
    expect(await log.verify()).toEqual({ ok: false, rows: 3, brokenAt: "5", problem: "CHAIN_BROKEN" });
    await pool.query(`DELETE FROM access_log WHERE seq = 1`);
    expect(await log.verify()).toEqual({ ok: false, rows: 0, brokenAt: "2", problem: "CHAIN_BROKEN" });
  });

  it("writes one row per look: the persons one request decided alike for share it, readers get one entry each", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    const look = { requestId: "req-family", actorId: "a-1", caseId: "k-1", categories: ["SERVICE_DATA"] };
    await log.append([
      record({ ...look, personId: "p-1", decision: "RESTRICTED", reason: "NO_CONSENT", basis: null }),
      record({ ...look, personId: "p-2", decision: "GRANTED", reason: "CONSENT", basis: "consent-2" }),
      record({ ...look, personId: "p-3", decision: "RESTRICTED", reason: "NO_CONSENT", basis: null }),
      record({ ...look, personId: "p-3", decision: "RESTRICTED", reason: "NO_CONSENT", basis: null }), // resolved twice in one look: named once
      record({ ...look, personId: "p-4", requestId: "req-other", decision: "RESTRICTED", reason: "NO_CONSENT", basis: null }),
    ]);
    const { rows } = await pool.query<{ person_ids: string[]; decision: string }>("SELECT person_ids, decision FROM access_log ORDER BY seq");
    expect(rows).toEqual([
      { person_ids: ["p-1", "p-3"], decision: "RESTRICTED" },
      { person_ids: ["p-2"], decision: "GRANTED" },
      { person_ids: ["p-4"], decision: "RESTRICTED" },
    ]);
    expect(await log.verify()).toEqual({ ok: true, rows: 3 });

    expect((await log.entries({ actorId: "a-1" })).map((e) => [e.seq, e.personId])).toEqual([
      ["3", "p-4"], ["2", "p-2"], ["1", "p-1"], ["1", "p-3"],
    ]);
    const forP3 = await log.entriesForPerson("p-3");
    expect(forP3.map((e) => [e.personId, e.decision, e.requestId])).toEqual([["p-3", "RESTRICTED", "req-family"]]);
    expect(await log.entriesForPerson("p-5")).toEqual([]);
    expect(await log.entries({ personId: "p-1", limit: 1 })).toHaveLength(1);

    // Who a look was about is covered by the hash like every other field.
    await pool.query(`UPDATE access_log SET person_ids = ARRAY['p-1'] WHERE seq = 1`);
    expect(await log.verify()).toEqual({ ok: false, rows: 0, brokenAt: "1", problem: "HASH_MISMATCH" });
  });

  it("hashes a look at one person as rows about one person were hashed before looks were grouped", () => {
    const at = new Date("2026-11-30T12:00:00.123Z");
    const look = { requestId: "r", actorId: "a", actorService: "nav", categories: ["SERVICE_DATA"], caseId: "k", decision: "GRANTED" as const, reason: "CONSENT", basis: "c" };
    // The canonical input of the chain as it was (person_id, one string): existing logs still verify.
    const before = JSON.stringify([GENESIS_HASH, at.toISOString(), "r", "a", "nav", "p-1", ["SERVICE_DATA"], "k", "GRANTED", "CONSENT", "c"]);
    expect(entryHash(GENESIS_HASH, at, { ...look, personIds: ["p-1"] })).toBe(createHash("sha256").update(before, "utf8").digest("hex"));
    expect(entryHash(GENESIS_HASH, at, { ...look, personIds: ["p-1", "p-2"] })).not.toBe(entryHash(GENESIS_HASH, at, { ...look, personIds: ["p-1,p-2"] }));
  });

  it("flags an extraordinary release in its row and its hash, and keeps its reviews apart from the row (issue 17)", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    await log.append([record({ personId: "p-1", requestId: "r-ordinary" }), record({ personId: "p-2", requestId: "r-extra", reason: "INFORMATION_REQUEST", extraordinary: true })]);
    const [extra] = await log.reviewList({});
    expect(extra).toMatchObject({ personId: "p-2", extraordinary: true, reason: "INFORMATION_REQUEST", review: null });
    expect((await log.entriesForPerson("p-1"))[0]).toMatchObject({ extraordinary: false });
    expect(await log.markReviewed(extra!.seq, "nav-auditor-1", "Innenfor anmodningen.")).toBe(true);
    // Once only, and never for an ordinary release.
    expect(await log.markReviewed(extra!.seq, "nav-auditor-2", "Igjen.")).toBe(false);
    const ordinary = (await log.entriesForPerson("p-1"))[0]!;
    expect(await log.markReviewed(ordinary.seq, "nav-auditor-1", "x")).toBe(false);
    expect(await log.reviewList({ reviewed: false })).toEqual([]);
    expect((await log.reviewList({ reviewed: true }))[0]!.review).toMatchObject({ reviewedBy: "nav-auditor-1", note: "Innenfor anmodningen." });
    expect(await log.verify()).toEqual({ ok: true, rows: 2 });
    // The flag is covered by the hash both ways.
    await pool.query(`UPDATE access_log SET extraordinary = false WHERE request_id = 'r-extra'`);
    expect((await log.verify()).ok).toBe(false);
    await pool.query(`UPDATE access_log SET extraordinary = true WHERE request_id = 'r-extra'`);
    await pool.query(`UPDATE access_log SET extraordinary = true WHERE request_id = 'r-ordinary'`);
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: ordinary.seq });
  });

  it("verifies across pages", async () => {
    const { pool } = await navDatabase();
    const log = new AccessLog(pool);
    await log.append(records(6200)); // more than one INSERT chunk and more than one verify page
    expect(await log.verify()).toEqual({ ok: true, rows: 6200 });
    await pool.query(`UPDATE access_log SET reason = 'edited' WHERE seq = 6100`);
    expect(await log.verify()).toEqual({ ok: false, rows: 6099, brokenAt: "6100", problem: "HASH_MISMATCH" });
  }, 60_000);

  it("fails with ACCESS_LOG_UNAVAILABLE and writes nothing when the log cannot be written", async () => {
    const { pool, close } = await navDatabase();
    const log = new AccessLog(pool);
    await log.append(records(2));

    // A failing statement inside the transaction: nothing of the batch is kept, the connection stays usable.
    const bad = record({ reason: "bad\u0000byte" }); // PostgreSQL text cannot hold NUL
    const error = await log.append([record(), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessLogUnavailableError);
    expect(error).toMatchObject({ code: "ACCESS_LOG_UNAVAILABLE" });
    expect(await log.verify()).toEqual({ ok: true, rows: 2 });

    // Every caller of a failed batch is told.
    const batching = new BatchingAccessLog(log);
    const results = await Promise.allSettled([batching.append(records(1)), batching.append([bad])]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await log.verify()).toEqual({ ok: true, rows: 2 });

    await close(); // the pool is ended
    await expect(log.append(records(1))).rejects.toMatchObject({ code: "ACCESS_LOG_UNAVAILABLE" });
    await expect(batching.append(records(1))).rejects.toBeInstanceOf(AccessLogUnavailableError);
  });
});

// PGlite has one session, so only PostgreSQL shows several instances (pools)
// appending at once: the losers of a race fall back to the advisory lock, and
// the result is still one chain.
describe.runIf(testDatabase() === "postgresql")("AccessLog on PostgreSQL", () => {
  it("keeps one chain when several instances append concurrently", async () => {
    const [url] = await recreatePostgresDatabases(["access_log_test"]);
    const instances = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 5 }));
    try {
      const client = await instances[0].connect();
      await applyMigrations(client, NAV_MIGRATIONS).finally(() => client.release());
      await Promise.all(
        instances.map(async (pool, i) => {
          // Half of them with prepared appends, as services on PostgreSQL run (kit/server.ts).
          const log = new AccessLog(pool, { prepared: i % 2 === 0 });
          const batching = new BatchingAccessLog(log);
          for (let round = 0; round < 20; round++) {
            await Promise.all([
              ...Array.from({ length: 5 }, () => log.append(records(3))),
              ...Array.from({ length: 5 }, () => batching.append(records(1))),
            ]);
          }
        }),
      );
      expect(await new AccessLog(instances[0]).verify()).toEqual({ ok: true, rows: 4 * 20 * (5 * 3 + 5) });
    } finally {
      await Promise.all(instances.map((pool) => pool.end()));
    }
  }, 60_000);
});

describe("npm run audit:verify", () => {
  const run = async (dataDir: string, args: string[] = []) => {
    // Strip any PostgreSQL configuration so the script reads the PGlite data folder.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DATABASE_URL_") && !k.startsWith("ACCESS_LOG_")));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", path.join(ROOT_DIR, "scripts", "audit-verify.ts"), ...args],
        { cwd: ROOT_DIR, env: { ...env, DATA_DIR: dataDir } },
      );
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code, stdout: `${e.stdout ?? ""}${e.stderr ?? ""}` };
    }
  };

  it("reports an intact log with exit 0 and a tampered one with exit 1", async () => {
    const dataDir = tempDir();
    const pgdata = path.join(dataDir, "nav", "pgdata");
    const first = await navDatabase(pgdata);
    await new AccessLog(first.pool).append(records(4));
    // Its head checkpointed, as the kit's job does, with the data folder's key (development's default).
    const anchor = checkpointAnchor(await checkpointSigner("nav", await devCheckpointKey(dataDir)), new CheckpointFile(path.join(dataDir, "access-log-checkpoints"), "nav"));
    await anchor.write([(await headDraft(first.pool))!]);
    await first.close();

    const intact = await run(dataDir);
    expect(intact.stdout).toMatch(/^ok nav: 4 rows, seq 1 to 4; 1 checkpoint, the newest of seq 4 at \S+; 0 rows after it$/m);
    expect(intact.stdout).toMatch(/^skip registry: no database/m); // services that never ran
    expect(intact.code).toBe(0);

    const second = await navDatabase(pgdata);
    await second.pool.query(`UPDATE access_log SET person_ids = ARRAY['another-person'] WHERE seq = 2`);
    await second.close();

    const tampered = await run(dataDir, ["nav"]);
    expect(tampered.stdout).toMatch(/^BROKEN nav at seq 2: HASH_MISMATCH/m);
    expect(tampered.code).toBe(1);
  }, 120_000);

  it("refuses a PGlite folder that a running service has open", async () => {
    const dataDir = tempDir();
    const open = await navDatabase(path.join(dataDir, "nav", "pgdata"));
    const result = await run(dataDir, ["nav"]);
    expect(result.stdout).toMatch(/stop the hub first or use PostgreSQL/);
    expect(result.code).toBe(2);
    await open.close();
  }, 120_000);
});
