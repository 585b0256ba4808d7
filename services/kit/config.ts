// The settings of every subgraph process, and those the gateway and the
// command-line scripts share with it: declared once here (services/kit/env.ts
// says how), read and validated once when a process starts.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_GATEWAY_PORT, identityPort, SERVICE_NAMES, serviceEntry, subgraphPort, type FrontDoor, type ServiceName } from "./catalog.ts";
import { isCheckpointPrivateKey, type CheckpointPrivateKey } from "./access-log-checkpoint-keys.ts";
import {
  boolean,
  computed,
  duration,
  filePath,
  json,
  list,
  oneOf,
  optional,
  optionalPerService,
  perService,
  port,
  positiveWholeNumber,
  readSettings,
  setting,
  switchedOnBy1,
  text,
  url,
  matching,
  wholeNumber,
  type Declaration,
  type Env,
  type Get,
} from "./env.ts";
import { RETENTION_SETTINGS, retentionIn, type RetentionConfig } from "./retention/policy.ts";

/**
 * The project's folder: the nearest one above this module holding the hub's
 * package.json. Found, not counted up to, because `npm start` runs the
 * processes from bundles under node_modules/.cache (scripts/lib/compile.ts).
 */
export const ROOT_DIR = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "samhandling-hub") return dir;
    if (path.dirname(dir) === dir) throw new Error("The hub's package.json was not found above services/kit/config.ts.");
  }
})();

// --- shared by the subgraphs, the gateway and the scripts -------------------

