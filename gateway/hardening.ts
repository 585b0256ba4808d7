// The gateway's production switches and request limits, read once from the
// environment. Every limit has a default that fits the hub's own documents
// (the family overview is depth 7, a few hundred tokens) with room to spare;
// README "Production mode and limits" lists the variables.
import path from "node:path";
import { flagFromEnv, ROOT_DIR } from "../services/kit/config.ts";
import { isProduction } from "../services/kit/auth/secrets.ts";

export interface Limits {
  /** Deepest selection nesting accepted (graphql-armor max depth). */
  maxDepth: number;
  /** Most aliases in one document (graphql-armor max aliases). */
  maxAliases: number;
  /** Most lexical tokens in one document, checked while parsing (graphql-armor max tokens). */
  maxTokens: number;
  /**
   * Highest estimated cost of an operation (Hive demand control, summed over
   * its subgraph calls; each object field costs 1 times the list sizes around
   * it, mutations 10 more). The family overview costs 282 at the default list size.
   */
  maxCost: number;
  listSize: number;
  /** Largest request body in bytes; a bigger one is refused before it is parsed. */
  maxBodyBytes: number;
  /** Most operations in one batched (array) request. */
  maxBatch: number;
}

export interface RateLimit {
  /** Requests (root fields) one actor may make per window; 0 switches the limit off. */
  max: number;
  windowMs: number;
  /** Shared counters across gateway instances; without it each process counts alone. */
  redisUrl: string | undefined;
}

export interface Telemetry {
  /** Prometheus metrics at /metrics. */
  metrics: boolean;
  /** OTLP/HTTP traces endpoint (e.g. http://otel-collector:4318/v1/traces), or "console"; null = no tracing. */
  traces: string | null;
}

export interface Hardening {
  production: boolean;
  limits: Limits;
  rateLimit: RateLimit;
  /** The trusted-documents manifest; in production only these documents run. */
  persistedDocumentsPath: string;
  /** Also read trusted documents from Redis (hash PERSISTED_DOCUMENTS_REDIS_KEY) when REDIS_URL is set. */
  persistedDocumentsRedisKey: string;
  /** Development may also send documents that are not in the manifest. */
  allowArbitraryDocuments: boolean;
  telemetry: Telemetry;
}

export const DEFAULT_DOCUMENTS_MANIFEST = path.join(ROOT_DIR, "gateway", "documents", "manifest.json");

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  return value;
}

export function hardeningConfig(env: NodeJS.ProcessEnv = process.env): Hardening {
  const production = isProduction();
  const allowArbitraryDocuments = flagFromEnv(env, "ALLOW_ARBITRARY_DOCUMENTS", !production);
  // Exploration in development is open; production closes it and says so if someone tries to reopen it.
  if (production && allowArbitraryDocuments) throw new Error("ALLOW_ARBITRARY_DOCUMENTS=true is refused in production: only trusted documents run there.");
  return {
    production,
    limits: {
      maxDepth: whole(env, "MAX_DEPTH", 10),
      maxAliases: whole(env, "MAX_ALIASES", 30),
      maxTokens: whole(env, "MAX_TOKENS", 4000),
      maxCost: whole(env, "MAX_COST", 1000),
      listSize: whole(env, "COST_LIST_SIZE", 10),
      maxBodyBytes: whole(env, "MAX_REQUEST_BODY_BYTES", 1_000_000),
      maxBatch: whole(env, "MAX_BATCH", 10),
    },
    rateLimit: {
      // Development is for exploration and the test suites: off unless asked for.
      max: whole(env, "RATE_LIMIT_MAX", production ? 600 : 0, 0),
      windowMs: whole(env, "RATE_LIMIT_WINDOW_MS", 60_000),
      redisUrl: env.REDIS_URL || undefined,
    },
    persistedDocumentsPath: env.PERSISTED_DOCUMENTS_PATH ? path.resolve(env.PERSISTED_DOCUMENTS_PATH) : DEFAULT_DOCUMENTS_MANIFEST,
    persistedDocumentsRedisKey: env.PERSISTED_DOCUMENTS_REDIS_KEY ?? "hub:persisted-documents",
    allowArbitraryDocuments,
    telemetry: {
      metrics: flagFromEnv(env, "METRICS_ENABLED", true),
      traces: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES || null,
    },
  };
}
