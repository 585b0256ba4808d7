// Generates each service's Prisma client when its schema changed since the last run.
// The kit's access-log schema (prisma/access-log/) has no generator and gets no
// client: services/kit/access-log.ts reads and writes the table with its own SQL.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { childEnv } from "./config.ts";

const run = promisify(execFile);

async function generate(service: ServiceName): Promise<boolean> {
  const schemaPath = path.join(ROOT_DIR, "prisma", service, "schema.prisma");
  const stampPath = path.join(ROOT_DIR, "prisma", service, "generated", ".schema-sha256");
  const hash = createHash("sha256").update(await fs.readFile(schemaPath)).digest("hex");
  if ((await fs.readFile(stampPath, "utf8").catch(() => "")) === hash) return false;
  const prismaCli = path.join(ROOT_DIR, "node_modules", "prisma", "build", "index.js");
  // generate never runs the native schema engine; pointing at /bin/false stops the CLI downloading it.
  await run(process.execPath, [prismaCli, "generate", "--schema", schemaPath], {
    cwd: ROOT_DIR,
    env: childEnv({ PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
  });
  await fs.writeFile(stampPath, hash);
  return true;
}

export async function generateClients(): Promise<ServiceName[]> {
  const results = await Promise.all(SERVICE_NAMES.map(async (s) => [s, await generate(s)] as const));
  return results.filter(([, changed]) => changed).map(([s]) => s);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const changed = await generateClients();
  console.log(changed.length ? `generated Prisma clients: ${changed.join(", ")}` : "Prisma clients are up to date");
}
