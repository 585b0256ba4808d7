// The gateway's settings: declared once here (services/kit/env.ts says how;
// those it shares with the subgraphs are in services/kit/config.ts), read and
// validated once when the gateway starts. Every limit has a default that fits
// the hub's own documents (the family overview is depth 7, a few hundred
// tokens) with room to spare. docs/configuration.md lists them all.
import path from "node:path";
import { gatewayMetricsPort, SERVICE_NAMES, webPort, type ServiceName } from "../services/kit/catalog.ts";
import {
  DATA_DIR,
  devIssuerIn,
  GATEWAY_PORT,
  HTTP_TIMEOUTS,
  httpTimeoutsIn,
  HUB_SIGNING_SECRET,
  IDENTITY_ISSUER,
  isProductionIn,
  LOG_LEVEL,
  NODE_ENV,
  REDIS_URL,
  ROOT_DIR,
  secretsFrom,
  SHUTDOWN_TIMEOUT_MS,
  SUBGRAPH_URL,
  subgraphUrlsIn,
  type HttpTimeouts,
  type LogLevel,
} from "../services/kit/config.ts";
import { loadSecrets } from "../services/kit/auth/secrets.ts";
import {
  boolean,
  computed,
  duration,
  filePath,
  list,
  oneOf,
  optional,
  perService,
  port,
  positiveWholeNumber,
  readSettings,
  setting,
  text,
  url,
  wholeNumber,
  type Declaration,
  type Env,
  type Get,
} from "../services/kit/env.ts";
import { IdentityMappingError, loadIdentityMapping } from "./identity/mapping.ts";
import type { AuthConfig } from "./plugins/auth.ts";

export const DEFAULT_DOCUMENTS_MANIFEST = path.join(ROOT_DIR, "gateway", "documents", "manifest.json");
/** The development provider's mapping (identity/mapping.ts writes it): the default outside production. */
export const DEV_IDENTITY_MAPPING = path.join(ROOT_DIR, "deploy", "identity-mapping.dev.json");

// --- the gateway process ----------------------------------------------------

const GATEWAY_HOST = setting("GATEWAY_HOST", text(), { default: "127.0.0.1", description: "The address the gateway listens on (`0.0.0.0` in a container)." });
const SUPERGRAPH_PATH = setting("SUPERGRAPH_PATH", filePath(), {
  default: path.join(ROOT_DIR, "schema", "supergraph.graphql"),
  shownDefault: "`schema/supergraph.graphql`",
  description: "The composed supergraph the gateway plans over.",
});
const UPSTREAM_TIMEOUT_MS = setting("UPSTREAM_TIMEOUT_MS", duration({ min: 1 }), {
  default: 10_000,
  description: "Time limit of one subgraph call; a slow service gets `GATEWAY_TIMEOUT` for its part, the rest of the answer stands.",
});
const UPSTREAM_TIMEOUT_MS_OF = perService("UPSTREAM_TIMEOUT_MS_", duration({ min: 1 }), {
  shownDefault: "`UPSTREAM_TIMEOUT_MS`",
  description: "Time limit of one call to that subgraph.",
});
const GATEWAY_QUERY_PLANNER = setting<"rust" | "js">("GATEWAY_QUERY_PLANNER", oneOf(["rust", "js"]), {
  default: "rust",
  description: "`rust`: Hive Router's query planner and executor; `js`: the JavaScript stitching planner (bench/RESULTS.md compares them).",
});
const GATEWAY_TRANSPORT = setting<"hub" | "hive">("GATEWAY_TRANSPORT", oneOf(["hub", "hive"]), {
  default: "hub",
  description: "`hub`: the gateway's own lean HTTP transport to the subgraphs; `hive`: Hive's default (always taken while traces are on).",
});
const IDENTITY_MAPPING_PATH = computed("IDENTITY_MAPPING_PATH", filePath(), {
  shownDefault: "`deploy/identity-mapping.dev.json` (the development provider); required in production",
  description: "The identity mapping: which identity providers the gateway trusts and how their tokens become the hub's claims (docs/sign-in.md). `${NAME}` in it is read from the environment.",
});
const JWKS_MAX_AGE_MS = setting("JWKS_MAX_AGE_MS", duration({ min: 1 }), {
  default: 600_000,
  description: "An issuer's signing keys are fetched again after this long: how long a retired key may still be accepted.",
});
const JWKS_REFETCH_COOLDOWN_MS = setting("JWKS_REFETCH_COOLDOWN_MS", duration(), {
  default: 30_000,
  description: "A token with a key id the gateway does not hold fetches the issuer's keys again (a rotation), at most this often per issuer.",
});
const CITIZEN_LOOKUP_MS = setting("CITIZEN_LOOKUP_MS", duration(), {
  default: 60_000,
  description: "How long the person a citizen's national id names (looked up in the registry at sign-in) is remembered.",
});

