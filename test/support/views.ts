// What the suites that run against every view service (conformance,
// batching) need to know about a service without code of their own for it:
// its view's fields, read from the public schema, and whom its demo data is about.
import fs from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from "graphql";
import type { ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import type { SeedTables } from "../../services/kit/db/seed.ts";

const schema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));

/** The type's fields, objects with theirs down to `depth` levels (deeper objects are left out), but `leave`. */
function selection(type: GraphQLObjectType, depth: number, leave: readonly string[] = []): string {
  return Object.values(type.getFields())
    .filter((field) => !leave.includes(field.name))
    .map((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return field.name;
      return depth > 0 ? `${field.name} { ${selection(named, depth - 1)} }` : null;
    })
    .filter((f): f is string => f !== null)
    .join(" ");
}

/** Every field of `Person.<service>` but `access`, objects with their fields (two levels down), for asking a view for all it holds. */
export function viewFields(service: ViewService): string {
  const person = schema.getType("Person");
  if (!isObjectType(person)) throw new Error("schema/public.graphql has no Person type");
  const view = getNamedType(person.getFields()[service]?.type);
  if (!isObjectType(view)) throw new Error(`Person.${service} is not a view in schema/public.graphql; run npm run compose`);
  return selection(view, 2, ["access"]);
}

/** The persons a service's tables name (`personId` in any row). */
export function personIdsIn(tables: SeedTables): Set<string> {
  const ids = new Set<string>();
  for (const rows of Object.values(tables)) for (const row of rows) if ("personId" in row && typeof row.personId === "string") ids.add(row.personId);
  return ids;
}