export const NODE_ENV = setting<"development" | "production" | "test">("NODE_ENV", oneOf(["development", "production", "test"]), {
  default: "development",
  description: "`production` switches production mode: trusted documents only, an identity mapping required, secrets required, no demo data unless asked for.",
});
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";
export const LOG_LEVEL = setting<LogLevel>("LOG_LEVEL", oneOf(["trace", "debug", "info", "warn", "error"]), {
  default: "info",
  description: "The least severe log line written.",
});
export const GATEWAY_PORT = setting("GATEWAY_PORT", port(), {
  default: DEFAULT_GATEWAY_PORT,
  description: "The gateway's port; the subgraphs' ports follow from it (+101, +102, … in catalog order).",
});
export const DATA_DIR = setting("DATA_DIR", filePath(), {
  default: path.join(ROOT_DIR, "data"),
  shownDefault: "`./data`",
  description: "The embedded databases (one folder per service), the development identity provider's keys and state, and the generated development secrets.",
});
export const REDIS_URL = optional("REDIS_URL", url(["redis", "rediss"]), {
  shownDefault: "unset: each process on its own",
  description: "Redis shared by every instance: the consent epoch, rate-limit counters, trusted documents published there.",
});
export const HUB_SIGNING_SECRET = optional("HUB_SIGNING_SECRET", text(), {
  secret: true,
  shownDefault: "generated under `DATA_DIR`; required in production",
  description: "The HMAC key of the gateway → subgraph hop: the gateway signs every subgraph call with it, every subgraph checks it (and samhandling signs its consent-epoch pushes to the gateway with it).",
});
const HUB_INTERNAL_SIGNING_SECRET = optional("HUB_INTERNAL_SIGNING_SECRET", text(), {
  secret: true,
  shownDefault: "generated under `DATA_DIR`; required in production",
  description: "The HMAC key of the subgraph → subgraph hop (consent decisions, person facts): subgraphs only, never the gateway, and not `HUB_SIGNING_SECRET`, so a call signed for one hop is refused on the other.",
});
export const ACCESS_LOG_CHECKPOINT_KEY = optional("ACCESS_LOG_CHECKPOINT_KEY", json(isCheckpointPrivateKey, "a private Ed25519 key as a JWK (`npm run audit:key` makes one)"), {
  secret: true,
  shownDefault: "generated under `DATA_DIR`; required in production",
  description:
    "The key that signs the access log's checkpoints (its head, and each prune's boundary), kept outside every database so that removed log rows are found (`npm run audit:verify`; docs/operations.md).",
});
export const ACCESS_LOG_CHECKPOINT_DIR = computed("ACCESS_LOG_CHECKPOINT_DIR", filePath(), {
  shownDefault: "`DATA_DIR/access-log-checkpoints`",
  description:
    "Where the access log's signed checkpoints are kept, one append-only file per service: every instance of a service and `npm run audit:verify` must see the same folder; in production, storage the databases' operators cannot write.",
});
/** The checkpoint folder: ACCESS_LOG_CHECKPOINT_DIR, else under the data folder. */
export const checkpointDirIn = (get: Get): string => get(ACCESS_LOG_CHECKPOINT_DIR, path.join(get(DATA_DIR), "access-log-checkpoints"));
export const IDENTITY_ISSUER = computed("IDENTITY_ISSUER", url(["http", "https"]), {
  shownDefault: "`http://localhost:<GATEWAY_PORT + 100>`",
  description: "The development identity provider's issuer URL, as clients and the gateway reach it (`${IDENTITY_ISSUER}` in the development identity mapping).",
});
/** The development provider's issuer for a gateway port: `http://localhost:<GATEWAY_PORT + 100>`, no trailing slash. */
export const devIssuerIn = (get: Get, gatewayPort: number): string => get(IDENTITY_ISSUER, `http://localhost:${identityPort(gatewayPort)}`).replace(/\/$/, "");
export const SUBGRAPH_URL = perService("SUBGRAPH_URL_", url(["http", "https"]), {
  shownDefault: "`http://127.0.0.1:<its port>/graphql`",
  description: "Where the gateway and the other subgraphs reach that subgraph.",
});
export const DATABASE_URL_TEMPLATE = optional("DATABASE_URL_TEMPLATE", url(["postgres", "postgresql"]), {
  shownDefault: "unset: embedded PGlite under `DATA_DIR`",
  description: "PostgreSQL for every service; `{service}` in it becomes the service's name.",
});
export const DATABASE_URL = optionalPerService("DATABASE_URL_", url(["postgres", "postgresql"]), {
  description: "PostgreSQL for one service; wins over `DATABASE_URL_TEMPLATE`.",
});
export const SHUTDOWN_TIMEOUT_MS = setting("SHUTDOWN_TIMEOUT_MS", duration(), {
  default: 15_000,
  description: "How long requests in flight may take to finish after SIGTERM (keep it above the upstream timeout).",
});
const HTTP_HEADERS_TIMEOUT_MS = setting("HTTP_HEADERS_TIMEOUT_MS", duration({ min: 1 }), {
  default: 10_000,
  description: "How long a client may take to send a request's headers (Node's default: 60 s); a slower one gets 408 and its connection closed.",
});
const HTTP_REQUEST_TIMEOUT_MS = setting("HTTP_REQUEST_TIMEOUT_MS", duration({ min: 1 }), {
  default: 20_000,
  description: "How long a client may take to send a whole request, headers and body (Node's default: 300 s); at least `HTTP_HEADERS_TIMEOUT_MS`. A slower one gets 408 and its connection closed.",
});
const HTTP_KEEP_ALIVE_TIMEOUT_MS = setting("HTTP_KEEP_ALIVE_TIMEOUT_MS", duration({ min: 1 }), {
  default: 65_000,
  description: "How long an idle kept-alive connection stays open for its next request (Node's default: 5 s); above a load balancer's idle timeout (often 60 s), so that the balancer closes first.",
});
/** Every process's HTTP server reads these (kit/http-server.ts). */
export const HTTP_TIMEOUTS = [HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, HTTP_KEEP_ALIVE_TIMEOUT_MS];

// --- subgraphs only ---------------------------------------------------------

