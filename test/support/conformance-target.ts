// The conformance checks' target for a view service of the shared test
// federation: its subgraph by URL, the persons it holds nothing about read
// from the seed the federation runs (federation.setup.ts).
import { serviceEntry, VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { demoWorld } from "../../demo/index.ts";
import { loadServiceDemo } from "../../demo/service-demo.ts";
import { demoCaseId } from "../../demo/fjordvik.ts";
import { conformanceSubjects, type ConformanceTarget } from "../../conformance/target.ts";
import { CHECKS, type CheckResult, type Scenario } from "../../conformance/checks.ts";
import { asUser, gateway, subgraphUrl } from "./graphql.ts";
import { asMachine } from "./machines.ts";
import { sharedSecrets } from "./subgraph.ts";
import { TEST_SYNTHETIC_FAMILIES } from "./pglite-template.ts";
import { personIdsIn, publicSchema } from "./views.ts";

const seeded = demoWorld({ syntheticFamilies: Number(TEST_SYNTHETIC_FAMILIES), syntheticSeed: Number(process.env.SEED_SYNTHETIC_SEED ?? 1) });

/**
 * `service` in the shared federation. `from`: which end of the register its
 * subjects come from, so two suites never take the same persons.
 */
export async function repoTarget(service: ViewService, from: "front" | "back" = "front"): Promise<ConformanceTarget> {
  const households = conformanceSubjects(seeded, personIdsIn((await loadServiceDemo(service)).rows(seeded)));
  return {
    service,
    subgraphUrl: `${subgraphUrl(service)}/graphql`,
    gateway,
    asUser: (user, caseId) => asUser(user, caseId),
    asMachine,
    secrets: sharedSecrets(),
    schema: publicSchema,
    households: from === "front" ? households : households.reverse(),
    frontDoor: serviceEntry(service).frontDoor!,
    otherService: VIEW_SERVICES.find((s) => s !== service)!,
    // The Berg household's case: the checks' coordinator is no member of it.
    foreignCaseId: demoCaseId("berg"),
  };
}

/** What a scenario's results must be: every check passed (a failure shows its id and message in the diff). */
export const allPassed = (scenario: Scenario) => scenario.checks.map((c) => ({ id: c.id, outcome: "passed", message: undefined }));
export const outcomesOf = (results: CheckResult[]) => results.map((r) => ({ id: r.id, outcome: r.outcome, message: r.message }));
export { CHECKS };
