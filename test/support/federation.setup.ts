// Boots the real federation once for the whole run: seven subgraph processes
// and the gateway over HTTP, on PGlite or PostgreSQL, with demo data plus a few
// synthetic families.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { generateClients } from "../../scripts/generate.ts";
import { startFederation } from "../../scripts/lib/federation.ts";
import { freshPostgresDatabases, testDatabase } from "./database.ts";
import { ensureDevSecrets } from "../../services/kit/auth/secrets.ts";
import { personalDataInLog } from "./log-scan.ts";
import { CONSENT_VERSION_KEY } from "../../services/kit/decisions.ts";
import { Redis } from "ioredis";

export const TEST_GATEWAY_PORT = Number(process.env.TEST_GATEWAY_PORT ?? 14000);

declare module "vitest" {
  export interface ProvidedContext {
    gatewayPort: number;
    gatewayUrl: string;
    logFile: string;
    database: "pglite" | "postgresql";
    dataDir: string;
    /** Signs development tokens the gateway accepts (see test/support/graphql.ts asUser). */
    jwtSecret: string;
    /** Signs requests straight to a subgraph, as only the hub itself may. */
    signingSecret: string;
  }
}

export default async function setup(project: TestProject) {
  await generateClients();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-test-"));
  const logFile = path.join(dir, "federation.log");
  const database = testDatabase();
  const env: NodeJS.ProcessEnv = {
    SEED_SYNTHETIC_FAMILIES: "30",
    LOG_LEVEL: "info",
    ...(database === "postgresql" ? await freshPostgresDatabases() : { DATABASE_URL_TEMPLATE: "" }),
  };
  for (const key of Object.keys(process.env)) if (key.startsWith("DATABASE_URL_") && key !== "DATABASE_URL_TEMPLATE") env[key] = "";

  if (process.env.REDIS_URL) {
    // A fresh database must not meet decisions cached by an earlier run against another one.
    const redis = new Redis(process.env.REDIS_URL);
    await redis.incr(CONSENT_VERSION_KEY);
    redis.disconnect();
  }
  const dataDir = path.join(dir, "data");
  const secrets = ensureDevSecrets(dataDir);
  const federation = await startFederation({ gatewayPort: TEST_GATEWAY_PORT, dataDir, env, output: logFile });
  project.provide("jwtSecret", secrets.jwtSecret);
  project.provide("signingSecret", secrets.signingSecret);
  project.provide("gatewayPort", TEST_GATEWAY_PORT);
  project.provide("gatewayUrl", federation.gatewayUrl);
  project.provide("logFile", logFile);
  project.provide("database", database);
  project.provide("dataDir", dataDir);
  return async () => {
    await federation.stop();
    const leaks = personalDataInLog(fs.readFileSync(logFile, "utf8"));
    if (leaks.length > 0) throw new Error(`Personal data in the processes' stdout logs (${logFile}):\n${leaks.join("\n")}`);
    if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
  };
}
