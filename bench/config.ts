// Benchmark settings, all from the environment (see bench/README in RESULTS.md).
import path from "node:path";
import { ROOT_DIR } from "../services/kit/config.ts";

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
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

export function benchConfig(): BenchConfig {
  const database = (process.env.BENCH_DB ?? "postgresql") as BenchDatabase;
  if (database !== "postgresql" && database !== "pglite") throw new Error(`BENCH_DB must be postgresql or pglite, got "${database}"`);
  const mode = process.env.BENCH_MODE === "development" ? "development" : "production";
  return {
    seconds: int("BENCH_SECONDS", 10),
    rounds: int("BENCH_ROUNDS", 3),
    connections: int("BENCH_CONNECTIONS", 16),
    families: int("BENCH_FAMILIES", 6000),
    seed: int("BENCH_SEED", 1),
    database,
    databaseTemplate: process.env.DATABASE_URL_TEMPLATE || "postgres://hub:hub@127.0.0.1:5432/hub_bench_{service}",
    scale10: process.env.BENCH_SCALE10 === "1",
    mode,
    basePort: int("BENCH_PORT", 19000),
    dataRoot: path.join(ROOT_DIR, "data", "bench"),
    familySize: 5,
    poolSize: int("BENCH_POOL_SIZE", 4),
    redisUrl: process.env.BENCH_REDIS === "off" ? null : process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/15",
    comparePlanners: process.env.BENCH_PLANNERS !== "0",
  };
}