// --- production switches and request limits ------------------------------------

const MAX_DEPTH = setting("MAX_DEPTH", positiveWholeNumber(), { default: 10, description: "Deepest selection nesting accepted (the family overview is 7); deeper: `QUERY_TOO_DEEP`." });
const MAX_ALIASES = setting("MAX_ALIASES", positiveWholeNumber(), { default: 30, description: "Most aliases in one document; more: `TOO_MANY_ALIASES`." });
const MAX_TOKENS = setting("MAX_TOKENS", positiveWholeNumber(), { default: 4000, description: "Most lexical tokens in one document, counted while parsing; more: `QUERY_TOO_LARGE`." });
const MAX_SELECTIONS = setting("MAX_SELECTIONS", positiveWholeNumber(), {
  default: 2000,
  description: "Most fields one document selects with every fragment spread expanded where it is used (the case overview: 69, an introspection query: about 220), checked before planning; more: `SELECTION_TOO_LARGE`.",
});
const MAX_COST = setting("MAX_COST", positiveWholeNumber(), {
  default: 1000,
  description: "Highest estimated cost of an operation (1 per object field, times `COST_LIST_SIZE` per list around it, +10 per mutation); checked per request where any document may run (development), by `npm run documents` for trusted documents.",
});
const REQUEST_DEADLINE_MS = setting("REQUEST_DEADLINE_MS", duration({ min: 1 }), {
  default: 30_000,
  description: "Time limit of one request from its arrival to its answer (planning, every subgraph call, the answer); past it the gateway stops its work and answers 503 `REQUEST_DEADLINE_EXCEEDED`. Keep it above `UPSTREAM_TIMEOUT_MS` × the levels of subgraph calls of the longest query.",
});
const COST_LIST_SIZE = setting("COST_LIST_SIZE", positiveWholeNumber(), { default: 10, description: "The length every list is assumed to have when a cost is estimated." });
const MAX_REQUEST_BODY_BYTES = setting("MAX_REQUEST_BODY_BYTES", positiveWholeNumber(), {
  default: 1_000_000,
  description: "Largest request body, declared or streamed; bigger: 413 `REQUEST_TOO_LARGE`.",
});
const MAX_BATCH = setting("MAX_BATCH", positiveWholeNumber(), { default: 10, description: "Most operations in one batched (array) request; more: 413 `BATCH_TOO_LARGE`." });
const RATE_LIMIT_MAX = computed("RATE_LIMIT_MAX", wholeNumber(), {
  shownDefault: "600 in production, 0 (off) otherwise",
  description: "Requests (root fields) one actor may make per window; 0 switches the limit off.",
});
const RATE_LIMIT_WINDOW_MS = setting("RATE_LIMIT_WINDOW_MS", duration({ min: 1 }), { default: 60_000, description: "The rate limit's sliding window." });
const PERSISTED_DOCUMENTS_PATH = setting("PERSISTED_DOCUMENTS_PATH", filePath(), {
  default: DEFAULT_DOCUMENTS_MANIFEST,
  shownDefault: "`gateway/documents/manifest.json`",
  description: "The trusted-documents manifest (`npm run documents`: the hub's documents and every operation of the web app); in production only its documents (and those published to Redis) run.",
});
const PERSISTED_DOCUMENTS_REDIS_KEY = setting("PERSISTED_DOCUMENTS_REDIS_KEY", text(), {
  default: "hub:persisted-documents",
  description: "The Redis hash trusted documents are published to (`npm run documents -- --redis`) and looked up in.",
});
const ALLOW_ARBITRARY_DOCUMENTS = computed("ALLOW_ARBITRARY_DOCUMENTS", boolean(), {
  shownDefault: "`true`; `false` in production, where `true` is refused",
  description: "Whether documents that are not trusted documents may run.",
});
const METRICS_ENABLED = setting("METRICS_ENABLED", boolean(), { default: true, description: "Prometheus metrics at `/metrics` on `METRICS_PORT`." });
const METRICS_PORT = computed("METRICS_PORT", port(), {
  shownDefault: "`GATEWAY_PORT` + 95 (4095)",
  description: "The port of the gateway's `/metrics`, on `GATEWAY_HOST`; kept off the public port (docs/operations.md says why). Open it to the scraper only.",
});
const CORS_ORIGINS = computed("CORS_ORIGINS", list(url(["http", "https"])), {
  shownDefault: "the web app's origin, `http://localhost:<GATEWAY_PORT + 200>`",
  description: "The browser origins that may call the gateway (with credentials, and reading `x-hub-request-id`); any other origin gets no CORS headers, so browsers keep its pages from reading answers.",
});
const OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = optional("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", url(["http", "https"]), {
  shownDefault: "unset: no traces",
  description: "An OTLP/HTTP collector for OpenTelemetry traces (e.g. `http://otel-collector:4318/v1/traces`).",
});
const OTEL_TRACES = optional("OTEL_TRACES", oneOf(["console"]), { description: "`console` writes traces to stdout (when no OTLP endpoint is set)." });
const OTEL_SERVICE_NAME = setting("OTEL_SERVICE_NAME", text(), { default: "samhandling-gateway", description: "The service name on the gateway's traces." });

