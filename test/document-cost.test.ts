// Production runs only trusted documents and estimates no cost per request:
// `npm run documents` refuses a document over MAX_COST instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildManifest } from "../gateway/persisted-documents.ts";
import { documentCost } from "../gateway/document-measures.ts";
import { documentsConfig } from "../gateway/config.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

const schema = buildSchema(`
  type Query { person(id: ID!): Person, people: [Person!]! }
  type Mutation { touch: Person }
  type Person { id: ID!, name: String, friends: [Person!]!, best: Person }
`);

describe("trusted document cost", () => {
  it("counts object fields, multiplied by the list size for each list they sit in, and 10 per mutation", () => {
    expect(documentCost(schema, parse("{ person(id: 1) { id name } }"), 10)).toBe(1);
    expect(documentCost(schema, parse("{ person(id: 1) { best { id } friends { id } } }"), 10)).toBe(1 + 1 + 1);
    expect(documentCost(schema, parse("{ people { friends { best { id } } } }"), 10)).toBe(1 + 10 + 100);
    expect(documentCost(schema, parse("mutation { touch { id } }"), 10)).toBe(11);
  });

  it("counts a fragment's fields wherever it is spread, as often and as deep as it is used", () => {
    const inline = documentCost(schema, parse("{ people { friends { best { id } } } person(id: 1) { best { id } } }"), 10);
    const spread = documentCost(schema, parse("{ people { friends { ...Near } } person(id: 1) { ...Near } } fragment Near on Person { best { id } }"), 10);
    expect(spread).toBe(inline);
    const nested = documentCost(schema, parse("{ people { ...Outer } } fragment Outer on Person { friends { ...Near } } fragment Near on Person { best { id } }"), 10);
    expect(nested).toBe(documentCost(schema, parse("{ people { friends { best { id } } } }"), 10));
  });

  it("refuses to publish a document over MAX_COST", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-documents-"));
    try {
      fs.copyFileSync(path.join(ROOT_DIR, "gateway", "documents", "FamilyOverview.graphql"), path.join(dir, "FamilyOverview.graphql"));
      expect(() => buildManifest(documentsConfig({}).limits, dir)).not.toThrow();
      expect(() => buildManifest(documentsConfig({ MAX_COST: "50" }).limits, dir)).toThrow(/FamilyOverview\.graphql costs \d+ .* over MAX_COST 50/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
