// `npm run conformance` from the outside, as a service team runs it: the
// settings it prints, a subgraph started by hand with them (frivillighet, on
// its own, by URL), then the checks — exit 0 and a report saying so. Then the
// same subgraph behind a tiny proxy that lets unsigned calls through (it signs
// them itself): exit 1, naming the signing check that failed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { answersOk, startProcess, type HubProcess } from "../scripts/lib/federation.ts";
import { signedCall } from "../conformance/signing.ts";
import { SIGNATURE_EXTENSION } from "../services/kit/auth/signing.ts";

const BASE = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 1400;
/** The harness's gateway; its identity provider, registry and samhandling sit 100, 101 and 102 above. */
const HARNESS_PORT = BASE;
const SUBGRAPH_PORT = BASE + 150;
const PROXY_PORT = BASE + 151;
const SERVICE = "frivillighet";

/** `npm run conformance --` as package.json has it, with `node` this very Node (npm hands the arguments after `--` on as they are). */
const [, ...SCRIPT] = (JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.conformance!.split(" ");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-conformance-cli-"));
const stateDir = path.join(dir, "state");

function conformance(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SCRIPT, ...args, "--port", String(HARNESS_PORT), "--state-dir", stateDir], {
      cwd: ROOT_DIR,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/** The lines NAME=value of --print-settings. */
const settingsIn = (output: string) => Object.fromEntries([...output.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

/** A proxy in front of the subgraph that signs whatever comes unsigned: a subgraph that does not check signatures. */
function leakyProxy(secrets: { signingSecret: string; internalSigningSecret: string }): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      let body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> };
      if (!body.extensions?.[SIGNATURE_EXTENSION]) body = signedCall(SERVICE, body.query, body.variables ?? {}, {}, secrets);
      const upstream = await fetch(`http://127.0.0.1:${SUBGRAPH_PORT}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      res.writeHead(upstream.status, { "content-type": "application/json" });
      res.end(await upstream.text());
    });
  });
}

describe("npm run conformance", () => {
  let subgraph: HubProcess | undefined;
  let settings: Record<string, string> = {};

  beforeAll(async () => {
    const printed = await conformance("--service", SERVICE, "--print-settings");
    expect(printed.code, printed.output).toBe(0);
    settings = settingsIn(printed.output);
    expect(Object.keys(settings)).toEqual(expect.arrayContaining(["HUB_SIGNING_SECRET", "HUB_INTERNAL_SIGNING_SECRET", "SUBGRAPH_URL_SAMHANDLING", "SUBGRAPH_URL_REGISTRY"]));
    // The service on its own, as its team would start it: the printed settings, a port, a fresh embedded database.
    const log = fs.openSync(path.join(dir, "subgraph.log"), "a");
    subgraph = await startProcess({
      name: SERVICE,
      entry: path.join(ROOT_DIR, "services", SERVICE, "index.ts"),
      env: { ...settings, PORT: String(SUBGRAPH_PORT), DATA_DIR: path.join(dir, "subgraph"), DATABASE_URL_TEMPLATE: "", [`DATABASE_URL_${SERVICE.toUpperCase()}`]: "", REDIS_URL: "", LOG_LEVEL: "warn" },
      output: log,
      ready: answersOk(`http://127.0.0.1:${SUBGRAPH_PORT}/readyz`),
      timeoutMs: 240_000,
    });
  }, 300_000);

  afterAll(async () => {
    await subgraph?.stop("SIGTERM", 15_000);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes a conformant subgraph started on its own by URL: exit 0, every check listed as passed", async () => {
    const run = await conformance("--service", SERVICE, "--url", `http://127.0.0.1:${SUBGRAPH_PORT}/graphql`);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`${SERVICE}: conformant — all`);
    for (const id of ["signing.replayed", "consent.withdrawn", "shape.no-consent-identical", "logging.writes", "writes.all-or-nothing"]) expect(run.output).toMatch(new RegExp(`ok +${id.replace(".", "\\.")} `));
  }, 600_000);

  it("fails a subgraph that answers unsigned calls: exit 1, naming signing.unsigned", async () => {
    const proxy = leakyProxy({ signingSecret: settings.HUB_SIGNING_SECRET!, internalSigningSecret: settings.HUB_INTERNAL_SIGNING_SECRET! });
    await new Promise<void>((resolve) => proxy.listen(PROXY_PORT, "127.0.0.1", resolve));
    try {
      const run = await conformance("--service", SERVICE, "--url", `http://127.0.0.1:${PROXY_PORT}/graphql`);
      expect(run.code, run.output).toBe(1);
      expect(run.output).toMatch(/FAIL +signing\.unsigned /);
      expect(run.output).toContain("NOT conformant — 1 failed (signing.unsigned)");
      // The rest of the contract holds: the other scenarios ran and passed.
      expect(run.output).toMatch(/ok +consent\.withdrawn /);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 600_000);

  it("refuses a service that is not a view service of the catalog: exit 2", async () => {
    const run = await conformance("--service", "registry", "--url", "http://127.0.0.1:1/graphql");
    expect(run.code).toBe(2);
    expect(run.output).toContain("--service must name a view service of the catalog");
  });
});
