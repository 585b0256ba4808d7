// The kit owns the access log's schema once (prisma/access-log/): no service
// carries a copy, and a service database made by main before the move (at
// af7e18a, with the log in the service's own migrations) upgrades in place on
// start-up — every row and hash kept, the chain verified and continued, and
// the table exactly what a fresh database gets. On PGlite, and on PostgreSQL
// in the PostgreSQL pass.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { listMigrationDirs, readMigrationsList, schemaPaths, withSchemaEngine } from "../scripts/lib/schema-engine.ts";
import { AccessLog, entryHash, GENESIS_HASH, looks, type AccessLogRecord } from "../services/kit/access-log.ts";
import { checkpointAnchor, CheckpointFile, checkpointSigner, headDraft } from "../services/kit/access-log-checkpoint.ts";
import { devCheckpointKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { openDatabase, type Database } from "../services/kit/db/database.ts";
import { applyMigrations, MigrationError } from "../services/kit/db/migrate.ts";
import { ACCESS_LOG_SCHEMA, migrationSets, PRISMA_DIR, replacedAccessLogMigrations } from "../services/kit/db/migration-sets.ts";
import { HISTORY_AT_AF7E18A } from "./fixtures/af7e18a/history.ts";
import { postgresBinDir } from "./support/private-postgres.ts";
import { pgliteSnapshot, recreatePostgresDatabases, servePglite, testDatabase } from "./support/database.ts";

const FIXTURES = path.join(ROOT_DIR, "test", "fixtures", "af7e18a");
/** The migration that turned one row per person into one row per look; rows written before it hash differently. */
const GROUPING = "20261202021511_access_log_person_ids";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "access-log-schema-test-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const kitMigrations = () => listMigrationDirs(schemaPaths(ACCESS_LOG_SCHEMA).migrationsDir);
/** Every migration a service's database gets, of each set (the access log's, the involvement register's, its own): name → its file. */
const allMigrations = (service: string) =>
  new Map(migrationSets(service).flatMap(({ dir }) => listMigrationDirs(dir).map((name) => [name, path.join(dir, name, "migration.sql")] as const)));
const accessLogMigrationName = /_access_log(_chain|_person_ids)?$/;

describe("the access log's schema", () => {
  it("is the kit's alone: no service's schema.prisma or migrations carry the table", () => {
    expect(readFileSync(path.join(PRISMA_DIR, ACCESS_LOG_SCHEMA, "schema.prisma"), "utf8")).toMatch(/^model AccessLogEntry \{[^}]*@@map\("access_log"\)/m);
    expect(kitMigrations().length).toBeGreaterThan(0);
    for (const service of SERVICE_NAMES) {
      expect(readFileSync(path.join(PRISMA_DIR, service, "schema.prisma"), "utf8"), service).not.toMatch(/AccessLogEntry|"access_log"/);
      const dir = path.join(PRISMA_DIR, service, "migrations");
      for (const name of listMigrationDirs(dir)) {
        expect(readFileSync(path.join(dir, name, "migration.sql"), "utf8"), `${service}/${name}`).not.toMatch(/access_log/);
      }
    }
  });

  it("knows, for every service, exactly the access-log migrations that service had at af7e18a", () => {
    for (const service of SERVICE_NAMES) {
      const before = (HISTORY_AT_AF7E18A[service] ?? []).filter(([name]) => accessLogMigrationName.test(name));
      expect(replacedAccessLogMigrations(service), service).toEqual(before.map(([name, checksum]) => ({ name, checksum })));
      // They share _prisma_migrations with the kit's, by name.
      for (const { name } of replacedAccessLogMigrations(service)) expect(kitMigrations()).not.toContain(name);
    }
  });
});

/** Where a test database lives: a PostgreSQL URL, else a PGlite data folder (`<dataDir>/pgdata`, as the services keep it). */
interface Place {
  dataDir: string;
  url: string | undefined;
}

/** PGlite: `<root>/<kind>/<service>`, so that each kind is a DATA_DIR as audit:verify reads it. */
const pgliteRoot = tempDir();

/** An empty database at `dataDir`: a copy of a snapshot (support/database.ts), as initdb would leave it. */
async function emptyPgliteAt(dataDir: string): Promise<void> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await (await PGlite.create({ dataDir, loadDataDir: await pgliteSnapshot([]) })).close();
}

