// Migrations: every schema's committed migrations (each service's and the
// kit's access log) produce exactly its schema.prisma (no forgotten `npm run
// db:new`), and the start-up runner applies them idempotently and refuses an
// edited history.
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkDrift } from "../scripts/db-check.ts";
import { listMigrationDirs, listSchemas, prismaRoot, readMigrationsList, withSchemaEngine } from "../scripts/lib/schema-engine.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { applyMigrations, MigrationError } from "../services/kit/db/migrate.ts";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "db-check-test-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of prisma/<schema>/ (schema and migrations, not the generated client) under a temp root. */
function copySchema(schema: string): { root: string; dir: string } {
  const root = tempDir();
  const dir = path.join(root, schema);
  mkdirSync(dir);
  cpSync(path.join(prismaRoot, schema, "schema.prisma"), path.join(dir, "schema.prisma"));
  cpSync(path.join(prismaRoot, schema, "migrations"), path.join(dir, "migrations"), { recursive: true });
  return { root, dir };
}

describe("db:check", () => {
  // Twelve schemas, each through the schema engine: minutes on a busy machine.
  it("finds no drift: every schema's migrations produce exactly its schema.prisma", async () => {
    const schemas = listSchemas();
    expect(schemas).toEqual([...SERVICE_NAMES, "access-log", "involvement", "jobs", "retention"].sort());
    const results = [];
    for (const schema of schemas) results.push(await checkDrift(schema));
    expect(results).toEqual(schemas.map((schema) => ({ schema, drift: null })));
  }, 240_000);

  // A service's and the kit's access log (the table every service database gets) alike.
  it.each([
    { schema: "helse", table: "health_contact" },
    { schema: "access-log", table: "access_log" },
  ])("reports a schema change without a migration, with the missing SQL ($schema)", async ({ schema, table }) => {
    const { root, dir } = copySchema(schema);
    const schemaFile = path.join(dir, "schema.prisma");
    const text = readFileSync(schemaFile, "utf8");
    const changed = text.replace(/^(model \w+ \{)$/m, "$1\n  driftProbe String? @map(\"drift_probe\")");
    expect(changed).not.toBe(text);
    writeFileSync(schemaFile, changed);

    const { drift } = await checkDrift(schema, root);
    expect(drift).toMatch(new RegExp(`npm run db:new -- ${schema} `));
    expect(drift).toMatch(new RegExp(`ALTER TABLE "${table}" ADD COLUMN\\s+"drift_probe" TEXT`));
  }, 60_000);

  it("reports migrations that do not apply cleanly", async () => {
    const { root, dir } = copySchema("helse");
    const broken = path.join(dir, "migrations", "29991231235959_broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "migration.sql"), 'ALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n');

    const { drift } = await checkDrift("helse", root);
    expect(drift).toMatch(/do not apply cleanly/);
    expect(drift).toMatch(/no_such_table/);
  }, 60_000);
});

describe("applyMigrations on PGlite over pglite-socket", () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let client: pg.Client;
  let migrationsDir: string;
  /** The registry's own set, as the runner gets it (the kit's access log is left out here; test/access-log-schema.test.ts has both). */
  const registry = () => [{ schema: "registry", dir: migrationsDir }];

  /** What Prisma's own engine (as in `prisma migrate status`/`deploy`) makes of the history in the database. */
  const prismaDiagnosis = () =>
    withSchemaEngine(path.join(migrationsDir, "..", "schema.prisma"), (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: readMigrationsList(migrationsDir),
        optInToShadowDatabase: false,
        filters: { externalTables: [], externalEnums: [] },
      }), { database: db });

  beforeAll(async () => {
    migrationsDir = path.join(copySchema("registry").dir, "migrations");
    const socketDir = tempDir();
    db = await PGlite.create();
    // As in services/kit/db/database.ts and STACK.md: a private unix socket, one pg connection.
    server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
    await server.start();
    client = new pg.Client({ host: socketDir, port: 5432, user: "postgres", database: "postgres" });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    await db?.close();
  });

  it("applies every migration once, recorded as Prisma records them", async () => {
    const names = listMigrationDirs(migrationsDir);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(client, registry())).toEqual({ applied: names, adopted: [] });
    expect(await applyMigrations(client, registry())).toEqual({ applied: [], adopted: [] });

    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      names.map((name) => ({
        migration_name: name,
        checksum: createHash("sha256").update(readFileSync(path.join(migrationsDir, name, "migration.sql"))).digest("hex"),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      })),
    );
    // The schema itself is there.
    await client.query(`SELECT id, national_id FROM "person" LIMIT 1`);
    // And Prisma's engine reads the same history as complete and unedited.
    expect(await prismaDiagnosis()).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("applies a new migration and leaves nothing of a failing one", async () => {
    const added = path.join(migrationsDir, "29990101000000_add_probe");
    mkdirSync(added);
    writeFileSync(path.join(added, "migration.sql"), 'CREATE TABLE "probe" ("id" TEXT PRIMARY KEY);\n');
    expect(await applyMigrations(client, registry())).toEqual({ applied: ["29990101000000_add_probe"], adopted: [] });

    const failing = path.join(migrationsDir, "29990102000000_failing");
    mkdirSync(failing);
    writeFileSync(path.join(failing, "migration.sql"), 'CREATE TABLE "half" ("id" TEXT);\nSELECT * FROM "no_such_table";\n');
    const error = await applyMigrations(client, registry()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: "MIGRATION_FAILED", migration: "29990102000000_failing" });
    expect((error as Error).message).toMatch(/no_such_table/);

    // Rolled back as a whole, not recorded, and the connection is still usable.
    const half = await client.query(`SELECT to_regclass('"half"') AS t`);
    expect(half.rows[0].t).toBeNull();
    const recorded = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990102000000_failing'`);
    expect(recorded.rowCount).toBe(0);
    rmSync(failing, { recursive: true });
  });

  it("refuses two sets that share a migration name, before touching the database", async () => {
    // The kit's access log and a service's own set share _prisma_migrations, keyed by name.
    const other = path.join(tempDir(), "migrations");
    const taken = listMigrationDirs(migrationsDir).at(-1)!;
    mkdirSync(path.join(other, taken), { recursive: true });
    writeFileSync(path.join(other, taken, "migration.sql"), 'CREATE TABLE "clash" ("id" TEXT);\n');
    const before = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);

    const error = await applyMigrations(client, [{ schema: "access-log", dir: other }, ...registry()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: "MIGRATION_NAME_TAKEN", migration: taken });
    expect((error as Error).message).toContain(other);
    expect((await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows).toEqual(before.rows);
    expect((await client.query(`SELECT to_regclass('"clash"') AS t`)).rows[0].t).toBeNull();
  });

  it("refuses to start when an applied migration file has changed", async () => {
    const first = listMigrationDirs(migrationsDir)[0];
    const file = path.join(migrationsDir, first, "migration.sql");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited after it was applied\n`);

    const error = await applyMigrations(client, registry()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: "MIGRATION_CHANGED", migration: first });
    expect((error as Error).message).toMatch(/changed after it was applied/);
    expect((error as Error).message).toMatch(/new migration/);
    // Prisma's engine, with its own checksum, sees the same edit.
    expect((await prismaDiagnosis()).editedMigrationNames).toEqual([first]);
  });
});
