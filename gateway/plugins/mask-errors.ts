// Which errors reach a client as they are. Yoga masks every error that is not
// a GraphQLError of its own making, as "Unexpected error." with
// INTERNAL_SERVER_ERROR. A subgraph's errors in a subscription's events come
// through Hive's SSE executor as the plain JSON objects the subgraph sent
// (the hub's own transport turns a query's into GraphQLErrors): one that
// carries a code of the hub's registry, written by a hub service for the
// client (FORBIDDEN for no sign-in, say), is passed on as a GraphQLError with
// that code; everything else is masked as Yoga does.
import { GraphQLError } from "graphql";
import { maskError as yogaMaskError, type YogaServerOptions } from "graphql-yoga";
import { isErrorCode } from "../../services/kit/error-codes.ts";

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>["maskedErrors"], boolean | undefined>["maskError"]>;

interface PlainError {
  message: string;
  path?: readonly (string | number)[];
  extensions: { code: string } & Record<string, unknown>;
}

/** A subgraph's error as JSON, not an Error: a message and a registry code other than an internal error's. */
function isCodedPlainError(error: unknown): error is PlainError {
  if (error === null || typeof error !== "object" || error instanceof Error) return false;
  const { message, extensions } = error as Partial<PlainError>;
  const code = extensions?.code;
  return typeof message === "string" && typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && isErrorCode(code);
}

export const hubMaskError: MaskError = (error, message, isDev) => {
  if (!isCodedPlainError(error)) return yogaMaskError(error, message, isDev);
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
};