/** One empty database per kind (upgrade, fresh, …) for `service`. */
async function places(service: ServiceName, kinds: readonly string[]): Promise<Place[]> {
  if (testDatabase() === "postgresql") {
    const urls = await recreatePostgresDatabases(kinds.map((kind) => `${kind}_${service}`));
    return urls.map((url) => ({ dataDir: tempDir(), url }));
  }
  const dataDirs = kinds.map((kind) => path.join(pgliteRoot, kind, service));
  for (const dataDir of dataDirs) await emptyPgliteAt(path.join(dataDir, "pgdata"));
  return dataDirs.map((dataDir) => ({ dataDir, url: undefined }));
}

/** A pool on the database at `place` without migrating it (as the release before would find it). */
async function connect(place: Place): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (!place.url) return servePglite(path.join(place.dataDir, "pgdata"));
  const pool = new pg.Pool({ connectionString: place.url, max: 1 });
  return { pool, close: () => pool.end() };
}

/** The service's start-up on this branch: services/kit/db/database.ts opens and migrates. */
function start(service: ServiceName, place: Place): Promise<Database> {
  return openDatabase({ service, databaseUrl: place.url, databasePoolSize: 2, dataDir: place.dataDir });
}

/**
 * The service's migrations folder as it was at af7e18a, up to (not including)
 * `until`: its own migrations from today's folder, the access-log ones from
 * the fixtures, each checked against the checksum git had.
 */
function folderAtAf7e18a(service: ServiceName, until = "99999999999999"): string {
  const dir = tempDir();
  const history = HISTORY_AT_AF7E18A[service];
  if (!history) throw new Error(`no af7e18a history for ${service}`);
  for (const [name, checksum] of history.filter(([name]) => name < until)) {
    const candidates = [
      path.join(PRISMA_DIR, service, "migrations", name, "migration.sql"),
      path.join(FIXTURES, `${name.slice("YYYYMMDDHHMMSS_".length)}.sql`),
    ];
    const source = candidates.find((file) => existsSync(file) && sha256(readFileSync(file)) === checksum);
    if (!source) throw new Error(`cannot rebuild ${service}'s ${name} as it was at af7e18a (checksum ${checksum})`);
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), readFileSync(source));
  }
  return dir;
}

/** af7e18a's runner: one folder, the service's own (the kit had no set then). */
async function migrateAsAf7e18a(pool: pg.Pool, service: ServiceName, until?: string): Promise<void> {
  const client = await pool.connect();
  try {
    await applyMigrations(client, [{ schema: service, dir: folderAtAf7e18a(service, until) }]);
  } finally {
    client.release();
  }
}