const PORT = computed("PORT", port(), {
  shownDefault: "`GATEWAY_PORT` + 101, + 102, … in catalog order",
  description: "The port of this subgraph.",
});
const HOST = setting("HOST", text(), { default: "127.0.0.1", description: "The address a subgraph listens on (`0.0.0.0` in a container)." });
const DATABASE_POOL_SIZE = setting("DATABASE_POOL_SIZE", positiveWholeNumber(), {
  default: 10,
  description: "PostgreSQL connections per subgraph process.",
});
const SEED_DEMO = computed("SEED_DEMO", boolean(), {
  shownDefault: "`true`; `false` in production",
  description: "Seed the Fjordvik demo families at start-up (idempotent). Never in a hub with real data.",
});
export const SEED_SYNTHETIC_FAMILIES = setting("SEED_SYNTHETIC_FAMILIES", wholeNumber(), {
  default: 0,
  description: "Generated families seeded on top of the demo (tests, benchmarks).",
});
export const SEED_SYNTHETIC_SEED = setting("SEED_SYNTHETIC_SEED", wholeNumber(), { default: 1, description: "The random seed of the generated families." });
const MAX_BODY_BYTES = setting("MAX_BODY_BYTES", positiveWholeNumber(), {
  default: 1_000_000,
  description: "The largest request body a subgraph accepts (its callers are the gateway and the other subgraphs).",
});
const GATEWAY_URLS = computed("GATEWAY_URLS", list(url(["http", "https"])), {
  shownDefault: "`http://127.0.0.1:<GATEWAY_PORT>`",
  description: "Without Redis: the gateways samhandling pushes the consent epoch to.",
});
const HUB_BENCH_RULES_OFF = setting("HUB_BENCH_RULES_OFF", switchedOnBy1(), {
  default: false,
  shownDefault: "`0`",
  description: "Benchmarks only: every decision granted, nothing written to the access log. Refused in production unless `BENCH=1`.",
});
const BENCH = setting("BENCH", switchedOnBy1(), { default: false, shownDefault: "`0`", description: "Says a production-mode process is a benchmark's." });
const FRONT_DOOR_NAME = perService("FRONT_DOOR_NAME_", text(), {
  shownDefault: "the service's `frontDoor` in the catalog (the demo municipality's)",
  description:
    "The contact an INVOLVEMENT-only view names for that service: its front door (the municipality's koordinerende enhet, the service's reception), never a clinician or unit.",
});
const FRONT_DOOR_PHONE = perService("FRONT_DOOR_PHONE_", text(), {
  shownDefault: "the service's `frontDoor` in the catalog (the demo municipality's)",
  description: "The front door's telephone number (see `FRONT_DOOR_NAME_<SERVICE>`).",
});
const DAY_MS = 86_400_000;
const INFORMATION_REQUEST_PERIOD = setting("INFORMATION_REQUEST_PERIOD", duration({ min: 1_000 }), {
  default: 30 * DAY_MS,
  shownDefault: "`30d`",
  description:
    "samhandling: how long barnevern's information request (barnevernsloven § 13-2) releases the asked services' data (e.g. `30d`); then it closes by itself. Production takes 1 to 365 days; shorter periods are for tests that watch one end.",
});
const JOBS_ENABLED = setting("JOBS_ENABLED", boolean(), {
  default: true,
  description:
    "Whether this subgraph process runs its scheduled jobs (samhandling: the notification scheduler). Every instance may: each pass runs in one of them, under a lease in the database (services/kit/jobs.ts).",
});
const JOB_LEASE = setting("JOB_LEASE", duration({ min: 1_000 }), {
  default: 2 * 60_000,
  shownDefault: "`2min`",
  description: "How long an instance holds a scheduled job's lease without renewing it (it renews every third of it during a pass): after a crash, another instance redoes the pass this long after.",
});
const NOTIFICATION_SCHEDULER_INTERVAL = setting("NOTIFICATION_SCHEDULER_INTERVAL", duration({ min: 1_000 }), {
  default: 60_000,
  shownDefault: "`1min`",
  description: "samhandling: how often the notification scheduler looks for reminders that came due (follow-ups, level-0 deadlines, expiring consents).",
});
const ACCESS_LOG_CHECKPOINT_INTERVAL = setting("ACCESS_LOG_CHECKPOINT_INTERVAL", duration({ min: 1_000 }), {
  default: 15 * 60_000,
  shownDefault: "`15min`",
  description: "How often each service checkpoints its access log's head (a scheduled job, `JOBS_ENABLED`): rows removed from the end since the last checkpoint cannot be found, so this is that window.",
});
const HUB_TEST_JOB_CHECKPOINT_DELAY = setting("HUB_TEST_JOB_CHECKPOINT_DELAY", duration(), {
  default: 0,
  shownDefault: "`0`",
  description: "Tests only: a scheduled job's pass waits this long between its steps, so a test can kill the process in the middle. Refused in production.",
});

