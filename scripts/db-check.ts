// npm run db:check [-- schema...]
//
// Fails when a schema.prisma has changes that no migration contains, or when
// its migrations do not apply cleanly to an empty database. Default: every
// folder under prisma/ with a schema.prisma — each service's and the kit's
// access log (prisma/access-log/). The tests run checkDrift() too, so a
// forgotten `npm run db:new` fails CI.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { schemaEngineConfig } from "./config.ts";
import { diffMigrationsToSchema, listMigrationDirs, listSchemas, prismaRoot, schemaPaths } from "./lib/schema-engine.ts";

export interface DriftResult {
  schema: string;
  /** null when the migrations produce exactly the schema; otherwise what is wrong, with the missing SQL. */
  drift: string | null;
}

/** `root` defaults to prisma/; tests pass a temp copy. `debugLogs`: print the engine's log on failure. */
export async function checkDrift(schema: string, root = prismaRoot, { debugLogs = false } = {}): Promise<DriftResult> {
  const paths = schemaPaths(schema, root);
  const migrations = listMigrationDirs(paths.migrationsDir);
  const create = `npm run db:new -- ${schema} <migration_name>`;
  if (migrations.length > 0 && !existsSync(path.join(paths.migrationsDir, "migration_lock.toml"))) {
    return { schema, drift: `${paths.migrationsDir}/migration_lock.toml is missing (Prisma needs it; ${create} writes it).` };
  }
  let sql: string;
  try {
    sql = await diffMigrationsToSchema(paths, { debugLogs });
  } catch (err) {
    return {
      schema,
      drift: `the migrations in ${paths.migrationsDir} do not apply cleanly to an empty database:\n${(err as Error).message}`,
    };
  }
  if (!sql.trim()) return { schema, drift: null };
  return {
    schema,
    drift:
      `schema.prisma has changes that no migration contains. Create one with \`${create}\`. ` +
      `Missing SQL:\n${sql.trimEnd()}`,
  };
}

async function main(): Promise<void> {
  const { debugLogs } = schemaEngineConfig();
  const all = listSchemas();
  const named = process.argv.slice(2);
  const unknown = named.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    console.error(`Unknown schema(s): ${unknown.join(", ")}. Schemas: ${all.join(", ")}`);
    process.exit(2);
  }
  let failed = 0;
  for (const schema of named.length > 0 ? named : all) {
    const started = performance.now();
    const { drift } = await checkDrift(schema, prismaRoot, { debugLogs });
    const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
    if (drift === null) {
      const count = listMigrationDirs(schemaPaths(schema).migrationsDir).length;
      console.log(`ok     ${schema}: schema matches ${count} migration(s) (${took})`);
    } else {
      failed += 1;
      console.error(`DRIFT  ${schema}: ${drift.replace(/\n/g, "\n       ")}`);
    }
  }
  if (failed > 0) {
    console.error(`db:check failed for ${failed} schema(s).`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
