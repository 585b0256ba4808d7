// DataLoader batching, proved by counting SQL statements in every subgraph:
// a household of 6 costs exactly what a household of 1 costs.
import { describe, expect, it } from "vitest";
import { SERVICE_NAMES, type ServiceName } from "../../services/kit/catalog.ts";
import { demoFamilyId } from "../../services/kit/demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { gateway, subgraphCounter } from "../support/graphql.ts";

async function statementsPerService(run: () => Promise<unknown>): Promise<Record<ServiceName, number>> {
  const before = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_sql_statements_total")));
  await run();
  const after = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_sql_statements_total")));
  return Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, after[i] - before[i]])) as Record<ServiceName, number>;
}

async function overview(familyKey: Parameters<typeof demoFamilyId>[0]) {
  const res = await gateway<{ family: { members: unknown[] } }>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId(familyKey) });
  expect(res.errors).toBeUndefined();
  return res.data!.family.members.length;
}

describe("batching", () => {
  it("costs one SQL statement per table per subgraph, whatever the household size", async () => {
    let sizes: number[] = [];
    const single = await statementsPerService(async () => sizes.push(await overview("moe")));
    const six = await statementsPerService(async () => sizes.push(await overview("rahimi")));
    expect(sizes).toEqual([1, 6]);
    expect(six).toEqual(single);
    // The query reads: registry family + members + persons; samhandling subjects + cases;
    // one statement per table each service view reads.
    expect(single).toEqual({ registry: 3, samhandling: 2, nav: 2, barnevern: 2, skole: 3, helse: 1, frivillighet: 1 });
    sizes = [];
  });
});
