// Every GraphQL document in the README is valid against the public schema, so
// a newcomer's first copy-paste works.
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";

const readme = fs.readFileSync(path.join(ROOT_DIR, "README.md"), "utf8");
const documents = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const schema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));

describe("README GraphQL examples", () => {
  it("has some", () => {
    expect(documents.length).toBeGreaterThan(1);
  });
  it.each(documents.map((d, i) => [i + 1, d] as const))("example %i validates against schema/public.graphql", (_i, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
