// Test databases: embedded PGlite by default; PostgreSQL when the run is the
// PostgreSQL pass (HUB_TEST_DATABASE=postgresql, with DATABASE_URL_TEMPLATE).
import pg from "pg";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";

export type TestDatabase = "pglite" | "postgresql";

export function testDatabase(): TestDatabase {
  return process.env.HUB_TEST_DATABASE === "postgresql" ? "postgresql" : "pglite";
}

/** Drops and recreates one fresh database per service; returns the env that points the services at them. */
export async function freshPostgresDatabases(): Promise<NodeJS.ProcessEnv> {
  const template = process.env.DATABASE_URL_TEMPLATE;
  if (!template) throw new Error("HUB_TEST_DATABASE=postgresql needs DATABASE_URL_TEMPLATE, e.g. postgres://hub:hub@127.0.0.1:5432/hub_test_{service}");
  const adminUrl = new URL(template.replaceAll("{service}", "admin"));
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    for (const service of SERVICE_NAMES) {
      const name = new URL(template.replaceAll("{service}", service)).pathname.slice(1);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
    }
  } finally {
    await admin.end();
  }
  return { DATABASE_URL_TEMPLATE: template };
}
