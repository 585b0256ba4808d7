// A second gateway process for the hardening suites, pointed at the shared
// federation's subgraphs and trusting its identity provider, with its own
// environment (production mode, another identity mapping, small limits). It
// listens below the subgraph ports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { subgraphPort } from "../../services/kit/catalog.ts";
import { startGateway as startHubGateway, subgraphUrlEnv, type HubProcess } from "../../scripts/lib/federation.ts";
import { scanLog } from "../support/log-scan.ts";
import { describeFindings } from "../support/log-report.ts";
import { TEST_SYNTHETIC_FAMILIES } from "../support/pglite-template.ts";

export interface ExtraGateway {
  url: string;
  base: string;
  log(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Environment that points a gateway at the shared federation's subgraphs. */
export function sharedSubgraphEnv(): NodeJS.ProcessEnv {
  const shared = inject("gatewayPort");
  return subgraphUrlEnv((s) => `http://127.0.0.1:${subgraphPort(s, shared)}/graphql`);
}

/** Starts `gateway/index.ts` with `env` on `port`; resolves when it is ready, rejects with its log if it exits first. */
export async function startGateway(port: number, env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ExtraGateway> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-hardening-"));
  const logFile = path.join(dir, "gateway.log");
  const fd = fs.openSync(logFile, "a");
  const log = () => fs.readFileSync(logFile, "utf8");
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    fs.closeSync(fd);
    // This gateway served the shared federation's data: its log must hold none of it.
    const scan = scanLog(logFile, { syntheticFamilies: Number(TEST_SYNTHETIC_FAMILIES) });
    if (scan.findings.length > 0) throw new Error(`Personal data in an extra gateway's log: ${describeFindings(scan)}`);
    if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
  };
  let gateway: HubProcess;
  try {
    gateway = await startHubGateway({
      port,
      // Not the test runner's NODE_ENV: each suite says which mode it wants.
      env: {
        NODE_ENV: "development",
        DATA_DIR: path.join(dir, "data"),
        // The shared federation's signing key (its subgraphs check it) and identity provider (its tokens are what tests hold).
        HUB_SIGNING_SECRET: inject("signingSecret"),
        IDENTITY_ISSUER: inject("identityIssuer"),
        ...sharedSubgraphEnv(),
        ...env,
      },
      output: fd,
      timeoutMs,
    });
  } catch (error) {
    const said = log();
    close();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${said}`, { cause: error });
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    base: `http://127.0.0.1:${port}`,
    log,
    exited: gateway.exited(),
    async stop() {
      await gateway.stop();
      close();
    },
  };
}

/** A mapping file (in a fresh temporary folder) with this content; the folder goes when `cleanup` runs. */
export function writeMappingFile(content: unknown, cleanup: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-mapping-"));
  cleanup.push(dir);
  const file = path.join(dir, "identity-mapping.json");
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Runs the gateway expecting it to refuse to start; resolves with what it said (or "started" if it did not refuse). */
export async function gatewayRefusal(env: NodeJS.ProcessEnv, port: number): Promise<{ log: string }> {
  try {
    const gw = await startGateway(port, env, 30_000);
    await gw.stop();
    return { log: "started" };
  } catch (error) {
    return { log: error instanceof Error ? error.message : String(error) };
  }
}

/** A JSON POST a client would send, with the CSRF-safe content type. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const raw = await res.text();
  let json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] } = {};
  try {
    json = JSON.parse(raw);
  } catch {
    // left empty: the test looks at raw
  }
  return { status: res.status, headers: res.headers, raw, ...json };
}
