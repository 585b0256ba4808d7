// Graceful shutdown of a subgraph and of the gateway: on SIGTERM readiness
// goes false first, new requests are refused with 503 SHUTTING_DOWN, the
// request already in flight completes with its full answer, then the process
// exits 0. A request is held in flight by hanging (SIGSTOP) the process it
// waits on, and released with SIGCONT.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { eventually, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";

let hub: OwnFederation;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const status = (url: string) => fetch(url).then((r) => r.status, () => 0);

describe("graceful shutdown", () => {
  beforeAll(async () => {
    hub = await startOwnFederation(1);
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  it("a subgraph: readiness false first, new requests refused, the in-flight request completes, exit 0", async () => {
    const nav = hub.subgraphBase("nav");
    const geir = demoPersonId("berg", "Geir");
    const ask = () =>
      hub.subgraph<{ _entities: { nav: { access: { status: string } } }[] }>(
        "nav",
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { nav { access { status } involved } } } }`,
        { r: [{ __typename: "Person", id: geir }] },
        { user: "coordinator", caseId: demoCaseId("berg") },
      );
    // NAV's request waits for its consent decision while samhandling is hung.
    hub.federation.signal("samhandling", "SIGSTOP");
    let inFlight: ReturnType<typeof ask>;
    try {
      inFlight = ask();
      await sleep(500);
      hub.federation.signal("nav", "SIGTERM");
      expect(await eventually(async () => (await status(`${nav}/readyz`)) === 503, 5_000, 50)).toBe(true);
      expect(await status(`${nav}/healthz`)).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions?.code).toBe("SHUTTING_DOWN");
    } finally {
      hub.federation.signal("samhandling", "SIGCONT");
    }
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(done.errors).toBeUndefined();
    expect(done.data?._entities[0].nav.access.status).toBe("GRANTED");
    expect(await hub.federation.exited("nav")).toBe(0);
    await hub.federation.startService("nav");
  });

  it("the gateway: readiness false first, new requests refused, the in-flight overview completes in full, exit 0", async () => {
    const base = `http://127.0.0.1:${hub.gatewayPort}`;
    const headers = await hub.asUser("coordinator", demoCaseId("berg"));
    const overview = () =>
      hub.gateway<{ family: { members: { person: Record<string, unknown> }[] } }>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, headers);
    // The overview waits for NAV, which is hung (well within the 10 s upstream timeout).
    hub.federation.signal("nav", "SIGSTOP");
    let inFlight: ReturnType<typeof overview>;
    try {
      inFlight = overview();
      await sleep(800);
      hub.federation.signal("gateway", "SIGTERM");
      expect(await eventually(async () => (await status(`${base}/readiness`)) === 503, 5_000, 50)).toBe(true);
      expect(await status(`${base}/healthcheck`)).toBe(200);
      const refused = await overview();
      expect(refused.status).toBe(503);
      expect(refused.errors?.[0]?.extensions?.code).toBe("SHUTTING_DOWN");
    } finally {
      hub.federation.signal("nav", "SIGCONT");
    }
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(done.errors).toBeUndefined();
    for (const { person } of done.data!.family.members) for (const s of VIEW_SERVICES) expect(person[s], s).not.toBeNull();
    expect(await hub.federation.exited("gateway")).toBe(0);
  });
});
