// Test databases: embedded PGlite by default; PostgreSQL when the run is the
// PostgreSQL pass (HUB_TEST_DATABASE=postgresql, with DATABASE_URL_TEMPLATE).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";

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
 * A PGlite database (in memory, or in `dataDir`) reached as
 * services/kit/db/database.ts reaches it: over a private unix socket, one pg
 * connection.
 */
export async function servePglite(dataDir?: string): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "test-pglite-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
  let closed = false;
  return {
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end().catch(() => undefined);
      await server.stop();
      await db.close();
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
