// A second gateway process for the hardening suites, pointed at the shared
// federation's subgraphs, with its own environment (production mode, an
// in-test OIDC issuer, small limits). It listens below the subgraph ports.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { subgraphPort } from "../../services/kit/catalog.ts";
import { startGateway as startHubGateway, subgraphUrlEnv, type HubProcess } from "../../scripts/lib/federation.ts";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { demoUser } from "../../demo/users.ts";
import { scanLog } from "../support/log-scan.ts";
import { describeFindings } from "../support/log-report.ts";
import { TEST_SYNTHETIC_FAMILIES } from "../support/pglite-template.ts";

export const TEST_ISSUER = "https://idp.test.example/";

/** An OIDC issuer of our own: a JWKS endpoint on 127.0.0.1 and a signer for its tokens. */
export interface TestIssuer {
  jwksUri: string;
  /** A token for `claims`; `audience` other than the hub's makes one meant for some other application. */
  token(claims: HubClaims, options?: { audience?: string }): Promise<string>;
  headers(userKey: string, caseId?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-1", alg: "RS256", use: "sig" };
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const token = (claims: HubClaims, options: { audience?: string } = {}) => sign(claims, privateKey, options.audience ?? "samhandling-hub");
  return {
    jwksUri: `http://127.0.0.1:${port}/jwks.json`,
    token,
    async headers(userKey, caseId) {
      const user = demoUser(userKey);
      if (!user) throw new Error(`no demo user ${userKey}`);
      const headers: Record<string, string> = { authorization: `Bearer ${await token(user.claims)}` };
      if (caseId) headers["x-case-id"] = caseId;
      return headers;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function sign({ sub, ...rest }: HubClaims, key: CryptoKey, audience: string): Promise<string> {
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "RS256", kid: "test-1" })
    .setSubject(sub)
    .setIssuer(TEST_ISSUER)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

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
        // The shared federation's keys: its subgraphs check the signature, its tokens are what tests hold.
        HUB_JWT_SECRET: inject("jwtSecret"),
        HUB_SIGNING_SECRET: inject("signingSecret"),
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
