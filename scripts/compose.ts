// npm run compose            — regenerate what follows from the services' code and the service list
// npm run compose -- --check — fail if a committed file is stale
//
// What it writes: schema/ (each subgraph's SDL, the supergraph, the public
// schema) and the files that list the services (scripts/lib/catalog-files.ts:
// docker-compose.yml, deploy/postgres-init.sql, the Kubernetes manifests in
// deploy/kubernetes/ (scripts/lib/kubernetes.ts), samhandling's ServiceName enum
// with the migration that adds a new value, the family overview's person
// views with the trusted-documents manifest, the README's service list, the
// development identity provider's mapping, the web app's per-service
// documents with the app's generated code), and what a journal system
// integrates against (scripts/lib/integration-files.ts: each view service's
// JSON Schema in docs/integration/ and its write document).
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ROOT_DIR } from "../services/kit/config.ts";
import { CATALOG_FILES, catalogFiles, staleCatalogFiles, strayKubernetesFiles } from "./lib/catalog-files.ts";
import { integrationFiles, staleIntegrationFiles } from "./lib/integration-files.ts";
import { composeSchemas, SCHEMA_DIR, staleSchemaFiles } from "./lib/schema.ts";
import { schemaPaths, writeNextMigration } from "./lib/schema-engine.ts";
import { childEnv } from "./config.ts";
import { generateClients } from "./generate.ts";
import { writeGenerated } from "../web/codegen.ts";

const check = process.argv.includes("--check");

async function writeCatalogFiles(): Promise<string[]> {
  const stale = staleCatalogFiles();
  const files = catalogFiles();
  for (const rel of stale) {
    await fs.mkdir(path.dirname(path.join(ROOT_DIR, rel)), { recursive: true });
    await fs.writeFile(path.join(ROOT_DIR, rel), files[rel]!);
    console.log(`wrote ${rel}`);
  }
  for (const rel of strayKubernetesFiles()) {
    await fs.rm(path.join(ROOT_DIR, rel));
    console.log(`removed ${rel}`);
  }
  if (stale.includes(CATALOG_FILES.serviceEnum)) {
    const next = await writeNextMigration(schemaPaths("samhandling"), "service_names");
    if (next.written) console.log(`wrote ${path.relative(ROOT_DIR, next.file)}`);
  }
  return stale;
}

if (check) {
  const composed = await composeSchemas();
  const stale = [
    ...staleCatalogFiles(),
    ...strayKubernetesFiles().map((rel) => `${rel} (no longer in the catalog: remove it)`),
    ...(await staleSchemaFiles(composed)).map((f) => `schema/${f}`),
    ...staleIntegrationFiles(integrationFiles(composed.files["public.graphql"]!)),
  ];
  if (stale.length > 0) {
    console.error(`Stale: ${stale.join(", ")}. Run \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log("schema/ and the files listing the services are up to date");
} else {
  const changed = await writeCatalogFiles();
  // A new service's client, and samhandling's with a new enum value, before their SDL is printed.
  await generateClients();
  const composed = await composeSchemas();
  await fs.mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, contents] of Object.entries(composed.files)) await fs.writeFile(path.join(SCHEMA_DIR, name), contents);
  console.log(`wrote ${Object.keys(composed.files).length} files to schema/`);
  const integration = integrationFiles(composed.files["public.graphql"]!);
  const staleIntegration = staleIntegrationFiles(integration);
  for (const rel of staleIntegration) {
    await fs.mkdir(path.dirname(path.join(ROOT_DIR, rel)), { recursive: true });
    await fs.writeFile(path.join(ROOT_DIR, rel), integration[rel]!);
    console.log(`wrote ${rel}`);
  }
  // The web app's documents name the services: its typed code follows them and the new public schema.
  const web = await writeGenerated();
  for (const rel of web) console.log(`wrote ${rel}`);
  if (changed.includes(CATALOG_FILES.familyOverview) || staleIntegration.some((rel) => rel.startsWith("gateway/documents/")) || web.length > 0) {
    // The overview and the app's operations are trusted documents: the manifest follows them (checked against the new public schema).
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "gateway", "build-documents.ts")], { cwd: ROOT_DIR, env: childEnv() });
    process.stdout.write(stdout);
  }
}
