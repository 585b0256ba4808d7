// A subgraph that is down or hung: the family overview keeps every other
// service's part and says, per service, what failed; when the service comes
// back, the gateway answers in full again without a restart. Real processes
// are killed (SIGKILL), hung (SIGSTOP) and restarted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoFamilyId } from "../../demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { eventually, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";

type View = { access: { status: string } } | null;
interface Overview {
  family: { name: string; members: { person: Record<string, View> & { givenName: string } }[] } | null;
}

// NAV's own limit: short enough to show a hung NAV cut off well before the 10 s default, long enough that a
// healthy NAV answering its first, cold request on a loaded machine is not cut off too.
const SLOW_TIMEOUT_MS = 4_000;
let hub: OwnFederation;

async function overview() {
  return hub.gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await hub.asUser("coordinator", demoCaseId("berg")));
}

/** Which services' views came back, and which failed, over all members. */
function servicesIn(res: Awaited<ReturnType<typeof overview>>) {
  const members = res.data?.family?.members ?? [];
  const present = VIEW_SERVICES.filter((s) => members.length > 0 && members.every((m) => m.person[s] !== null));
  const missing = VIEW_SERVICES.filter((s) => members.some((m) => m.person[s] === null));
  // Which service each error names (gateway/plugins/subgraph-errors.ts), whatever path the planner gave it.
  const failed = new Set((res.errors ?? []).map((e) => String(e.extensions?.serviceName)));
  const codes = new Set((res.errors ?? []).map((e) => String(e.extensions?.code)));
  return { present, missing, failed, codes, members: members.length };
}

describe("a subgraph down or slow", () => {
  beforeAll(async () => {
    hub = await startOwnFederation(0, { [`UPSTREAM_TIMEOUT_MS_NAV`]: String(SLOW_TIMEOUT_MS) });
    // One request first, whatever it answers: every process's first request pays for its cold start
    // (connections, the planner's first plan, JIT), which is not what these tests are about.
    await overview();
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  it("answers the family overview in full while everything runs", async () => {
    const res = await overview();
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(servicesIn(res)).toMatchObject({ present: [...VIEW_SERVICES], missing: [], members: 4 });
  });

  it("keeps the rest of the overview when barnevern is killed, with an error for barnevern only, and recovers when it returns", async () => {
    await hub.federation.stopService("barnevern", "SIGKILL");
    const down = await overview();
    expect(down.status).toBe(200);
    expect(down.data?.family?.name).toBe("Berg");
    const seen = servicesIn(down);
    expect(seen.members).toBe(4);
    expect(seen.missing).toEqual(["barnevern"]);
    expect(seen.present).toEqual(VIEW_SERVICES.filter((s) => s !== "barnevern"));
    expect([...seen.failed]).toEqual(["barnevern"]);
    expect([...seen.codes]).toEqual(["SERVICE_UNAVAILABLE"]);
    for (const error of down.errors ?? []) {
      expect(error.message).toMatch(/The barnevern service could not be reached/);
      // No stack traces, and nothing of the request that was sent upstream (it holds the caller's claims).
      expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+|ECONNREFUSED|payload|hmac/);
    }

    await hub.federation.startService("barnevern");
    const back = await overview();
    expect(back.errors).toBeUndefined();
    expect(servicesIn(back).present).toEqual([...VIEW_SERVICES]);
  });

  it("cuts a hung subgraph off at its own timeout, keeps the rest, and recovers when it resumes", async () => {
    hub.federation.signal("nav", "SIGSTOP");
    try {
      const started = Date.now();
      const slow = await overview();
      const took = Date.now() - started;
      // Hive marks its timeout error with HTTP 504, and with the graphql-response+json media type the
      // status follows it; the body still carries every other service's part.
      expect([200, 504]).toContain(slow.status);
      expect(slow.data?.family?.name).toBe("Berg");
      expect(slow.errors?.some((e) => e.extensions?.code === "GATEWAY_TIMEOUT" && /did not answer in time/.test(e.message))).toBe(true);
      // NAV's own limit (UPSTREAM_TIMEOUT_MS_NAV), far below the 10 s default the others keep.
      expect(took).toBeGreaterThanOrEqual(SLOW_TIMEOUT_MS - 100);
      expect(took).toBeLessThan(SLOW_TIMEOUT_MS + 4_000);
      const seen = servicesIn(slow);
      expect(seen.missing).toEqual(["nav"]);
      expect(seen.present).toEqual(VIEW_SERVICES.filter((s) => s !== "nav"));
      expect([...seen.failed]).toEqual(["nav"]);
      expect([...seen.codes]).toEqual(["GATEWAY_TIMEOUT"]);
    } finally {
      hub.federation.signal("nav", "SIGCONT");
    }
    expect(await eventually(async () => (await overview()).errors === undefined)).toBe(true);
    expect(servicesIn(await overview()).present).toEqual([...VIEW_SERVICES]);
  });
});
