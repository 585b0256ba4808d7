// The subgraph conformance suite: every view service in the catalog
// (services/kit/catalog.ts), the same contract — the checks of conformance/
// (signing, consent, the restricted shape, logging; the writes in
// conformance-writes.test.ts), the very ones `npm run conformance` runs
// against a subgraph by URL (docs/conformance.md). Then samhandling's
// decision endpoint, which answers the hub's own services only.
import { describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { runScenario, SCENARIOS } from "../../conformance/checks.ts";
import { CONFORMANCE_ACTOR, SubjectPool } from "../../conformance/target.ts";
import { postGraphQL, subgraphUrl } from "../support/graphql.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";
import { allPassed, outcomesOf, repoTarget } from "../support/conformance-target.ts";

const scenarios = SCENARIOS.filter((s) => s.checks.every((c) => !c.id.startsWith("writes.")));

const targets = await Promise.all(VIEW_SERVICES.map((service) => repoTarget(service)));

describe.each(targets.map((t) => [t.service, t] as const))("conformance: %s", (_service, target) => {
  const pool = new SubjectPool(target.households);
  it.each(scenarios.map((s) => [s.title, s] as const))("%s", async (_title, scenario) => {
    expect(outcomesOf(await runScenario(target, scenario, pool))).toEqual(allPassed(scenario));
  }, 120_000);
});

// The lab of the decision endpoint: Tor Eriksen's ansvarsgruppe.
const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
const ACTOR = CONFORMANCE_ACTOR;

// ---------------------------------------------------------------------------
// The decision endpoint answers the hub's own services only
// ---------------------------------------------------------------------------

describe("conformance: samhandling's decision endpoint", () => {
  const DECIDE = `query ($actor: DecisionActorInput, $caseId: ID, $q: [DecisionQuestionInput!]!) { _decide(actor: $actor, caseId: $caseId, questions: $q) { status reason } }`;
  const variables = {
    actor: { id: ACTOR, service: "samhandling", roles: ["caseworker"], personId: null },
    caseId: CASE,
    q: [{ personId: TOR, service: "nav", category: "SERVICE_DATA" }],
  };

  it("answers a signed call from another subgraph", async () => {
    const res = await signedSubgraphRequest<{ _decide: { status: string; reason: string }[] }>("samhandling", DECIDE, variables, { service: "nav" });
    expect(res.errors).toBeUndefined();
    expect(res.data!._decide).toHaveLength(1);
  });

  it.each([
    ["an employee", ACTOR],
    ["the case's own coordinator", "samhandling-investeringsleder-1"],
    ["a citizen", "citizen"],
    ["an auditor", "samhandling-auditor"],
  ])("refuses a correctly signed call whose caller is a person (%s), not a service", async (_who, key) => {
    const res = await signedSubgraphRequest<{ _decide: unknown }>("samhandling", DECIDE, variables, { claims: demoUser(key)!.claims, caseId: CASE });
    expect(res.status).toBe(200);
    expect(res.data?._decide ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an unsigned call", async () => {
    const res = await postGraphQL(`${subgraphUrl("samhandling")}/graphql`, DECIDE, variables);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
  });
});