/** What `hardeningConfig` reads (with NODE_ENV, REDIS_URL and GATEWAY_PORT, which the defaults of the ports and origins follow). */
const HARDENING_SETTINGS = [
  MAX_DEPTH,
  MAX_ALIASES,
  MAX_TOKENS,
  MAX_SELECTIONS,
  MAX_COST,
  COST_LIST_SIZE,
  MAX_REQUEST_BODY_BYTES,
  MAX_BATCH,
  REQUEST_DEADLINE_MS,
  RATE_LIMIT_MAX,
  RATE_LIMIT_WINDOW_MS,
  PERSISTED_DOCUMENTS_PATH,
  PERSISTED_DOCUMENTS_REDIS_KEY,
  ALLOW_ARBITRARY_DOCUMENTS,
  METRICS_ENABLED,
  METRICS_PORT,
  CORS_ORIGINS,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
  OTEL_TRACES,
  OTEL_SERVICE_NAME,
].map((s) => s.declaration);

/** What the gateway process reads, in the order docs/configuration.md lists it. */
export const GATEWAY_SETTINGS: readonly Declaration[] = [
  ...[NODE_ENV, LOG_LEVEL, GATEWAY_PORT, GATEWAY_HOST, DATA_DIR, SUPERGRAPH_PATH, SUBGRAPH_URL, UPSTREAM_TIMEOUT_MS, UPSTREAM_TIMEOUT_MS_OF].map((s) => s.declaration),
  ...[GATEWAY_QUERY_PLANNER, GATEWAY_TRANSPORT, HUB_SIGNING_SECRET, IDENTITY_MAPPING_PATH, IDENTITY_ISSUER, JWKS_MAX_AGE_MS, JWKS_REFETCH_COOLDOWN_MS, CITIZEN_LOOKUP_MS, REDIS_URL].map(
    (s) => s.declaration,
  ),
  ...HARDENING_SETTINGS,
  ...HTTP_TIMEOUTS.map((s) => s.declaration),
  SHUTDOWN_TIMEOUT_MS.declaration,
];

/** What `npm run documents` reads: the cost limit it holds trusted documents to, and where `--redis` publishes them. */
export const DOCUMENTS_SETTINGS: readonly Declaration[] = [MAX_COST, COST_LIST_SIZE, REDIS_URL, PERSISTED_DOCUMENTS_REDIS_KEY].map((s) => s.declaration);

// --- the config ----------------------------------------------------------------

export interface Limits {
  /** Deepest selection nesting accepted (graphql-armor max depth). */
  maxDepth: number;
  /** Most aliases in one document (graphql-armor max aliases). */
  maxAliases: number;
  /** Most lexical tokens in one document, checked while parsing (graphql-armor max tokens). */
  maxTokens: number;
  /** Most fields one document selects with its fragments expanded, checked before planning. */
  maxSelections: number;
  /**
   * Highest estimated cost of an operation (document-measures.ts: each
   * object field costs 1 times the list sizes around it, mutations 10 more).
   * The family overview costs 282 at the default list size.
   */
  maxCost: number;
  listSize: number;
  /** Largest request body in bytes; a bigger one is refused before it is parsed. */
  maxBodyBytes: number;
  /** Most operations in one batched (array) request. */
  maxBatch: number;
  /** Time limit of one request, from its arrival to its answer. */
  requestDeadlineMs: number;
}

export interface RateLimit {
  /** Requests (root fields) one actor may make per window; 0 switches the limit off. */
  max: number;
  windowMs: number;
  /** Shared counters across gateway instances; without it each process counts alone. */
  redisUrl: string | undefined;
}

