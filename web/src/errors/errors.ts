// What an error means to the person at the screen: its code (from the hub's
// error registry, `extensions.code`, or one of the app's own) mapped to a
// plain message in the catalog under `errors.<CODE>`. Unknown codes get the
// general message; the code itself is shown beside it for support.
import { nb } from "../i18n/nb.ts";
import type { MessageKey, PlainMessageKey } from "../i18n/messages.ts";

type CodeOf<K> = K extends `errors.${infer Code}` ? Code : never;
/** Every code the app has a message for. */
export type ErrorCode = CodeOf<MessageKey>;

export const ERROR_CODES = Object.keys(nb)
  .filter((key) => key.startsWith("errors."))
  .map((key) => key.slice("errors.".length)) as ErrorCode[];

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as string[]).includes(code);

/** An error the app raises itself, with a code from the catalog. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = "AppError";
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * The code of any error the app meets: an AppError's own; for a GraphQL
 * result error (urql's CombinedError) the first `extensions.code`, or NETWORK
 * when the gateway could not be reached; UNKNOWN otherwise.
 */
export function errorCodeOf(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (isRecord(error) && Array.isArray(error.graphQLErrors)) {
    for (const e of error.graphQLErrors as unknown[]) {
      const code = isRecord(e) && isRecord(e.extensions) ? e.extensions.code : undefined;
      if (typeof code === "string") return code;
    }
    if (error.networkError) return "NETWORK";
  }
  return "UNKNOWN";
}

/** The catalog key of the plain message for a code. */
export const errorMessageKey = (code: string): PlainMessageKey => (isErrorCode(code) ? `errors.${code}` : "errors.UNKNOWN");
