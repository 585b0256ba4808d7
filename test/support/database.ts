// Test databases: embedded PGlite by default; PostgreSQL when the run is the
// PostgreSQL pass (HUB_TEST_DATABASE=postgresql, with DATABASE_URL_TEMPLATE).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { applyMigrations, type MigrationSet } from "../../services/kit/db/migrate.ts";

export type TestDatabase = "pglite" | "postgresql";

export function testDatabase(): TestDatabase {
  return process.env.HUB_TEST_DATABASE === "postgresql" ? "postgresql" : "pglite";
}

function urlTemplate(): string {
  const template = process.env.DATABASE_URL_TEMPLATE;
  if (!template) throw new Error("HUB_TEST_DATABASE=postgresql needs DATABASE_URL_TEMPLATE, e.g. postgres://hub:hub@127.0.0.1:5432/hub_test_{service}");
  return template;
}

/**
 * Drops and recreates the databases the template names with each of `names`
 * in place of {service}; returns their URLs. They are left behind after the
 * run (the next run recreates them).
 */
export async function recreatePostgresDatabases(names: readonly string[]): Promise<string[]> {
  const template = urlTemplate();
  const adminUrl = new URL(template.replaceAll("{service}", "admin"));
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const urls: string[] = [];
    for (const name of names) {
      const url = template.replaceAll("{service}", name);
      const database = new URL(url).pathname.slice(1);
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.query(`create database "${database}"`);
      urls.push(url);
    }
    return urls;
  } finally {
    await admin.end();
  }
}

/** Drops and recreates one fresh database per service; returns the env that points the services at them. */
export async function freshPostgresDatabases(): Promise<NodeJS.ProcessEnv> {
  await recreatePostgresDatabases(SERVICE_NAMES);
  return { DATABASE_URL_TEMPLATE: urlTemplate() };
}

/**
 * Snapshots of fresh PGlite databases with `migrations` applied (none: as initdb leaves one), made once per list and
 * test process. Initialising a PGlite database (initdb in WASM) and migrating it takes seconds; restoring a snapshot,
 * well under one — a suite that asks for a fresh database per test pays the seconds once. The snapshot is made the way
 * `servePglite` reaches a database (the migrations applied over its socket), so a copy is the database that call builds.
 */
const snapshots = new Map<string, Promise<File | Blob>>();

export function pgliteSnapshot(migrations: readonly MigrationSet[]): Promise<File | Blob> {
  const key = JSON.stringify(migrations);
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    snapshot = (async () => {
      const db = await PGlite.create();
      const served = await serve(db);
      try {
        if (migrations.length > 0) await migrate(served.pool, migrations);
      } finally {
        await served.stop();
      }
      const dump = await db.dumpDataDir("none");
      await db.close();
      return dump;
    })();
    snapshots.set(key, snapshot);
    // A failed snapshot is not kept: the next call tries again.
    snapshot.catch(() => snapshots.delete(key));
  }
  return snapshot;
}

async function migrate(pool: pg.Pool, migrations: readonly MigrationSet[]): Promise<void> {
  const client = await pool.connect();
  try {
    await applyMigrations(client, migrations);
  } finally {
    client.release();
  }
}

/** `db` over a private unix socket, one pg connection, as services/kit/db/database.ts reaches it. */
async function serve(db: PGlite): Promise<{ pool: pg.Pool; stop(): Promise<void> }> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "test-pglite-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
  return {
    pool,
    async stop() {
      await pool.end().catch(() => undefined);
      await server.stop();
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/**
 * A PGlite database (in memory, or in `dataDir`) reached as
 * services/kit/db/database.ts reaches it: over a private unix socket, one pg
 * connection. With `migrations`, migrated: a new database starts as a copy of
 * `pgliteSnapshot(migrations)`, an existing folder is migrated as it is.
 */
export async function servePglite(dataDir?: string, options: { migrations?: readonly MigrationSet[] } = {}): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !dataDir || !fs.existsSync(dataDir);
  const loadDataDir = options.migrations && fresh ? await pgliteSnapshot(options.migrations) : undefined;
  const db = await PGlite.create({ dataDir, loadDataDir });
  const served = await serve(db);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await served.stop();
    await db.close();
  };
  if (options.migrations && !loadDataDir) await migrate(served.pool, options.migrations).catch(async (error: unknown) => (await close(), Promise.reject(error)));
  return { pool: served.pool, close };
}
