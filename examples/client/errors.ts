// What the example does about an error, decided by its code alone — never by
// its message, which is for people and may be reworded. The switch is over
// the generated ErrorCode union, so a misspelt code does not compile.
import type { ErrorCode } from "./generated/schema-enums.ts";
import type { HubError } from "./hub.ts";

export type Handling =
  /** Personal data needs a declared case: ask again with X-Case-Id (PURPOSE_REQUIRED), or with the case the message names (PURPOSE_MISMATCH). */
  | "declare-case"
  /** The caller may not do this: tell the user; asking again does not help. */
  | "not-allowed"
  /** The token was refused: sign in again. */
  | "sign-in-again"
  /** Passing trouble: try again after a while (Retry-After when given). */
  | "retry-later"
  /** Anything else: show the message and the request id for support. */
  | "report";

export function handlingOf(code: ErrorCode | undefined): Handling {
  switch (code) {
    case "PURPOSE_REQUIRED":
    case "PURPOSE_MISMATCH":
      return "declare-case";
    case "FORBIDDEN":
    case "NOT_FOUND":
      return "not-allowed";
    case "UNAUTHENTICATED":
      return "sign-in-again";
    case "RATE_LIMITED":
    case "SIGN_IN_UNAVAILABLE":
    case "SERVICE_UNAVAILABLE":
    case "GATEWAY_TIMEOUT":
    case "ACCESS_LOG_UNAVAILABLE":
    case "SHUTTING_DOWN":
    case "REQUEST_DEADLINE_EXCEEDED":
    case "PERSISTED_DOCUMENTS_UNAVAILABLE":
      return "retry-later";
    default:
      return "report";
  }
}

/** The first error with this handling, if any. */
export const firstToHandle = (errors: readonly HubError[], handling: Handling): HubError | undefined => errors.find((e) => handlingOf(e.code) === handling);
