// `npm run bench`: what the family overview costs through our gateway, against
// its floor (the same subgraph calls sent directly), the rules switched off, and
// a peer gateway — side by side in one run. Settings: bench/config.ts; results:
// bench/RESULTS.md (BENCH_OUT to write elsewhere). Not part of `npm test`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";
import { generateClients } from "../scripts/generate.ts";
import { SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { syntheticWorld } from "../demo/synthetic.ts";
import { benchConfig, type BenchConfig } from "./config.ts";
import { benchDatabases, type Databases } from "./databases.ts";
import { benchIssuer, type Issuer } from "./identity.ts";
import { ensureSeeded, startCluster, type Cluster } from "./clusters.ts";
import { startGateway, startProcess, subgraphUrlEnv, type HubProcess } from "../scripts/lib/federation.ts";
import { interleave, overviewDocument, overviewRequests, type OverviewRequest } from "./requests.ts";
import { describePath, normalizeLevels, sendFloor, startCaptureProxy, type FloorRequest } from "./capture.ts";
import { closeAgents, errorCodes, graphqlReady, isGood, post, problemOf } from "./http.ts";
import { combine, drive, type DriveResult } from "./driver.ts";
import { saturate, type HttpRequestSpec } from "./load.ts";
import { cpuMs, difference, memoryMiB, snapshot } from "../scripts/lib/procstat.ts";
import { postgresCpu, postgresDifference, type PostgresCpu } from "./postgres-cpu.ts";
import { perRequest, readCounters, type Counters } from "./metrics.ts";
import { renderResults, type BenchResults, type ConfigKey, type ConfigResult, type ScaleResult, type SizeCost } from "./report.ts";
import { METHOD } from "./method.ts";

const say = (message: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Runner {
  key: ConfigKey;
  /** Sends request i; null when the answer was good, else what was wrong. */
  send(i: number): Promise<string | null>;
  saturate(seconds: number): Promise<DriveResult>;
  /** Processes whose CPU counts for this configuration. */
  processes(): Map<string, number>;
  /** Whose subgraph counters to read. */
  countersPort: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function tokensFor(issuer: Issuer, requests: readonly OverviewRequest[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const r of requests) if (!tokens.has(r.claims.sub)) tokens.set(r.claims.sub, await issuer.token(r.claims));
  return tokens;
}

/** Our gateways get the trusted document's id (as production requires), the peer the query text. */
function httpSpecs(requests: readonly OverviewRequest[], tokens: Map<string, string>, form: "documentId" | "query"): HttpRequestSpec[] {
  const doc = overviewDocument();
  return requests.map((r) => ({
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      authorization: `Bearer ${tokens.get(r.claims.sub)}`,
      "x-case-id": r.caseId,
    },
    body: JSON.stringify(form === "documentId" && doc.id ? { documentId: doc.id, variables: { id: r.caseId } } : { query: doc.query, variables: { id: r.caseId } }),
  }));
}

/** Subgraph calls and SQL per overview, on a cold decision cache, for requests not sent before. */
async function sizeCost(cluster: Cluster, specs: HttpRequestSpec[], capture: (spec: HttpRequestSpec) => Promise<number>, size: number): Promise<SizeCost> {
  const samples: Counters[] = [];
  const gatewayCalls: number[] = [];
  for (const spec of specs) {
    const before = await readCounters(cluster.port);
    const answer = await post(cluster.federation.gatewayUrl, spec.body, spec.headers);
    const after = await readCounters(cluster.port);
    if (!isGood(answer)) throw new Error(`family-size probe (size ${size}) answered ${errorCodes(answer)}`);
    samples.push(perRequest(after, before, 1));
    gatewayCalls.push(await capture(spec));
  }
  const med = Object.fromEntries(
    SERVICE_NAMES.map((s) => [s, { calls: median(samples.map((x) => x[s].calls)), sql: median(samples.map((x) => x[s].sql)) }]),
  ) as Counters;
  return { size, samples: specs.length, perRequest: med, gatewayCalls: median(gatewayCalls) };
}

interface SaturationRun {
  run: DriveResult;
  cpuMs: Map<string, number>;
  counters: Counters;
}

/** One saturation run with CPU and subgraph counters read around it. */
async function saturationRun(runner: Runner, seconds: number, postgres: PostgresCpu | null, redisPid: number | null): Promise<SaturationRun> {
  const processes = runner.processes();
  processes.set("bench", process.pid);
  // Only A's processes use Redis (B and the peer have none), but its CPU is read in every run: idle, it costs nothing.
  if (redisPid !== null) processes.set("redis", redisPid);
  const counters0 = await readCounters(runner.countersPort);
  const pg0 = await postgres?.read();
  const cpu0 = snapshot(processes);
  const run = await runner.saturate(seconds);
  // Requests still in flight when the time was up finish before the counters are read; all sent requests count.
  await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, Math.max(1_000, run.p99 * 1.5))));
  const cpu1 = snapshot(processes);
  const pg1 = await postgres?.read();
  const counters1 = await readCounters(runner.countersPort);
  const cpuMs = difference(cpu1, cpu0);
  if (pg0 && pg1) cpuMs.set("postgres", postgresDifference(pg1, pg0));
  return { run, cpuMs, counters: perRequest(counters1, counters0, 1) };
}