const NOTIFY_SMTP_URL = optional("NOTIFY_SMTP_URL", url(["smtp", "smtps"]), {
  shownDefault: "unset: no notification e-mail",
  description:
    "samhandling: the SMTP server that sends notification e-mail to those who opted in (`smtps://user:password@mail.example.no:465`, or `smtp://…` with STARTTLS). Off when unset.",
});
const NOTIFY_EMAIL_FROM = setting("NOTIFY_EMAIL_FROM", matching(/^[^\s<>@]+@[^\s<>@]+$/, "an e-mail address"), {
  default: "ikke-svar@samhandling.invalid",
  description: "samhandling: the sender of notification e-mail (a no-reply address of the municipality).",
});
const NOTIFY_EMAIL_INTERVAL = setting("NOTIFY_EMAIL_INTERVAL", duration({ min: 1_000 }), {
  default: 15 * 60_000,
  shownDefault: "`15min`",
  description: "samhandling: at most one notification e-mail per recipient per this interval; also how often new notifications are looked for (e.g. `15min`).",
});
const NOTIFY_APP_URL = optional("NOTIFY_APP_URL", url(["http", "https"]), {
  shownDefault: "the web app on this machine (`http://127.0.0.1:<WEB_PORT>`)",
  description: "samhandling: the web app's public address, the only link a notification e-mail carries (to its Varsler page).",
});

/** What every subgraph process reads, in the order docs/configuration.md lists it. */
export const SUBGRAPH_SETTINGS: readonly Declaration[] = [
  NODE_ENV,
  LOG_LEVEL,
  GATEWAY_PORT,
  PORT,
  HOST,
  DATA_DIR,
  DATABASE_URL_TEMPLATE,
  DATABASE_URL,
  DATABASE_POOL_SIZE,
  REDIS_URL,
  HUB_SIGNING_SECRET,
  HUB_INTERNAL_SIGNING_SECRET,
  SUBGRAPH_URL,
  GATEWAY_URLS,
  SEED_DEMO,
  SEED_SYNTHETIC_FAMILIES,
  SEED_SYNTHETIC_SEED,
  MAX_BODY_BYTES,
  ...HTTP_TIMEOUTS,
  SHUTDOWN_TIMEOUT_MS,
  HUB_BENCH_RULES_OFF,
  BENCH,
  INFORMATION_REQUEST_PERIOD,
  JOBS_ENABLED,
  JOB_LEASE,
  NOTIFICATION_SCHEDULER_INTERVAL,
  ACCESS_LOG_CHECKPOINT_KEY,
  ACCESS_LOG_CHECKPOINT_DIR,
  ACCESS_LOG_CHECKPOINT_INTERVAL,
  HUB_TEST_JOB_CHECKPOINT_DELAY,
  ...RETENTION_SETTINGS,
  FRONT_DOOR_NAME,
  FRONT_DOOR_PHONE,
  NOTIFY_SMTP_URL,
  NOTIFY_EMAIL_FROM,
  NOTIFY_EMAIL_INTERVAL,
  NOTIFY_APP_URL,
].map((s) => s.declaration);

// --- readers the config modules share ----------------------------------------

