// Production mode: a gateway process with NODE_ENV=production, an identity
// mapping trusting the shared federation's identity provider, and the shared
// federation's subgraphs behind it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { MACHINE_SERVICES, SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { parse, print } from "graphql";
import { buildManifest, documentId, manifestText, publicSchema, type Manifest } from "../../gateway/persisted-documents.ts";
import { documentCost } from "../../gateway/document-measures.ts";
import { DEFAULT_DOCUMENTS_MANIFEST, DEV_IDENTITY_MAPPING, documentsConfig, hardeningConfig } from "../../gateway/config.ts";
import { asUser } from "../support/graphql.ts";
import { startLocalIssuer, type LocalIssuer } from "../../scripts/lib/local-issuer.ts";
import { gatewayRefusal, post, startGateway, writeMappingFile, type ExtraGateway } from "./hardening-support.ts";

const port = () => inject("gatewayPort") + 61;
const manifest = buildManifest(documentsConfig().limits);
const documents = new Map(manifest.operations.map((op) => [op.name, op.id]));
const id = (name: string) => documents.get(name)!;

/** Introspection written as trusted documents: only the production switch can refuse them. */
const INTROSPECTION = ["query Introspect { __schema { queryType { name } } }", 'query TypeInfo { __type(name: "Person") { name } }'];
const introspectionIds = INTROSPECTION.map(documentId);

