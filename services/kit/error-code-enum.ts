// The error-code registry as a GraphQL enum, `ErrorCode`, declared by every
// subgraph (each raises codes from the one registry) and so published in the
// public schema: its descriptions are the schema docs a client reads in its
// IDE, and GraphQL Code Generator turns it into a typed union a client can
// switch on `extensions.code` with (docs/client-kit.md). No field returns it —
// a code travels in an error's extensions, which GraphQL leaves untyped.
// Removing a code is then a breaking change the schema gate sees
// (scripts/lib/schema-gate.ts); adding one is additive.
import { GraphQLEnumType, printType } from "graphql";
import { answeredWith, ERROR_CODES, type ErrorCodeEntry } from "./error-codes.ts";

export const ERROR_CODE_ENUM = "ErrorCode";

function valueDescription(entry: ErrorCodeEntry): string {
  return [entry.meaning, `HTTP: ${answeredWith(entry)}. Raised by: ${entry.from ?? "the hub"}.`, `What to do: ${entry.action}`].join(" ");
}

export function errorCodeEnum(): GraphQLEnumType {
  return new GraphQLEnumType({
    name: ERROR_CODE_ENUM,
    description:
      "Every `extensions.code` an error from the hub can carry (docs/errors.md). No field returns it: an error's code travels in its `extensions`, and this enum gives clients the closed set, each code with its meaning, to switch on. A code may be added in a later release (handle an unknown one as a generic failure); one is only removed as a recorded breaking change (docs/api-changelog.md).",
    values: Object.fromEntries(Object.entries(ERROR_CODES as Record<string, ErrorCodeEntry>).map(([code, entry]) => [code, { description: valueDescription(entry) }])),
  });
}

/** The enum's SDL, as each subgraph appends it to its own. */
export const errorCodeSdl = (): string => printType(errorCodeEnum());