/** The shared secrets as set (empty = unset); auth/secrets.ts fills in development's. */
export interface SecretsFromEnv {
  signingSecret: string | undefined;
  /** Subgraphs only. */
  internalSigningSecret?: string | undefined;
}

export const isProductionIn = (get: Get): boolean => get(NODE_ENV) === "production";

/** Production refuses to start without the signing secret. */
export function secretsFrom(get: Get, production: boolean): SecretsFromEnv {
  const secrets = { signingSecret: get(HUB_SIGNING_SECRET) };
  if (production && !secrets.signingSecret) get.problem("HUB_SIGNING_SECRET is not set; production refuses to start without it.");
  return secrets;
}

/** A subgraph's secrets: the gateway hop's and the internal hop's, which production requires and keeps apart. */
function subgraphSecretsFrom(get: Get, production: boolean): SecretsFromEnv {
  const secrets = { ...secretsFrom(get, production), internalSigningSecret: get(HUB_INTERNAL_SIGNING_SECRET) };
  if (production && !secrets.internalSigningSecret) get.problem("HUB_INTERNAL_SIGNING_SECRET is not set; production refuses to start without it.");
  if (secrets.internalSigningSecret && secrets.internalSigningSecret === secrets.signingSecret) {
    get.problem("HUB_INTERNAL_SIGNING_SECRET must differ from HUB_SIGNING_SECRET: one key for both hops would let a call signed for one be sent on the other.");
  }
  return secrets;
}

/** The information request's period; production keeps it to whole days' sense: 1 to 365 days. */
function informationRequestPeriodIn(get: Get, production: boolean): number {
  const period = get(INFORMATION_REQUEST_PERIOD);
  if (production && (period < DAY_MS || period > 365 * DAY_MS)) get.problem("INFORMATION_REQUEST_PERIOD must be from 1d to 365d in production.");
  return period;
}

/** A subgraph process's scheduled jobs (services/kit/jobs.ts). */
export interface JobsConfig {
  enabled: boolean;
  leaseMs: number;
  /** Tests only: the wait between a pass's steps. */
  checkpointDelayMs: number;
}

function jobsIn(get: Get, production: boolean): JobsConfig {
  const checkpointDelayMs = get(HUB_TEST_JOB_CHECKPOINT_DELAY);
  if (production && checkpointDelayMs > 0) get.problem("HUB_TEST_JOB_CHECKPOINT_DELAY is for tests; it is refused in production.");
  return { enabled: get(JOBS_ENABLED), leaseMs: get(JOB_LEASE), checkpointDelayMs };
}

/** The access log's checkpoints (kit/access-log-checkpoint.ts). */
export interface AccessLogCheckpointConfig {
  /** Set, or — development only — undefined: the data folder's key is used (made on first start). */
  key: CheckpointPrivateKey | undefined;
  dir: string;
  intervalMs: number;
}

function accessLogCheckpointsIn(get: Get, production: boolean): AccessLogCheckpointConfig {
  const key = get(ACCESS_LOG_CHECKPOINT_KEY);
  if (production && !key) get.problem("ACCESS_LOG_CHECKPOINT_KEY is not set; production refuses to start without it (`npm run audit:key` makes one).");
  return { key, dir: checkpointDirIn(get), intervalMs: get(ACCESS_LOG_CHECKPOINT_INTERVAL) };
}

/** How long a process's HTTP server waits for a client (kit/http-server.ts). */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export function httpTimeoutsIn(get: Get): HttpTimeouts {
  const timeouts = { headersMs: get(HTTP_HEADERS_TIMEOUT_MS), requestMs: get(HTTP_REQUEST_TIMEOUT_MS), keepAliveMs: get(HTTP_KEEP_ALIVE_TIMEOUT_MS) };
  if (timeouts.headersMs > timeouts.requestMs) get.problem("HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS: the headers are part of the request.");
  return timeouts;
}

