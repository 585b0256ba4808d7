// The hub scaled out, as local processes: two instances of the gateway and of
// every subgraph in the catalog, all on one PostgreSQL server and one Redis of
// the suite's own (so it may kill instances without touching anything shared).
// Each subgraph's two instances sit behind a forwarder (forwarder.ts, what a
// Kubernetes Service is to its pods); the gateways and the subgraphs reach
// every subgraph there (SUBGRAPH_URL_<SERVICE>). The instances are two
// federations started by the one harness (scripts/lib/federation.ts) on the
// same data folder, so they share the development secrets, the identity
// provider (the first federation's) and the access log's checkpoint folder,
// as a municipality's instances share their secrets and storage.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFederation, subgraphUrlEnv, type Federation } from "../../scripts/lib/federation.ts";
import { identityPort, SERVICE_NAMES, subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { DEMO_TODAY } from "../../demo/fjordvik.ts";
import { composeDatabases } from "./compose-topology.ts";
import { startForwarder, type Forwarder } from "./forwarder.ts";
import { describeFindings } from "./log-report.ts";
import { scanLog, seededWorld } from "./log-scan.ts";
import { ownGatewayPort } from "./own-federation.ts";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres.ts";
import { startPrivateRedis, type PrivateRedis } from "./private-redis.ts";

/** Which of a pair: the first or the second instance. */
export type Instance = 0 | 1;

/** PostgreSQL connections per subgraph process: 18 processes share one server. */
const POOL_SIZE = 4;

export interface InstancePairs {
  /** Each gateway's /graphql URL, by instance. */
  gatewayUrls: readonly [string, string];
  /** The development identity provider both gateways trust. */
  issuer: string;
  dataDir: string;
  postgres: PrivatePostgres;
  /** The database of a service on the shared server. */
  database(service: ServiceName): string;
  forwarder(service: ServiceName): Forwarder;
  /** SIGKILL to one instance of a subgraph: a crash, no shutdown. */
  killSubgraph(service: ServiceName, instance: Instance): Promise<void>;
  killGateway(instance: Instance): Promise<void>;
  /** Starts that gateway again (after a kill); resolves once it is ready. */
  startGateway(instance: Instance): Promise<void>;
  /** `npm run audit:verify` on the shared databases and checkpoint folder: its exit code and output. */
  auditVerify(): { status: number | null; output: string };
  /** Stops everything; throws when a process's log holds personal data. */
  close(): Promise<void>;
}

/** Uses three own-federation slots from `slot` on: the two federations' and the forwarders' (with PostgreSQL and Redis). */
export async function startInstancePairs(slot: number): Promise<InstancePairs> {
  const ports = [ownGatewayPort(slot), ownGatewayPort(slot + 1)] as const;
  const shared = ownGatewayPort(slot + 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-pairs-"));
  const dataDir = path.join(dir, "data");
  const logs = [path.join(dir, "first.log"), path.join(dir, "second.log")] as const;
  /** Every process's environment on top of this one's (and `npm run audit:verify`'s). */
  const env: NodeJS.ProcessEnv = {};
  const parts: { postgres?: PrivatePostgres; redis?: PrivateRedis; forwarders: Map<ServiceName, Forwarder>; federations: Federation[] } = { forwarders: new Map(), federations: [] };

  const stopAll = async () => {
    for (const federation of parts.federations.toReversed()) await federation.stop();
    await Promise.all([...parts.forwarders.values()].map((f) => f.close()));
    await Promise.all([parts.postgres?.close(), parts.redis?.kill()]);
  };

  try {
    [parts.postgres, parts.redis] = await Promise.all([startPrivatePostgres(shared + 90, { maxConnections: 2 * SERVICE_NAMES.length * POOL_SIZE + 40 }), startPrivateRedis(shared + 91)]);
    await parts.postgres.createDatabases(composeDatabases());
    for (const service of SERVICE_NAMES) {
      parts.forwarders.set(service, await startForwarder(subgraphPort(service, shared), [subgraphPort(service, ports[0]), subgraphPort(service, ports[1])]));
    }
    Object.assign(env, {
      // Nothing from the caller's shell may point these processes at a shared database.
      ...Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith("DATABASE_URL_")).map((k) => [k, ""])),
      DATABASE_URL_TEMPLATE: parts.postgres.url("hub_{service}"),
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      REDIS_URL: parts.redis.url,
      LOG_LEVEL: "info",
      // Jobs on, as in production: every instance may run them, each pass in one of them under a lease; the access
      // log's checkpoints (which audit:verify needs) are written while instances are killed.
      JOBS_ENABLED: "true",
      ACCESS_LOG_CHECKPOINT_INTERVAL: "5s",
      SEED_SYNTHETIC_FAMILIES: "0",
      HUB_DEMO_TODAY: DEMO_TODAY,
      IDENTITY_ISSUER: `http://localhost:${identityPort(ports[0])}`,
      ...subgraphUrlEnv((s) => `http://127.0.0.1:${subgraphPort(s, shared)}/graphql`),
    });
    // Both sets of subgraphs at once, on the same databases: migrations run under PostgreSQL's advisory lock and
    // the seed skips what is there, as when a Deployment's pods start together. The second gateway last: it
    // fetches the identity provider's discovery document, which the first federation runs.
    const start = (index: Instance) =>
      startFederation({ gatewayPort: ports[index], dataDir, env, output: logs[index], withIdentity: index === 0, withGateway: index === 0, startupTimeoutMs: 240_000 });
    const started = await Promise.allSettled([start(0), start(1)]);
    for (const result of started) if (result.status === "fulfilled") parts.federations.push(result.value);
    const failed = started.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    await parts.federations[1]!.startGateway();
  } catch (error) {
    await stopAll();
    throw error;
  }

  const postgres = parts.postgres!;
  const federations = parts.federations as [Federation, Federation];
  return {
    gatewayUrls: [federations[0].gatewayUrl, federations[1].gatewayUrl],
    issuer: federations[0].identityIssuer!,
    dataDir,
    postgres,
    database: (service) => `hub_${service}`,
    forwarder: (service) => parts.forwarders.get(service)!,
    killSubgraph: (service, instance) => federations[instance].stopService(service, "SIGKILL"),
    killGateway: (instance) => federations[instance].stopGateway("SIGKILL"),
    startGateway: (instance) => federations[instance].startGateway(),
    auditVerify() {
      const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts", "audit-verify.ts")], {
        cwd: ROOT_DIR,
        env: { ...process.env, ...env, DATA_DIR: dataDir },
        encoding: "utf8",
        timeout: 120_000,
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    async close() {
      await stopAll();
      // Killed processes, broken connections, requests lost: these logs must hold no personal data either.
      const findings = logs.map((log) => scanLog(log, seededWorld({}))).filter((scan) => scan.findings.length > 0);
      if (findings.length > 0) throw new Error(`Personal data in a log of the instance pairs: ${findings.map(describeFindings).join("; ")}`);
      if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
