// The web app's server (web/server.ts) as a real process for tests, on a port
// of its own derived from TEST_GATEWAY_PORT (+180…+189, below the subgraphs'
// +101… and clear of the +200 a web server next to the shared federation
// would take). The build must exist (test/web/build.setup.ts makes it).
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT_DIR } from "../../services/kit/config.ts";

const BASE = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 180;

/** A port for the n-th web server of a test file (0–5), and addresses nothing listens on (6–9) for a stubbed gateway or provider. */
export const webTestPort = (n: number): number => {
  if (n < 0 || n > 9) throw new Error("web test ports are 0–9");
  return BASE + n;
};

/** An OpenID issuer the browser tests answer themselves (test/support/oidc-stub.ts); nothing listens there. */
export const STUB_ISSUER = `http://127.0.0.1:${webTestPort(9)}/oidc`;
/** A gateway URL nothing listens on: these tests never reach a real gateway. */
export const STUB_GATEWAY_URL = `http://127.0.0.1:${webTestPort(8)}/graphql`;

export interface WebApp {
  url: string;
  process: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** SIGTERM, then the exit code (null when a signal ended it). */
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The n-th web server of a test file (`n` a number), or one on a port of the
 * caller's (`{ port }`: a server beside the shared federation, whose identity
 * provider redirects only to http://localhost:<its web port>).
 */
export async function startWebApp(n: number | { port: number }, env: NodeJS.ProcessEnv = {}): Promise<WebApp> {
  const port = typeof n === "number" ? webTestPort(n) : n.port;
  const child = spawn(process.execPath, ["--import", "tsx", "web/server.ts"], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_ENV: "test", WEB_PORT: String(port), WEB_GATEWAY_URL: STUB_GATEWAY_URL, WEB_OIDC_ISSUER: STUB_ISSUER, ...env },
    // The IPC channel ends the server when the test process goes (kit/lifecycle.ts).
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = typeof n === "number" ? `http://127.0.0.1:${port}` : `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`web/server.ts exited with ${child.exitCode} while starting:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`web/server.ts was not ready at ${url} within 30 s:\n${output}`);
    }
    await sleep(100);
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exit;
    },
  };
}
