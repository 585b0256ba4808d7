// npm run db:new -- <schema> <migration_name>
//
// Writes prisma/<schema>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with
// the SQL that takes a database from the existing migrations to the current
// prisma/<schema>/schema.prisma — what `prisma migrate dev --create-only`
// would write, computed offline (see scripts/lib/schema-engine.ts).
// <schema> is a service, or access-log for the kit's access log (which every
// service database gets). Review the file, then commit it with the schema change.
import path from "node:path";

import { listSchemas, repoRoot, schemaPaths, writeNextMigration } from "./lib/schema-engine.ts";
import { schemaEngineConfig } from "./config.ts";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run db:new -- <schema> <migration_name>\nSchemas: ${listSchemas().join(", ")}`);
  process.exit(2);
}

const [schema, rawName, ...extra] = process.argv.slice(2);
if (!schema || !rawName || extra.length > 0) usage("Expected a schema (a service, or access-log) and a migration name.");
if (!listSchemas().includes(schema)) usage(`Unknown schema "${schema}".`);
// Folder-name safe and in Prisma's style: lower case words joined by "_".
const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) usage(`Migration name "${rawName}" has no letters or digits.`);

try {
  const next = await writeNextMigration(schemaPaths(schema), name, schemaEngineConfig());
  if (!next.written) console.log(`${schema}: no changes — schema.prisma matches the existing migrations; nothing written.`);
  else console.log(`${schema}: wrote ${path.relative(repoRoot, next.file)}\n\n${next.sql}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
