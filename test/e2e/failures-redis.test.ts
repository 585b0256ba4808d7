// Redis — where the gateway reads the consent epoch that lets subgraphs use
// their decision caches (kit/consent-epoch.ts) — dies and comes back.
// Correctness over speed: requests go out without an epoch, so every subgraph
// asks samhandling instead; answers stay exactly as the rules say; the outage
// is logged once (not once per request); and the caches are used again when
// Redis returns. A real redis-server of this suite's own is killed with
// SIGKILL and restarted.
import { describe, expect, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoFamilyId } from "../../demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { documentId, loadManifest } from "../../gateway/persisted-documents.ts";
import { DEFAULT_DOCUMENTS_MANIFEST } from "../../gateway/config.ts";
import { hasRedisServer } from "../support/private-redis.ts";
import { decisionCache, type DecisionCacheCounts } from "../support/metrics.ts";
import { eventually, ownFederationWithPrivateRedis, ownGatewayPort } from "../support/own-federation.ts";

const SLOT = 3;
const REDIS_PORT = ownGatewayPort(SLOT) + 90;

type View = { access: { status: string; reason: string } } | null;
interface Overview {
  family: { members: { person: Record<string, View> & { givenName: string } }[] } | null;
}

let own: ReturnType<typeof ownFederationWithPrivateRedis>;

/** The view services' decision-cache counters (hub_decision_cache_total on /metrics), summed. */
async function cacheCounters(): Promise<DecisionCacheCounts> {
  const sum = { hit: 0, miss: 0, bypassed: 0 };
  for (const service of VIEW_SERVICES) {
    const counts = await decisionCache(own.hub.subgraphBase(service));
    for (const result of ["hit", "miss", "bypassed"] as const) sum[result] += counts[result];
  }
  return sum;
}

/** The overview's access statuses by person and service: what the rules decided. */
async function statuses() {
  const res = await own.hub.gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await own.hub.asUser("coordinator", demoCaseId("berg")));
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.family!.members.map((m) => [m.person.givenName, VIEW_SERVICES.map((s) => m.person[s]?.access.status).join(",")]));
}

/** A trusted document by id, as a frontend sends it: the HTTP status and the first error's code. */
async function byDocumentId(id: string) {
  const res = await fetch(own.hub.federation.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await own.hub.asUser("coordinator", demoCaseId("berg"))) },
    body: JSON.stringify({ documentId: id, variables: { familyId: demoFamilyId("berg") } }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, data: body.data ?? null };
}

const familyOverviewId = [...loadManifest(DEFAULT_DOCUMENTS_MANIFEST).values()].find((op) => op.name === "FamilyOverview")!.id;
// Not in the manifest, so only Redis could hold it (it does not).
const unpublishedId = documentId("query NotPublished { myCases { id } }");

// Without redis-server on this machine the suite cannot run; CI installs it (.ci/run).
describe.runIf((await hasRedisServer) || process.env.CI === "true")("Redis down", () => {
  own = ownFederationWithPrivateRedis(SLOT, REDIS_PORT);

  let expected: Record<string, string>;

  it("caches decisions while it runs", async () => {
    expected = await statuses();
    // Ida's consent covers only the fact of health involvement: her health data stays closed.
    expect(expected.Ida.split(",")[VIEW_SERVICES.indexOf("helse")]).not.toBe("GRANTED");
    expect(expected.Geir).toBe(VIEW_SERVICES.map(() => "GRANTED").join(","));
    const before = await cacheCounters();
    expect(await statuses()).toEqual(expected);
    const after = await cacheCounters();
    expect(after.hit - before.hit, "the second overview was answered from the subgraphs' caches").toBeGreaterThan(0);
    expect(after.miss - before.miss).toBe(0);
  });

  it("asks samhandling instead when Redis is killed: the same answers, and one log line per process, not per request", async () => {
    const mark = own.hub.logSize();
    await own.redis.kill();
    const before = await cacheCounters();
    for (let i = 0; i < 5; i++) expect(await statuses()).toEqual(expected);
    const after = await cacheCounters();
    expect(after.hit - before.hit, "nothing cached is used without a consent epoch").toBe(0);
    expect(after.bypassed - before.bypassed).toBeGreaterThan(0);
    const lines = own.hub.logSince(mark).filter((l) => l.includes("Redis unavailable"));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    // Five requests touch every process; per-request logging would write dozens of lines.
    expect(lines.length).toBeLessThanOrEqual(SERVICE_NAMES.length + 1);
  });

  it("answers a document it would have to look up in Redis as unavailable, not unknown, while the manifest's documents run", async () => {
    const mark = own.hub.logSize();
    for (let i = 0; i < 3; i++) expect(await byDocumentId(unpublishedId)).toEqual({ status: 503, code: "PERSISTED_DOCUMENTS_UNAVAILABLE", data: null });
    const overview = await byDocumentId(familyOverviewId);
    expect(overview.code).toBeUndefined();
    expect(overview.data).not.toBeNull();
    expect(own.hub.logSince(mark).filter((l) => l.includes("trusted documents in Redis cannot be read"))).toHaveLength(1);
  });

  it("uses the cache again when Redis returns", async () => {
    const mark = own.hub.logSize();
    await own.redis.start();
    expect(
      await eventually(async () => {
        const before = await cacheCounters();
        expect(await statuses()).toEqual(expected);
        return (await cacheCounters()).hit > before.hit;
      }, 20_000, 500),
    ).toBe(true);
    expect(own.hub.logSince(mark).some((l) => l.includes("Redis available again"))).toBe(true);
    expect(await eventually(async () => (await byDocumentId(unpublishedId)).code === "PERSISTED_DOCUMENT_NOT_FOUND", 10_000, 250)).toBe(true);
    expect(own.hub.logSince(mark).some((l) => l.includes("trusted documents in Redis readable again"))).toBe(true);
  });
});
