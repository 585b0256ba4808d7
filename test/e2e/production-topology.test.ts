// The production topology as a whole, as docker-compose.yml starts it but as
// local processes: every subgraph and the gateway with the file's own
// environment (NODE_ENV=production, HUB_SIGNING_SECRET, REDIS_URL, one
// PostgreSQL database per service, the gateway verifying tokens through an
// identity mapping file and running only trusted documents, no development
// secret anywhere), on a PostgreSQL server and a redis-server of this suite's
// own. The mapping trusts two issuers, as a municipality trusts ID-porten and
// Entra ID at once: an identity provider process (the development one, which
// issues tokens shaped like theirs) and a local issuer of the test's own. A
// coordinator signed in at the provider reads the family overview by
// documentId; a citizen is found in the register by national id; a withdrawn
// consent counts from the next request; every process says it is live and ready.
import { newCheckpointKey } from "../../services/kit/access-log-checkpoint-keys.ts";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildManifest } from "../../gateway/persisted-documents.ts";
import { documentsConfig } from "../../gateway/config.ts";
import { SERVICE_NAMES, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoConsentId, demoFamilyId } from "../../demo/fjordvik.ts";
import { composeDatabases, composeEnvironment } from "../support/compose-topology.ts";
import { postGraphQL } from "../support/graphql.ts";
import { ownGatewayPort, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres.ts";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "../support/private-redis.ts";
import { startTestProvider, type TestProvider } from "../support/identity-provider.ts";
import { bearerHeaders } from "../support/tokens.ts";
import { localIssuerMapping, startLocalIssuer, type LocalIssuer } from "../../scripts/lib/local-issuer.ts";
import { devMapping } from "../../identity/mapping.ts";
import { demoDirectory } from "../../identity/users.ts";
import { demoUser } from "../../demo/users.ts";
import { demoPerson } from "../../demo/fjordvik.ts";

const SLOT = 5;
const BERG = demoCaseId("berg");
const documents = new Map(buildManifest(documentsConfig().limits).operations.map((op) => [op.name, op.id]));

type View = { access: { status: string; reason: string } } | null;
interface Overview {
  family: { name: string; members: { person: (Record<string, View> & { givenName: string }) | null }[] } | null;
}

let postgres: PrivatePostgres;
let redis: PrivateRedis;
let provider: TestProvider;
let local: LocalIssuer;
let mappingFile: string;
let checkpointFolder: string | undefined;
let hub: OwnFederation;
let gatewayBase: string;

/** A trusted document by id, as the hub's clients send it in production. */
async function run<Data>(name: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(hub.federation.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: JSON.stringify({ documentId: documents.get(name), variables }),
  });
  const raw = await response.text();
  return { status: response.status, raw, ...(JSON.parse(raw) as { data?: Data | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
}

async function overview() {
  const res = await run<Overview>("FamilyOverview", { familyId: demoFamilyId("berg") }, await bearerHeaders(provider.issuer, "coordinator", BERG));
  const statuses: Record<string, string> = {};
  for (const m of res.data?.family?.members ?? []) for (const s of VIEW_SERVICES) statuses[`${m.person?.givenName}/${s}`] = m.person?.[s]?.access.status ?? "-";
  return { res, statuses };
}

const canRun = (postgresBinDir() !== null && (await hasRedisServer)) || process.env.CI === "true";

describe.runIf(canRun)("the production topology (docker-compose.yml as local processes)", () => {
  beforeAll(async () => {
    const base = ownGatewayPort(SLOT);
    [postgres, redis, provider, local] = await Promise.all([startPrivatePostgres(base + 90), startPrivateRedis(base + 91), startTestProvider(SLOT), startLocalIssuer()]);
    await postgres.createDatabases(composeDatabases());
    // The mapping a municipality writes: issuers named as they are, no variables; the development provider's rules and a second issuer's.
    const [providerEntry] = devMapping(demoDirectory()).issuers;
    const mapping = { audience: "samhandling-hub", issuers: [{ ...providerEntry!, issuer: provider.issuer }, localIssuerMapping(local.issuer)] };
    mappingFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hub-topology-mapping-")), "identity-mapping.json");
    fs.writeFileSync(mappingFile, JSON.stringify(mapping, null, 2));
    const env = composeEnvironment({
      gatewayPort: base,
      postgresPort: postgres.port,
      redisUrl: redis.url,
      variables: {
        POSTGRES_PASSWORD: "unused-with-trust-auth",
        HUB_SIGNING_SECRET: randomBytes(32).toString("base64url"),
        HUB_INTERNAL_SIGNING_SECRET: randomBytes(32).toString("base64url"),
        ACCESS_LOG_CHECKPOINT_KEY: JSON.stringify(await newCheckpointKey()),
        ACCESS_LOG_CHECKPOINT_FOLDER: (checkpointFolder = fs.mkdtempSync(path.join(os.tmpdir(), "hub-topology-checkpoints-"))),
        IDENTITY_MAPPING_FILE: mappingFile,
        SEED_DEMO: "true",
      },
    });
    expect(env.NODE_ENV).toBe("production");
    // Nothing from the test runner's environment may stand in for what the file leaves out.
    hub = await startOwnFederation(SLOT, { ...env, SEED_SYNTHETIC_FAMILIES: "0" });
    gatewayBase = new URL(hub.federation.gatewayUrl).origin;
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await Promise.all([postgres?.close(), redis?.kill(), provider?.stop(), local?.close()]);
    if (mappingFile) fs.rmSync(path.dirname(mappingFile), { recursive: true, force: true });
    if (checkpointFolder) fs.rmSync(checkpointFolder, { recursive: true, force: true });
  });

  it("every process is live and ready, and none made up a development secret", async () => {
    expect((await fetch(`${gatewayBase}/healthcheck`)).status).toBe(200);
    expect((await fetch(`${gatewayBase}/readiness`)).status).toBe(200);
    for (const service of SERVICE_NAMES) {
      for (const endpoint of ["healthz", "readyz", "metrics"]) expect((await fetch(`${hub.subgraphBase(service)}/${endpoint}`)).status, `${service} /${endpoint}`).toBe(200);
    }
    expect(fs.existsSync(path.join(hub.dataDir, ".dev-secrets.json"))).toBe(false);
    expect(fs.existsSync(path.join(hub.dataDir, ".access-log-checkpoint-key.json"))).toBe(false);
  });

  it("runs the family overview by documentId with an OIDC token, every service answering from PostgreSQL", async () => {
    const { res, statuses } = await overview();
    expect(res.errors, res.raw).toBeUndefined();
    expect(res.data?.family?.name).toBe("Berg");
    // Geir's broad consent opens every service's view of him.
    for (const s of VIEW_SERVICES) expect(statuses[`Geir/${s}`], s).toBe("GRANTED");
    // Each view service logged what it released, in its own database on the server.
    for (const s of VIEW_SERVICES) {
      const [row] = await postgres.query<{ n: number }>(`hub_${s}`, "select count(*)::int as n from access_log");
      expect(row!.n, s).toBeGreaterThan(0);
    }
  });

  it("refuses query text and tokens from an issuer the mapping does not name: production mode is on", async () => {
    const text = await postGraphQL(hub.federation.gatewayUrl, "{ myCases { id } }", {}, await bearerHeaders(provider.issuer, "coordinator"));
    expect(text.errors?.[0]?.extensions?.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    const stranger = await startLocalIssuer();
    try {
      const forged = await run("MyCases", {}, { authorization: `Bearer ${await stranger.tokenFor(demoUser("coordinator")!.claims)}` });
      expect(forged.status).toBe(401);
      expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    } finally {
      await stranger.close();
    }
  });

  it("trusts both issuers of its mapping at once, and refuses the second's token made for another application (audience)", async () => {
    const coordinator = demoUser("coordinator")!.claims;
    for (const headers of [await bearerHeaders(provider.issuer, "coordinator"), { authorization: `Bearer ${await local.tokenFor(coordinator)}` }]) {
      const mine = await run<{ myCasesPage: { edges: { node: { id: string } }[] } }>("MyCases", {}, headers);
      expect(mine.errors, mine.raw).toBeUndefined();
      expect(mine.data?.myCasesPage.edges.map((e) => e.node.id)).toContain(BERG);
    }
    const elsewhere = await local.tokenFor(coordinator, { audience: "some-other-app" });
    const res = await run("MyCases", {}, { authorization: `Bearer ${elsewhere}` });
    expect(res.status, res.raw).toBe(401);
    expect(res.errors?.[0]?.message).toMatch(/another application/);
    expect(res.data ?? null).toBeNull();
  });

  it("finds a citizen in the register (on PostgreSQL) by the national id in their token, and logs the lookup there", async () => {
    const sara = demoPerson("haugland", "Sara");
    const headers = await bearerHeaders(provider.issuer, "citizen", undefined, "idporten-loa-substantial");
    const own = await run<{ person: { givenName: string } | null }>("PersonAccess", { id: sara.personId }, headers);
    expect(own.errors, own.raw).toBeUndefined();
    expect(own.data?.person?.givenName).toBe("Sara");
    const other = await run<{ person: unknown }>("PersonAccess", { id: demoPerson("berg", "Geir").personId }, headers);
    expect(other.data?.person ?? null).toBeNull();
    const rows = await postgres.query<{ n: number }>(
      "hub_registry",
      "select count(*)::int as n from access_log where actor_id = 'service:gateway' and person_ids @> array[$1]::text[] and reason = 'INTERNAL_SERVICE'",
      [sara.personId],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("honours a consent withdrawal on the very next request", async () => {
    const before = await overview();
    expect(before.statuses["Geir/nav"]).toBe("GRANTED");
    const withdrawn = await run<{ withdrawConsent: { id: string; active: boolean } }>("WithdrawConsent", { id: demoConsentId("berg", "geir") }, await bearerHeaders(provider.issuer, "coordinator", BERG));
    expect(withdrawn.errors, withdrawn.raw).toBeUndefined();
    expect(withdrawn.data?.withdrawConsent.active).toBe(false);

    const after = await overview();
    expect(after.res.errors, after.res.raw).toBeUndefined();
    for (const s of VIEW_SERVICES) expect(after.statuses[`Geir/${s}`], s).toBe("RESTRICTED");
    // The others' consents still stand.
    for (const [key, status] of Object.entries(before.statuses)) if (!key.startsWith("Geir/")) expect(after.statuses[key], key).toBe(status);
  });
});
