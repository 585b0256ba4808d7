// The development identity provider as a real process for a test: its own
// port (TEST_GATEWAY_PORT + 2900 + slot, clear of the shared federation and
// the own-federation slots), its own data folder, its log in a file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT_DIR } from "../../services/kit/config.ts";

const TEST_GATEWAY_PORT = Number(process.env.TEST_GATEWAY_PORT ?? 14000);

/** Each suite passes its own slot, so two never share a port. */
export const identityTestPort = (slot: number): number => TEST_GATEWAY_PORT + 2900 + slot;

export interface TestProvider {
  issuer: string;
  port: number;
  /** DATA_DIR of the process; its keys and state are in <dataDir>/identity. */
  dataDir: string;
  /** The web app's default redirect and post-logout URIs for this provider's gateway port. */
  webRedirectUri: string;
  webPostLogoutRedirectUri: string;
  /** Starts the process again (after `stop`), on the same data folder. */
  start(): Promise<void>;
  /** SIGTERM (or another signal); resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The JSON log lines written so far. */
  logLines(): Record<string, unknown>[];
  /** Runs `npm run identity:keys -- <args>` on this provider's data folder. */
  keys(...args: string[]): { status: number | null; stdout: string };
  env: NodeJS.ProcessEnv;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The identity provider exited with code ${child.exitCode} while starting.`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`The identity provider was not ready at ${url} within ${timeoutMs} ms.`);
}

const entry = (file: string): string[] => ["--import", "tsx", path.join(ROOT_DIR, "identity", file)];

/** Runs the provider's entry point to completion (for start-up refusals). */
export function runProviderOnce(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, entry("index.ts"), { cwd: ROOT_DIR, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export async function startTestProvider(slot: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<TestProvider> {
  const port = identityTestPort(slot);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-identity-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "identity.log");
  const gatewayPort = port - 100;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    GATEWAY_PORT: String(gatewayPort),
    IDENTITY_PORT: String(port),
    DATA_DIR: dataDir,
    ...extraEnv,
  };
  let child: ChildProcess | null = null;

  const start = async () => {
    const fd = fs.openSync(logFile, "a");
    child = spawn(process.execPath, entry("index.ts"), { cwd: ROOT_DIR, env, stdio: ["ignore", fd, fd, "ipc"] });
    fs.closeSync(fd);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, child, 60_000);
  };

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return running?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
    running.kill(signal);
    return exited;
  };

  await start();
  const webOrigin = `http://localhost:${gatewayPort + 200}`;
  return {
    issuer: `http://localhost:${port}`,
    port,
    dataDir,
    webRedirectUri: `${webOrigin}/auth/callback`,
    webPostLogoutRedirectUri: `${webOrigin}/`,
    start,
    stop,
    env,
    logLines: () =>
      fs
        .readFileSync(logFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return { unparsed: line };
          }
        }),
    keys: (...args) => {
      const result = spawnSync(process.execPath, [...entry("keys-cli.ts"), ...args], { cwd: ROOT_DIR, env, encoding: "utf8", timeout: 60_000 });
      return { status: result.status, stdout: result.stdout };
    },
  };
}
