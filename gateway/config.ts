// Gateway settings, all from the environment, with defaults that run locally.
import path from "node:path";
import { DEFAULT_GATEWAY_PORT, SERVICE_NAMES, subgraphPort, type ServiceName } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** Where each subgraph answers; SUBGRAPH_URL_<NAME> overrides (docker-compose uses it). */
  subgraphUrls: Record<ServiceName, string>;
  /** Per-subgraph time limit; a slow service yields a per-service error, not a failed overview. */
  upstreamTimeoutMs: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export function gatewayConfig(): GatewayConfig {
  const port = positiveInt("GATEWAY_PORT", DEFAULT_GATEWAY_PORT);
  const subgraphUrls = Object.fromEntries(
    SERVICE_NAMES.map((s) => [s, process.env[`SUBGRAPH_URL_${s.toUpperCase()}`] ?? `http://127.0.0.1:${subgraphPort(s, port)}/graphql`]),
  ) as Record<ServiceName, string>;
  return {
    port,
    host: process.env.GATEWAY_HOST ?? "127.0.0.1",
    supergraphPath: process.env.SUPERGRAPH_PATH ?? path.join(ROOT_DIR, "schema", "supergraph.graphql"),
    subgraphUrls,
    upstreamTimeoutMs: positiveInt("UPSTREAM_TIMEOUT_MS", 10_000),
  };
}
