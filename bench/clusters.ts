// The federations a run needs, on the benchmark's ports, and their processes.
import { startFederation, type Federation } from "../scripts/lib/federation.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import type { Databases } from "./databases.ts";

export interface Cluster {
  name: string;
  port: number;
  federation: Federation;
  /** pid of the gateway and of every subgraph. */
  pids(): Map<string, number>;
}

export interface ClusterOptions {
  name: string;
  port: number;
  databases: Databases;
  /** Which copy of the data folder (PGlite needs one per federation). */
  copy: string;
  seed: boolean;
  env: NodeJS.ProcessEnv;
  /** For the gateway only, on top of env. */
  gatewayEnv?: NodeJS.ProcessEnv;
  logFile: string;
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const federation = await startFederation({
    gatewayPort: o.port,
    dataDir: o.databases.dataDir(o.copy),
    env: { ...o.env, ...o.databases.env(o.seed) },
    gatewayEnv: o.gatewayEnv,
    output: o.logFile,
    startupTimeoutMs: 30 * 60_000,
    // The benchmark is its own identity provider (identity.ts).
    withIdentity: false,
  });
  return {
    name: o.name,
    port: o.port,
    federation,
    pids() {
      const out = new Map<string, number>();
      for (const name of ["gateway", ...SERVICE_NAMES] as const) {
        const pid = federation.pid(name);
        if (pid !== undefined) out.set(name, pid);
      }
      return out;
    },
  };
}

/** Seeds a municipality size once (a federation that seeds at start, then stops); minutes taken, or null if it was seeded. */
export async function ensureSeeded(o: Omit<ClusterOptions, "seed" | "name">): Promise<number | null> {
  if (await o.databases.seeded()) return null;
  const started = Date.now();
  const cluster = await startCluster({ ...o, name: "seed", seed: true });
  await cluster.federation.stop();
  await o.databases.markSeeded();
  return (Date.now() - started) / 60_000;
}
