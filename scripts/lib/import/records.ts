// One line of an import file, checked before it is sent: valid JSON, one
// `<Service>RecordInput` (the JSON Schema in docs/integration/ describes the
// same type), one operation. Checked by coercing it to the GraphQL input type
// itself, from the public schema — the check the gateway makes — so a line
// this passes is refused later only by the service's own rules. Messages name
// the line and the field, never a value (a value may be personal data).
import fs from "node:fs";
import path from "node:path";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { buildSchema, coerceInputValue, isInputObjectType, type GraphQLInputObjectType, type GraphQLScalarType } from "graphql";
import type { ViewService } from "../../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../../services/kit/config.ts";
import { DateScalar, DateTimeScalar } from "../../../services/kit/scalars.ts";
import { recordInputName } from "../../../services/kit/writes/names.ts";

/** A line refused, by the import or by the service: where, and why. */
export interface LineRefusal {
  line: number;
  code: string;
  field: string | null;
  message: string;
}

/** A line that may be sent: its number and its record, as written in the file. */
export interface ImportRecord {
  line: number;
  record: Record<string, unknown>;
}

const refusal = (line: number, field: string | null, message: string): LineRefusal => ({ line, code: "BAD_USER_INPUT", field, message });

/** The hub's own scalars, so that a line's dates are checked as the services check them. */
const SCALARS: Record<string, GraphQLScalarType> = { Date: DateScalar, DateTime: DateTimeScalar };

/** The record input of `service` from the committed public schema. */
export function recordInput(service: ViewService): GraphQLInputObjectType {
  const sdl = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));
  const schema = mapSchema(sdl, { [MapperKind.SCALAR_TYPE]: (type) => SCALARS[type.name] ?? type });
  const type = schema.getType(recordInputName(service));
  if (!isInputObjectType(type)) throw new Error(`schema/public.graphql has no ${recordInputName(service)}: run npm run compose.`);
  return type;
}

/** Checks one line of the file against the service's record input. */
export function lineChecker(input: GraphQLInputObjectType): (line: number, text: string) => ImportRecord | LineRefusal {
  const operations = Object.keys(input.getFields());
  return (line, text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return refusal(line, null, "The line is not valid JSON: one JSON object per line (NDJSON).");
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) return refusal(line, null, `The line is not a JSON object: one ${input.name} per line.`);
    const record = value as Record<string, unknown>;
    const set = Object.keys(record).filter((k) => record[k] != null);
    const unknown = set.filter((k) => !operations.includes(k));
    if (unknown.length > 0) return refusal(line, unknown[0]!, `${unknown[0]} is no operation of ${input.name} (one of ${operations.join(", ")}).`);
    if (set.length !== 1) return refusal(line, null, `Set exactly one operation (one of ${operations.join(", ")}); this line sets ${set.length}.`);
    let problem: LineRefusal | null = null;
    coerceInputValue(record, input, (at, _invalid, error) => {
      problem ??= coercionRefusal(line, at, error.message);
    });
    return problem ?? { line, record };
  };
}

/** What graphql-js found, in words that name the field and never repeat the value. */
function coercionRefusal(line: number, at: readonly (string | number)[], message: string): LineRefusal {
  const where = at.join(".");
  const under = (name: string) => (where ? `${where}.${name}` : name);
  const missing = /^Field "(\w+)" of required type/.exec(message)?.[1];
  if (missing) return refusal(line, under(missing), `${under(missing)} is required and missing.`);
  const unknown = /^Field "(\w+)" is not defined by type/.exec(message)?.[1];
  if (unknown) return refusal(line, under(unknown), `${under(unknown)} is no field of this record (docs/integration/ lists them).`);
  if (/^Expected non-nullable type/.test(message)) return refusal(line, where || null, `${where} is required and null.`);
  return refusal(line, where || null, `${where || "The record"} does not fit its type (docs/integration/ says what it takes).`);
}
