// npm run compose            — regenerate schema/*.graphql from the services' code
// npm run compose -- --check — fail if the committed files are stale
import fs from "node:fs/promises";
import path from "node:path";
import { composeSchemas, SCHEMA_DIR, staleSchemaFiles } from "./lib/schema.ts";

const composed = await composeSchemas();
if (process.argv.includes("--check")) {
  const stale = await staleSchemaFiles(composed);
  if (stale.length > 0) {
    console.error(`Stale schema files: ${stale.join(", ")}. Run \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log("schema/ is up to date");
} else {
  await fs.mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, contents] of Object.entries(composed.files)) await fs.writeFile(path.join(SCHEMA_DIR, name), contents);
  console.log(`wrote ${Object.keys(composed.files).length} files to schema/`);
}
