// What the suites that run against every view service (conformance,
// batching) need to know about a service without code of their own for it:
// its view's fields, read from the public schema, and whom its demo data is about.
import fs from "node:fs";
import path from "node:path";
import { buildSchema } from "graphql";
import type { ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import type { SeedTables } from "../../services/kit/db/seed.ts";
import { viewFields as fieldsIn } from "../../conformance/schema.ts";

/** The hub's public schema, as compose wrote it. */
export const publicSchema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));

/** Every field of `Person.<service>` but `access`, objects with their fields (two levels down), for asking a view for all it holds. */
export function viewFields(service: ViewService): string {
  return fieldsIn(publicSchema, service);
}

/** The persons a service's tables name (`personId` in any row). */
export function personIdsIn(tables: SeedTables): Set<string> {
  const ids = new Set<string>();
  for (const rows of Object.values(tables)) for (const row of rows) if ("personId" in row && typeof row.personId === "string") ids.add(row.personId);
  return ids;
}
