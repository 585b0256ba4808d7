// Boots the real federation once for the whole run: a process per subgraph
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
import { scanLog, seededWorld } from "./log-scan.ts";
import { describeFindings } from "./log-report.ts";
import { CONSENT_EPOCH_KEY } from "../../services/kit/consent-epoch.ts";
import { Redis } from "ioredis";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { copyTemplate, pgliteTemplate, TEST_SYNTHETIC_FAMILIES } from "./pglite-template.ts";
import { demoConfig } from "../../demo/config.ts";

export const TEST_GATEWAY_PORT = Number(process.env.TEST_GATEWAY_PORT ?? 14000);
// Generous: on a busy machine eight processes compiling and opening databases at once take a while.
const STARTUP_TIMEOUT_MS = 240_000;

declare module "vitest" {
  export interface ProvidedContext {
    gatewayPort: number;
    gatewayUrl: string;
    logFile: string;
    database: "pglite" | "postgresql";
    dataDir: string;
    /** The federation's development identity provider: tokens come from it (test/support/tokens.ts). */
    identityIssuer: string;
    /** Signs requests straight to a subgraph, as only the hub itself may. */
    signingSecret: string;
    /** Signs requests from one subgraph to another. */
    internalSigningSecret: string;
  }
}

export default async function setup(project: TestProject) {
  // One demo "today" for this process, the test workers and every server (demo/config.ts).
  process.env.HUB_DEMO_TODAY ||= demoConfig().today;
  await generateClients();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-test-"));
  const logFile = path.join(dir, "federation.log");
  const database = testDatabase();
  const env: NodeJS.ProcessEnv = {
    SEED_SYNTHETIC_FAMILIES: TEST_SYNTHETIC_FAMILIES,
    LOG_LEVEL: "info",
    // The notification scheduler writes by the clock, at times no suite chooses; suites that count
    // notifications must not meet its writes. test/e2e/notification-scheduler.test.ts runs it on its own.
    JOBS_ENABLED: "false",
    ...(database === "postgresql" ? await freshPostgresDatabases() : { DATABASE_URL_TEMPLATE: "" }),
  };
  for (const key of Object.keys(process.env)) if (key.startsWith("DATABASE_URL_") && key !== "DATABASE_URL_TEMPLATE") env[key] = "";

  if (process.env.REDIS_URL) {
    // A fresh database must not meet decisions cached by an earlier run against another one.
    const redis = new Redis(process.env.REDIS_URL);
    await redis.incr(CONSENT_EPOCH_KEY);
    redis.disconnect();
  }
  const dataDir = path.join(dir, "data");
  const secrets = ensureDevSecrets(dataDir);
  // Embedded databases start as copies of one seeded set, built once and shared with the own federations (pglite-template.ts).
  if (database === "pglite" && process.env.HUB_TEST_FRESH_DATABASES !== "1") {
    copyTemplate(await pgliteTemplate({ ...process.env, ...env }, STARTUP_TIMEOUT_MS), dataDir, SERVICE_NAMES);
  }
  const federation = await startFederation({ gatewayPort: TEST_GATEWAY_PORT, dataDir, env, output: logFile, startupTimeoutMs: STARTUP_TIMEOUT_MS });
  project.provide("identityIssuer", federation.identityIssuer!);
  project.provide("signingSecret", secrets.signingSecret);
  project.provide("internalSigningSecret", secrets.internalSigningSecret);
  project.provide("gatewayPort", TEST_GATEWAY_PORT);
  project.provide("gatewayUrl", federation.gatewayUrl);
  project.provide("logFile", logFile);
  project.provide("database", database);
  project.provide("dataDir", dataDir);
  return async () => {
    await federation.stop();
    const scan = scanLog(logFile, seededWorld({ ...process.env, ...env }), { shared: true, structure: true });
    if (scan.findings.length > 0) {
      // vitest 4 only prints an error thrown here ("error during close") and exits 0; the exit code and
      // the report (HUB_LOG_SCAN_REPORT, read by scripts/test.ts) make the run fail.
      process.exitCode = 1;
      throw new Error(`The processes' stdout logs break the logging rules: ${describeFindings(scan)}`);
    }
    if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
  };
}
