// The benchmark's settings (`npm run bench`, and the peer gateway it starts),
// declared and read here only, with the parsers every process uses
// (services/kit/env.ts); docs/configuration.md lists them.
import path from "node:path";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { CHROMIUM_PATH } from "../scripts/lib/chromium.ts";
import { DATABASE_URL_TEMPLATE, HUB_SIGNING_SECRET, LOG_LEVEL, ROOT_DIR, SUBGRAPH_URL } from "../services/kit/config.ts";
import {
  filePath,
  oneOf,
  optional,
  port,
  positiveWholeNumber,
  readSettings,
  setting,
  settingsOrExit,
  switchedOnBy1,
  url,
  type Declaration,
  type Env,
  type Setting,
} from "../services/kit/env.ts";

export type BenchDatabase = "postgresql" | "pglite";

export interface BenchConfig {
  /** Seconds per measurement (each configuration, each phase, each round). */
  seconds: number;
  /** Rounds over the four configurations (latency, then saturation). */
  rounds: number;
  /** Concurrent connections at saturation. */
  connections: number;
  families: number;
  seed: number;
  database: BenchDatabase;
  /** PostgreSQL URL template with {service}; the benchmark adds the scale to the database name. */
  databaseTemplate: string;
  /** Also measure a municipality 10× as large. */
  scale10: boolean;
  /** "production" needs nothing else: the benchmark is its own identity provider (bench/identity.ts). */
  mode: "production" | "development";
  /** Gateway port of the first federation; everything else sits above it. */
  basePort: number;
  dataRoot: string;
  /** PostgreSQL connections per subgraph process (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Family size of the measured overview (subjects per case). */
  familySize: number;
  /**
   * Redis for federation A and the gateways on its subgraphs (the consent
   * epoch, rate-limit counters), as production runs; null: none (BENCH_REDIS=off),
   * then samhandling pushes the epoch to A's gateway.
   */
  redisUrl: string | null;
  /** Also measure our gateway with the JavaScript query planner (needs Redis; BENCH_PLANNERS=0 leaves it out). */
  comparePlanners: boolean;
  /** Seed the databases and stop (BENCH_SEED_ONLY=1). */
  seedOnly: boolean;
  /** Which of federation A's processes write V8 CPU profiles: every one, the gateway, or none. */
  profile: "1" | "gateway" | undefined;
  /** Where the results go. */
  out: string;
  /** The log level of every process the benchmark starts. */
  logLevel: string;
  /** How the run was asked for, as the results file shows it (settings given, passwords hidden). */
  commandLine: string;
}

const BENCH_SECONDS = setting("BENCH_SECONDS", positiveWholeNumber(), { default: 10, description: "Seconds per measurement (each configuration, each phase, each round)." });
const BENCH_ROUNDS = setting("BENCH_ROUNDS", positiveWholeNumber(), { default: 3, description: "Rounds over the configurations." });
const BENCH_CONNECTIONS = setting("BENCH_CONNECTIONS", positiveWholeNumber(), { default: 16, description: "Concurrent connections at saturation." });
const BENCH_FAMILIES = setting("BENCH_FAMILIES", positiveWholeNumber(), { default: 6000, description: "Synthetic families in the measured municipality." });
const BENCH_SEED = setting("BENCH_SEED", positiveWholeNumber(), { default: 1, description: "The random seed of the synthetic families." });
const BENCH_DB = setting<BenchDatabase>("BENCH_DB", oneOf(["postgresql", "pglite"]), { default: "postgresql", description: "The databases it measures on." });
const BENCH_SCALE10 = setting("BENCH_SCALE10", switchedOnBy1(), { default: false, shownDefault: "`0`", description: "Also measure the latency on a municipality ten times as large." });
const BENCH_MODE = setting<"production" | "development">("BENCH_MODE", oneOf(["production", "development"]), {
  default: "production",
  description: "The mode the measured processes run in (production serves the benchmark's own OIDC keys).",
});
const BENCH_PORT = setting("BENCH_PORT", port(), { default: 19000, description: "The first federation's gateway port; every other port sits above it." });
const BENCH_POOL_SIZE = setting("BENCH_POOL_SIZE", positiveWholeNumber(), { default: 4, description: "PostgreSQL connections per subgraph process." });
const BENCH_REDIS = setting<"on" | "off">("BENCH_REDIS", oneOf(["on", "off"]), {
  default: "on",
  description: "`off` measures without Redis (samhandling pushes the consent epoch to the gateway).",
});
const BENCH_REDIS_URL = setting("BENCH_REDIS_URL", url(["redis", "rediss"]), { default: "redis://127.0.0.1:6379/15", description: "The Redis it uses (database index as given)." });
const BENCH_PLANNERS = setting("BENCH_PLANNERS", switchedOnBy1(), { default: true, shownDefault: "`1`", description: "`0` leaves out the gateway with the JavaScript query planner." });
const BENCH_SEED_ONLY = setting("BENCH_SEED_ONLY", switchedOnBy1(), { default: false, shownDefault: "`0`", description: "Seed the databases (ahead of a run) and measure nothing." });
const BENCH_PROFILE = optional<"1" | "gateway">("BENCH_PROFILE", oneOf(["1", "gateway"]), {
  description: "V8 CPU profiles of every process of the full-rules federation (`1`) or its gateway only, in `data/bench/profiles/`; slower, not for comparison.",
});
const BENCH_OUT = setting("BENCH_OUT", filePath(), { default: path.join(ROOT_DIR, "bench", "RESULTS.md"), shownDefault: "`bench/RESULTS.md`", description: "Where the results are written." });
const DEFAULT_BENCH_DATABASES = "postgres://hub:hub@127.0.0.1:5432/hub_bench_{service}";