/** A manifest of the test's own: the real documents plus `extra` bodies, minus those named in `without`. */
function writeManifest(extra: string[], without: string[] = []): string {
  const own: Manifest = {
    ...manifest,
    operations: [
      ...manifest.operations.filter((op) => !without.includes(op.name)),
      ...extra.map((body) => ({ id: documentId(body), name: /query (\w+)/.exec(body)![1]!, type: "query" as const, body })),
    ],
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-manifest-"));
  manifestDirs.push(dir);
  const file = path.join(dir, "manifest.json");
  fs.writeFileSync(file, manifestText(own));
  return file;
}
const manifestDirs: string[] = [];

let gw: ExtraGateway;
/** Production names its mapping file; here it is the development provider's, whose issuer the environment fills in (IDENTITY_ISSUER, hardening-support.ts). */
const production = () => ({
  NODE_ENV: "production",
  HUB_SIGNING_SECRET: inject("signingSecret"),
  IDENTITY_MAPPING_PATH: DEV_IDENTITY_MAPPING,
  RATE_LIMIT_MAX: "1000",
});
const as = (user: string, caseId?: string) => asUser(user, caseId);

beforeAll(async () => {
  gw = await startGateway(port(), { ...production(), PERSISTED_DOCUMENTS_PATH: writeManifest(INTROSPECTION) });
});

afterAll(async () => {
  await gw?.stop();
  for (const dir of manifestDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("production mode", () => {
  it("runs a trusted document by id, with an OIDC token, and still enforces consent", async () => {
    const res = await post(
      gw.url,
      { documentId: id("PersonAccess"), variables: { id: demoPersonId("eriksen", "Tor") } },
      await as("kriminalomsorg-koordinator-1", demoCaseId("eriksen")),
    );
    expect(res.errors, res.raw).toBeUndefined();
    const person = res.data!.person as Record<string, { access: { status: string } } | string>;
    expect(person.givenName).toBe("Tor");
    // Kriminalomsorgen owns none of these views: only consent opens them, so at least barnevern stays closed.
    expect((person.barnevern as { access: { status: string } }).access.status).toBe("RESTRICTED");
  });

  it("accepts the Apollo APQ form of the same id", async () => {
    const res = await post(gw.url, { extensions: { persistedQuery: { version: 1, sha256Hash: id("MyCases") } } }, await as("coordinator"));
    expect(res.errors, res.raw).toBeUndefined();
    expect(Array.isArray((res.data!.myCasesPage as { edges: unknown[] }).edges)).toBe(true);
  });

  it("refuses query text that is not a trusted document", async () => {
    const res = await post(gw.url, { query: "{ myCases { id } }" }, await as("coordinator"));
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    expect(res.errors![0]!.message).toMatch(/trusted documents/);
  });

  it("refuses an unknown document id", async () => {
    const res = await post(gw.url, { documentId: "0".repeat(64) }, await as("coordinator"));
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
  });

  it("has introspection off, even for introspection that is a trusted document", async () => {
    for (const documentId of introspectionIds) {
      const res = await post(gw.url, { documentId }, await as("coordinator"));
      expect(res.data ?? null, res.raw).toBeNull();
      expect(res.errors?.[0]?.message, res.raw).toMatch(/introspection has been disabled/i);
      expect(res.status).toBe(400);
    }
  });

  it("runs the same introspection documents in development (the refusal above is production's)", async () => {
    const dev = await startGateway(port() + 7, { PERSISTED_DOCUMENTS_PATH: writeManifest(INTROSPECTION), ALLOW_ARBITRARY_DOCUMENTS: "false" });
    try {
      const res = await post(dev.url, { documentId: introspectionIds[0] });
      expect(res.errors, res.raw).toBeUndefined();
      expect(res.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await dev.stop();
    }
  });

  it("serves no GraphiQL", async () => {
    const res = await fetch(gw.url, { headers: { accept: "text/html" } });
    // A client error, not a page and not a crash.
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(await res.text()).not.toContain("GraphiQL");
  });

  it("hides schema hints: an unknown enum value gets no 'Did you mean'", async () => {
    const input = { caseId: demoCaseId("eriksen"), subjectId: demoPersonId("eriksen", "Tor"), capacity: "SELF", services: ["NAVV"], categories: ["SERVICE_DATA"] };
    const res = await post(gw.url, { documentId: id("GrantConsent"), variables: { input } }, await as("kriminalomsorg-koordinator-1", demoCaseId("eriksen")));
    expect(res.errors![0]!.message).toMatch(/NAVV/);
    expect(res.raw).not.toMatch(/Did you mean/);
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("refuses tokens from an issuer its identity mapping does not name", async () => {
    const stranger: LocalIssuer = await startLocalIssuer();
    try {
      const { demoUser } = await import("../../demo/users.ts");
      const token = await stranger.tokenFor(demoUser("coordinator")!.claims);
      const res = await post(gw.url, { documentId: id("MyCases") }, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.data ?? null).toBeNull();
    } finally {
      await stranger.close();
    }
  });
});

describe("production refuses to start without what it needs", () => {
  const mappingDirs: string[] = [];
  afterAll(() => {
    for (const dir of mappingDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const base = () => ({ NODE_ENV: "production", HUB_SIGNING_SECRET: "x".repeat(43), IDENTITY_MAPPING_PATH: DEV_IDENTITY_MAPPING, IDENTITY_ISSUER: "https://idp.test.example" });

  it("without HUB_SIGNING_SECRET", async () => {
    const { log } = await gatewayRefusal({ ...base(), HUB_SIGNING_SECRET: "" }, port() + 1);
    expect(log).toContain("HUB_SIGNING_SECRET is not set");
  });

  it("without an identity mapping, or with one that names a variable not set", async () => {
    const { log } = await gatewayRefusal({ ...base(), IDENTITY_MAPPING_PATH: "" }, port() + 1);
    expect(log).toContain("IDENTITY_MAPPING_PATH must be set in production");
    // Production fills in no development default for ${IDENTITY_ISSUER}.
    const unset = await gatewayRefusal({ ...base(), IDENTITY_ISSUER: "" }, port() + 1);
    expect(unset.log).toContain("issuers[0].issuer: names the variable ${IDENTITY_ISSUER}, which is not set");
  });

  it("with a mapping that is not valid, naming each fault and where it is", async () => {
    const file = writeMappingFile(
      {
        audience: "samhandling-hub",
        issuers: [
          {
            issuer: "https://idp.test.example",
            employees: { when: "oid", actorId: "oid", name: "name", groups: { claim: "groups", values: { g1: { service: "navv" } } }, role: "x" },
            machines: { when: "consumer", clientId: "client_id", scopes: { "registry:write": { service: "registry" } } },
          },
        ],
      },
      mappingDirs,
    );
    // The reason the gateway logs as it stops: every fault, one sentence each.
    const reasonOf = (log: string) => log.split("\n").flatMap((line) => (line.startsWith("{") ? [JSON.parse(line) as { msg?: string; reason?: string }] : [])).find((e) => e.msg === "gateway failed to start")?.reason ?? log;
    const reason = reasonOf((await gatewayRefusal({ ...base(), IDENTITY_MAPPING_PATH: file }, port() + 1)).log);
    expect(reason).toBe(
      `The identity mapping ${file} cannot be used: ` +
        "issuers[0].employees.role: is not a field here (known: when, actorId, name, roles, groups). " +
        `issuers[0].employees.groups.values["g1"].service: "navv" is not a service (one of ${SERVICE_NAMES.join(", ")}). ` +
        `issuers[0].machines.scopes["registry:write"].service: "registry" is not a service with a machine client (one of ${MACHINE_SERVICES.join(", ")}). ` +
        "(docs/sign-in.md describes the file.)",
    );
    const notJson = await gatewayRefusal({ ...base(), IDENTITY_MAPPING_PATH: writeMappingFile("{ audience: ", mappingDirs) }, port() + 1);
    expect(reasonOf(notJson.log)).toMatch(/cannot be used: it is not valid JSON/);
  });

  it("without a trusted-documents manifest", async () => {
    const { log } = await gatewayRefusal({ ...base(), PERSISTED_DOCUMENTS_PATH: "/nonexistent/manifest.json" }, port() + 1);
    expect(log).toContain("No trusted-documents manifest");
  });

  it("when asked to accept arbitrary documents", async () => {
    const { log } = await gatewayRefusal({ ...base(), ALLOW_ARBITRARY_DOCUMENTS: "true" }, port() + 1);
    expect(log).toContain("ALLOW_ARBITRARY_DOCUMENTS=true is refused in production");
  });
});

// Published with `npm run documents -- --redis` into the hash PERSISTED_DOCUMENTS_REDIS_KEY: running
// gateways find new documents there without a deploy. A key of this run's own on the run's Redis.
describe.skipIf(!process.env.REDIS_URL && process.env.CI !== "true")("trusted documents from Redis", () => {
  const key = `hub:test-documents:${randomBytes(6).toString("hex")}`;
  const redisUrl = process.env.REDIS_URL!;
  let fromRedis: ExtraGateway;

  beforeAll(async () => {
    // Its manifest lacks CaseConsents: only Redis can make that document run.
    fromRedis = await startGateway(port() + 6, { ...production(), REDIS_URL: redisUrl, PERSISTED_DOCUMENTS_REDIS_KEY: key, PERSISTED_DOCUMENTS_PATH: writeManifest([], ["CaseConsents"]) });
  });
  afterAll(async () => {
    await fromRedis?.stop();
    const redis = new Redis(redisUrl);
    await redis.del(key);
    redis.disconnect();
  });

  it("runs a document that only `npm run documents -- --redis` published", async () => {
    const ask = async () => post(fromRedis.url, { documentId: id("CaseConsents"), variables: { caseId: demoCaseId("eriksen") } }, await as("kriminalomsorg-koordinator-1", demoCaseId("eriksen")));
    // A gateway that has just started may not have its Redis connection yet: it then says so (503, "try again"),
    // as it does in any outage, and the test waits that out instead of taking it for "not found".
    let before = await ask();
    for (let tries = 0; tries < 50 && before.errors?.[0]?.extensions?.code === "PERSISTED_DOCUMENTS_UNAVAILABLE"; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      before = await ask();
    }
    expect(before.errors?.[0]?.extensions?.code, before.raw).toBe("PERSISTED_DOCUMENT_NOT_FOUND");

    const committed = fs.readFileSync(DEFAULT_DOCUMENTS_MANIFEST, "utf8");
    const publish = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "gateway", "build-documents.ts"), "--redis"], {
      cwd: ROOT_DIR,
      env: { ...process.env, REDIS_URL: redisUrl, PERSISTED_DOCUMENTS_REDIS_KEY: key },
      encoding: "utf8",
      timeout: 60_000,
    });
    const rewritten = fs.readFileSync(DEFAULT_DOCUMENTS_MANIFEST, "utf8");
    if (rewritten !== committed) fs.writeFileSync(DEFAULT_DOCUMENTS_MANIFEST, committed);
    expect(rewritten, "gateway/documents/manifest.json is stale: run `npm run documents`").toBe(committed);
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout).toContain(`stored them in Redis hash ${key}`);

    const after = await ask();
    expect(after.errors, after.raw).toBeUndefined();
    expect(Array.isArray((after.data as { consentsPage: { edges: unknown[] } }).consentsPage.edges)).toBe(true);
  });

  it("refuses an entry written to the hash by hand that the manifest would not hold: a body under another's id, or one over the cost limit — logged once, by id", async () => {
    const { limits } = hardeningConfig();
    const cheap = print(parse("query Forged { myCases { id } }"));
    const heavy = print(parse("query Heavy { myCases { subjects { families { members { person { cases { subjects { givenName } } } } } } } }"));
    expect(documentCost(publicSchema(), parse(heavy), limits.listSize), "the heavy document must be over MAX_COST").toBeGreaterThan(limits.maxCost);
    const underAnotherId = documentId(print(parse("query Other { myCases { id } }")));
    const redis = new Redis(redisUrl);
    await redis.hset(key, { [underAnotherId]: cheap, [documentId(heavy)]: heavy });
    redis.disconnect();
    const headers = await as("kriminalomsorg-koordinator-1", demoCaseId("eriksen"));
    for (const refused of [underAnotherId, documentId(heavy), underAnotherId]) {
      const res = await post(fromRedis.url, { documentId: refused }, headers);
      expect(res.errors?.[0]?.extensions?.code, res.raw).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
      expect(res.data ?? null).toBeNull();
    }
    const lines = fromRedis.log().split("\n").filter((l) => l.includes("refused a trusted document from Redis"));
    expect(lines.map((l) => (JSON.parse(l) as { documentId: string }).documentId).sort()).toEqual([underAnotherId, documentId(heavy)].sort());
    expect(lines.join("\n")).toMatch(/does not hash to its id/);
    expect(lines.join("\n")).toMatch(/over MAX_COST/);

    // A document that ran once is checked again when its entry is rewritten under the same id.
    const rewrite = new Redis(redisUrl);
    await rewrite.hset(key, id("CaseConsents"), cheap);
    rewrite.disconnect();
    const rewritten = await post(fromRedis.url, { documentId: id("CaseConsents"), variables: { caseId: demoCaseId("eriksen") } }, headers);
    expect(rewritten.errors?.[0]?.extensions?.code, rewritten.raw).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
    expect(rewritten.data ?? null).toBeNull();
  });
});

describe("a subgraph in production refuses to start without its secrets", () => {
  it("exits with a message naming HUB_SIGNING_SECRET, HUB_INTERNAL_SIGNING_SECRET and ACCESS_LOG_CHECKPOINT_KEY", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-subgraph-refusal-"));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "services", "nav", "index.ts")], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: "production", HUB_SIGNING_SECRET: "", HUB_INTERNAL_SIGNING_SECRET: "", ACCESS_LOG_CHECKPOINT_KEY: "", PORT: String(port() + 9), DATA_DIR: dir, DATABASE_URL_TEMPLATE: "", DATABASE_URL_NAV: "", REDIS_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    clearTimeout(timer);
    const madeUpSecrets = fs.existsSync(path.join(dir, ".dev-secrets.json"));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(code, output).toBe(1);
    const entry = output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.msg === "subgraph failed to start");
    expect(entry, output).toMatchObject({
      level: "error",
      component: "nav",
      reason:
        "HUB_SIGNING_SECRET is not set; production refuses to start without it. HUB_INTERNAL_SIGNING_SECRET is not set; production refuses to start without it. " +
        "ACCESS_LOG_CHECKPOINT_KEY is not set; production refuses to start without it (`npm run audit:key` makes one).",
    });
    // No development secret was made up in its place.
    expect(madeUpSecrets).toBe(false);
  }, 90_000);
});
