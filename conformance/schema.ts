// What the checks know about a service, read from a schema alone — the hub's
// public schema in the repository, or the one composed from a subgraph's SDL
// fetched by URL — never from the service's code: its view's fields and the
// kinds of records its write API takes.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { ViewService } from "../services/kit/catalog.ts";
import { recordInputName } from "../services/kit/writes/names.ts";

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
export function viewFields(schema: GraphQLSchema, service: ViewService): string {
  const person = schema.getType("Person");
  if (!isObjectType(person)) throw new Error("the schema has no Person type");
  const view = getNamedType(person.getFields()[service]?.type);
  if (!isObjectType(view)) throw new Error(`Person.${service} is not a view in the schema`);
  return selection(view, 2, ["access"]);
}

export interface RecordKind {
  /** The operation's field in `<Service>RecordInput`, e.g. `startActivity`. */
  field: string;
  type: GraphQLInputObjectType;
  /** Its end operation (`end<Field>`), when the service has one. */
  end: string | null;
}

function recordInput(schema: GraphQLSchema, service: ViewService): GraphQLInputObjectType {
  const input = schema.getType(recordInputName(service));
  if (!isInputObjectType(input)) throw new Error(`the schema has no ${recordInputName(service)}: the service offers no write API`);
  return input;
}

/** The service's own kinds of records: the record input's operations but the kit's involvement and the ends. */
export function ownRecordKinds(schema: GraphQLSchema, service: ViewService): RecordKind[] {
  const fields = recordInput(schema, service).getFields();
  return Object.values(fields)
    .filter((f) => !/Involvement$/.test(f.name) && !/^end[A-Z]/.test(f.name))
    .map((f) => {
      const end = `end${f.name[0]!.toUpperCase()}${f.name.slice(1)}`;
      return { field: f.name, type: getNullableType(f.type) as GraphQLInputObjectType, end: end in fields ? end : null };
    });
}

/** A record of `type` with every required field filled from its type alone (the person and source key as given). */
export function sampleRecord(type: GraphQLInputObjectType, personId: string, sourceSystem: string, sourceId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    if (!isNonNullType(field.type)) continue;
    const named = getNamedType(field.type);
    if (field.name === "personId") out[field.name] = personId;
    else if (field.name === "sourceSystem") out[field.name] = sourceSystem;
    else if (field.name === "sourceId") out[field.name] = sourceId;
    else if (isEnumType(named)) out[field.name] = named.getValues()[0]!.name;
    else if (isInputObjectType(named)) out[field.name] = sampleRecord(named, personId, sourceSystem, sourceId);
    else out[field.name] = { String: "Konformans", ID: personId, Date: "2026-01-01", Int: 1, Float: 1.5, Boolean: false }[named.name];
  }
  return out;
}