const BENCH_OWN: readonly Setting<unknown>[] = [
  BENCH_SECONDS,
  BENCH_ROUNDS,
  BENCH_CONNECTIONS,
  BENCH_FAMILIES,
  BENCH_SEED,
  BENCH_DB,
  BENCH_SCALE10,
  BENCH_MODE,
  BENCH_PORT,
  BENCH_POOL_SIZE,
  BENCH_REDIS,
  BENCH_REDIS_URL,
  BENCH_PLANNERS,
  BENCH_SEED_ONLY,
  BENCH_PROFILE,
  BENCH_OUT,
] as readonly Setting<unknown>[];

/** What `npm run bench` reads, as docs/configuration.md lists it. */
export const BENCH_SETTINGS: readonly Declaration[] = [...BENCH_OWN, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration);

/** The settings given, for the results file; a password in a database URL is not for it. */
function commandLine(env: Env): string {
  const given = [...BENCH_OWN, DATABASE_URL_TEMPLATE].filter((s) => env[s.name]).map((s) => `${s.name}=${(s.parser.show ?? String)(env[s.name]!)}`);
  return [...given, "npm run bench"].join(" ");
}

export function benchConfig(env: Env = process.env): BenchConfig {
  return settingsOrExit("npm run bench", () =>
    readSettings(env, BENCH_SETTINGS, (get) => ({
      seconds: get(BENCH_SECONDS),
      rounds: get(BENCH_ROUNDS),
      connections: get(BENCH_CONNECTIONS),
      families: get(BENCH_FAMILIES),
      seed: get(BENCH_SEED),
      database: get(BENCH_DB),
      databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? DEFAULT_BENCH_DATABASES,
      scale10: get(BENCH_SCALE10),
      mode: get(BENCH_MODE),
      basePort: get(BENCH_PORT),
      dataRoot: path.join(ROOT_DIR, "data", "bench"),
      familySize: 5,
      poolSize: get(BENCH_POOL_SIZE),
      redisUrl: get(BENCH_REDIS) === "off" ? null : get(BENCH_REDIS_URL),
      comparePlanners: get(BENCH_PLANNERS),
      seedOnly: get(BENCH_SEED_ONLY),
      profile: get(BENCH_PROFILE),
      out: get(BENCH_OUT),
      logLevel: get(LOG_LEVEL),
      commandLine: commandLine(env),
    })),
  );
}

// --- the import benchmark (npm run bench:import, bench/import.ts) -------------------------

const BENCH_IMPORT_RECORDS = setting("BENCH_IMPORT_RECORDS", positiveWholeNumber(), { default: 100_000, description: "`npm run bench:import`: records in the generated file." });
const DEFAULT_IMPORT_DATABASES = "postgres://hub:hub@127.0.0.1:5432/hub_bench_import_{service}";

