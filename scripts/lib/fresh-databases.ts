// Empty service databases for a run that must start from nothing (npm run
// load, npm run bench:import): on the PostgreSQL server a URL template
// names, each service's database is dropped (its connections with it) and
// created again.
import pg from "pg";
import { SERVICE_NAMES, type ServiceName } from "../../services/kit/catalog.ts";

/** A database's URL on the server of `template` (a URL with {service}). */
export function databaseUrl(template: string, database: string): string {
  const url = new URL(template.replaceAll("{service}", "x"));
  url.pathname = `/${database}`;
  return url.toString();
}

/** Recreates `nameOf(service)` empty for every service; each one's URL. */
export async function freshDatabases(template: string, nameOf: (service: ServiceName) => string): Promise<Record<ServiceName, string>> {
  const admin = new pg.Client({ connectionString: databaseUrl(template, "postgres"), connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    for (const service of SERVICE_NAMES) {
      await admin.query(`drop database if exists "${nameOf(service)}" with (force)`);
      await admin.query(`create database "${nameOf(service)}"`);
    }
  } finally {
    await admin.end();
  }
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, databaseUrl(template, nameOf(s))])) as Record<ServiceName, string>;
}
