// The conformance suite's writes: every view service in the catalog, the same
// contract for its write API (services/kit/writes/) — the checks of
// conformance/ that `npm run conformance` runs against a subgraph by URL
// (docs/conformance.md): its own system and staff write, everyone else is
// refused and logged, a write is idempotent and all or nothing, a dry run
// writes nothing, and what was written shows only as the consent rules allow.
import { describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { runScenario, SCENARIOS } from "../../conformance/checks.ts";
import { SubjectPool } from "../../conformance/target.ts";
import { allPassed, outcomesOf, repoTarget } from "../support/conformance-target.ts";

const scenario = SCENARIOS.find((s) => s.checks.some((c) => c.id.startsWith("writes.")))!;

// From the back of the register: conformance.test.ts takes its persons from the front.
const targets = await Promise.all(VIEW_SERVICES.map((service) => repoTarget(service, "back")));

describe.each(targets.map((t) => [t.service, t] as const))("conformance: %s's write API", (_service, target) => {
  it(scenario.title, async () => {
    expect(outcomesOf(await runScenario(target, scenario, new SubjectPool(target.households)))).toEqual(allPassed(scenario));
  }, 120_000);
});