/** What `npm run bench:import` reads, as docs/configuration.md lists it. */
export const IMPORT_BENCH_SETTINGS: readonly Declaration[] = [BENCH_IMPORT_RECORDS, BENCH_PORT, BENCH_REDIS_URL, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration);

export interface ImportBenchConfig {
  records: number;
  /** The gateway's port of the federation it starts (everything else sits above it). */
  port: number;
  redisUrl: string;
  /** PostgreSQL URL template with {service}: the databases are created afresh for every run. */
  databaseTemplate: string;
  dataRoot: string;
  logLevel: string;
}

export function importBenchConfig(env: Env = process.env): ImportBenchConfig {
  return settingsOrExit("npm run bench:import", () =>
    readSettings(env, IMPORT_BENCH_SETTINGS, (get) => ({
      records: get(BENCH_IMPORT_RECORDS),
      port: get(BENCH_PORT),
      redisUrl: get(BENCH_REDIS_URL),
      databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? DEFAULT_IMPORT_DATABASES,
      dataRoot: path.join(ROOT_DIR, "data", "bench", "import"),
      logLevel: get(LOG_LEVEL),
    })),
  );
}

// --- the web app's benchmark (npm run bench:web, bench/web.ts) ---------------------------

const BENCH_WEB_RUNS = setting("BENCH_WEB_RUNS", positiveWholeNumber(), {
  default: 30,
  description: "`npm run bench:web`: how many times it opens the case page from Mine saker (the first, cold, counts too).",
});
const BENCH_WEB_PORT = setting("BENCH_WEB_PORT", port(), {
  default: 19800,
  description: "`npm run bench:web`: the gateway port of the federation it starts (provider + 100, subgraphs + 101…, the web app + 200).",
});

/** What `npm run bench:web` reads, as docs/configuration.md lists it. */
export const WEB_BENCH_SETTINGS: readonly Declaration[] = [BENCH_WEB_RUNS, BENCH_WEB_PORT, CHROMIUM_PATH, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration);

export interface WebBenchConfig {
  runs: number;
  chromiumPath: string;
  /** The gateway's port; the identity provider, the subgraphs and the web app sit above it. */
  port: number;
  /**
   * PostgreSQL URL template with {service}, or null for the embedded
   * databases. The benchmark's databases are the template's names with
   * `bench_web_` before the service (`hub_{service}` → `hub_bench_web_nav`),
   * dropped and created afresh: never the template's own.
   */
  databaseTemplate: string | null;
  dataRoot: string;
  logLevel: string;
  /** How the run was asked for, as the results show it (settings given, passwords hidden). */
  commandLine: string;
}

export function webBenchConfig(env: Env = process.env): WebBenchConfig {
  return settingsOrExit("npm run bench:web", () =>
    readSettings(env, WEB_BENCH_SETTINGS, (get) => {
      const template = get(DATABASE_URL_TEMPLATE) ?? null;
      const given = [BENCH_WEB_RUNS, BENCH_WEB_PORT, CHROMIUM_PATH, DATABASE_URL_TEMPLATE].filter((s) => env[s.name]).map((s) => `${s.name}=${(s.parser.show ?? String)(env[s.name]!)}`);
      return {
        runs: get(BENCH_WEB_RUNS),
        chromiumPath: get(CHROMIUM_PATH),
        port: get(BENCH_WEB_PORT),
        databaseTemplate: template,
        dataRoot: path.join(ROOT_DIR, "data", "bench", "web"),
        logLevel: get(LOG_LEVEL),
        commandLine: [...given, "npm run bench:web"].join(" "),
      };
    }),
  );
}

// --- the live-notification benchmark (npm run bench:notify, bench/notify.ts) --------------

const BENCH_NOTIFY_RUNS = setting("BENCH_NOTIFY_RUNS", positiveWholeNumber(), {
  default: 20,
  description: "`npm run bench:notify`: how many stafettlogg entries it writes, each timed to the browser's badge and to an SSE client.",
});
const BENCH_NOTIFY_PORT = setting("BENCH_NOTIFY_PORT", port(), {
  default: 19400,
  description: "`npm run bench:notify`: the gateway port of the federation it starts (provider + 100, subgraphs + 101…, the web app + 200).",
});