/** Rows as they were written before looks were grouped: one person each, in `person_id`, hashed with the person as a string. */
async function writeUngroupedRows(pool: pg.Pool, service: string, persons: string[]): Promise<void> {
  let prev = GENESIS_HASH;
  for (const person of persons) {
    const at = new Date();
    const fields = [`req-old-${person}`, "a-1", service, person, ["SERVICE_DATA"], "k-1", "RESTRICTED", "NO_CONSENT", null];
    const hash = sha256(JSON.stringify([prev, at.toISOString(), ...fields]));
    await pool.query(
      `INSERT INTO access_log (at, request_id, actor_id, actor_service, person_id, categories, case_id, decision, reason, basis, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [at, ...fields, prev, hash],
    );
    prev = hash;
  }
}

/**
 * Rows as af7e18a's writer wrote them: several persons in one look, hashed as
 * today's writer hashes an ordinary release, into the table as it was then
 * (no `extraordinary` column yet).
 */
async function appendAsAf7e18a(pool: pg.Pool, records: AccessLogRecord[]): Promise<void> {
  let prev = (await pool.query<{ hash: string }>(`SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1`)).rows[0]?.hash ?? GENESIS_HASH;
  const at = new Date();
  for (const r of looks(records)) {
    const hash = entryHash(prev, at, r);
    await pool.query(
      `INSERT INTO access_log (at, request_id, actor_id, actor_service, person_ids, categories, case_id, decision, reason, basis, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [at, r.requestId, r.actorId, r.actorService, r.personIds, r.categories, r.caseId, r.decision, r.reason, r.basis, prev, hash],
    );
    prev = hash;
  }
}

function look(service: string, requestId: string, personIds: string[], decision: "GRANTED" | "RESTRICTED" = "GRANTED"): AccessLogRecord[] {
  return personIds.map((personId) => ({
    requestId,
    actorId: "employee-1",
    actorService: service,
    personId,
    categories: ["SERVICE_DATA", "INVOLVEMENT"],
    caseId: "case-1",
    decision,
    reason: decision === "GRANTED" ? "CONSENT" : "NO_CONSENT",
    basis: decision === "GRANTED" ? "consent-1" : null,
  }));
}

/** Every row exactly as stored, hash and all. */
async function allRows(pool: pg.Pool): Promise<unknown[]> {
  const { rows } = await pool.query<{ row: unknown }>(`SELECT to_jsonb(access_log)::text AS row FROM access_log ORDER BY seq`);
  return rows.map((r) => r.row);
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  applied_steps_count: number;
  logs: string | null;
}
const byName = (a: HistoryRow, b: HistoryRow) => (a.migration_name < b.migration_name ? -1 : a.migration_name > b.migration_name ? 1 : 0);

/** The database's migration history, by name. */
async function history(pool: pg.Pool): Promise<HistoryRow[]> {
  const { rows } = await pool.query<HistoryRow>(
    `SELECT migration_name, checksum, applied_steps_count, logs FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  return rows.sort(byName);
}

/** What PostgreSQL's catalog says `access_log` is: columns in order, constraints, indexes, triggers, grants, its sequence. */
async function tableDefinition(pool: pg.Pool): Promise<Record<string, unknown>> {
  const q = async (sql: string) => (await pool.query(sql)).rows;
  const table = `'public.access_log'::regclass`;
  return {
    table: await q(`SELECT relkind, relpersistence, relacl::text, reloptions, relrowsecurity, relforcerowsecurity, relreplident,
                      obj_description(oid, 'pg_class') AS comment FROM pg_class WHERE oid = ${table}`),
    columns: await q(`SELECT a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS default,
                        a.attidentity, a.attgenerated, a.attcollation, a.attacl::text, col_description(a.attrelid, a.attnum) AS comment
                      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                      WHERE a.attrelid = ${table} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`),
    constraints: await q(`SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = ${table} ORDER BY conname`),
    indexes: await q(`SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = ${table} ORDER BY 1`),
    triggers: await q(`SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = ${table} ORDER BY tgname`),
    policies: await q(`SELECT polname, polcmd, pg_get_expr(polqual, polrelid) AS qual FROM pg_policy WHERE polrelid = ${table} ORDER BY polname`),
    rules: await q(`SELECT rulename, definition FROM pg_rules WHERE tablename = 'access_log' ORDER BY rulename`),
    sequences: await q(`SELECT c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle,
                          c.relacl::text, pg_get_serial_sequence('access_log', 'seq') AS owned_by
                        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
                        JOIN pg_depend dep ON dep.objid = s.seqrelid AND dep.refobjid = ${table} ORDER BY c.relname`),
  };
}

/** pg_dump's definition of the table (PostgreSQL only), without the lines that name the database or change each run. */
async function dumpTable(url: string): Promise<string | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const { stdout } = await promisify(execFile)(path.join(bin, "pg_dump"), ["--schema-only", "--table=public.access_log", url]);
  return stdout
    .split("\n")
    .filter((line) => !/^\\(un)?restrict /.test(line))
    .join("\n");
}

/** `npm run audit:verify` (every service) with `env` saying where the databases are. */
async function auditVerify(env: NodeJS.ProcessEnv, services: readonly string[] = []): Promise<{ code: number; stdout: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DATABASE_URL_")));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts", "audit-verify.ts"), ...services], {
      cwd: ROOT_DIR,
      env: { ...clean, ...env },
    });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** The services main had at af7e18a: only their databases can have been made by it (a later service starts fresh). */
const UPGRADED = SERVICE_NAMES.filter((s) => HISTORY_AT_AF7E18A[s] !== undefined);

describe(`a service database made by main at af7e18a, upgraded in place (${testDatabase()})`, () => {
  /** Rows each upgraded database ends with, and where it is, for audit:verify below. */
  const rowsAfter = new Map<ServiceName, number>();
  const upgradedUrls = new Map<ServiceName, string>();

  it.each(UPGRADED)("%s: starts, keeps every row and hash, verifies, chains on and matches a fresh database", async (service) => {
    const [upgraded, fresh] = await places(service, ["upgrade", "fresh"]);
    if (upgraded!.url) upgradedUrls.set(service, upgraded!.url);

    // Main at af7e18a: the history up to the grouping of looks, rows written one per person,
    // then the rest of that history and rows written by today's writer (several persons in one look).
    const old = await connect(upgraded!);
    let rowsBefore: unknown[];
    let historyBefore: HistoryRow[];
    let head: string;
    try {
      await migrateAsAf7e18a(old.pool, service, GROUPING);
      await writeUngroupedRows(old.pool, service, ["p-1", "p-2", "p-3"]);
      await migrateAsAf7e18a(old.pool, service);
      await appendAsAf7e18a(old.pool, [...look(service, "req-family", ["p-1", "p-2", "p-4"]), ...look(service, "req-family", ["p-5"], "RESTRICTED")]);
      await appendAsAf7e18a(old.pool, look(service, "req-again", ["p-2"]));
      rowsBefore = await allRows(old.pool);
      historyBefore = await history(old.pool);
      head = (await old.pool.query<{ hash: string }>(`SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1`)).rows[0]!.hash;
    } finally {
      await old.close();
    }
    expect(historyBefore.map((h) => h.migration_name)).toEqual(HISTORY_AT_AF7E18A[service]!.map(([name]) => name).sort());

    // This branch's start-up, twice.
    const first = await start(service, upgraded!);
    let definitionUpgraded: Record<string, unknown>;
    try {
      // Every row and hash as it was; the columns added since hold their defaults (an ordinary release).
      const parsed = (rows: unknown[]) => rows.map((row) => JSON.parse(row as string) as Record<string, unknown>);
      expect(parsed(await allRows(first.pool))).toEqual(parsed(rowsBefore).map((row) => ({ ...row, extraordinary: false })));
      const log = new AccessLog(first.pool);
      expect(await log.verify()).toEqual({ ok: true, rows: 6 });
      expect((await log.entriesForPerson("p-2")).map((e) => e.requestId)).toEqual(["req-again", "req-family", "req-old-p-2"]);

      // The kit's first access-log migration is recorded (as `prisma migrate resolve --applied` would: no steps run); the
      // migrations made since af7e18a (the kit's later ones, the involvement register's, the service's own) run; nothing else changed.
      const [takeover] = kitMigrations();
      const files = allMigrations(service);
      const checksum = (name: string) => sha256(readFileSync(files.get(name)!));
      const before = new Set(historyBefore.map((h) => h.migration_name));
      const since = [...files.keys()].filter((name) => !before.has(name) && name !== takeover);
      expect(await history(first.pool)).toEqual(
        [
          ...historyBefore,
          { migration_name: takeover!, checksum: checksum(takeover!), applied_steps_count: 0, logs: "" },
          ...since.map((name) => ({ migration_name: name, checksum: checksum(name), applied_steps_count: 1, logs: null })),
        ].sort(byName),
      );

      // New rows chain onto the old ones.
      await log.append([...look(service, "req-new", ["p-6", "p-7"]), ...look(service, "req-new", ["p-1"], "RESTRICTED")]);
      expect(await log.verify()).toEqual({ ok: true, rows: 8 });
      const { rows } = await first.pool.query<{ prev_hash: string }>(`SELECT prev_hash FROM access_log ORDER BY seq OFFSET 6 LIMIT 1`);
      expect(rows[0]!.prev_hash).toBe(head);
      definitionUpgraded = await tableDefinition(first.pool);
    } finally {
      await first.close();
    }
    const second = await start(service, upgraded!);
    try {
      expect(await new AccessLog(second.pool).verify()).toEqual({ ok: true, rows: 8 });
      expect((await history(second.pool)).map((h) => h.migration_name)).toEqual([...new Set([...historyBefore.map((h) => h.migration_name), ...allMigrations(service).keys()])].sort());
    } finally {
      await second.close();
    }
    rowsAfter.set(service, 8);

    // A fresh database gets exactly the same table.
    const created = await start(service, fresh!);
    try {
      expect(await tableDefinition(created.pool)).toEqual(definitionUpgraded);
      // Run, not adopted: the kit's migrations and the service's own, nothing else.
      expect((await history(created.pool)).map((h) => [h.migration_name, h.applied_steps_count])).toEqual(
        [...allMigrations(service).keys()].sort().map((name) => [name, 1]),
      );
    } finally {
      await created.close();
    }
    if (upgraded!.url && fresh!.url) {
      const [a, b] = await Promise.all([dumpTable(upgraded!.url), dumpTable(fresh!.url)]);
      if (a !== null) {
        expect(a).toMatch(/^CREATE TABLE public\.access_log \(/m);
        expect(a).toBe(b);
      }
    }
  }, 180_000);

  it("passes npm run audit:verify on every upgraded database", async () => {
    expect([...rowsAfter.keys()]).toEqual([...UPGRADED]);
    const env: NodeJS.ProcessEnv = testDatabase() === "postgresql"
      ? Object.fromEntries([...upgradedUrls].map(([service, url]) => [`DATABASE_URL_${service.toUpperCase()}`, url]))
      : { DATA_DIR: path.join(pgliteRoot, "upgrade") };
    // The first start of the new release checkpoints each log's head (services/kit/server.ts): do what it does.
    const dataDir = env.DATA_DIR ?? tempDir();
    env.DATA_DIR = dataDir;
    const key = await devCheckpointKey(dataDir);
    for (const service of UPGRADED) {
      const url = upgradedUrls.get(service);
      const db = await connect({ dataDir: path.join(dataDir, service), url });
      try {
        const head = await headDraft(db.pool);
        if (head) await checkpointAnchor(await checkpointSigner(service, key), new CheckpointFile(path.join(dataDir, "access-log-checkpoints"), service)).write([head]);
      } finally {
        await db.close();
      }
    }
    const { code, stdout } = await auditVerify(env, UPGRADED);
    for (const [service, rows] of rowsAfter) expect(stdout).toMatch(new RegExp(`^ok ${service}: ${rows} rows, `, "m"));
    expect(code).toBe(0);
  }, 120_000);

  it("refuses, and changes nothing, where only part of the old access-log history is recorded", async () => {
    const [place] = await places("nav", ["partial"]);
    const old = await connect(place!);
    try {
      await migrateAsAf7e18a(old.pool, "nav", GROUPING); // a database from before main at af7e18a, never started on it
      await writeUngroupedRows(old.pool, "nav", ["p-1"]);
    } finally {
      await old.close();
    }
    const refused = await start("nav", place!).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MigrationError);
    expect(refused).toMatchObject({ code: "REPLACED_HISTORY_INCOMPLETE", migration: kitMigrations()[0] });
    expect((refused as Error).message).toMatch(new RegExp(`${GROUPING} is not recorded`));
    expect((refused as Error).message).toMatch(/Start the last release that has them/);

    // As the release before would: it finishes its history. Then an edited history is refused too.
    const after = await connect(place!);
    try {
      expect((await history(after.pool)).map((h) => h.migration_name)).not.toContain(kitMigrations()[0]);
      await migrateAsAf7e18a(after.pool, "nav");
      const [, chain] = replacedAccessLogMigrations("nav");
      await after.pool.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), chain!.name]);
    } finally {
      await after.close();
    }
    await expect(start("nav", place!)).rejects.toMatchObject({ code: "REPLACED_HISTORY_INCOMPLETE", message: expect.stringMatching(/applied from an edited file/) });
  }, 120_000);
});

// Prisma's own engine (what `prisma migrate deploy` runs) reads the history the runner wrote.
// It reaches PGlite in-process only, so this runs in the PGlite pass.
describe.runIf(testDatabase() === "pglite")("prisma migrate deploy on an upgraded database", () => {
  it("accepts it with the service's folder and with the kit's: nothing left to apply", async () => {
    const [place] = await places("samhandling", ["deploy"]);
    const old = await connect(place!);
    await migrateAsAf7e18a(old.pool, "samhandling").finally(() => old.close());
    await (await start("samhandling", place!)).close();

    const db = await PGlite.create(path.join(place!.dataDir, "pgdata"));
    try {
      const filters = { externalTables: [], externalEnums: [] };
      for (const schema of ["samhandling", ACCESS_LOG_SCHEMA]) {
        const { schemaFile, migrationsDir } = schemaPaths(schema);
        const migrationsList = readMigrationsList(migrationsDir);
        const deployed = await withSchemaEngine(schemaFile, (engine) => engine.applyMigrations({ migrationsList, filters }), { database: db });
        expect(deployed, schema).toEqual({ appliedMigrationNames: [] });
        // `prisma migrate status` sees the other set's rows (and the replaced ones) as applied elsewhere, none edited or failed.
        const status = await withSchemaEngine(schemaFile, (engine) => engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }), { database: db });
        expect(status).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], history: { diagnostic: "migrationsDirectoryIsBehind" } });
        // Every other set the database got: the service's own or the access log's, and the kit's jobs'.
        const otherSet = migrationSets("samhandling").filter((set) => set.schema !== schema).flatMap((set) => listMigrationDirs(set.dir));
        const others = [...otherSet, ...replacedAccessLogMigrations("samhandling").map((r) => r.name)];
        expect((status.history as { unpersistedMigrationNames: string[] }).unpersistedMigrationNames.sort(), schema).toEqual(others.sort());
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
