// The breaking-change gate: the public schema as it is now against the last
// released one (schema/released/public.graphql), by GraphQL Inspector's diff.
// A change Inspector calls breaking — a field, argument, type or enum value
// removed, a type changed so a client's query or its handling of the answer
// stops working — passes only when the API changelog (docs/api-changelog.md)
// records it with its deprecation period. Additive changes pass. Every
// deprecation in the schema names the date the element goes. How a release
// is cut: docs/api-changelog.md; `npm run schema:release`.
import fs from "node:fs";
import path from "node:path";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { isDate, recordedBreaks, type RecordedBreak } from "./api-changelog.ts";

export const PUBLIC_SCHEMA = path.join(ROOT_DIR, "schema", "public.graphql");
export const RELEASED_SCHEMA = path.join(ROOT_DIR, "schema", "released", "public.graphql");
export const API_CHANGELOG = path.join(ROOT_DIR, "docs", "api-changelog.md");

/** Whether an entry naming `name` covers a change at `changePath` (the element itself, or anything inside it). */
const covers = (name: string, changePath: string) => changePath === name || changePath.startsWith(`${name}.`);

/** Every change from `released` to `current`, as GraphQL Inspector finds and grades them. */
export const schemaChanges = (released: string, current: string): Promise<Change[]> => diff(buildSchema(released), buildSchema(current));

export interface GateReport {
  /** Breaking changes the changelog does not record: each fails the gate. */
  unrecorded: Change[];
  /** Breaking changes the changelog records, with the entry that does. */
  recorded: { change: Change; entry: RecordedBreak }[];
  /** Changelog lines that claim a breaking change but do not record one properly: each fails the gate. */
  malformed: string[];
  /** Deprecations that do not say when the element goes: each fails the gate. */
  undated: string[];
  /** Everything else that changed (additive, or dangerous but not breaking). */
  other: Change[];
}

/** The gate: what `current` changes against `released`, judged against the changelog. */
export async function schemaGate(released: string, current: string, changelog: string): Promise<GateReport> {
  const { entries, malformed } = recordedBreaks(changelog);
  const report: GateReport = { unrecorded: [], recorded: [], malformed, undated: undatedDeprecations(buildSchema(current)), other: [] };
  for (const change of await schemaChanges(released, current)) {
    if (change.criticality.level !== CriticalityLevel.Breaking) {
      report.other.push(change);
      continue;
    }
    const entry = entries.find((e) => e.names.some((name) => covers(name, change.path ?? "")));
    if (entry) report.recorded.push({ change, entry });
    else report.unrecorded.push(change);
  }
  return report;
}

/** The gate on the files in the repository. */
export function repositoryGate(): Promise<GateReport> {
  const read = (file: string) => fs.readFileSync(file, "utf8");
  return schemaGate(read(RELEASED_SCHEMA), read(PUBLIC_SCHEMA), read(API_CHANGELOG));
}

export const gatePasses = (report: GateReport): boolean => report.unrecorded.length + report.malformed.length + report.undated.length === 0;

/** What fails the gate, one line each, for a person to act on. */
export function gateFailures(report: GateReport): string[] {
  return [
    ...report.unrecorded.map((c) => `breaking, not in docs/api-changelog.md: ${c.path ?? "(schema)"} — ${c.message}`),
    ...report.malformed.map((line) => `changelog entry: ${line}`),
    ...report.undated.map((what) => `deprecated without the date it goes: ${what} — give @deprecated(reason: "… Removed YYYY-MM-DD.")`),
  ];
}

/** A deprecation reason names the day the element goes: "… Removed 2027-03-01." */
const DATED_REASON = /\bremoved (\d{4}-\d{2}-\d{2})\b/i;
const dated = (reason: string) => {
  const date = DATED_REASON.exec(reason)?.[1];
  return date !== undefined && isDate(date);
};

/** Every deprecated field, argument, input field and enum value whose reason names no removal date. */
export function undatedDeprecations(schema: GraphQLSchema): string[] {
  const undated: string[] = [];
  const check = (where: string, reason: string | null | undefined) => {
    if (reason != null && !dated(reason)) undated.push(`${where} ("${reason}")`);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return undated;
}
