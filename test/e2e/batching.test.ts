// DataLoader batching, proved by counting SQL statements in every subgraph:
// a household of 6 costs what a household of 1 costs.
import { describe, expect, it } from "vitest";
import { SERVICE_NAMES, type ServiceName } from "../../services/kit/catalog.ts";
import { demoFamilyId, type DemoFamilyKey } from "../../services/kit/demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { gateway, subgraphCounter } from "../support/graphql.ts";

/**
 * What the family overview reads, one statement per table: registry family,
 * members, persons; samhandling case subjects, cases; nav follow-up, measures;
 * barnevern case, measures; skole enrolments, support, attendance; helse
 * contacts; frivillighet activities.
 */
const TABLES_READ: Record<ServiceName, number> = { registry: 3, samhandling: 2, nav: 2, barnevern: 2, skole: 3, helse: 1, frivillighet: 1 };

async function overviewCost(family: DemoFamilyKey): Promise<{ members: number; statements: Record<ServiceName, number> }> {
  const before = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_sql_statements_total")));
  const res = await gateway<{ family: { members: unknown[] } }>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId(family) });
  const after = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_sql_statements_total")));
  expect(res.errors).toBeUndefined();
  return {
    members: res.data!.family.members.length,
    statements: Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, after[i] - before[i]])) as Record<ServiceName, number>,
  };
}

describe("batching", () => {
  it("costs one SQL statement per table per subgraph, whatever the household size", async () => {
    const moe = await overviewCost("moe");
    const haugland = await overviewCost("haugland");
    const rahimi = await overviewCost("rahimi");
    expect([moe.members, haugland.members, rahimi.members]).toEqual([1, 4, 6]);
    expect(moe.statements).toEqual(TABLES_READ);
    expect(haugland.statements).toEqual(TABLES_READ);
    // The Rahimi family has no coordination case, so the case table is never read.
    expect(rahimi.statements).toEqual({ ...TABLES_READ, samhandling: 1 });
  });
});
