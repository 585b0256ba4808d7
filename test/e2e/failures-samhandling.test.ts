// Samhandling — the consent store and the decision endpoint — crashes.
// A consent it acknowledged survives the crash (SIGKILL, no clean shutdown);
// while it is down every other service answers RESTRICTED, never granted, and
// says so once in its log rather than on every request. (Decisions already
// cached stay valid while nothing can change them; without Redis the gateway
// stops stamping requests with a consent epoch once samhandling's pushes stop,
// so from then on nothing cached is used either.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { LEASE_MS } from "../../services/kit/consent-epoch.ts";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";

const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
const ACTOR = "kriminalomsorg-koordinator-1";
const READ = `query ($id: ID!) { person(id: $id) { givenName skole { access { status reason } involved } } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;

type Read = { person: { givenName: string; skole: { access: { status: string; reason: string }; involved: boolean | null } } | null };

let hub: OwnFederation;

const read = async () => hub.gateway<Read>(READ, { id: TOR }, await hub.asUser(ACTOR, CASE));

/** Every view service's own answer for Tor, asked directly as the gateway would. */
async function viewsFromEachService() {
  const answers: Record<string, unknown> = {};
  for (const service of VIEW_SERVICES) {
    const res = await hub.subgraph<{ _entities: Record<string, unknown>[] }>(
      service,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${service} { access { status reason } } } } }`,
      { r: [{ __typename: "Person", id: TOR }] },
      { user: ACTOR, caseId: CASE },
    );
    expect(res.status).toBe(200);
    answers[service] = res.data?._entities[0]?.[service];
  }
  return answers;
}

describe("samhandling crashes", () => {
  beforeAll(async () => {
    // Without Redis: the consent epoch is pushed by samhandling to the gateway.
    hub = await startOwnFederation(2);
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  it("keeps a consent it acknowledged just before it was killed", async () => {
    const before = await read();
    expect(before.data?.person?.skole.access.status).toBe("RESTRICTED");

    // Tor gives it himself, signed in.
    const granted = await hub.gateway<{ grantConsent: { id: string } }>(
      GRANT,
      { input: { caseId: CASE, subjectId: TOR, capacity: "SELF", services: ["SKOLE"], categories: ["SERVICE_DATA"] } },
      await hub.asUser(TOR),
    );
    expect(granted.errors).toBeUndefined();
    // The acknowledgement is in hand: crash at once, with no chance to flush or shut down cleanly.
    await hub.federation.stopService("samhandling", "SIGKILL");
    await hub.federation.startService("samhandling");

    const after = await read();
    expect(after.errors).toBeUndefined();
    expect(after.data?.person?.skole).toEqual({ access: { status: "GRANTED", reason: "CONSENT" }, involved: expect.any(Boolean) });
  });

  it("answers RESTRICTED from every service while the decision endpoint is down, logs it once, and grants again when it is back", async () => {
    const mark = hub.logSize();
    await hub.federation.stopService("samhandling", "SIGKILL");
    // No more pushes: the gateway's lease on the last epoch runs out, and its requests go out without one.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));

    for (let i = 0; i < 3; i++) {
      const views = await viewsFromEachService();
      for (const service of VIEW_SERVICES) expect(views[service], service).toEqual({ access: { status: "RESTRICTED", reason: "DECISION_UNAVAILABLE" } });
      // Through the gateway: registry cannot decide either, so nothing about Tor is released.
      const res = await read();
      expect(res.status).toBeLessThan(500);
      expect(res.data?.person ?? null).toBeNull();
      // …and says it could not decide, so the client asks again rather than taking the null as "no such person".
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
    }
    const warnings = hub.logSince(mark).filter((l) => l.includes("decision endpoint unreachable"));
    // At most one line per process that asked (the five views and registry), not one per request: 3 rounds × 6 would be 18.
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(VIEW_SERVICES.length + 1);

    await hub.federation.startService("samhandling");
    const back = await read();
    expect(back.data?.person?.skole.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    expect(hub.logSince(mark).some((l) => l.includes("decision endpoint reachable again"))).toBe(true);
  });
});
