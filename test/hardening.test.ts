// Production switches and limits that need no running federation.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { DEFAULT_DOCUMENTS_MANIFEST, documentsConfig, hardeningConfig } from "../gateway/config.ts";
import { buildManifest, documentId, manifestText } from "../gateway/persisted-documents.ts";
import { actorKey } from "../gateway/plugins/rate-limit.ts";

const limits = documentsConfig({}).limits;

describe("trusted documents", () => {
  it("the committed manifest matches gateway/documents (run `npm run documents`)", () => {
    expect(fs.readFileSync(DEFAULT_DOCUMENTS_MANIFEST, "utf8")).toBe(manifestText(buildManifest(limits)));
  });

  it("ids are the sha256 of the printed document, so formatting does not change them", () => {
    for (const op of buildManifest(limits).operations) expect(op.id).toBe(documentId(op.body));
  });
});

describe("gateway limits from the environment", () => {
  it("has defaults in development, with the rate limit off", () => {
    const config = hardeningConfig({ NODE_ENV: "development" });
    expect(config.production).toBe(false);
    expect(config.limits).toMatchObject({ maxDepth: 10, maxAliases: 30, maxTokens: 4000, maxSelections: 2000, maxBodyBytes: 1_000_000, maxBatch: 10, requestDeadlineMs: 30_000 });
    expect(config.rateLimit.max).toBe(0);
    expect(config.allowArbitraryDocuments).toBe(true);
    // Metrics on a port of their own, and CORS for the web app's origin alone, both following GATEWAY_PORT.
    expect(config.telemetry).toEqual({ metrics: true, metricsPort: 4095, traces: null, serviceName: "samhandling-gateway" });
    expect(config.corsOrigins).toEqual(["http://localhost:4200"]);
    expect(hardeningConfig({ GATEWAY_PORT: "5000" })).toMatchObject({ telemetry: { metricsPort: 5095 }, corsOrigins: ["http://localhost:5200"] });
    expect(hardeningConfig({ CORS_ORIGINS: "https://app.example/, http://localhost:5173" }).corsOrigins).toEqual(["https://app.example", "http://localhost:5173"]);
  });

  it("closes arbitrary documents and limits rates in production", () => {
    const config = hardeningConfig({ NODE_ENV: "production", REDIS_URL: "redis://127.0.0.1:6379" });
    expect(config.allowArbitraryDocuments).toBe(false);
    expect(config.rateLimit).toEqual({ max: 600, windowMs: 60_000, redisUrl: "redis://127.0.0.1:6379" });
    expect(() => hardeningConfig({ NODE_ENV: "production", ALLOW_ARBITRARY_DOCUMENTS: "true" })).toThrow(/refused in production/);
  });

  it("refuses a malformed value with its name", () => {
    expect(() => hardeningConfig({ MAX_DEPTH: "deep" })).toThrow(/MAX_DEPTH must be a whole number/);
    expect(() => hardeningConfig({ MAX_BATCH: "0" })).toThrow(/MAX_BATCH/);
    expect(() => hardeningConfig({ METRICS_ENABLED: "maybe" })).toThrow(/METRICS_ENABLED must be true or false/);
  });
});

describe("rate limit identity", () => {
  it("is the verified subject, else the caller's address — never a name", () => {
    expect(actorKey({ jwt: { payload: { sub: "nav-veileder-1" } } })).toBe("actor:nav-veileder-1");
    expect(actorKey({ req: { socket: { remoteAddress: "10.0.0.7" } } })).toBe("anonymous:10.0.0.7");
  });
});

describe("npm run token", () => {
  it("refuses in production", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts", "token.ts"), "coordinator"], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Development tokens are off in production");
  });
});