export interface Telemetry {
  /** Prometheus metrics at /metrics on `metricsPort`. */
  metrics: boolean;
  metricsPort: number;
  /** OTLP/HTTP traces endpoint (e.g. http://otel-collector:4318/v1/traces), or "console"; null = no tracing. */
  traces: string | null;
  /** The service name on the traces. */
  serviceName: string;
}

export interface Hardening {
  production: boolean;
  limits: Limits;
  rateLimit: RateLimit;
  /** The trusted-documents manifest; in production only these documents run. */
  persistedDocumentsPath: string;
  /** Also read trusted documents from Redis (this hash) when REDIS_URL is set. */
  persistedDocumentsRedisKey: string;
  /** Development may also send documents that are not in the manifest. */
  allowArbitraryDocuments: boolean;
  /** Browser origins that may call the gateway. */
  corsOrigins: string[];
  telemetry: Telemetry;
}

export interface GatewayConfig {
  production: boolean;
  logLevel: LogLevel;
  port: number;
  host: string;
  supergraphPath: string;
  /** Where each subgraph answers; SUBGRAPH_URL_<NAME> overrides (docker-compose uses it). */
  subgraphUrls: Record<ServiceName, string>;
  /**
   * Time limit of one subgraph call, by subgraph: UPSTREAM_TIMEOUT_MS for all,
   * UPSTREAM_TIMEOUT_MS_<NAME> for one. A slow service yields a per-service
   * error, not a failed overview. (Hive's upstreamTimeout takes this function.)
   */
  upstreamTimeoutMs: (call: { subgraphName?: string }) => number;
  auth: AuthConfig;
  /** Signs every subgraph request (HMAC). */
  signingSecret: string;
  /** The consent epoch from Redis; without it, pushed by samhandling (kit/consent-epoch.ts). */
  redisUrl: string | undefined;
  /**
   * Which query planner executes the supergraph: "rust" (Hive Router's
   * planner and its executor, @graphql-hive/router-runtime) or "js" (the
   * stitching runtime). bench/RESULTS.md says why the default.
   */
  queryPlanner: "rust" | "js";
  /**
   * How subgraph calls travel: "hub" (the gateway's own lean HTTP transport,
   * transport.ts) or "hive" (Hive's default, which runs onFetch plugins; also
   * taken whenever OpenTelemetry traces are on).
   */
  transport: "hub" | "hive";
  /** Production switches and request limits. */
  hardening: Hardening;
  /** How long the HTTP server waits for a request's headers, its whole body, and the next request on a kept-alive connection. */
  httpTimeouts: HttpTimeouts;
  shutdownTimeoutMs: number;
}

function limitsIn(get: Get): Limits {
  return {
    maxDepth: get(MAX_DEPTH),
    maxAliases: get(MAX_ALIASES),
    maxTokens: get(MAX_TOKENS),
    maxSelections: get(MAX_SELECTIONS),
    maxCost: get(MAX_COST),
    listSize: get(COST_LIST_SIZE),
    maxBodyBytes: get(MAX_REQUEST_BODY_BYTES),
    maxBatch: get(MAX_BATCH),
    requestDeadlineMs: get(REQUEST_DEADLINE_MS),
  };
}

