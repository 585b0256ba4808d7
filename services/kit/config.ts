import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_GATEWAY_PORT, subgraphPort, type ServiceName } from "./catalog.ts";

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** A true/false setting: "true"/"1" or "false"/"0"; unset or empty gives `fallback`; anything else is refused. */
export function flagFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "1") return true;
  if (raw === "false" || raw === "0") return false;
  throw new Error(`${name} must be true or false, got "${raw}".`);
}

export interface SubgraphConfig {
  service: ServiceName;
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the service runs on embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Synthetic families seeded on top of the Fjordvik demo (tests, benchmarks). */
  syntheticFamilies: number;
  syntheticSeed: number;
  seedDemo: boolean;
}

/**
 * `DATABASE_URL_<SERVICE>` (e.g. DATABASE_URL_NAV) selects PostgreSQL for one
 * service; `DATABASE_URL_TEMPLATE` with a `{service}` placeholder selects it
 * for all (postgres://hub@127.0.0.1/hub_{service}).
 */
export function databaseUrlFor(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[`DATABASE_URL_${service.toUpperCase()}`];
  if (own) return own;
  const template = env.DATABASE_URL_TEMPLATE;
  return template ? template.replaceAll("{service}", service) : undefined;
}

export function subgraphConfig(service: ServiceName): SubgraphConfig {
  const gatewayPort = intFromEnv("GATEWAY_PORT", DEFAULT_GATEWAY_PORT);
  return {
    service,
    port: intFromEnv("PORT", subgraphPort(service, gatewayPort)),
    host: process.env.HOST ?? "127.0.0.1",
    databaseUrl: databaseUrlFor(service),
    dataDir: path.resolve(process.env.DATA_DIR ?? path.join(ROOT_DIR, "data"), service),
    syntheticFamilies: intFromEnv("SEED_SYNTHETIC_FAMILIES", 0),
    syntheticSeed: intFromEnv("SEED_SYNTHETIC_SEED", 1),
    seedDemo: process.env.SEED_DEMO !== "false",
  };
}
