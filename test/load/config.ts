// The load test's settings (`npm run load`), declared and read here only,
// with the parsers every process uses (services/kit/env.ts);
// docs/configuration.md lists them. `--duration`, `--concurrency` and
// `--port` on the command line stand for LOAD_DURATION_S, LOAD_CONCURRENCY
// and LOAD_GATEWAY_PORT.
import { DATABASE_URL_TEMPLATE, REDIS_URL } from "../../services/kit/config.ts";
import { duration, matching, optional, port, positiveWholeNumber, readSettings, setting, settingsOrExit, switchedOnBy1, text, type Declaration, type Env } from "../../services/kit/env.ts";

/** A prefix of PostgreSQL database names the load test may drop and create. */
const databasePrefix = () => matching(/^[a-z_][a-z0-9_]*$/, "lower-case letters, digits and _, starting with a letter or _");

const LOAD_DURATION_S = setting("LOAD_DURATION_S", positiveWholeNumber(), { default: 60, description: "Seconds of load after start-up (`--duration`)." });
const LOAD_CONCURRENCY = setting("LOAD_CONCURRENCY", positiveWholeNumber(), { default: 24, description: "Coordinators reading at once (`--concurrency`)." });
const LOAD_CHURN_TARGETS = setting("LOAD_CHURN_TARGETS", positiveWholeNumber(), { default: 4, description: "Consents granted and withdrawn meanwhile, at once." });
const LOAD_CHURN_PAUSE_MS = setting("LOAD_CHURN_PAUSE_MS", duration({ min: 1 }), { default: 3000, description: "The mean pause between one consent's changes." });
const LOAD_HEAP_MB = setting("LOAD_HEAP_MB", positiveWholeNumber(), { default: 256, description: "Each process's V8 heap limit in MB, as a container's would be." });
const LOAD_GATEWAY_PORT = setting("LOAD_GATEWAY_PORT", port(), { default: 18000, description: "Its federation's gateway port; subgraphs +101… (`--port`)." });
const LOAD_REQUEST_TIMEOUT_MS = setting("LOAD_REQUEST_TIMEOUT_MS", duration({ min: 1 }), { default: 30000, description: "A request gives up (and counts as a failure) after this long." });
const LOAD_DATABASE_PREFIX = setting("LOAD_DATABASE_PREFIX", databasePrefix(), {
  default: "hub_load_",
  description: "On PostgreSQL: its databases are `<prefix><service>` on the server of `DATABASE_URL_TEMPLATE`, dropped and created afresh.",
});
const LOAD_DATABASE_POOL_SIZE = setting("LOAD_DATABASE_POOL_SIZE", positiveWholeNumber(), { default: 3, description: "PostgreSQL connections per process of its federation." });
const NODE_OPTIONS = optional("NODE_OPTIONS", text(), { description: "Node options for every process it starts, besides its heap limit." });
const KEEP_LOAD_DATA = setting("KEEP_LOAD_DATA", switchedOnBy1(), { default: false, shownDefault: "`0`", description: "Keep its folder (databases, logs) after a run that passed." });

/** What `npm run load` reads, as docs/configuration.md lists it. */
export const LOAD_SETTINGS: readonly Declaration[] = [
  LOAD_DURATION_S,
  LOAD_CONCURRENCY,
  LOAD_CHURN_TARGETS,
  LOAD_CHURN_PAUSE_MS,
  LOAD_HEAP_MB,
  LOAD_GATEWAY_PORT,
  LOAD_REQUEST_TIMEOUT_MS,
  LOAD_DATABASE_PREFIX,
  LOAD_DATABASE_POOL_SIZE,
  DATABASE_URL_TEMPLATE,
  REDIS_URL,
  NODE_OPTIONS,
  KEEP_LOAD_DATA,
].map((s) => s.declaration);

export interface LoadConfig {
  durationMs: number;
  concurrency: number;
  churnTargets: number;
  churnPauseMs: number;
  heapMb: number;
  gatewayPort: number;
  requestTimeoutMs: number;
  databasePrefix: string;
  poolSize: number;
  /** PostgreSQL (its server; the load test's own databases on it), or embedded PGlite when unset. */
  databaseTemplate: string | undefined;
  redisUrl: string | undefined;
  nodeOptions: string | undefined;
  keepData: boolean;
}

export interface LoadArguments {
  duration?: string;
  concurrency?: string;
  port?: string;
}

/** The environment with the command line's values in place of the variables they stand for. */
function withArguments(env: Env, args: LoadArguments): Env {
  const given = Object.entries({ LOAD_DURATION_S: args.duration, LOAD_CONCURRENCY: args.concurrency, LOAD_GATEWAY_PORT: args.port }).filter(([, v]) => v !== undefined);
  return given.length === 0 ? env : { ...env, ...Object.fromEntries(given) };
}

export function loadConfig(args: LoadArguments = {}, env: Env = process.env): LoadConfig {
  const given = withArguments(env, args);
  return settingsOrExit("npm run load", () =>
    readSettings(given, LOAD_SETTINGS, (get) => ({
      durationMs: get(LOAD_DURATION_S) * 1000,
      concurrency: get(LOAD_CONCURRENCY),
      churnTargets: get(LOAD_CHURN_TARGETS),
      churnPauseMs: get(LOAD_CHURN_PAUSE_MS),
      heapMb: get(LOAD_HEAP_MB),
      gatewayPort: get(LOAD_GATEWAY_PORT),
      requestTimeoutMs: get(LOAD_REQUEST_TIMEOUT_MS),
      databasePrefix: get(LOAD_DATABASE_PREFIX),
      poolSize: get(LOAD_DATABASE_POOL_SIZE),
      databaseTemplate: get(DATABASE_URL_TEMPLATE),
      redisUrl: get(REDIS_URL),
      nodeOptions: get(NODE_OPTIONS),
      keepData: get(KEEP_LOAD_DATA),
    })),
  );
}