/** PostgreSQL for one service (DATABASE_URL_<SERVICE>, else the template), or undefined for embedded PGlite. */
export function databaseUrlIn(get: Get, service: ServiceName): string | undefined {
  const template = get(DATABASE_URL_TEMPLATE);
  return get(DATABASE_URL.for(service)) ?? template?.replaceAll("{service}", service);
}

/** Where each subgraph answers: SUBGRAPH_URL_<SERVICE>, else its port next to the gateway's. */
export function subgraphUrlsIn(get: Get, gatewayPort: number): Record<ServiceName, string> {
  return Object.fromEntries(SERVICE_NAMES.map((s) => [s, get(SUBGRAPH_URL.for(s), `http://127.0.0.1:${subgraphPort(s, gatewayPort)}/graphql`)])) as Record<ServiceName, string>;
}

/** For test harnesses that start processes: which services an environment puts on PostgreSQL. */
export function databaseUrlFor(service: ServiceName, env: Env = process.env): string | undefined {
  return readSettings(env, [DATABASE_URL_TEMPLATE.declaration, DATABASE_URL.for(service).declaration], (get) => databaseUrlIn(get, service));
}

// --- the migration runner's config (services/kit/db/migrate-main.ts) ---------------

/** What the migration runner reads: the cluster's migration Job runs it for each service. */
export const MIGRATE_SETTINGS: readonly Declaration[] = [NODE_ENV, LOG_LEVEL, DATABASE_URL_TEMPLATE, DATABASE_URL].map((s) => s.declaration);

export interface MigrateConfig {
  production: boolean;
  logLevel: LogLevel;
  /** PostgreSQL only: an embedded database is migrated by the process that owns its folder. */
  databaseUrl: string;
}

/** One service's migration run, validated; a ConfigError names each bad setting. */
export function migrateConfig(service: ServiceName, env: Env = process.env): MigrateConfig {
  return readSettings(env, MIGRATE_SETTINGS, (get) => {
    const databaseUrl = databaseUrlIn(get, service) ?? "";
    if (!databaseUrl) get.problem(`DATABASE_URL_${service.toUpperCase()} (or DATABASE_URL_TEMPLATE) must be set: migrations run ahead of start-up only on PostgreSQL.`);
    return { production: isProductionIn(get), logLevel: get(LOG_LEVEL), databaseUrl };
  });
}

// --- the subgraph process's config --------------------------------------------

/** Where a service's database is. */
export interface DatabaseConfig {
  service: ServiceName;
  /** PostgreSQL URL; when absent the service runs on embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL. */
  databasePoolSize: number;
  dataDir: string;
}

export interface SubgraphConfig extends DatabaseConfig {
  production: boolean;
  logLevel: LogLevel;
  port: number;
  host: string;
  secrets: SecretsFromEnv;
  /** Shared consent epoch (samhandling moves it there); without it samhandling pushes it to `gatewayUrls`. */
  redisUrl: string | undefined;
  gatewayUrls: string[];
  /** Where this subgraph calls the others. */
  subgraphUrls: Record<ServiceName, string>;
  seedDemo: boolean;
  /** Synthetic families seeded on top of the Fjordvik demo (tests, benchmarks). */
  syntheticFamilies: number;
  syntheticSeed: number;
  maxBodyBytes: number;
  httpTimeouts: HttpTimeouts;
  shutdownTimeoutMs: number;
  /** Benchmarks only (kit/bench-switch.ts). */
  benchRulesOff: boolean;
  /** samhandling: the period of an information request, in milliseconds. */
  informationRequestMs: number;
  jobs: JobsConfig;
  /** samhandling: how often the notification scheduler tries a pass, in milliseconds. */
  notificationIntervalMs: number;
  accessLogCheckpoints: AccessLogCheckpointConfig;
  /** The retention job's interval and each rule's period (services/kit/retention/). */
  retention: RetentionConfig;
  /** Whom an INVOLVEMENT-only view of this service names as contact: its front door (none for a service without a view of a person). */
  frontDoor: FrontDoor | null;
  /** samhandling: notification e-mail; null when off (no NOTIFY_SMTP_URL). */
  notifyEmail: NotifyEmailConfig | null;
}

