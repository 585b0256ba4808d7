// One database per service: PostgreSQL when a URL is configured, otherwise an
// embedded PGlite (PostgreSQL in WASM) under the data folder, served to the
// same pg driver over a private unix socket. Same dialect, same adapter.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { applyMigrations } from "./migrate.ts";
import { migrationSets } from "./migration-sets.ts";
import type { DatabaseConfig } from "../config.ts";
import { createLogger } from "../log.ts";

const log = createLogger("database");

export interface Database {
  adapter: PrismaPg;
  /** The same connections, for the kit's own SQL (the access log). */
  pool: pg.Pool;
  kind: "postgresql" | "pglite";
  /** SQL statements sent since start; exported as a metric so tests and benchmarks can count them. */
  statements(): number;
  /** Of those, the access log's (kit/access-log.ts): how many depends on how appends group, not on what was read. */
  accessLogStatements(): number;
  close(): Promise<void>;
}

interface Counter {
  value: number;
  accessLog: number;
}

const ACCESS_LOG_SQL = /\baccess_log\b/;

function countingPool(config: pg.PoolConfig, counter: Counter): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      counter.value += 1;
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: unknown } | null)?.text;
      if (typeof text === "string" && ACCESS_LOG_SQL.test(text)) counter.accessLog += 1;
      return query(...args);
    };
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on("error", (error) => log.warn("idle database connection failed", { error: error.name }));
  return pool;
}

/**
 * A freshly initialised embedded database, dumped, in the data folder: a
 * service whose database does not exist yet starts from it instead of running
 * PostgreSQL's initdb in WASM (about 0.8 CPU-seconds against 3.5 here, seven
 * times on a first `npm start`). The launcher makes it once before it starts
 * the services (scripts/lib/federation.ts).
 */
export const BLANK_DATABASE_FILE = ".pglite-blank.tar.gz";

/** Makes `<dataRoot>/.pglite-blank.tar.gz` unless it is there; returns its path. */
export async function ensureBlankEmbeddedDatabase(dataRoot: string): Promise<string> {
  const file = path.join(dataRoot, BLANK_DATABASE_FILE);
  if (await fs.stat(file).then(() => true, () => false)) return file;
  await fs.mkdir(dataRoot, { recursive: true });
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "hub-pglite-blank-"));
  try {
    const db = await PGlite.create(path.join(scratch, "pgdata"));
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    // Written aside and renamed: a service never reads half a file.
    await fs.writeFile(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
    await fs.rename(`${file}.part`, file);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  return file;
}

/** A new database from the blank one when there is one (and it loads); otherwise initdb. */
async function createPglite(dataDir: string, blankFile: string): Promise<PGlite> {
  const exists = await fs.stat(dataDir).then(() => true, () => false);
  const blank = exists ? null : await fs.readFile(blankFile).catch(() => null);
  if (blank) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: new Blob([blank]) });
    } catch (error) {
      // Made by another PGlite release, say: start as if there were none.
      log.warn("the blank embedded database could not be loaded; initialising one", { error: error instanceof Error ? error.name : typeof error });
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }
  return PGlite.create(dataDir);
}

async function startPglite(dataDir: string, blankFile: string): Promise<{ poolConfig: pg.PoolConfig; stop(): Promise<void> }> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const db = await createPglite(dataDir, blankFile);
  const socketDir = await fs.mkdtemp(path.join(os.tmpdir(), "hub-pg-"));
  // Two connections: PGlite has one session, and more interleave there; one
  // breaks pg's reconnect after a query error (see STACK.md).
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
  await server.start();
  return {
    poolConfig: { host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 },
    async stop() {
      await server.stop();
      await db.close();
      await fs.rm(socketDir, { recursive: true, force: true });
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const counter: Counter = { value: 0, accessLog: 0 };
  const embedded = config.databaseUrl ? undefined : await startPglite(path.join(config.dataDir, "pgdata"), path.join(path.dirname(config.dataDir), BLANK_DATABASE_FILE));
  const poolConfig: pg.PoolConfig = embedded
    ? embedded.poolConfig
    : { connectionString: config.databaseUrl, max: config.databasePoolSize };
  const pool = countingPool(poolConfig, counter);

  try {
    const client = await pool.connect();
    try {
      const { applied, adopted } = await applyMigrations(client, migrationSets(config.service));
      if (adopted.length > 0) log.info("migrations adopted", { service: config.service, migrations: adopted.join(", ") });
      if (applied.length > 0) log.info("migrations applied", { service: config.service, count: applied.length });
    } finally {
      client.release();
    }
  } catch (error) {
    // Refused to start: let go of the database (an embedded one is a folder another process may open next).
    await pool.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }

  return {
    adapter: new PrismaPg(pool),
    pool,
    kind: embedded ? "pglite" : "postgresql",
    statements: () => counter.value,
    accessLogStatements: () => counter.accessLog,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
