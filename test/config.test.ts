// One validated config per process: typed parsers whose errors name the
// variable, every problem reported at once, the one start-up failure path,
// docs/configuration.md generated from the declarations, and no runtime file
// outside the config modules reading the environment.
import { webConfig } from "../web/config.ts";
import { identityConfig } from "../identity/config.ts";
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateConfig, ROOT_DIR, subgraphConfig } from "../services/kit/config.ts";
import { boolean, ConfigError, duration, list, optional, port, readSettings, setting, url, wholeNumber, type Env } from "../services/kit/env.ts";
import { documentsConfig, gatewayConfig, hardeningConfig } from "../gateway/config.ts";
import { auditVerifyConfig, docsScreenshotsConfig, retentionScriptConfig, importConfig, schemaEngineConfig, startConfig, testRunConfig, tokenConfig } from "../scripts/config.ts";
import { CONFIGURATION_DOC, configurationDoc, PROCESSES } from "../scripts/lib/reference-docs.ts";
import { demoConfig } from "../demo/config.ts";
import { benchConfig, benchStartupConfig, importBenchConfig, notifyBenchConfig, pagingBenchConfig, peerGatewayConfig, schedulerBenchConfig, webBenchConfig } from "../bench/config.ts";
import { loadConfig } from "./load/config.ts";

/** Reads one setting alone. */
function readOne<T>(declared: ReturnType<typeof setting<T>>, env: Env): T {
  return readSettings(env, [declared.declaration], (get) => get(declared));
}