/** What `npm run bench:notify` reads, as docs/configuration.md lists it. */
export const NOTIFY_BENCH_SETTINGS: readonly Declaration[] = [BENCH_NOTIFY_RUNS, BENCH_NOTIFY_PORT, CHROMIUM_PATH, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration);

export function notifyBenchConfig(env: Env = process.env): WebBenchConfig {
  return settingsOrExit("npm run bench:notify", () =>
    readSettings(env, NOTIFY_BENCH_SETTINGS, (get) => {
      const given = [BENCH_NOTIFY_RUNS, BENCH_NOTIFY_PORT, CHROMIUM_PATH, DATABASE_URL_TEMPLATE].filter((s) => env[s.name]).map((s) => `${s.name}=${(s.parser.show ?? String)(env[s.name]!)}`);
      return {
        runs: get(BENCH_NOTIFY_RUNS),
        chromiumPath: get(CHROMIUM_PATH),
        port: get(BENCH_NOTIFY_PORT),
        databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? null,
        dataRoot: path.join(ROOT_DIR, "data", "bench", "notify"),
        logLevel: get(LOG_LEVEL),
        commandLine: [...given, "npm run bench:notify"].join(" "),
      };
    }),
  );
}

// --- the paging benchmark (npm run bench:paging, bench/paging.ts) -------------------------

const BENCH_PAGING_PORT = setting("BENCH_PAGING_PORT", port(), {
  default: 18600,
  description: "`npm run bench:paging`: the gateway port of the federation it starts (provider + 100, subgraphs + 101…).",
});

/** What `npm run bench:paging` reads, as docs/configuration.md lists it. */
export const PAGING_BENCH_SETTINGS: readonly Declaration[] = [BENCH_PAGING_PORT, DATABASE_URL_TEMPLATE, LOG_LEVEL].map((s) => s.declaration);

export interface PagingBenchConfig {
  /** The gateway's port; the identity provider and the subgraphs sit above it. */
  port: number;
  /**
   * PostgreSQL URL template with {service} (the benchmark writes long lists
   * straight into the databases), or null: then it refuses to run. Its
   * databases are the template's names with `paging_` before the service,
   * dropped and created afresh: never the template's own.
   */
  databaseTemplate: string | null;
  logLevel: string;
  /** How the run was asked for, as the results show it (settings given, passwords hidden). */
  commandLine: string;
}

export function pagingBenchConfig(env: Env = process.env): PagingBenchConfig {
  return settingsOrExit("npm run bench:paging", () =>
    readSettings(env, PAGING_BENCH_SETTINGS, (get) => {
      const given = [BENCH_PAGING_PORT, DATABASE_URL_TEMPLATE].filter((s) => env[s.name]).map((s) => `${s.name}=${(s.parser.show ?? String)(env[s.name]!)}`);
      return {
        port: get(BENCH_PAGING_PORT),
        databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? null,
        logLevel: get(LOG_LEVEL),
        commandLine: [...given, "npm run bench:paging"].join(" "),
      };
    }),
  );
}

// --- the notification scheduler's benchmark (npm run bench:scheduler, bench/scheduler.ts) ---

const BENCH_SCHEDULER_PERSONS = setting("BENCH_SCHEDULER_PERSONS", positiveWholeNumber(), {
  default: 20_000,
  description: "`npm run bench:scheduler`: the persons seeded, each with a case of their own (its members, follow-ups and consent).",
});

/** What `npm run bench:scheduler` reads, as docs/configuration.md lists it. */
export const SCHEDULER_BENCH_SETTINGS: readonly Declaration[] = [BENCH_SCHEDULER_PERSONS, DATABASE_URL_TEMPLATE].map((s) => s.declaration);

export interface SchedulerBenchConfig {
  persons: number;
  /** PostgreSQL URL template with {service}; the benchmark's database is its `scheduler_bench`. */
  databaseTemplate: string | null;
  /** How the run was asked for, as the results show it (settings given, passwords hidden). */
  commandLine: string;
}