function summarize(latencyRuns: DriveResult[], saturationRuns: SaturationRun[]): ConfigResult {
  const strip = ({ samples: _samples, ...rest }: DriveResult): DriveResult => rest;
  const saturation = combine(saturationRuns.map((r) => r.run));
  const sent = Math.max(1, saturation.sent);
  const cpu = new Map<string, number>();
  for (const r of saturationRuns) for (const [name, ms] of r.cpuMs) cpu.set(name, (cpu.get(name) ?? 0) + ms);
  const counters = saturationRuns.map((r) => r.counters).reduce((sum, c) =>
    Object.fromEntries(SERVICE_NAMES.map((s) => [s, { calls: sum[s].calls + c[s].calls, sql: sum[s].sql + c[s].sql }])) as Counters);
  return {
    latency: strip(combine(latencyRuns)),
    saturation: strip(saturation),
    cpuPerRequest: Object.fromEntries([...cpu].map(([name, ms]) => [name, ms / sent])),
    perRequest: perRequest(counters, Object.fromEntries(SERVICE_NAMES.map((s) => [s, { calls: 0, sql: 0 }])) as Counters, sent),
  };
}

async function main(): Promise<void> {
  const config = benchConfig();
  const startedAt = new Date();
  const errors: string[] = [];
  const loadBefore = os.loadavg();
  fs.mkdirSync(config.dataRoot, { recursive: true });
  const logFile = path.join(config.dataRoot, `run-${startedAt.toISOString().replace(/[:.]/g, "-")}.log`);
  const logFd = fs.openSync(logFile, "a");
  say(`logs of every process: ${path.relative(ROOT_DIR, logFile)}`);
  await generateClients();

  const port = config.basePort;
  const ports = { a: port, b: port + 200, large: port + 400, capture: port + 50, proxies: port + 60, jsPlanner: port + 70, peer: port + 80, jwks: port + 90 };
  let issuer: Issuer = await benchIssuer(ports.jwks, config.dataRoot, config.mode);
  let mode = config.mode;
  let modeNote: string | null = null;
  const baseEnv = (): NodeJS.ProcessEnv => ({
    ...issuer.env,
    HUB_SIGNING_SECRET: issuer.signingSecret,
    LOG_LEVEL: config.logLevel,
    // Two federations of seven services share one PostgreSQL (max_connections 100 by default, and other users).
    DATABASE_POOL_SIZE: String(config.poolSize),
    // A and the gateways on its subgraphs share Redis as production does; B (rules off) overrides it.
    REDIS_URL: config.redisUrl ?? "",
  });
  const comparePlanners = config.comparePlanners && config.redisUrl !== null;
  const stops: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    closeAgents();
    await issuer.close();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    // --- databases, seeded once per size
    const base = benchDatabases(config, config.families);
    say(`municipality: ${config.families} families, seed ${config.seed}, ${config.database} (${base.label})`);
    const seedMinutes = await ensureSeeded({ port: ports.a, databases: base, copy: "a", env: baseEnv(), logFile });
    if (seedMinutes !== null) say(`seeded in ${seedMinutes.toFixed(1)} min`);
    if (config.seedOnly) {
      // Seed ahead of a run (e.g. the 10× municipality), report how long it took, measure nothing.
      if (config.scale10) {
        const large = benchDatabases(config, config.families * 10);
        const minutes = await ensureSeeded({ port: ports.large, databases: large, copy: "a", env: baseEnv(), logFile });
        say(minutes === null ? `${large.label} was already seeded` : `${large.label} seeded in ${minutes.toFixed(1)} min`);
      }
      return;
    }
    base.copyFor("b");

    // --- federations A (full rules) and B (rules off)
    // BENCH_PROFILE=1: every process of A writes a V8 CPU profile when it stops (data/bench/profiles);
    // BENCH_PROFILE=gateway: A's gateway only. Profiling slows what it profiles: not for final numbers.
    const profile: NodeJS.ProcessEnv = { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(config.dataRoot, "profiles")}` };
    const profiled = config.profile;
    const startA = () => startCluster({
      name: "A", port: ports.a, databases: base, copy: "a", seed: false,
      env: { ...baseEnv(), ...(profiled === "1" ? profile : {}) },
      gatewayEnv: profiled === "gateway" ? profile : undefined,
      logFile,
    });
    let a: Cluster;
    try {
      a = await startA();
    } catch (error) {
      if (mode !== "production") throw error;
      // Production mode is someone else's work in progress: measure in development and say so.
      modeNote = `production mode did not start (${error instanceof Error ? error.message : String(error)}); measured in development mode`;
      say(modeNote);
      await issuer.close();
      issuer = await benchIssuer(ports.jwks, config.dataRoot, "development");
      mode = "development";
      a = await startA();
    }
    stops.push(() => a.federation.stop());
    // No Redis for B: with the rules off no consent epoch is needed, and the gateway should not pay for reading one.
    const b = await startCluster({ name: "B", port: ports.b, databases: base, copy: "b", seed: false, env: { ...baseEnv(), REDIS_URL: "", HUB_BENCH_RULES_OFF: "1", BENCH: "1" }, logFile });
    stops.push(() => b.federation.stop());
    say("federations A (full rules) and B (rules off) ready");

    // --- the peer over B's subgraphs, the capture gateway over proxies to A's
    // Each stopped with SIGKILL if it has not gone 15 s after SIGTERM (a gateway drains for up to that long).
    const stopping = (p: HubProcess) => async () => {
      await p.stop("SIGTERM", 15_000);
    };
    const peerUrl = `http://127.0.0.1:${ports.peer}/graphql`;
    const peer = await startProcess({
      name: "peer gateway",
      entry: path.join(ROOT_DIR, "bench", "peer-gateway.ts"),
      env: { ...subgraphUrlEnv((s) => b.federation.subgraphUrl(s)), PEER_PORT: String(ports.peer), HUB_SIGNING_SECRET: issuer.signingSecret, NODE_ENV: "production" },
      output: logFd,
      ready: graphqlReady(peerUrl),
    });
    stops.push(stopping(peer));
    const proxy = await startCaptureProxy(Object.fromEntries(SERVICE_NAMES.map((s) => [s, a.federation.subgraphUrl(s)])) as Record<ServiceName, string>, ports.proxies);
    stops.push(() => proxy.close());
    const captureUrl = `http://127.0.0.1:${ports.capture}/graphql`;
    const captureGateway = await startGateway({
      name: "capture gateway",
      port: ports.capture,
      env: { ...baseEnv(), DATA_DIR: base.dataDir("a"), ...subgraphUrlEnv((s) => proxy.urls[s]) },
      output: logFd,
    });
    stops.push(stopping(captureGateway));
    // The same gateway with the stitching runtime's JavaScript planner, on A's subgraphs: what the Rust planner buys.
    const jsPlannerUrl = `http://127.0.0.1:${ports.jsPlanner}/graphql`;
    const jsPlanner = comparePlanners
      ? await startGateway({
        name: "JavaScript-planner gateway",
        port: ports.jsPlanner,
        env: { ...baseEnv(), GATEWAY_QUERY_PLANNER: "js", DATA_DIR: base.dataDir("a"), ...subgraphUrlEnv((s) => a.federation.subgraphUrl(s)) },
        output: logFd,
      })
      : null;
    if (jsPlanner) stops.push(stopping(jsPlanner));
    say(`peer and capture gateways ready${jsPlanner ? ", and the JavaScript-planner gateway" : ""}`);

    // --- requests
    const size5 = interleave(overviewRequests(config.families, config.seed, config.familySize));
    const size2 = interleave(overviewRequests(config.families, config.seed, 2));
    if (size5.length < 10 || size2.length < 3) throw new Error(`too few measurable cases (${size5.length} of size 5, ${size2.length} of size 2); use more families`);
    const tokens = await tokensFor(issuer, [...size5, ...size2]);
    const probes = 5;
    const specs5 = httpSpecs(size5, tokens, "documentId");
    const peerSpecs = httpSpecs(size5, tokens, "query");
    const specs2 = httpSpecs(size2.slice(0, probes), tokens, "documentId");
    const captureOne = async (spec: HttpRequestSpec): Promise<FloorRequest> => {
      proxy.take();
      const answer = await post(captureUrl, spec.body, spec.headers);
      if (!isGood(answer)) throw new Error(`capture gateway answered ${errorCodes(answer)}`);
      return proxy.take();
    };
    const callCount = async (spec: HttpRequestSpec) => (await captureOne(spec)).levels.flat().length;

    // --- cost by family size (cold: these pairs have not been asked before)
    say("subgraph calls and SQL per overview, family of 2 and of 5");
    const sizes = [await sizeCost(a, specs2, callCount, 2), await sizeCost(a, specs5.slice(0, probes), callCount, 5)];

    // --- the floor's requests, captured
    say(`capturing the gateway's subgraph calls for ${specs5.length} requests`);
    const captured: FloorRequest[] = [];
    for (const spec of specs5) captured.push(await captureOne(spec));
    const { requests: floor, relevelled } = normalizeLevels(captured);
    if (relevelled > 0) say(`${relevelled} captured requests re-levelled to the common plan (timing disturbed by a busy machine)`);
    const criticalPath = describePath(floor[0]!);
    if (floor.some((f) => describePath(f) !== criticalPath)) errors.push("the gateway's critical path differed between requests; the floor replays each request's own");
    await stopping(captureGateway)();

    const n = specs5.length;
    const viaGateway = (url: string, specs = specs5) => (i: number) => post(url, specs[i % n]!.body, specs[i % n]!.headers).then(problemOf);
    const withGateway = (cluster: Cluster) => cluster.pids();
    const subgraphsOf = (cluster: Cluster) => {
      const pids = cluster.pids();
      pids.delete("gateway");
      return pids;
    };
    const runners: Runner[] = [
      { key: "full", send: viaGateway(a.federation.gatewayUrl), saturate: (s) => saturate(a.federation.gatewayUrl, specs5, config.connections, s), processes: () => withGateway(a), countersPort: a.port },
      {
        key: "floor",
        send: (i) => sendFloor(floor[i % n]!, (s) => a.federation.subgraphUrl(s), issuer.signingSecret),
        saturate: (s) => drive((i) => sendFloor(floor[i % n]!, (x) => a.federation.subgraphUrl(x), issuer.signingSecret), config.connections, s),
        processes: () => subgraphsOf(a),
        countersPort: a.port,
      },
      { key: "rulesOff", send: viaGateway(b.federation.gatewayUrl), saturate: (s) => saturate(b.federation.gatewayUrl, specs5, config.connections, s), processes: () => withGateway(b), countersPort: b.port },
      {
        key: "peer",
        send: viaGateway(peerUrl, peerSpecs),
        saturate: (s) => saturate(peerUrl, peerSpecs, config.connections, s),
        processes: () => new Map([...subgraphsOf(b), ["gateway", peer.pid]]),
        countersPort: b.port,
      },
      ...(jsPlanner
        ? [{
            key: "jsPlanner" as const,
            send: viaGateway(jsPlannerUrl),
            saturate: (s: number) => saturate(jsPlannerUrl, specs5, config.connections, s),
            processes: () => new Map([...subgraphsOf(a), ["gateway", jsPlanner.pid]]),
            countersPort: a.port,
          }]
        : []),
    ];

    // --- warm-up, latency at 1 connection, saturation
    const warm = Math.max(2, Math.min(8, Math.round(config.seconds / 3)));
    for (const r of runners) {
      say(`warm-up ${r.key} (${warm} s)`);
      await drive(r.send, 4, warm);
    }
    // Rounds alternate the configurations, so a neighbour's burst of work on a shared machine spreads over all four.
    const latencyRuns = new Map<ConfigKey, DriveResult[]>(runners.map((r) => [r.key, []]));
    for (let round = 1; round <= config.rounds; round++) {
      for (const r of runners) {
        say(`latency at 1 connection, round ${round}/${config.rounds}: ${r.key}`);
        latencyRuns.get(r.key)!.push(await drive(r.send, 1, config.seconds));
      }
    }
    const postgres = base.server ? await postgresCpu(base.server.adminUrl, base.server.namePrefix) : null;
    if (postgres) stops.push(() => postgres.close());
    const redisPid = config.redisUrl ? await redisServerPid(config.redisUrl) : null;
    const saturationRuns = new Map<ConfigKey, SaturationRun[]>(runners.map((r) => [r.key, []]));
    for (let round = 1; round <= config.rounds; round++) {
      for (const r of runners) {
        say(`saturation at ${config.connections} connections, round ${round}/${config.rounds}: ${r.key}`);
        const x = await saturationRun(r, config.seconds, postgres, redisPid);
        saturationRuns.get(r.key)!.push(x);
        say(`  ${x.run.throughput.toFixed(1)} req/s, errors ${x.run.errors}`);
      }
    }
    const configs = Object.fromEntries(runners.map((r) => [r.key, summarize(latencyRuns.get(r.key)!, saturationRuns.get(r.key)!)])) as BenchResults["configs"];
    for (const r of runners) {
      const x = configs[r.key]!;
      say(`${r.key}: p50 ${x.latency.p50.toFixed(1)} ms at 1 connection, ${x.saturation.throughput.toFixed(1)} req/s at ${config.connections}`);
    }
    for (const [key, x] of Object.entries(configs)) {
      if (x.latency.errors + x.saturation.errors > 0) {
        const what = Object.entries({ ...x.latency.problems, ...x.saturation.problems }).map(([p, count]) => `${p} ×${count}`).join("; ");
        errors.push(`${key}: ${x.latency.errors + x.saturation.errors} answers were not 200 with data and no errors (${what})`);
      }
    }

    const memory: BenchResults["memory"] = [];
    const remember = (label: string, pids: Map<string, number>) => {
      for (const [name, pid] of pids) {
        const m = memoryMiB(pid);
        if (m) memory.push({ process: `${label} ${name}`, ...m });
      }
    };
    remember("A", a.pids());
    remember("B (rules off)", b.pids());
    remember("peer", new Map([["@apollo/gateway", peer.pid]]));
    remember("benchmark", new Map([["load generator", process.pid]]));

    // --- 10× municipality (optional)
    const persons = syntheticWorld({ families: config.families, seed: config.seed }).registry.person.length;
    let scale: BenchResults["scale"] = null;
    if (config.scale10) {
      // B and the peer are done; their connections make room for the large municipality's.
      await stopping(peer)();
      await b.federation.stop();
      scale = await scaleTen(config, a, { ports, baseEnv, logFile, persons, issuer, remember });
    }

    const results: BenchResults = {
      command: config.commandLine,
      startedAt,
      minutes: (Date.now() - startedAt.getTime()) / 60_000,
      mode,
      modeNote,
      database: config.database === "postgresql" ? "PostgreSQL" : "PGlite (embedded)",
      families: config.families,
      persons,
      seconds: config.seconds,
      rounds: config.rounds,
      connections: config.connections,
      requestCount: size5.length,
      distinctCases: new Set(size5.map((r) => r.caseId)).size,
      distinctActors: new Set(size5.map((r) => r.claims.sub)).size,
      criticalPath,
      consentEpoch: config.redisUrl ? "read from Redis by the gateway" : "pushed by samhandling to the gateway (no Redis)",
      configs,
      sizes,
      memory,
      scale,
      seedMinutes,
      loadBefore,
      loadAfter: os.loadavg(),
      postgresVersion: config.database === "postgresql" ? await postgresVersion(config) : null,
      errors,
    };
    const out = config.out;
    fs.writeFileSync(out, `${renderResults(results)}\n${METHOD}`);
    fs.writeFileSync(path.join(config.dataRoot, "last-results.json"), JSON.stringify(results, null, 2));
    say(`results written to ${path.relative(process.cwd(), out)}`);
  } finally {
    await cleanup();
    fs.closeSync(logFd);
  }
}

