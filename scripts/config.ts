// The settings of the command-line scripts (npm start, npm test, token,
// import, audit:verify, db:new, db:check): one reader per script, each validating
// what that script reads when it starts. The variables they share with the
// processes are declared in services/kit/config.ts; the rest here.
import { isCheckpointPublicKeySet, publicHalf, type CheckpointPrivateKey, type CheckpointPublicKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import {
  ACCESS_LOG_CHECKPOINT_DIR,
  ACCESS_LOG_CHECKPOINT_KEY,
  checkpointDirIn,
  DATA_DIR,
  DATABASE_URL,
  DATABASE_URL_TEMPLATE,
  databaseUrlIn,
  devIssuerIn,
  GATEWAY_PORT,
  IDENTITY_ISSUER,
  isProductionIn,
  LOG_LEVEL,
  NODE_ENV,
  REDIS_URL,
} from "../services/kit/config.ts";
import { boolean, duration, json, optional, port, readSettings, setting, settingsOrExit, text, url, type Declaration, type Env, type Get } from "../services/kit/env.ts";
import { RETENTION_SETTINGS, retentionIn, type RetentionConfig } from "../services/kit/retention/policy.ts";
import { CHROMIUM_PATH } from "./lib/chromium.ts";

const CI = setting("CI", boolean(), {
  default: false,
  description: "`npm test` in CI: a missing PostgreSQL (`DATABASE_URL_TEMPLATE`) or Redis (`REDIS_URL`) fails the run instead of skipping its suites.",
});
const IMPORT_GATEWAY_URL = optional("IMPORT_GATEWAY_URL", url(["http", "https"]), {
  shownDefault: "`http://127.0.0.1:<GATEWAY_PORT>/graphql`",
  description: "`npm run import`: the gateway the import writes through (production: the municipality's hub).",
});
const IMPORT_TOKEN = optional("IMPORT_TOKEN", text(), {
  secret: true,
  shownDefault: "development: the service's machine client's, from the embedded identity provider",
  description: "`npm run import`: the bearer token of the service's own machine client (scope `<service>:write`; production: from Maskinporten). Required in production.",
});
const STARTUP_STALL_TIMEOUT_MS = setting("STARTUP_STALL_TIMEOUT_MS", duration({ min: 1 }), {
  default: 5 * 60_000,
  description: "`npm start` waits as long as every process is alive and working (reporting start-up steps or using CPU); it gives up on one that has shown neither for this long.",
});
const DEBUG_SCHEMA_ENGINE = setting("DEBUG_SCHEMA_ENGINE", boolean(), {
  default: false,
  description: "`npm run db:new` / `db:check`: print the schema engine's log when it fails.",
});

const ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS = optional("ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS", json(isCheckpointPublicKeySet, 'a JWKS of public Ed25519 keys (`{"keys":[…]}`)'), {
  shownDefault: "development: the data folder's key; production: the public half of `ACCESS_LOG_CHECKPOINT_KEY`, one of the two required",
  description:
    "`npm run audit:verify`: the public keys checkpoints are verified with — the current key's and every retired one's that signed checkpoints still kept (docs/operations.md, rotating the checkpoint key).",
});

const DOCS_SCREENSHOTS_PORT = setting("DOCS_SCREENSHOTS_PORT", port(), {
  default: 20400,
  description: "`npm run docs:screenshots`: the gateway port of the federation it starts (provider + 100, subgraphs + 101…, the web app + 200).",
});

/** Which script reads which settings, as docs/configuration.md lists them. */
export const SCRIPT_SETTINGS: Readonly<Record<string, readonly Declaration[]>> = {
  "npm start": [NODE_ENV, GATEWAY_PORT, DATA_DIR, DATABASE_URL_TEMPLATE, DATABASE_URL, STARTUP_STALL_TIMEOUT_MS].map((s) => s.declaration),
  "npm test": [CI, REDIS_URL, DATABASE_URL_TEMPLATE].map((s) => s.declaration),
  "npm run token": [NODE_ENV, GATEWAY_PORT, IDENTITY_ISSUER, DATA_DIR].map((s) => s.declaration),
  "npm run import": [NODE_ENV, GATEWAY_PORT, IDENTITY_ISSUER, DATA_DIR, IMPORT_GATEWAY_URL, IMPORT_TOKEN].map((s) => s.declaration),
  "npm run audit:verify": [NODE_ENV, DATA_DIR, DATABASE_URL_TEMPLATE, DATABASE_URL, ACCESS_LOG_CHECKPOINT_DIR, ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS, ACCESS_LOG_CHECKPOINT_KEY].map(
    (s) => s.declaration,
  ),
  "npm run retention": [NODE_ENV, DATA_DIR, DATABASE_URL_TEMPLATE, DATABASE_URL, ACCESS_LOG_CHECKPOINT_DIR, ACCESS_LOG_CHECKPOINT_KEY, ...RETENTION_SETTINGS].map((s) => s.declaration),
  "npm run db:new / db:check": [DEBUG_SCHEMA_ENGINE].map((s) => s.declaration),
  "npm run docs:screenshots": [DOCS_SCREENSHOTS_PORT, CHROMIUM_PATH, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration),
};

const scriptSettings = <C>(env: Env, script: string, build: (get: Get) => C): C => settingsOrExit(script, () => readSettings(env, SCRIPT_SETTINGS[script]!, build));

/** Where each service's database is: a PostgreSQL URL, or undefined for its PGlite folder under `dataDir`. */
export interface DatabasesConfig {
  dataDir: string;
  databaseUrls: Record<ServiceName, string | undefined>;
}

const databases = (get: Get): DatabasesConfig => ({
  dataDir: get(DATA_DIR),
  databaseUrls: Object.fromEntries(SERVICE_NAMES.map((s) => [s, databaseUrlIn(get, s)])) as Record<ServiceName, string | undefined>,
});

export function startConfig(env: Env = process.env): DatabasesConfig & { gatewayPort: number; production: boolean; stallTimeoutMs: number } {
  return scriptSettings(env, "npm start", (get) => ({ gatewayPort: get(GATEWAY_PORT), production: isProductionIn(get), stallTimeoutMs: get(STARTUP_STALL_TIMEOUT_MS), ...databases(get) }));
}

export interface AuditVerifyConfig extends DatabasesConfig {
  production: boolean;
  checkpointDir: string;
  /** The keys given (public keys, and the public half of a signing key); development adds the data folder's. */
  trustedKeys: CheckpointPublicKey[];
}

export function auditVerifyConfig(env: Env = process.env): AuditVerifyConfig {
  return scriptSettings(env, "npm run audit:verify", (get) => {
    const production = isProductionIn(get);
    const signing = get(ACCESS_LOG_CHECKPOINT_KEY);
    const trustedKeys = [...(get(ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS)?.keys ?? []), ...(signing ? [signing] : [])].map(publicHalf);
    if (production && trustedKeys.length === 0) {
      get.problem("ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS is not set; in production the checkpoints are verified only with keys given (or the public half of ACCESS_LOG_CHECKPOINT_KEY).");
    }
    return { ...databases(get), production, checkpointDir: checkpointDirIn(get), trustedKeys };
  });
}

/** npm run retention: the services' databases and the rules' periods, as the services themselves read them. */
export interface RetentionScriptConfig extends DatabasesConfig {
  retention: RetentionConfig;
  /** The access log's rule prunes only behind a signed checkpoint, as the services' own job does. */
  checkpoints: { key: CheckpointPrivateKey | undefined; dir: string };
}

export function retentionScriptConfig(env: Env = process.env): RetentionScriptConfig {
  return scriptSettings(env, "npm run retention", (get) => {
    const production = isProductionIn(get);
    const key = get(ACCESS_LOG_CHECKPOINT_KEY);
    if (production && !key) get.problem("ACCESS_LOG_CHECKPOINT_KEY is not set: the access log's rule writes a signed checkpoint before it prunes (`npm run audit:key`).");
    return { ...databases(get), retention: retentionIn(get, production), checkpoints: { key, dir: checkpointDirIn(get) } };
  });
}

export function testRunConfig(env: Env = process.env): { ci: boolean; redis: boolean; postgres: boolean } {
  return scriptSettings(env, "npm test", (get) => ({ ci: get(CI), redis: get(REDIS_URL) !== undefined, postgres: get(DATABASE_URL_TEMPLATE) !== undefined }));
}

export interface TokenConfig {
  production: boolean;
  /** The development provider, as the gateway on GATEWAY_PORT trusts it. */
  issuer: string;
  /** Where the provider keeps the machine clients' secrets (DATA_DIR/identity). */
  dataDir: string;
}

export function tokenConfig(env: Env = process.env): TokenConfig {
  return scriptSettings(env, "npm run token", (get) => ({ production: isProductionIn(get), issuer: devIssuerIn(get, get(GATEWAY_PORT)), dataDir: get(DATA_DIR) }));
}

export interface ImportConfig extends TokenConfig {
  gatewayUrl: string;
  /** A token given to the import; without one, development asks the embedded provider (TokenConfig) for the machine client's. */
  token: string | undefined;
}

export function importConfig(env: Env = process.env): ImportConfig {
  return scriptSettings(env, "npm run import", (get) => {
    const gatewayPort = get(GATEWAY_PORT);
    const production = isProductionIn(get);
    const token = get(IMPORT_TOKEN);
    if (production && !token) get.problem("IMPORT_TOKEN must be set in production: the service's machine client's token, from the municipality's Maskinporten (scope <service>:write).");
    return {
      production,
      issuer: devIssuerIn(get, gatewayPort),
      dataDir: get(DATA_DIR),
      gatewayUrl: get(IMPORT_GATEWAY_URL) ?? `http://127.0.0.1:${gatewayPort}/graphql`,
      token,
    };
  });
}

export function schemaEngineConfig(env: Env = process.env): { debugLogs: boolean } {
  return scriptSettings(env, "npm run db:new / db:check", (get) => ({ debugLogs: get(DEBUG_SCHEMA_ENGINE) }));
}

export interface DocsScreenshotsConfig {
  /** The gateway's port; the identity provider, the subgraphs and the web app sit above it. */
  port: number;
  chromiumPath: string;
  /**
   * PostgreSQL URL template with {service}, or null for the embedded
   * databases. Its databases are the template's names with `docs_screenshots_`
   * before the service, dropped and created afresh: never the template's own.
   */
  databaseTemplate: string | null;
  logLevel: string;
}

export function docsScreenshotsConfig(env: Env = process.env): DocsScreenshotsConfig {
  return scriptSettings(env, "npm run docs:screenshots", (get) => ({
    port: get(DOCS_SCREENSHOTS_PORT),
    chromiumPath: get(CHROMIUM_PATH),
    databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? null,
    logLevel: get(LOG_LEVEL),
  }));
}

/** The environment of a child process a script starts: its own, plus `extra`. */
export function childEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Whether the processes a script starts with `extra` on top of its own environment run in production (they then need no development secrets). */
export function childrenInProduction(extra: Env = {}): boolean {
  return readSettings(childEnv(extra), [NODE_ENV.declaration], isProductionIn);
}