export interface NotifyEmailConfig {
  smtpUrl: string;
  from: string;
  intervalMs: number;
  /** The web app's address: the one link an e-mail carries. */
  appUrl: string;
}

function notifyEmailIn(get: Get, gatewayPort: number): NotifyEmailConfig | null {
  const smtpUrl = get(NOTIFY_SMTP_URL);
  // Read whether or not e-mail is on, so a bad value is reported either way.
  const from = get(NOTIFY_EMAIL_FROM);
  const intervalMs = get(NOTIFY_EMAIL_INTERVAL);
  // The web app's default port (web/config.ts WEB_PORT): the gateway's + 200.
  const appUrl = get(NOTIFY_APP_URL) ?? `http://127.0.0.1:${gatewayPort + 200}`;
  return smtpUrl ? { smtpUrl, from, intervalMs, appUrl } : null;
}

/** The catalog's front door of the service, or the municipality's own from FRONT_DOOR_NAME_/FRONT_DOOR_PHONE_<SERVICE>. */
function frontDoorIn(get: Get, service: ServiceName): FrontDoor | null {
  const fromCatalog = serviceEntry(service).frontDoor;
  const name = get(FRONT_DOOR_NAME.for(service), fromCatalog?.name ?? "");
  const phone = get(FRONT_DOOR_PHONE.for(service), fromCatalog?.phone ?? "");
  if (name === "" && phone === "") return null;
  if (name === "" || phone === "") {
    const which = service.toUpperCase();
    get.problem(`FRONT_DOOR_NAME_${which} and FRONT_DOOR_PHONE_${which} go together: ${service} has no front door in the catalog, so set both.`);
  }
  return { name, phone };
}

/** Every setting of one subgraph process, validated; a ConfigError names each bad one. */
export function subgraphConfig(service: ServiceName, env: Env = process.env): SubgraphConfig {
  return readSettings(env, SUBGRAPH_SETTINGS, (get) => {
    const production = isProductionIn(get);
    const gatewayPort = get(GATEWAY_PORT);
    const benchRulesOff = get(HUB_BENCH_RULES_OFF);
    const bench = get(BENCH);
    if (benchRulesOff && production && !bench) {
      get.problem("HUB_BENCH_RULES_OFF switches consent and the access log off; it is refused in production unless BENCH=1 (benchmarks only).");
    }
    return {
      service,
      production,
      logLevel: get(LOG_LEVEL),
      port: get(PORT, subgraphPort(service, gatewayPort)),
      host: get(HOST),
      databaseUrl: databaseUrlIn(get, service),
      databasePoolSize: get(DATABASE_POOL_SIZE),
      dataDir: path.join(get(DATA_DIR), service),
      secrets: subgraphSecretsFrom(get, production),
      redisUrl: get(REDIS_URL),
      gatewayUrls: get(GATEWAY_URLS, [`http://127.0.0.1:${gatewayPort}`]),
      subgraphUrls: subgraphUrlsIn(get, gatewayPort),
      seedDemo: get(SEED_DEMO, !production),
      syntheticFamilies: get(SEED_SYNTHETIC_FAMILIES),
      syntheticSeed: get(SEED_SYNTHETIC_SEED),
      maxBodyBytes: get(MAX_BODY_BYTES),
      httpTimeouts: httpTimeoutsIn(get),
      shutdownTimeoutMs: get(SHUTDOWN_TIMEOUT_MS),
      benchRulesOff,
      informationRequestMs: informationRequestPeriodIn(get, production),
      jobs: jobsIn(get, production),
      notificationIntervalMs: get(NOTIFICATION_SCHEDULER_INTERVAL),
      accessLogCheckpoints: accessLogCheckpointsIn(get, production),
      retention: retentionIn(get, production),
      frontDoor: frontDoorIn(get, service),
      notifyEmail: notifyEmailIn(get, gatewayPort),
    };
  });
}
