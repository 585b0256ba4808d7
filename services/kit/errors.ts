// Errors a client can act on: one GraphQLError shape for every service, with
// a stable `extensions.code` from the registry (error-codes.ts) for programs
// and a message for the person at the screen. Messages say what to do next
// and carry no personal data (no names, no national ids; ages and opaque ids
// at most).
import { GraphQLError } from "graphql";
import { codeExtensions, statusOf, type FieldCode, type RefusalCode } from "./error-codes.ts";

export type { ErrorCode, FieldCode, RefusalCode } from "./error-codes.ts";

/**
 * `throw hubError("NOT_FOUND", "No coordination case has this id. Check the id, or ask the coordinator to add you.")`.
 * `details` goes into extensions next to the code (keep it free of personal data).
 */
export function hubError(code: FieldCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  // No `http` extension: a resolver error leaves the response 200 so that the
  // gateway forwards it (with its code) instead of treating the subgraph as failed.
  return new GraphQLError(message, { extensions: { ...details, ...codeExtensions(code) } });
}

/** A refusal of the whole request, answered with the registry's HTTP status for its code (and any `headers`). */
export function requestRefusal(code: RefusalCode, message: string, headers?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: refusalExtensions(code, headers) });
}

/** The extensions of a refusal: its code and, for GraphQL Yoga, its HTTP status. */
export function refusalExtensions(code: RefusalCode, headers?: Record<string, string>): { code: RefusalCode; retryable?: true; http: { status: number; headers?: Record<string, string> } } {
  return { ...codeExtensions(code), http: { status: statusOf(code), ...(headers ? { headers } : {}) } };
}

/** A refusal written by hand (outside GraphQL): its status and a GraphQL-shaped JSON body. */
export function refusalResponse(code: RefusalCode, message: string): { status: number; body: string } {
  return { status: statusOf(code), body: JSON.stringify({ errors: [{ message, extensions: codeExtensions(code) }] }) };
}
