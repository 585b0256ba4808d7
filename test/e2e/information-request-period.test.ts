// Issue 17: barnevern's information request (barnevernsloven § 13-2) ends with
// its period, not only when a member closes it. In a federation of its own
// whose period is seconds long (INFORMATION_REQUEST_PERIOD), through the
// gateway: the asked service releases to the investigation's barnevern
// employee while the period runs, and nothing once it has run out — no close,
// no change recorded, no cache kept past it; the guardian's innsyn, held back
// while the request was open, then shows the releases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import type { GraphQLResponse } from "../support/graphql.ts";
import { OWN_SETUP_TIMEOUT_MS, startOwnFederation, type OwnFederation } from "../support/own-federation.ts";

const SLOT = 6;
/**
 * Long enough for three reads through the gateway on a busy machine (every sign-in is done before the request is
 * made, so the period holds reads only), short enough that waiting it out costs little of the run.
 */
const PERIOD_MS = 10_000;
const ELLA = demoPersonId("haugland", "Ella");
const SARA = demoPersonId("haugland", "Sara");
const ON_IT = "barnevern-saksbehandler-2";

const REQUEST = `mutation ($i: RequestInformationInput!) { requestInformation(input: $i) { id open validFrom validTo } }`;
const SKOLE = `query ($id: ID!) { person(id: $id) { skole { access { status reason } } } }`;
const GUARDIAN_LOG = `query ($id: ID!) { person(id: $id) { skoleAccessLog { caseId reason extraordinary } } }`;

let hub: OwnFederation;

async function ok<T>(res: Promise<GraphQLResponse<T>>): Promise<T> {
  const answer = await res;
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

describe("an information request whose period runs out", () => {
  beforeAll(async () => {
    hub = await startOwnFederation(SLOT, { INFORMATION_REQUEST_PERIOD: `${PERIOD_MS}ms` });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  it("releases while its period runs and nothing after, without anyone closing it; then the guardian sees the releases", async () => {
    // Signed in before the period starts (tokens are kept per user): a sign-in is several requests.
    await Promise.all([ON_IT, SARA].map((user) => hub.asUser(user)));
    const input = { childId: ELLA, services: ["SKOLE"], reference: "Undersøkelse 2026/2001", memberActorIds: [ON_IT] };
    const made = (await ok(hub.gateway<{ requestInformation: { id: string; open: boolean; validFrom: string; validTo: string } }>(REQUEST, { i: input }, await hub.asUser("barnevern-saksbehandler-1"))))
      .requestInformation;
    expect(made.open).toBe(true);
    expect(Date.parse(made.validTo) - Date.parse(made.validFrom)).toBe(PERIOD_MS);

    const skole = async () => (await hub.gateway<{ person: { skole: { access: unknown } } | null }>(SKOLE, { id: ELLA }, await hub.asUser(ON_IT, made.id))).data?.person?.skole.access ?? null;
    const held = async () =>
      (await ok(hub.gateway<{ person: { skoleAccessLog: { caseId: string | null }[] } }>(GUARDIAN_LOG, { id: ELLA }, await hub.asUser(SARA)))).person.skoleAccessLog.filter(
        (e) => e.caseId === made.id,
      );

    // Looked at twice while it runs: the second answer comes from the services' caches.
    expect(await skole()).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });
    expect(await skole()).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });
    expect(await held()).toEqual([]);
    expect(Date.now()).toBeLessThan(Date.parse(made.validTo));

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(made.validTo) - Date.now()) + 1_000));
    expect(await skole()).toBeNull();
    expect(await held()).toContainEqual({ caseId: made.id, reason: "INFORMATION_REQUEST", extraordinary: true });
  }, 120_000);
});