function hardeningIn(get: Get, production: boolean, gatewayPort: number): Hardening {
  const allowArbitraryDocuments = get(ALLOW_ARBITRARY_DOCUMENTS, !production);
  // Exploration in development is open; production closes it and says so if someone tries to reopen it.
  if (production && allowArbitraryDocuments) get.problem("ALLOW_ARBITRARY_DOCUMENTS=true is refused in production: only trusted documents run there.");
  // Both read, so that a bad OTEL_TRACES is reported even beside an endpoint (which wins).
  const endpoint = get(OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const toConsole = get(OTEL_TRACES);
  const traces = endpoint ?? toConsole ?? null;
  return {
    production,
    limits: limitsIn(get),
    // Development is for exploration and the test suites: off unless asked for.
    rateLimit: { max: get(RATE_LIMIT_MAX, production ? 600 : 0), windowMs: get(RATE_LIMIT_WINDOW_MS), redisUrl: get(REDIS_URL) },
    persistedDocumentsPath: get(PERSISTED_DOCUMENTS_PATH),
    persistedDocumentsRedisKey: get(PERSISTED_DOCUMENTS_REDIS_KEY),
    allowArbitraryDocuments,
    corsOrigins: get(CORS_ORIGINS, [`http://localhost:${webPort(gatewayPort)}`]).map((origin) => new URL(origin).origin),
    telemetry: {
      metrics: get(METRICS_ENABLED),
      metricsPort: get(METRICS_PORT, gatewayMetricsPort(gatewayPort)),
      traces,
      serviceName: get(OTEL_SERVICE_NAME),
    },
  };
}

/** The identity mapping, read and checked; `env` fills in its `${NAME}`s (IDENTITY_ISSUER defaults to the development provider's). */
function authIn(get: Get, env: Env, production: boolean, gatewayPort: number): AuthConfig {
  const mappingFile = get(IDENTITY_MAPPING_PATH, production ? "" : DEV_IDENTITY_MAPPING);
  // Read whatever the mode, so a bad value is reported; used only as the development default.
  const devIssuer = devIssuerIn(get, gatewayPort);
  const timing = { keys: { maxAgeMs: get(JWKS_MAX_AGE_MS), cooldownMs: get(JWKS_REFETCH_COOLDOWN_MS), timeoutMs: 5_000 }, citizenLookupMs: get(CITIZEN_LOOKUP_MS) };
  if (!mappingFile) {
    get.problem("IDENTITY_MAPPING_PATH must be set in production: the file that says which identity providers the gateway trusts and how their tokens map to the hub's claims (docs/sign-in.md; deploy/identity-mapping.*.example.json).");
    return { mappingFile, issuers: [], ...timing };
  }
  const variables = (name: string) => env[name] || (name === IDENTITY_ISSUER.name && !production ? devIssuer : undefined);
  try {
    return { mappingFile, issuers: loadIdentityMapping(mappingFile, variables), ...timing };
  } catch (error) {
    if (!(error instanceof IdentityMappingError)) throw error;
    get.problem(error.message);
    return { mappingFile, issuers: [], ...timing };
  }
}

function upstreamTimeoutsIn(get: Get): GatewayConfig["upstreamTimeoutMs"] {
  const fallback = get(UPSTREAM_TIMEOUT_MS);
  const own = new Map<string, number>(SERVICE_NAMES.map((s) => [s, get(UPSTREAM_TIMEOUT_MS_OF.for(s), fallback)]));
  return ({ subgraphName }) => (subgraphName && own.get(subgraphName.toLowerCase())) || fallback;
}

/** Every setting of the gateway, validated (a ConfigError names each bad one); development secrets are made on first use. */
export function gatewayConfig(env: Env = process.env): GatewayConfig {
  const { dataDir, secrets, ...config } = readSettings(env, GATEWAY_SETTINGS, (get) => {
    const production = isProductionIn(get);
    const port = get(GATEWAY_PORT);
    return {
      production,
      logLevel: get(LOG_LEVEL),
      port,
      host: get(GATEWAY_HOST),
      dataDir: get(DATA_DIR),
      secrets: secretsFrom(get, production),
      auth: authIn(get, env, production, port),
      supergraphPath: get(SUPERGRAPH_PATH),
      subgraphUrls: subgraphUrlsIn(get, port),
      upstreamTimeoutMs: upstreamTimeoutsIn(get),
      queryPlanner: get(GATEWAY_QUERY_PLANNER),
      transport: get(GATEWAY_TRANSPORT),
      redisUrl: get(REDIS_URL),
      hardening: hardeningIn(get, production, port),
      httpTimeouts: httpTimeoutsIn(get),
      shutdownTimeoutMs: get(SHUTDOWN_TIMEOUT_MS),
    };
  });
  const { signingSecret } = loadSecrets(dataDir, secrets, config.production);
  return { ...config, signingSecret };
}

/** The production switches and limits alone (tests; the trusted-documents tooling). */
export function hardeningConfig(env: Env = process.env): Hardening {
  return readSettings(env, [NODE_ENV.declaration, REDIS_URL.declaration, GATEWAY_PORT.declaration, ...HARDENING_SETTINGS], (get) => hardeningIn(get, isProductionIn(get), get(GATEWAY_PORT)));
}

export interface DocumentsConfig {
  limits: Pick<Limits, "maxCost" | "listSize">;
  redisUrl: string | undefined;
  redisKey: string;
}

/** `npm run documents`: the cost limit trusted documents are held to, and where `--redis` publishes them. */
export function documentsConfig(env: Env = process.env): DocumentsConfig {
  return readSettings(env, DOCUMENTS_SETTINGS, (get) => ({
    limits: { maxCost: get(MAX_COST), listSize: get(COST_LIST_SIZE) },
    redisUrl: get(REDIS_URL),
    redisKey: get(PERSISTED_DOCUMENTS_REDIS_KEY),
  }));
}
