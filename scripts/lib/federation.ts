// The one harness that starts the hub's processes and waits until they are
// ready, shared by `npm start`, the tests (test/support), the load test
// (test/load) and the benchmark (bench/): a whole federation — the
// development identity provider, every subgraph, the gateway and (for
// `npm start`) the web app — or a single process (a second gateway, the
// benchmark's peer), each stopped by its pid.
//
// It waits as long as a process is alive and working: each reports its
// start-up steps over the IPC channel (kit/lifecycle.ts reportStartup), and
// using CPU counts as working too (a busy machine can take minutes over one
// step). It gives up when a process exits, or shows no sign of work for the
// stall limit — not after a fixed time, which a slow machine would overrun.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { identityPort, SERVICE_NAMES, subgraphPort, webPort, type ServiceName } from "../../services/kit/catalog.ts";
import { databaseUrlFor, ROOT_DIR } from "../../services/kit/config.ts";
import { ensureDevSecrets } from "../../services/kit/auth/secrets.ts";
import { childEnv, childrenInProduction } from "../config.ts";
import type { StartupStep } from "../../services/kit/lifecycle.ts";
import { compiledEntries } from "./compile.ts";
import { cpuMs } from "./procstat.ts";

// --- one process -----------------------------------------------------------------

/** Where a process's stdout and stderr go: this terminal, or a file opened for appending. */
export type Output = "inherit" | number;

export interface HubProcess {
  name: string;
  pid: number;
  /** When it last showed a sign of work: a start-up step reported, or CPU time used since the last look. */
  lastSignOfWork(): number;
  /** Resolves when it has exited, with its exit code (null when a signal ended it). */
  exited(): Promise<number | null>;
  /** Sends a signal and returns at once (SIGSTOP/SIGCONT to hang and resume it, SIGTERM to watch a shutdown). */
  signal(signal: NodeJS.Signals): void;
  /**
   * Sends `signal` (SIGTERM) and waits until it has exited; with `killAfterMs`,
   * SIGKILL once that time has passed. Resolves with the exit code.
   */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
}

export interface ProcessOptions {
  name: string;
  /** The module run by `node --import tsx`. */
  entry: string;
  /** Its bundle (compile.ts), run by plain `node` instead when given. */
  compiled?: string;
  /** On top of this process's environment. */
  env?: NodeJS.ProcessEnv;
  output: Output;
  /** Called for each start-up step the process reports. */
  onStep?: (step: string) => void;
}

/** Ready when this answers true; an error counts as not yet. */
export type ReadyCheck = () => Promise<boolean>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a Node process and returns at once (see `startProcess` to wait until it is ready). */
export function spawnProcess(options: ProcessOptions): HubProcess {
  const out = options.output === "inherit" ? "inherit" : options.output;
  // The IPC channel ties the child to this process: when it goes, the child stops (kit/lifecycle.ts).
  const args = options.compiled ? [options.compiled] : ["--import", "tsx", options.entry];
  const child = spawn(process.execPath, args, { cwd: ROOT_DIR, env: childEnv(options.env), stdio: ["ignore", out, out, "ipc"] });
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  let workedAt = Date.now();
  let cpuSeen = 0;
  child.on("message", (message: Partial<StartupStep>) => {
    if (typeof message?.startup !== "string") return;
    workedAt = Date.now();
    options.onStep?.(message.startup);
  });
  return {
    name: options.name,
    pid: child.pid!,
    lastSignOfWork() {
      const cpu = cpuMs(child.pid!);
      if (cpu !== undefined && cpu > cpuSeen) {
        cpuSeen = cpu;
        workedAt = Date.now();
      }
      return workedAt;
    },
    exited: () => exit,
    signal(signal) {
      if (running()) child.kill(signal);
    },
    async stop(signal = "SIGTERM", killAfterMs) {
      if (running()) {
        child.kill(signal);
        // A process hung with SIGSTOP would never act on the signal.
        if (signal !== "SIGKILL") child.kill("SIGCONT");
        if (killAfterMs !== undefined) {
          const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
          await exit;
          clearTimeout(timer);
        }
      }
      return exit;
    },
  };
}

