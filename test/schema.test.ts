// The committed subgraph SDLs and supergraph are what the code produces, and
// they compose without errors.
import { describe, expect, it } from "vitest";
import { buildSchema, Kind, parse } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { composeSchemas, SCHEMA_DIR, staleSchemaFiles } from "../scripts/lib/schema.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";

describe("schema/", () => {
  it("is up to date with the services' code and composes without errors (npm run compose)", async () => {
    const composed = await composeSchemas(); // throws on composition errors
    expect(await staleSchemaFiles(composed), "run `npm run compose` and commit schema/").toEqual([]);
  }, 60_000);

  it("exposes every service's view on Person, each nullable so one failing service cannot null the person", () => {
    const schema = buildSchema(fs.readFileSync(path.join(SCHEMA_DIR, "public.graphql"), "utf8"));
    const person = schema.getType("Person");
    if (!person || !("getFields" in person)) throw new Error("no Person type");
    const fields = person.getFields();
    for (const service of VIEW_SERVICES) {
      expect(fields[service], `Person.${service}`).toBeDefined();
      expect(fields[service].type.toString(), `Person.${service} must be nullable`).not.toMatch(/!$/);
    }
    expect(fields.cases).toBeDefined();
  });

  it("documents every type and field of the public API", () => {
    const doc = parse(fs.readFileSync(path.join(SCHEMA_DIR, "public.graphql"), "utf8"));
    const undocumented: string[] = [];
    for (const def of doc.definitions) {
      if (!("name" in def) || !def.name || def.kind === Kind.DIRECTIVE_DEFINITION) continue;
      if (def.kind === Kind.SCALAR_TYPE_DEFINITION) continue;
      if (!("description" in def) || !def.description) {
        // Root operation types: type-graphql cannot describe them; their fields are described.
        if (!["Query", "Mutation", "Subscription"].includes(def.name.value)) undocumented.push(def.name.value);
      }
      if ("fields" in def && def.fields) {
        for (const field of def.fields) if (!field.description) undocumented.push(`${def.name.value}.${field.name.value}`);
      }
      if ("values" in def && def.values) {
        for (const value of def.values) if (!value.description) undocumented.push(`${def.name.value}.${value.name.value}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
