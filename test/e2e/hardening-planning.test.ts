// What a document may ask the gateway to plan: fragment expansion bounded
// before either query planner sees it, and one cost rule — the one trusted
// documents are priced by when the manifest is built — for every request.
// Extra gateways (development mode) over the shared federation's subgraphs.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoFamilyId } from "../../demo/fjordvik.ts";
import { documentCost } from "../../gateway/document-measures.ts";
import { loadManifest, publicSchema } from "../../gateway/persisted-documents.ts";
import { DEFAULT_DOCUMENTS_MANIFEST } from "../../gateway/config.ts";
import { asUser } from "../support/graphql.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

/** 22 fragments, each spreading the next twice: under 1,000 bytes standing for 2^21 fields. */
function fragmentBomb(levels = 22): string {
  let document = "query Bomb { ...F0 }\n";
  for (let i = 0; i < levels; i++) document += `fragment F${i} on Query { ${i < levels - 1 ? `...F${i + 1} ...F${i + 1}` : "__typename"} }\n`;
  return document;
}

let rust: ExtraGateway;
let js: ExtraGateway;
let cheap: ExtraGateway;

beforeAll(async () => {
  const port = inject("gatewayPort");
  [rust, js, cheap] = await Promise.all([
    startGateway(port + 74, { GATEWAY_QUERY_PLANNER: "rust" }),
    startGateway(port + 75, { GATEWAY_QUERY_PLANNER: "js" }),
    // Every document is over a cost limit of 1: its refusal names the price the gateway put on it.
    // (MAX_SELECTIONS as in production: the app's case page alone selects over a hundred fields.)
    startGateway(port + 76, { MAX_COST: "1" }),
  ]);
});

afterAll(async () => {
  await Promise.all([rust?.stop(), js?.stop(), cheap?.stop()]);
});

describe("fragment expansion", () => {
  it("the 22-fragment document → 400 SELECTION_TOO_LARGE within a second, on both planners, and the gateway answers on", async () => {
    const document = fragmentBomb();
    expect(document.length).toBeLessThan(1_000);
    for (const gw of [rust, js]) {
      const started = performance.now();
      const res = await post(gw.url, { query: document });
      const took = performance.now() - started;
      expect(res.status, res.raw).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe("SELECTION_TOO_LARGE");
      expect(res.errors?.[0]?.message).toMatch(/selects 2097152 fields once its fragments are expanded, over the limit of 2000/);
      // Generous for a busy machine: unbounded, the Rust planner took about 45 s.
      expect(took).toBeLessThan(1_000);
      const after = await post(gw.url, { query: "{ __typename }" });
      expect(after.data).toEqual({ __typename: "Query" });
    }
  });

  it("counts fields where fragments are spread: MAX_SELECTIONS refuses a large expansion, not a large text", async () => {
    // n fragments each spreading the next twice select 2^(n-1) fields: 1024 for 11, 2048 for 12 (the limit: 2000).
    const small = await post(rust.url, { query: fragmentBomb(11) });
    expect(small.errors, small.raw).toBeUndefined();
    const large = await post(rust.url, { query: fragmentBomb(12) });
    expect(large.status).toBe(400);
    expect(large.errors?.[0]?.extensions?.code).toBe("SELECTION_TOO_LARGE");
    expect(large.errors?.[0]?.message).toMatch(/selects 2048 fields .* over the limit of 2000/);
  });
});

describe("one cost rule", () => {
  it("prices every trusted document as the manifest does, [X!]! lists multiplied", async () => {
    const schema = publicSchema();
    // Mutations too: each is over the limit (10 for being one), so none runs.
    const documents = [...loadManifest(DEFAULT_DOCUMENTS_MANIFEST).values()];
    expect(documents.length).toBeGreaterThan(3);
    const headers = await asUser("coordinator", demoCaseId("berg"));
    for (const op of documents) {
      const priced = documentCost(schema, parse(op.body), 10);
      const res = await post(cheap.url, { query: op.body, variables: { id: "x", familyId: "x", caseId: "x", personId: "x" } }, headers);
      if (priced <= 1) {
        expect(res.errors?.find((e) => e.extensions?.code === "COST_ESTIMATED_TOO_EXPENSIVE"), `${op.name}: ${res.raw}`).toBeUndefined();
        continue;
      }
      expect(res.status, `${op.name}: ${res.raw}`).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, op.name).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
      expect(res.errors?.[0]?.message, op.name).toContain(`estimated cost is ${priced}, over the limit of 1`);
    }
  });

  it("refuses a nine-level family → members → person chain at the default MAX_COST, and lets the family overview through", async () => {
    const chain = `query ($id: ID!) { family(id: $id) { members { person { families { members { person { families { members { person { givenName } } } } } } } } } }`;
    const headers = await asUser("coordinator", demoCaseId("berg"));
    const res = await post(rust.url, { query: chain, variables: { id: demoFamilyId("berg") } }, headers);
    expect(res.status, res.raw).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
    expect(res.errors?.[0]?.message).toContain(`estimated cost is ${documentCost(publicSchema(), parse(chain), 10)}, over the limit of 1000`);
    const overview = [...loadManifest(DEFAULT_DOCUMENTS_MANIFEST).values()].find((op) => op.name === "FamilyOverview")!;
    const ok = await post(rust.url, { query: overview.body, variables: { familyId: demoFamilyId("berg") } }, headers);
    expect(ok.errors, ok.raw).toBeUndefined();
  });
});