describe("parsers", () => {
  it("take what they accept and refuse the rest with the variable's name and what it accepts", () => {
    const depth = setting("X_DEPTH", wholeNumber({ min: 1 }), { default: 5, description: "" });
    expect(readOne(depth, {})).toBe(5);
    expect(readOne(depth, { X_DEPTH: "" })).toBe(5);
    expect(readOne(depth, { X_DEPTH: "12" })).toBe(12);
    for (const bad of ["0", "-1", "1.5", "1e3", "ten", " 7"]) {
      expect(() => readOne(depth, { X_DEPTH: bad })).toThrow(`X_DEPTH must be a whole number of at least 1, got "${bad}".`);
    }
    const flag = setting("X_FLAG", boolean(), { default: false, description: "" });
    expect([readOne(flag, { X_FLAG: "true" }), readOne(flag, { X_FLAG: "1" }), readOne(flag, { X_FLAG: "false" }), readOne(flag, { X_FLAG: "0" })]).toEqual([true, true, false, false]);
    expect(() => readOne(flag, { X_FLAG: "yes" })).toThrow(/X_FLAG must be true or false/);
    const timeout = setting("X_MS", duration({ min: 1 }), { default: 10, description: "" });
    expect([readOne(timeout, { X_MS: "250" }), readOne(timeout, { X_MS: "250ms" }), readOne(timeout, { X_MS: "15s" }), readOne(timeout, { X_MS: "2min" })]).toEqual([250, 250, 15_000, 120_000]);
    expect(() => readOne(timeout, { X_MS: "0" })).toThrow(/X_MS must be a duration in milliseconds/);
    expect(() => readOne(timeout, { X_MS: "soon" })).toThrow(/X_MS must be a duration/);
    const listen = setting("X_PORT", port(), { default: 80, description: "" });
    expect(() => readOne(listen, { X_PORT: "70000" })).toThrow(/X_PORT must be a whole number from 1 to 65535/);
    const gateways = setting("X_URLS", list(url(["http", "https"])), { default: [] as string[], description: "" });
    expect(readOne(gateways, { X_URLS: " http://a:1 , https://b ," })).toEqual(["http://a:1", "https://b"]);
    expect(() => readOne(gateways, { X_URLS: "http://a:1,ftp://b" })).toThrow(/X_URLS must be a comma-separated list, each a URL \(http:\/\/… or https:\/\/…\)/);
  });

  it("never repeat a password or a secret in a message", () => {
    const database = optional("X_DATABASE", url(["postgres"]), { description: "" });
    const problem = () => readOne(database, { X_DATABASE: "mysql://hub:s3cret@db/hub" });
    expect(problem).toThrow(/X_DATABASE must be a URL \(postgres:\/\/…\), got "mysql:\/\/hub:…@db\/hub"/);
    expect(problem).not.toThrow(/s3cret/);
    const key = setting("X_KEY", wholeNumber(), { default: 0, secret: true, description: "" });
    expect(() => readOne(key, { X_KEY: "s3cret" })).toThrow(/^X_KEY must be a whole number\.$/);
  });

  it("report every bad setting of a process at once, and reading an undeclared one as a bug", () => {
    let error: unknown;
    try {
      gatewayConfig({ GATEWAY_PORT: "port", MAX_DEPTH: "deep", GATEWAY_QUERY_PLANNER: "fast", IDENTITY_MAPPING_PATH: "/nonexistent/mapping.json" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'GATEWAY_PORT must be a whole number from 1 to 65535, got "port".',
      "The identity mapping /nonexistent/mapping.json cannot be used: it cannot be read (ENOENT); set IDENTITY_MAPPING_PATH to the file. (docs/sign-in.md describes the file.)",
      'GATEWAY_QUERY_PLANNER must be one of rust, js, got "fast".',
      'MAX_DEPTH must be a whole number of at least 1, got "deep".',
    ]);
    const unlisted = setting("X_OTHER", boolean(), { default: false, description: "" });
    expect(() => readSettings({}, [], (get) => get(unlisted))).toThrow(/X_OTHER is not among the settings this process declares/);
  });
});

/** Each process's reader, by the name docs/configuration.md gives it. */
const READERS: Record<string, (env: Env) => unknown> = {
  subgraphs: (env) => subgraphConfig("nav", env),
  gateway: gatewayConfig,
  "npm run documents": documentsConfig,
  "npm start": startConfig,
  "npm test": testRunConfig,
  "npm run token": tokenConfig,
  "npm run import": importConfig,
  "npm run audit:verify": auditVerifyConfig,
  "npm run retention": retentionScriptConfig,
  "npm run db:new / db:check": schemaEngineConfig,
  "npm run docs:screenshots": docsScreenshotsConfig,
  "web app server": webConfig,
  "identity provider (development)": identityConfig,
  "the demo data (in any process that loads it)": (env) => demoConfig(env),
  "npm run load": (env) => loadConfig({}, env),
  "npm run bench": (env) => benchConfig(env),
  "npm run bench:import": (env) => importBenchConfig(env),
  "npm run bench:startup": (env) => benchStartupConfig(env),
  "npm run bench:web": (env) => webBenchConfig(env),
  "npm run bench:notify": (env) => notifyBenchConfig(env),
  "npm run bench:paging": (env) => pagingBenchConfig(env),
  "npm run bench:scheduler": (env) => schedulerBenchConfig(env),
  // Refuses without a PostgreSQL URL, having read every setting.
  "migrations (services/kit/db/migrate-main.ts)": (env) => {
    try {
      return migrateConfig("nav", env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return null;
    }
  },
  // Started by the benchmark with its port and secret; without them it refuses, having read every setting.
  "the benchmark's peer gateway": (env) => {
    try {
      return peerGatewayConfig(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return null;
    }
  },
};

describe("each process's list of settings", () => {
  it("is what it reads: every declared variable is read when the process starts, so the docs list nothing idle", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-config-"));
    try {
      expect(Object.keys(READERS).sort()).toEqual(PROCESSES.map(([name]) => name).sort());
      for (const [name, declarations] of PROCESSES) {
        const asked = new Set<string>();
        // Every variable unset (but the data folder, where the gateway makes its development secrets).
        const env = new Proxy({} as Env, { get: (_t, key) => (asked.add(String(key)), key === "DATA_DIR" ? dataDir : undefined) });
        READERS[name]!(env);
        for (const { name: variable } of declarations) {
          const read = variable.endsWith("<SERVICE>") ? [...asked].some((k) => k.startsWith(variable.slice(0, -"<SERVICE>".length))) : asked.has(variable);
          expect(read, `${name} declares ${variable} but does not read it`).toBe(true);
        }
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the migration runner's settings", () => {
  it("take the service's own database URL over the template, and refuse to run without PostgreSQL", () => {
    const template = "postgres://hub:pw@db:5432/hub_{service}";
    expect(migrateConfig("nav", { DATABASE_URL_TEMPLATE: template }).databaseUrl).toBe("postgres://hub:pw@db:5432/hub_nav");
    expect(migrateConfig("nav", { DATABASE_URL_TEMPLATE: template, DATABASE_URL_NAV: "postgres://other/nav" }).databaseUrl).toBe("postgres://other/nav");
    expect(() => migrateConfig("nav", {})).toThrow(/DATABASE_URL_NAV \(or DATABASE_URL_TEMPLATE\) must be set/);
  });
});

describe("the subgraphs' and the gateway's settings", () => {
  const production = { NODE_ENV: "production", HUB_SIGNING_SECRET: "x".repeat(43) };
  const checkpointKey = JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }));
  const productionSubgraph = { ...production, HUB_INTERNAL_SIGNING_SECRET: "y".repeat(43), ACCESS_LOG_CHECKPOINT_KEY: checkpointKey };

  it("seed the demo by default outside production only; SEED_DEMO says otherwise either way", () => {
    expect(subgraphConfig("nav", {}).seedDemo).toBe(true);
    expect(subgraphConfig("nav", { NODE_ENV: "test" }).seedDemo).toBe(true);
    expect(subgraphConfig("nav", productionSubgraph).seedDemo).toBe(false);
    expect(subgraphConfig("nav", { ...productionSubgraph, SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(subgraphConfig("nav", { SEED_DEMO: "false" }).seedDemo).toBe(false);
    expect(() => subgraphConfig("nav", { SEED_DEMO: "no" })).toThrow(/SEED_DEMO must be true or false/);
  });

  it("refuse an unknown NODE_ENV rather than run a mistyped production in development mode", () => {
    expect(() => subgraphConfig("nav", { NODE_ENV: "prod" })).toThrow(/NODE_ENV must be one of development, production, test, got "prod"/);
    expect(() => hardeningConfig({ NODE_ENV: "prod" })).toThrow(/NODE_ENV must be one of/);
  });

  it("derive ports and addresses from GATEWAY_PORT unless given, and take a service's own database URL over the template", () => {
    const config = subgraphConfig("nav", {
      GATEWAY_PORT: "5000",
      DATABASE_URL_TEMPLATE: "postgres://hub@127.0.0.1:5432/hub_{service}",
      DATABASE_URL_NAV: "postgres://hub@db:5432/nav",
      SUBGRAPH_URL_HELSE: "http://helse:4106/graphql",
    });
    expect(config.port).toBe(5103);
    expect(config.databaseUrl).toBe("postgres://hub@db:5432/nav");
    expect(config.gatewayUrls).toEqual(["http://127.0.0.1:5000"]);
    expect(config.subgraphUrls).toMatchObject({ registry: "http://127.0.0.1:5101/graphql", helse: "http://helse:4106/graphql" });
    expect(subgraphConfig("skole", { DATABASE_URL_TEMPLATE: "postgres://hub@127.0.0.1:5432/hub_{service}" }).databaseUrl).toBe("postgres://hub@127.0.0.1:5432/hub_skole");
  });

  it("refuse to start in production without the signing secrets, naming each", () => {
    const noCheckpointKey = "ACCESS_LOG_CHECKPOINT_KEY is not set; production refuses to start without it (`npm run audit:key` makes one).";
    expect(() => subgraphConfig("nav", { NODE_ENV: "production" })).toThrow(
      new ConfigError(["HUB_SIGNING_SECRET is not set; production refuses to start without it.", "HUB_INTERNAL_SIGNING_SECRET is not set; production refuses to start without it.", noCheckpointKey]),
    );
    // The gateway never reads the internal hop's key.
    expect(() => subgraphConfig("nav", { ...production, ACCESS_LOG_CHECKPOINT_KEY: checkpointKey })).toThrow(new ConfigError(["HUB_INTERNAL_SIGNING_SECRET is not set; production refuses to start without it."]));
    expect(() => subgraphConfig("nav", { ...production, HUB_INTERNAL_SIGNING_SECRET: production.HUB_SIGNING_SECRET })).toThrow(/HUB_INTERNAL_SIGNING_SECRET must differ from HUB_SIGNING_SECRET/);
    // The access log's checkpoint key: required, and only a private Ed25519 JWK will do (its value never repeated).
    expect(() => subgraphConfig("nav", { ...productionSubgraph, ACCESS_LOG_CHECKPOINT_KEY: "" })).toThrow(new ConfigError([noCheckpointKey]));
    const publicOnly = JSON.stringify({ ...JSON.parse(checkpointKey), d: undefined });
    expect(() => subgraphConfig("nav", { ACCESS_LOG_CHECKPOINT_KEY: publicOnly })).toThrow(new ConfigError(["ACCESS_LOG_CHECKPOINT_KEY must be a private Ed25519 key as a JWK (`npm run audit:key` makes one)."]));
    expect(subgraphConfig("nav", productionSubgraph).accessLogCheckpoints).toMatchObject({ key: { kty: "OKP", crv: "Ed25519" }, intervalMs: 900_000 });
    expect(subgraphConfig("nav", { DATA_DIR: "/srv/hub" }).accessLogCheckpoints).toEqual({ key: undefined, dir: "/srv/hub/access-log-checkpoints", intervalMs: 900_000 });
  });

  it("refuse HTTP timeouts that cannot hold together", () => {
    expect(subgraphConfig("nav", {}).httpTimeouts).toEqual({ headersMs: 10_000, requestMs: 20_000, keepAliveMs: 65_000 });
    expect(() => subgraphConfig("nav", { HTTP_HEADERS_TIMEOUT_MS: "30s", HTTP_REQUEST_TIMEOUT_MS: "10s" })).toThrow(/HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS/);
  });
});

/** Runs a process's entry point with `env` and returns its log lines (it must stop by itself). */
function failedStart(entry: string, env: Record<string, string>): Record<string, unknown>[] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-config-"));
  try {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, entry)], {
      cwd: ROOT_DIR,
      env: { PATH: process.env.PATH, TMPDIR: os.tmpdir(), DATA_DIR: dataDir, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    return (run.stdout + run.stderr)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("a bad value stops start-up through the one failure path", () => {
  it("a subgraph: one `failed to start` line naming each variable, before it opens a database", () => {
    const lines = failedStart("services/nav/index.ts", { MAX_BODY_BYTES: "lots", SEED_SYNTHETIC_FAMILIES: "-3" });
    expect(lines).toEqual([
      expect.objectContaining({
        level: "error",
        component: "nav",
        msg: "subgraph failed to start",
        error: "ConfigError",
        reason: 'SEED_SYNTHETIC_FAMILIES must be a whole number, got "-3". MAX_BODY_BYTES must be a whole number of at least 1, got "lots".',
      }),
    ]);
  });

  it("the gateway", () => {
    const lines = failedStart("gateway/index.ts", { RATE_LIMIT_WINDOW_MS: "a while" });
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", component: "gateway", msg: "gateway failed to start", reason: 'RATE_LIMIT_WINDOW_MS must be a duration in milliseconds (a whole number, or with ms, s, min, h or d; at least 1 ms), got "a while".' }),
    ]);
  });
});

// --- the environment is read in the config modules only ------------------------------

/** Where the environment may be read: each process's config module (the demo's is read by any process that loads the demo). */
const CONFIG_MODULES = [
  "services/kit/config.ts",
  "gateway/config.ts",
  "scripts/config.ts",
  "identity/config.ts",
  "web/config.ts",
  "demo/config.ts",
  "bench/config.ts",
  "test/load/config.ts",
];

/**
 * Every folder a process runs from. The test suites and their support code
 * (test/*.test.ts, test/e2e, test/web, test/support) are not scanned: they
 * are no process of the hub, and what they do with the environment is build
 * it for the processes they start and hand the run's pins (the demo's today,
 * ports) to their workers; their knobs are described in docs/development.md.
 * The load test is a process of its own (npm run load), so it is scanned.
 */
const RUNTIME_DIRS = ["gateway", "services", "scripts", "conformance", "identity", "web", "demo", "bench", "test/load"];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT_DIR, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !path.join(e.parentPath, e.name).includes(`${path.sep}generated${path.sep}`))
    .map((e) => path.relative(ROOT_DIR, path.join(e.parentPath, e.name)));
}

/** Source without comments (a `//` after a colon, as in a URL, is not one). */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

const READS_ENV = /\bprocess\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])|\bfrom\s+["'](node:)?process["']|\brequire\(\s*["'](node:)?process["']\s*\)/;

describe("the environment", () => {
  it("is read only in the config modules, in every folder a process runs from", () => {
    const readers = RUNTIME_DIRS.flatMap(sourceFiles).filter((file) => READS_ENV.test(withoutComments(fs.readFileSync(path.join(ROOT_DIR, file), "utf8"))));
    const outside = readers.filter((file) => !CONFIG_MODULES.includes(file));
    expect(outside, "read the setting in the process's config module and pass the value down").toEqual([]);
    // The scan finds what it looks for.
    expect(readers).toEqual(expect.arrayContaining(CONFIG_MODULES));
  });

  it("is documented in docs/configuration.md as declared (run `npm run docs`)", () => {
    expect(fs.readFileSync(CONFIGURATION_DOC, "utf8")).toBe(configurationDoc());
  });
});

describe("the retention settings (docs/retention.md)", () => {
  const DAY = 86_400_000;
  const problems = (env: Env) => {
    try {
      subgraphConfig("samhandling", env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it("default to the schedule's periods and a daily job", () => {
    expect(subgraphConfig("samhandling", {}).retention).toEqual({
      intervalMs: DAY,
      periods: { "closed-case": 1095 * DAY, consent: 730 * DAY, "unopened-concern": 730 * DAY, "information-request": 1825 * DAY, involvement: 1095 * DAY, "access-log": 1825 * DAY },
    });
  });

  it("refuse a period shorter than a day in production, and a consent or information request that would go before the log entries it explains", () => {
    const production = { NODE_ENV: "production", HUB_SIGNING_SECRET: "a", HUB_INTERNAL_SIGNING_SECRET: "b" };
    const short = { RETENTION_CLOSED_CASE: "1h", RETENTION_CONSENT: "1825d" };
    expect(problems({ ...production, ...short }).filter((p) => p.startsWith("RETENTION"))).toEqual(["RETENTION_CLOSED_CASE must be at least 1d in production."]);
    expect(problems(short)).toEqual([]);
    expect(problems({ RETENTION_CLOSED_CASE: "365d", RETENTION_CONSENT: "365d" })).toEqual([
      "RETENTION_CLOSED_CASE + RETENTION_CONSENT must be at least RETENTION_ACCESS_LOG: a case's consents would be deleted before the access-log entries of the releases they allowed.",
    ]);
    expect(problems({ RETENTION_INFORMATION_REQUEST: "30d" })).toEqual([
      "RETENTION_INFORMATION_REQUEST must be at least RETENTION_ACCESS_LOG: a request would be deleted before the access-log entries of the releases it allowed.",
    ]);
  });
});
