// Starts the whole federation as real processes — seven subgraphs and the
// gateway — and stops it. Used by `npm start`, the tests and the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { ensureDevSecrets } from "../../services/kit/auth/secrets.ts";

export interface FederationOptions {
  gatewayPort: number;
  dataDir: string;
  /** Extra environment for every process (DATABASE_URL_*, SEED_SYNTHETIC_FAMILIES, …). */
  env?: NodeJS.ProcessEnv;
  /** "inherit" prints every process's log; a path appends them to that file. */
  output: "inherit" | string;
  startupTimeoutMs?: number;
  /** Extra environment for the gateway only (e.g. a CPU profile of the gateway alone). */
  gatewayEnv?: NodeJS.ProcessEnv;
  /** false starts the subgraphs only (e.g. to build a seeded database once, test/support/pglite-template.ts). */
  withGateway?: boolean;
}

export interface Federation {
  gatewayUrl: string;
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

export type ProcessName = ServiceName | "gateway";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, name: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting; see its log.`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs} ms.`);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startFederation(options: FederationOptions): Promise<Federation> {
  const timeout = options.startupTimeoutMs ?? 120_000;
  const logFd = options.output === "inherit" ? undefined : fs.openSync(options.output, "a");
  // The IPC channel ties each child to this process: when it goes, they stop (kit/lifecycle.ts).
  const stdio: ("ignore" | "inherit" | "ipc" | number)[] = logFd === undefined ? ["ignore", "inherit", "inherit", "ipc"] : ["ignore", logFd, logFd, "ipc"];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, GATEWAY_PORT: String(options.gatewayPort), DATA_DIR: options.dataDir };
  // Created before any process starts, so all of them read the same development secrets.
  // Production reads its secrets from the environment only: no development secret is written.
  if (env.NODE_ENV !== "production") ensureDevSecrets(options.dataDir);
  const children = new Map<string, ChildProcess>();

  const spawnNode = (name: string, entry: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: ROOT_DIR, env: { ...env, ...extraEnv }, stdio });
    children.set(name, child);
    return child;
  };

  const startService = async (service: ServiceName, extraEnv?: NodeJS.ProcessEnv) => {
    const child = spawnNode(service, path.join(ROOT_DIR, "services", service, "index.ts"), extraEnv);
    await waitUntilReady(`http://127.0.0.1:${subgraphPort(service, options.gatewayPort)}/readyz`, child, timeout, service);
  };

  const startGateway = async (extraEnv?: NodeJS.ProcessEnv) => {
    const gateway = spawnNode("gateway", path.join(ROOT_DIR, "gateway", "index.ts"), extraEnv);
    await waitUntilReady(`http://127.0.0.1:${options.gatewayPort}/readiness`, gateway, timeout, "gateway");
  };

  const stopChild = async (name: string, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null | undefined> => {
    const child = children.get(name);
    if (!child) return undefined;
    child.kill(signal);
    // A process hung with SIGSTOP would never act on SIGTERM.
    if (signal !== "SIGKILL") child.kill("SIGCONT");
    await exited(child);
    if (children.get(name) === child) children.delete(name);
    return child.exitCode;
  };

  const codes: Partial<Record<ProcessName, number | null>> = {};
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      const gatewayCode = await stopChild("gateway");
      if (gatewayCode !== undefined) codes.gateway = gatewayCode;
      await Promise.all(
        SERVICE_NAMES.map(async (s) => {
          const code = await stopChild(s);
          if (code !== undefined) codes[s] = code;
        }),
      );
      if (logFd !== undefined) fs.closeSync(logFd);
    })());

  try {
    await Promise.all(SERVICE_NAMES.map((s) => startService(s)));
    if (options.withGateway !== false) await startGateway(options.gatewayEnv);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${options.gatewayPort}/graphql`,
    subgraphUrl: (service) => `http://127.0.0.1:${subgraphPort(service, options.gatewayPort)}/graphql`,
    stopService: async (service, signal) => {
      await stopChild(service, signal);
    },
    startService,
    signal(name, signal) {
      children.get(name)?.kill(signal);
    },
    async exited(name) {
      const child = children.get(name);
      if (!child) return null;
      await exited(child);
      return child.exitCode;
    },
    pid: (name) => children.get(name)?.pid,
    exitCodes: () => ({ ...codes }),
    stopGateway: async (signal) => {
      await stopChild("gateway", signal);
    },
    startGateway,
    stop,
  };
}