export function schedulerBenchConfig(env: Env = process.env): SchedulerBenchConfig {
  return settingsOrExit("npm run bench:scheduler", () =>
    readSettings(env, SCHEDULER_BENCH_SETTINGS, (get) => {
      const given = [BENCH_SCHEDULER_PERSONS, DATABASE_URL_TEMPLATE].filter((s) => env[s.name]).map((s) => `${s.name}=${(s.parser.show ?? String)(env[s.name]!)}`);
      return { persons: get(BENCH_SCHEDULER_PERSONS), databaseTemplate: get(DATABASE_URL_TEMPLATE) ?? null, commandLine: [...given, "npm run bench:scheduler"].join(" ") };
    }),
  );
}

// --- the peer gateway (bench/peer-gateway.ts, a process the benchmark starts) ------------

const PEER_PORT = optional("PEER_PORT", port(), { shownDefault: "set by `npm run bench`", description: "The port of the benchmark's peer gateway (@apollo/gateway)." });
const SUPERGRAPH_PATH = setting("SUPERGRAPH_PATH", filePath(), {
  default: path.join(ROOT_DIR, "schema", "supergraph.graphql"),
  shownDefault: "`schema/supergraph.graphql`",
  description: "The supergraph the benchmark's peer gateway serves.",
});

export const PEER_GATEWAY_SETTINGS: readonly Declaration[] = [PEER_PORT, SUPERGRAPH_PATH, HUB_SIGNING_SECRET, SUBGRAPH_URL].map((s) => s.declaration);

export interface PeerGatewayConfig {
  port: number;
  supergraphPath: string;
  signingSecret: string;
  /** Where each subgraph is; the supergraph's own URL when unset. */
  subgraphUrls: Partial<Record<ServiceName, string>>;
}

export function peerGatewayConfig(env: Env = process.env): PeerGatewayConfig {
  return readSettings(env, PEER_GATEWAY_SETTINGS, (get) => {
    const peerPort = get(PEER_PORT);
    const signingSecret = get(HUB_SIGNING_SECRET);
    if (peerPort === undefined || !signingSecret) get.problem("PEER_PORT and HUB_SIGNING_SECRET must be set (npm run bench sets them).");
    const subgraphUrls: Partial<Record<ServiceName, string>> = {};
    for (const s of SERVICE_NAMES) {
      const given = get(SUBGRAPH_URL.for(s), "");
      if (given) subgraphUrls[s] = given;
    }
    return { port: peerPort ?? 0, supergraphPath: get(SUPERGRAPH_PATH), signingSecret: signingSecret ?? "", subgraphUrls };
  });
}

// --- npm run bench:startup ---------------------------------------------------

const BENCH_STARTUP_RUNS = setting("BENCH_STARTUP_RUNS", positiveWholeNumber(), { default: 5, description: "Runs of each kind (cold, warm) `npm run bench:startup` makes." });
const BENCH_STARTUP_PORT = setting("BENCH_STARTUP_PORT", port(), { default: 19600, description: "The gateway port of the hub `npm run bench:startup` starts." });
const BENCH_STARTUP_ROOT = setting("BENCH_STARTUP_ROOT", filePath(), {
  default: ROOT_DIR,
  shownDefault: "this checkout",
  description: "The checkout whose `npm start` is measured (e.g. the commit before a change).",
});

export const BENCH_STARTUP_SETTINGS: readonly Declaration[] = [BENCH_STARTUP_RUNS, BENCH_STARTUP_PORT, BENCH_STARTUP_ROOT, BENCH_OUT].map((s) => s.declaration);

export interface BenchStartupConfig {
  runs: number;
  port: number;
  root: string;
  /** Where the numbers go: into the notes of bench/RESULTS.md, between markers, by default. */
  out: string;
}

export function benchStartupConfig(env: Env = process.env): BenchStartupConfig {
  return settingsOrExit("npm run bench:startup", () =>
    readSettings(env, BENCH_STARTUP_SETTINGS, (get) => ({
      runs: get(BENCH_STARTUP_RUNS),
      port: get(BENCH_STARTUP_PORT),
      root: path.resolve(get(BENCH_STARTUP_ROOT)),
      out: get(BENCH_OUT),
    })),
  );
}