/**
 * Polls `ready` until it holds; fails when the process exits first, or when it
 * has shown no sign of work (HubProcess.lastSignOfWork) for `stallMs`.
 */
export async function waitUntilReady(child: HubProcess, ready: ReadyCheck, stallMs: number): Promise<void> {
  const exit: { code?: number | null } = {};
  void child.exited().then((code) => (exit.code = code));
  for (;;) {
    if (exit.code !== undefined) throw new Error(`${child.name} ${exit.code === null ? "was ended by a signal" : `exited with code ${exit.code}`} while starting; see its log.`);
    if (await ready().catch(() => false)) return;
    if (Date.now() - child.lastSignOfWork() > stallMs) {
      throw new Error(`${child.name} is alive but has shown no sign of work (no start-up step, no CPU time) for ${Math.round(stallMs / 1000)} s; see its log.`);
    }
    await sleep(150);
  }
}

/** How long a starting process may show no sign of work before the launcher gives up on it. */
export const DEFAULT_STALL_MS = 5 * 60_000;

/** Starts a Node process and waits until it is ready; one that does not get ready is stopped. `timeoutMs`: the stall limit. */
export async function startProcess(options: ProcessOptions & { ready: ReadyCheck; timeoutMs?: number }): Promise<HubProcess> {
  const child = spawnProcess(options);
  try {
    await waitUntilReady(child, options.ready, options.timeoutMs ?? DEFAULT_STALL_MS);
  } catch (error) {
    await child.stop("SIGTERM", 15_000);
    throw error;
  }
  return child;
}

/** Ready when a GET of `url` answers 2xx: a subgraph's /readyz, a gateway's /readiness. */
export function answersOk(url: string): ReadyCheck {
  return async () => (await fetch(url)).ok;
}

const GATEWAY_ENTRY = path.join(ROOT_DIR, "gateway", "index.ts");
const IDENTITY_ENTRY = path.join(ROOT_DIR, "identity", "index.ts");
const WEB_ENTRY = path.join(ROOT_DIR, "web", "server.ts");
const gatewayReady = (port: number) => answersOk(`http://127.0.0.1:${port}/readiness`);
const serviceEntry = (service: ServiceName) => path.join(ROOT_DIR, "services", service, "index.ts");
const serviceReady = (service: ServiceName, gatewayPort: number) => answersOk(`http://127.0.0.1:${subgraphPort(service, gatewayPort)}/readyz`);

/** The environment that points a gateway (or the benchmark's peer) at these subgraphs: SUBGRAPH_URL_<NAME>. */
export function subgraphUrlEnv(url: (service: ServiceName) => string): NodeJS.ProcessEnv {
  return Object.fromEntries(SERVICE_NAMES.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, url(s)]));
}

/** A gateway on `port` beside a federation (its subgraphs from `subgraphUrlEnv` in `env`), ready when /readiness answers. */
export function startGateway(options: { name?: string; port: number; env?: NodeJS.ProcessEnv; output: Output; timeoutMs?: number }): Promise<HubProcess> {
  return startProcess({
    name: options.name ?? "gateway",
    entry: GATEWAY_ENTRY,
    env: { ...options.env, GATEWAY_PORT: String(options.port) },
    output: options.output,
    ready: gatewayReady(options.port),
    timeoutMs: options.timeoutMs,
  });
}

// --- a federation ----------------------------------------------------------------

