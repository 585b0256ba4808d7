// A service's database for a command-line script, while the hub is stopped or
// beside it: PostgreSQL when the service has a URL, otherwise its embedded
// PGlite folder (<DATA_DIR>/<service>/pgdata), opened here with one pg
// connection over a private socket as services/kit/db/database.ts does.
// Used by npm run audit:verify and npm run retention.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

import type { ServiceName } from "../../services/kit/catalog.ts";
import type { DatabasesConfig } from "../config.ts";

/** The database cannot be opened (none there, or an embedded one in use); the message says why. */
export class DatabaseUnavailable extends Error {}

async function withPostgres<T>(url: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

async function withPglite<T>(dataDir: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new DatabaseUnavailable(`no database at ${dataDir}`);
  // PGlite has no cross-process lock: it would open a data folder that a
  // running service has open, and the two would corrupt it. A running PGlite
  // leaves postmaster.pid there (removed on a clean close), so refuse then.
  if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    throw new DatabaseUnavailable(
      `${dataDir} is in use (postmaster.pid present): stop the hub first or use PostgreSQL. ` +
        `If no service is running, the last one did not shut down cleanly; start and stop it once.`,
    );
  }
  const db = await PGlite.create(dataDir);
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "service-database-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
  try {
    await server.start();
    const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
    try {
      return await use(pool);
    } finally {
      await pool.end();
    }
  } finally {
    await server.stop();
    await db.close();
    rmSync(socketDir, { recursive: true, force: true });
  }
}

/** Runs `use` on `service`'s database, then closes it. */
export function withServiceDatabase<T>(service: ServiceName, config: DatabasesConfig, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const url = config.databaseUrls[service];
  return url ? withPostgres(url, use) : withPglite(path.join(config.dataDir, service, "pgdata"), use);
}

/** Refuses a database the service has not migrated yet (no `table`): start the service once. */
export async function requireTable(pool: pg.Pool, table: string): Promise<void> {
  const { rows } = await pool.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [table]);
  if (rows[0]?.t === null) throw new DatabaseUnavailable(`no ${table} table (start the service once to apply its migrations)`);
}
