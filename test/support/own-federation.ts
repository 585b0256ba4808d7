// A federation of its own for a suite that kills and restarts processes: the
// shared one (federation.setup.ts) must not see its services disappear. It
// runs in a temporary data folder on ports above the shared run's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFederation, type Federation } from "../../scripts/lib/federation.ts";
import { ensureDevSecrets } from "../../services/kit/auth/secrets.ts";
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import { databaseUrlFor } from "../../services/kit/config.ts";
import { demoUser } from "../../demo/users.ts";
import { DEMO_TODAY } from "../../demo/fjordvik.ts";
import { signedCall } from "./subgraph.ts";
import { afterAll, beforeAll } from "vitest";
import { postGraphQL, type GraphQLResponse } from "./graphql.ts";
import { bearerHeaders } from "./tokens.ts";
import { startPrivateRedis, type PrivateRedis } from "./private-redis.ts";
import { scanLog, seededWorld } from "./log-scan.ts";
import { describeFindings } from "./log-report.ts";
import { copyTemplate, pgliteTemplate, TEST_SYNTHETIC_FAMILIES } from "./pglite-template.ts";

/** Each suite passes its own slot, so two of them never share ports: shared gateway port + 1000 + 200 × slot. */
export function ownGatewayPort(slot: number): number {
  return Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 1000 + 200 * slot;
}

const OWN_STARTUP_MS = 240_000;
/** For beforeAll: the federation's start-up plus room to spare. */
export const OWN_SETUP_TIMEOUT_MS = OWN_STARTUP_MS + 60_000;

export interface OwnFederation {
  federation: Federation;
  gatewayPort: number;
  dataDir: string;
  logFile: string;
  /** The log lines written since `mark` (an offset from `logSize()`). */
  logSince(mark: number): string[];
  logSize(): number;
  gateway<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  asUser(key: string, caseId?: string): Promise<Record<string, string>>;
  /** A signed call straight to one subgraph, as the gateway would make it. */
  subgraph<Data = Record<string, unknown>>(service: ServiceName, query: string, variables: Record<string, unknown>, as: { user: string; caseId?: string }): Promise<GraphQLResponse<Data>>;
  subgraphBase(service: ServiceName): string;
  close(): Promise<void>;
}

export async function startOwnFederation(slot: number, env: NodeJS.ProcessEnv = {}): Promise<OwnFederation> {
  const gatewayPort = ownGatewayPort(slot);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-own-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "federation.log");
  // Nothing from the caller's shell may point these processes at a shared database or cache.
  // No scheduled jobs unless a suite asks (as in federation.setup.ts): their writes come at times no suite chooses.
  const clean: NodeJS.ProcessEnv = { DATABASE_URL_TEMPLATE: "", REDIS_URL: "", LOG_LEVEL: "info", JOBS_ENABLED: "false", SEED_SYNTHETIC_FAMILIES: TEST_SYNTHETIC_FAMILIES, HUB_DEMO_TODAY: DEMO_TODAY };
  for (const key of Object.keys(process.env)) if (key.startsWith("DATABASE_URL_") && key !== "DATABASE_URL_TEMPLATE") clean[key] = "";
  const effective = { ...process.env, ...clean, ...env };
  // Production (NODE_ENV=production in `env`) takes its secrets from the environment and accepts OIDC tokens only.
  const production = effective.NODE_ENV === "production";
  const secrets = production
    ? { signingSecret: effective.HUB_SIGNING_SECRET ?? "", internalSigningSecret: effective.HUB_INTERNAL_SIGNING_SECRET ?? "" }
    : ensureDevSecrets(dataDir);
  // Embedded databases start as copies of one seeded set (pglite-template.ts) instead of seven fresh ones.
  const embedded = SERVICE_NAMES.filter((s) => !databaseUrlFor(s, effective));
  if (embedded.length > 0 && process.env.HUB_TEST_FRESH_DATABASES !== "1") copyTemplate(await pgliteTemplate(effective, OWN_STARTUP_MS), dataDir, embedded);
  // Generous: on a busy machine eight processes compiling and opening databases at once take a while.
  const federation = await startFederation({ gatewayPort, dataDir, output: logFile, env: { ...clean, ...env }, startupTimeoutMs: OWN_STARTUP_MS });

  const asUser = (key: string, caseId?: string) => {
    if (!federation.identityIssuer) throw new Error("this federation runs no development identity provider (production mode): sign in at the test's own issuer");
    return bearerHeaders(federation.identityIssuer, key, caseId);
  };
  const subgraphBase = (service: ServiceName) => `http://127.0.0.1:${subgraphPort(service, gatewayPort)}`;
  const logSize = () => fs.statSync(logFile).size;

  return {
    federation,
    gatewayPort,
    dataDir,
    logFile,
    logSize,
    logSince(mark) {
      return fs.readFileSync(logFile).subarray(mark).toString("utf8").split("\n").filter(Boolean);
    },
    gateway: (query, variables, headers) => postGraphQL(federation.gatewayUrl, query, variables, headers),
    asUser,
    subgraphBase,
    subgraph(service, query, variables, as) {
      const user = demoUser(as.user);
      if (!user) throw new Error(`no demo user ${as.user}`);
      return signedPost(`${subgraphBase(service)}/graphql`, signedCall(service, query, variables, { claims: user.claims, caseId: as.caseId }, secrets));
    },
    async close() {
      await federation.stop();
      // Killed and restarted processes, hung requests: this log must hold no personal data either.
      const scan = scanLog(logFile, seededWorld(effective));
      if (scan.findings.length > 0) throw new Error(`Personal data in an own federation's log: ${describeFindings(scan)}`);
      if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function signedPost<Data>(url: string, body: unknown): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const raw = await response.text();
  return { status: response.status, raw, ...(JSON.parse(raw) as Omit<GraphQLResponse<Data>, "status" | "raw">) };
}

/** Polls until `check` holds or the time is up; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}

/**
 * For a suite that kills its own Redis: before it, a private redis-server on
 * `redisPort` and a federation of its own using it; after it, both stopped.
 * Call inside the suite's describe (so a skipped suite starts nothing); the
 * parts are there once the suite runs.
 */
export function ownFederationWithPrivateRedis(slot: number, redisPort: number): { hub: OwnFederation; redis: PrivateRedis } {
  const parts = {} as { hub: OwnFederation; redis: PrivateRedis };
  beforeAll(async () => {
    parts.redis = await startPrivateRedis(redisPort);
    parts.hub = await startOwnFederation(slot, { REDIS_URL: parts.redis.url });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await parts.hub?.close();
    await parts.redis?.kill();
  });
  return parts;
}
