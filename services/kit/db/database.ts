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

async function startPglite(dataDir: string): Promise<{ poolConfig: pg.PoolConfig; stop(): Promise<void> }> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir);
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
  const embedded = config.databaseUrl ? undefined : await startPglite(path.join(config.dataDir, "pgdata"));
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