export interface FederationOptions {
  gatewayPort: number;
  dataDir: string;
  /** Extra environment for every process (DATABASE_URL_*, SEED_SYNTHETIC_FAMILIES, …). */
  env?: NodeJS.ProcessEnv;
  /** "inherit" prints every process's log; a path appends them to that file. */
  output: "inherit" | string;
  /** How long a starting process may show no sign of work (no start-up step, no CPU time) before the start fails. */
  startupTimeoutMs?: number;
  /** Each process's start-up steps as they are reported, and when it is ready (`npm start` shows them). */
  onProgress?: (event: StartupProgress) => void;
  /** Run each process from its bundle (compile.ts) instead of through tsx: `npm start`. */
  compiled?: boolean;
  /** Extra environment for the gateway only (e.g. a CPU profile of the gateway alone). */
  gatewayEnv?: NodeJS.ProcessEnv;
  /** false starts the subgraphs only (e.g. to build a seeded database once, test/support/pglite-template.ts). */
  withGateway?: boolean;
  /** The subgraphs to start (default: every one in the catalog); the others are reached at their SUBGRAPH_URL_<NAME> (`npm run conformance`). */
  services?: readonly ServiceName[];
  /**
   * The development identity provider (identity/, on GATEWAY_PORT + 100), which
   * the gateway trusts through deploy/identity-mapping.dev.json. Default: on
   * with a gateway, except in production mode, where the municipality's
   * providers sign people in.
   */
  withIdentity?: boolean;
  /** The web app's server (web/server.ts, on GATEWAY_PORT + 200), started once the gateway is ready and `webBuild` has finished. */
  withWeb?: boolean;
  /** The web app's build, when one is running (scripts/start.ts starts it beside the other processes). */
  webBuild?: Promise<void>;
}

