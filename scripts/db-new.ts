// npm run db:new -- <schema> <migration_name>
//
// Writes prisma/<schema>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with
// the SQL that takes a database from the existing migrations to the current
// prisma/<schema>/schema.prisma — what `prisma migrate dev --create-only`
// would write, computed offline (see scripts/lib/schema-engine.ts).
// <schema> is a service, or access-log for the kit's access log (which every
// service database gets). Review the file, then commit it with the schema change.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import {
  diffMigrationsToSchema,
  listMigrationDirs,
  listSchemas,
  MIGRATION_LOCK,
  repoRoot,
  schemaPaths,
} from "./lib/schema-engine.ts";
import { schemaEngineConfig } from "./config.ts";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run db:new -- <schema> <migration_name>\nSchemas: ${listSchemas().join(", ")}`);
  process.exit(2);
}

/** UTC, like Prisma's migration folder names. */
function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const [schema, rawName, ...extra] = process.argv.slice(2);
if (!schema || !rawName || extra.length > 0) usage("Expected a schema (a service, or access-log) and a migration name.");
if (!listSchemas().includes(schema)) usage(`Unknown schema "${schema}".`);
// Folder-name safe and in Prisma's style: lower case words joined by "_".
const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) usage(`Migration name "${rawName}" has no letters or digits.`);

const paths = schemaPaths(schema);
const sql = await diffMigrationsToSchema(paths, schemaEngineConfig());
if (!sql.trim()) {
  console.log(`${schema}: no changes — schema.prisma matches the existing migrations; nothing written.`);
} else {
  const dirName = `${timestamp()}_${name}`;
  // Migrations apply in name order: a new one must sort after every existing one.
  const last = listMigrationDirs(paths.migrationsDir).at(-1);
  if (last && last.slice(0, 14) >= dirName.slice(0, 14)) {
    console.error(`${schema}: the latest migration ${last} is not older than ${dirName}; wait a second (or check the clock) and retry.`);
    process.exit(1);
  }
  const dir = path.join(paths.migrationsDir, dirName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(paths.migrationsDir, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK);
  console.log(`${schema}: wrote ${path.relative(repoRoot, path.join(dir, "migration.sql"))}\n\n${sql}`);
}
