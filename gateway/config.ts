// Gateway settings, all from the environment, with defaults that run locally.
import path from "node:path";
import { DEFAULT_GATEWAY_PORT, SERVICE_NAMES, subgraphPort, type ServiceName } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { isProduction, loadSecrets } from "../services/kit/auth/secrets.ts";
import { AUDIENCE, type AuthConfig } from "./plugins/auth.ts";
import { hardeningConfig, type Hardening } from "./hardening.ts";

export interface GatewayConfig {
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
  /**
   * Which query planner executes the supergraph: "rust" (Hive Router's
   * planner and its executor, @graphql-hive/router-runtime) or "js" (the
   * stitching runtime). GATEWAY_QUERY_PLANNER; bench/RESULTS.md says why the default.
   */
  queryPlanner: "rust" | "js";
  /**
   * How subgraph calls travel: "hub" (the gateway's own lean HTTP transport,
   * transport.ts) or "hive" (Hive's default, which runs onFetch plugins; also
   * taken whenever OpenTelemetry traces are on). GATEWAY_TRANSPORT.
   */
  transport: "hub" | "hive";
  /** Production switches and request limits (hardening.ts). */
  hardening: Hardening;
}

function oidcConfig(): AuthConfig["oidc"] {
  const issuer = process.env.OIDC_ISSUER;
  const jwksUri = process.env.OIDC_JWKS_URI;
  if (!issuer && !jwksUri) {
    if (isProduction()) throw new Error("OIDC_ISSUER and OIDC_JWKS_URI must be set in production: tokens are verified against the issuer's keys.");
    return null;
  }
  if (!issuer || !jwksUri) throw new Error("Set both OIDC_ISSUER and OIDC_JWKS_URI, or neither (development tokens).");
  // Empty counts as unset (docker-compose passes OIDC_AUDIENCE through as ""): an empty audience would
  // switch the audience check off and accept the issuer's tokens for any other application.
  return { issuer, jwksUri, audience: process.env.OIDC_AUDIENCE || AUDIENCE };
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function upstreamTimeouts(): GatewayConfig["upstreamTimeoutMs"] {
  const fallback = positiveInt("UPSTREAM_TIMEOUT_MS", 10_000);
  const own = new Map<string, number>(SERVICE_NAMES.map((s) => [s, positiveInt(`UPSTREAM_TIMEOUT_MS_${s.toUpperCase()}`, fallback)]));
  return ({ subgraphName }) => (subgraphName && own.get(subgraphName.toLowerCase())) || fallback;
}

function queryPlanner(raw: string | undefined): GatewayConfig["queryPlanner"] {
  if (raw === undefined || raw === "" || raw === "rust") return "rust";
  if (raw === "js") return "js";
  throw new Error(`GATEWAY_QUERY_PLANNER must be rust or js, got "${raw}"`);
}

function transport(raw: string | undefined): GatewayConfig["transport"] {
  if (raw === undefined || raw === "" || raw === "hub") return "hub";
  if (raw === "hive") return "hive";
  throw new Error(`GATEWAY_TRANSPORT must be hub or hive, got "${raw}"`);
}

export function gatewayConfig(): GatewayConfig {
  const port = positiveInt("GATEWAY_PORT", DEFAULT_GATEWAY_PORT);
  const secrets = loadSecrets(path.resolve(process.env.DATA_DIR ?? path.join(ROOT_DIR, "data")));
  const subgraphUrls = Object.fromEntries(
    SERVICE_NAMES.map((s) => [s, process.env[`SUBGRAPH_URL_${s.toUpperCase()}`] ?? `http://127.0.0.1:${subgraphPort(s, port)}/graphql`]),
  ) as Record<ServiceName, string>;
  return {
    port,
    host: process.env.GATEWAY_HOST ?? "127.0.0.1",
    supergraphPath: process.env.SUPERGRAPH_PATH ?? path.join(ROOT_DIR, "schema", "supergraph.graphql"),
    subgraphUrls,
    upstreamTimeoutMs: upstreamTimeouts(),
    queryPlanner: queryPlanner(process.env.GATEWAY_QUERY_PLANNER),
    transport: transport(process.env.GATEWAY_TRANSPORT),
    auth: { oidc: oidcConfig(), devSecret: secrets.jwtSecret },
    signingSecret: secrets.signingSecret,
    hardening: hardeningConfig(),
  };
}