export interface Federation {
  gatewayUrl: string;
  /** The development identity provider's issuer (null when none was started). */
  identityIssuer: string | null;
  /** The web app's URL (null when it was not started). */
  webUrl: string | null;
  subgraphUrl(service: ServiceName): string;
  /** Stops one subgraph (SIGTERM, or SIGKILL to simulate a crash). */
  stopService(service: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts one subgraph again, optionally with extra environment for this process only (e.g. an unreachable DATABASE_URL_<NAME>). */
  startService(service: ServiceName, env?: NodeJS.ProcessEnv): Promise<void>;
  /** Sends a signal and returns at once (SIGSTOP/SIGCONT to hang and resume a process, SIGTERM to watch a shutdown). */
  signal(name: ProcessName, signal: NodeJS.Signals): void;
  /** Resolves when that process has exited, with its exit code (null when a signal ended it). */
  exited(name: ProcessName): Promise<number | null>;
  pid(name: ProcessName): number | undefined;
  stopGateway(signal?: NodeJS.Signals): Promise<void>;
  startGateway(env?: NodeJS.ProcessEnv): Promise<void>;
  stop(): Promise<void>;
  /** After stop(): each process's exit code (null when a signal ended it). */
  exitCodes(): Partial<Record<ProcessName, number | null>>;
}

export type ProcessName = ServiceName | "gateway" | "identity" | "web";

export interface StartupProgress {
  /** A process, or the launcher itself (e.g. compiling the processes). */
  name: ProcessName | "launcher";
  /** A step the process reported, or "ready". */
  step: string;
  /** Since the federation's start began. */
  elapsedMs: number;
}

export async function startFederation(options: FederationOptions): Promise<Federation> {
  const timeout = options.startupTimeoutMs ?? DEFAULT_STALL_MS;
  const began = Date.now();
  const progress = (name: StartupProgress["name"], step: string) => options.onProgress?.({ name, step, elapsedMs: Date.now() - began });
  const logFd = options.output === "inherit" ? undefined : fs.openSync(options.output, "a");
  const output: Output = logFd ?? "inherit";
  const env: NodeJS.ProcessEnv = { ...options.env, GATEWAY_PORT: String(options.gatewayPort), DATA_DIR: options.dataDir };
  // Created before any process starts, so all of them read the same development secrets.
  // Production reads its secrets from the environment only: no development secret is written.
  const effective = childEnv(env);
  if (!childrenInProduction(env)) ensureDevSecrets(options.dataDir);
  // One initdb for every embedded database still to be made, instead of one each (kit/db/database.ts).
  const services = options.services ?? SERVICE_NAMES;
  const newEmbedded = services.filter((s) => !databaseUrlFor(s, effective) && !fs.existsSync(path.join(options.dataDir, s, "pgdata")));
  if (newEmbedded.length > 1) {
    // Loaded only here: the launcher needs PGlite for this alone.
    const { ensureBlankEmbeddedDatabase } = await import("../../services/kit/db/database.ts");
    await ensureBlankEmbeddedDatabase(options.dataDir);
    progress("launcher", "blank embedded database ready");
  }
  // In the map from the moment they are spawned, so a failed start stops the ones still starting too.
  const children = new Map<ProcessName, HubProcess>();
  const bundles = options.compiled ? await compiledEntries([GATEWAY_ENTRY, ...services.map(serviceEntry)].map((entry) => path.relative(ROOT_DIR, entry))) : null;
  if (bundles) progress("launcher", "processes compiled (or unchanged)");

  const start = async (name: ProcessName, entry: string, ready: ReadyCheck, extraEnv: NodeJS.ProcessEnv = {}) => {
    const compiled = bundles?.get(path.relative(ROOT_DIR, entry));
    const child = spawnProcess({ name, entry, compiled, env: { ...env, ...extraEnv }, output, onStep: (step) => progress(name, step) });
    children.set(name, child);
    await waitUntilReady(child, ready, timeout);
    progress(name, "ready");
  };
  const startService = (service: ServiceName, extraEnv?: NodeJS.ProcessEnv) => start(service, serviceEntry(service), serviceReady(service, options.gatewayPort), extraEnv);
  const startGatewayProcess = (extraEnv?: NodeJS.ProcessEnv) => start("gateway", GATEWAY_ENTRY, gatewayReady(options.gatewayPort), extraEnv);
  const withIdentity = options.withIdentity ?? (options.withGateway !== false && !childrenInProduction(env));
  const startIdentity = () => start("identity", IDENTITY_ENTRY, answersOk(`http://127.0.0.1:${identityPort(options.gatewayPort)}/readyz`));
  const startWeb = async () => {
    await options.webBuild;
    await start("web", WEB_ENTRY, answersOk(`http://127.0.0.1:${webPort(options.gatewayPort)}/readyz`));
  };

  const stopChild = async (name: ProcessName, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null | undefined> => {
    const child = children.get(name);
    if (!child) return undefined;
    const code = await child.stop(signal);
    if (children.get(name) === child) children.delete(name);
    return code;
  };

  const codes: Partial<Record<ProcessName, number | null>> = {};
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      const webCode = await stopChild("web");
      if (webCode !== undefined) codes.web = webCode;
      const gatewayCode = await stopChild("gateway");
      if (gatewayCode !== undefined) codes.gateway = gatewayCode;
      await Promise.all(
        [...services, "identity" as const].map(async (s) => {
          const code = await stopChild(s);
          if (code !== undefined) codes[s] = code;
        }),
      );
      if (logFd !== undefined) fs.closeSync(logFd);
    })());

  try {
    // The provider starts beside the subgraphs; the gateway, which fetches its discovery document, after all of them.
    await Promise.all([...services.map((s) => startService(s)), ...(withIdentity ? [startIdentity()] : [])]);
    if (options.withGateway !== false) await startGatewayProcess(options.gatewayEnv);
    if (options.withWeb) await startWeb();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${options.gatewayPort}/graphql`,
    identityIssuer: withIdentity ? `http://localhost:${identityPort(options.gatewayPort)}` : null,
    webUrl: options.withWeb ? `http://localhost:${webPort(options.gatewayPort)}` : null,
    subgraphUrl: (service) => `http://127.0.0.1:${subgraphPort(service, options.gatewayPort)}/graphql`,
    stopService: async (service, signal) => {
      await stopChild(service, signal);
    },
    startService,
    signal(name, signal) {
      children.get(name)?.signal(signal);
    },
    async exited(name) {
      return (await children.get(name)?.exited()) ?? null;
    },
    pid: (name) => children.get(name)?.pid,
    exitCodes: () => ({ ...codes }),
    stopGateway: async (signal) => {
      await stopChild("gateway", signal);
    },
    startGateway: startGatewayProcess,
    stop,
  };
}
