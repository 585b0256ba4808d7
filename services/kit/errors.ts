// Errors a client can act on: one GraphQLError shape for every service, with
// a stable `extensions.code` for programs and a message for the person at the
// screen. Messages say what to do next and carry no personal data (no names,
// no national ids; ages and opaque ids at most).
import { GraphQLError } from "graphql";

export const HUB_ERROR_CODES = [
  /** Input that can never be accepted as sent (validation, unknown category, period backwards or past). */
  "BAD_USER_INPUT",
  /** No credentials, or credentials the hub does not accept. */
  "UNAUTHENTICATED",
  /** The caller is known but may not do this. */
  "FORBIDDEN",
  /** Something named in the request does not exist (or is not visible to the caller). */
  "NOT_FOUND",
  /** The request conflicts with the current state (e.g. withdrawing a consent twice). */
  "CONFLICT",
  /** The person giving or refusing a consent is not competent to do so for this subject. */
  "NOT_COMPETENT",
  /** A guardian's consent for a child aged 7 or more lacks the child's own view. */
  "CHILD_VIEW_MISSING",
] as const;

export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

/**
 * `throw hubError("NOT_FOUND", "No coordination case has this id. Check the id, or ask the coordinator to add you.")`.
 * `details` goes into extensions next to the code (keep it free of personal data).
 */
export function hubError(code: HubErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  // No `http` extension: a resolver error leaves the response 200 so that the
  // gateway forwards it (with its code) instead of treating the subgraph as failed.
  return new GraphQLError(message, { extensions: { ...details, code } });
}

/** The hub code of an error, when it is one of ours. */
export function hubErrorCode(error: unknown): HubErrorCode | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = error.extensions.code;
  return typeof code === "string" && (HUB_ERROR_CODES as readonly string[]).includes(code) ? (code as HubErrorCode) : null;
}