interface ScaleDeps {
  ports: { large: number };
  baseEnv: () => NodeJS.ProcessEnv;
  logFile: string;
  persons: number;
  issuer: Issuer;
  remember: (label: string, pids: Map<string, number>) => void;
}

/** p50 at 1 connection of the same kind of overview on the base municipality and on one 10× as large, in alternation. */
async function scaleTen(config: BenchConfig, a: Cluster, deps: ScaleDeps): Promise<NonNullable<BenchResults["scale"]>> {
  const families = config.families * 10;
  const large: Databases = benchDatabases(config, families);
  say(`10× municipality: ${families} families (${large.label}); seeding if needed — this takes a while`);
  const seedMinutes = await ensureSeeded({ port: deps.ports.large, databases: large, copy: "a", env: deps.baseEnv(), logFile: deps.logFile });
  const c = await startCluster({ name: "C", port: deps.ports.large, databases: large, copy: "a", seed: false, env: deps.baseEnv(), logFile: deps.logFile });
  try {
    const world = syntheticWorld({ families, seed: config.seed });
    const largePersons = world.registry.person.length;
    const pick = (reqs: OverviewRequest[]) => reqs;
    const baseReqs = pick(interleave(overviewRequests(config.families, config.seed, config.familySize)));
    const largeReqs = pick(interleave(overviewRequests(families, config.seed, config.familySize)));
    const baseSpecs = httpSpecs(baseReqs, await tokensFor(deps.issuer, baseReqs), "documentId");
    const largeSpecs = httpSpecs(largeReqs, await tokensFor(deps.issuer, largeReqs), "documentId");
    const send = (url: string, specs: HttpRequestSpec[]) => (i: number) => post(url, specs[i % specs.length]!.body, specs[i % specs.length]!.headers).then(problemOf);
    const sendBase = send(a.federation.gatewayUrl, baseSpecs);
    const sendLarge = send(c.federation.gatewayUrl, largeSpecs);
    // Warm the large one as the base one was warmed (every pair once, so both caches are warm).
    await drive(sendLarge, 4, Math.max(4, Math.min(30, largeSpecs.length / 20)));
    const result = (fams: number, persons: number): ScaleResult => ({ families: fams, persons, p50: [], p99: [] });
    const baseResult = result(config.families, deps.persons);
    const largeResult = result(families, largePersons);
    for (let round = 0; round < 3; round++) {
      for (const [r, sender] of [[baseResult, sendBase], [largeResult, sendLarge]] as const) {
        const d = await drive(sender, 1, config.seconds);
        r.p50.push(d.p50);
        r.p99.push(d.p99);
      }
      say(`  round ${round + 1}: base p50 ${baseResult.p50.at(-1)!.toFixed(1)} ms, 10× p50 ${largeResult.p50.at(-1)!.toFixed(1)} ms`);
    }
    deps.remember("C (10×)", c.pids());
    return { base: baseResult, large: largeResult, seedMinutes };
  } finally {
    await c.federation.stop();
  }
}

/** The redis-server process behind `url`, if it runs on this machine (its CPU is read from /proc). */
async function redisServerPid(url: string): Promise<number | null> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info("server"))?.[1]);
    return Number.isInteger(pid) && cpuMs(pid) !== undefined ? pid : null;
  } catch {
    return null;
  } finally {
    redis.disconnect();
  }
}

async function postgresVersion(config: BenchConfig): Promise<string | null> {
  const url = new URL(config.databaseTemplate.replaceAll("{service}", "x"));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("show server_version");
    return `PostgreSQL ${rows[0]!.server_version}`;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}


main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
