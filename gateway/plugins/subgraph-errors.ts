// Says which service an error came from, in words a person can act on. The
// query planners place a failed subgraph call's error differently (the
// JavaScript one on each field it would have filled, the Rust one once on
// the entity list) and neither names the subgraph; a coordinator looking at a
// half-filled family overview must be told which service is missing. So every
// error a subgraph call produces carries `extensions.serviceName`, and a call
// that failed in transport (refused, reset: no GraphQL answer at all) becomes
// SERVICE_UNAVAILABLE (or GATEWAY_TIMEOUT) instead of an "unexpected error"
// with internals attached. An error the service answered itself without a
// code is SUBGRAPH_ERROR: it did answer, and its text (which may name its
// internals) stays there.
import { GraphQLError, type ExecutionResult } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { codeExtensions } from "../../services/kit/error-codes.ts";
import type { FieldCode } from "../../services/kit/errors.ts";

/** A clean error for a call that failed in transport: no request, response or stack details attached. */
function failedCall(serviceName: string, timedOut: boolean, path: readonly (string | number)[] | undefined): GraphQLError {
  const what = timedOut ? "did not answer in time" : "could not be reached";
  const code: FieldCode = timedOut ? "GATEWAY_TIMEOUT" : "SERVICE_UNAVAILABLE";
  return new GraphQLError(`The ${serviceName} service ${what}, so its part of the answer is missing; the rest is complete. Try again shortly.`, {
    path,
    extensions: { ...codeExtensions(code), serviceName },
  });
}

/** The service's own error without a code: named, its text masked. */
function uncodedError(serviceName: string, path: readonly (string | number)[] | undefined): GraphQLError {
  const code: FieldCode = "SUBGRAPH_ERROR";
  return new GraphQLError(
    `The ${serviceName} service answered with an error, so its part of the answer is missing; the rest is complete. Try again; if it persists, report the time and the x-hub-request-id response header to the hub's operators.`,
    { path, extensions: { code, serviceName } },
  );
}

/**
 * An error the subgraph itself answered with (a GraphQL error in its answer,
 * no underlying exception) is kept and named when it has a code, and masked as
 * SUBGRAPH_ERROR when it has none; anything else is the call failing —
 * refused, reset, timed out — and is replaced: its extensions hold the request
 * sent upstream (forwarded token claims included), which must go nowhere.
 */
function attributed(error: unknown, serviceName: string): GraphQLError {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  const name = error instanceof Error ? (error instanceof GraphQLError ? error.originalError?.name : error.name) : undefined;
  const timedOut = code === "GATEWAY_TIMEOUT" || name === "TimeoutError";
  if (!timedOut && error instanceof GraphQLError && !error.originalError) {
    if (typeof code !== "string") return uncodedError(serviceName, error.path);
    (error.extensions as Record<string, unknown>).serviceName ??= serviceName;
    return error;
  }
  return failedCall(serviceName, timedOut, error instanceof GraphQLError ? error.path : undefined);
}

export function useSubgraphErrorNames(): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      setExecutor(((request: Parameters<typeof executor>[0]) =>
        Promise.resolve(executor(request)).then(
          (result) => {
            const errors = (result as ExecutionResult | undefined)?.errors;
            if (errors?.length) (result as { errors: GraphQLError[] }).errors = errors.map((e) => attributed(e, subgraphName));
            return result;
          },
          (error: unknown) => {
            throw attributed(error, subgraphName);
          },
        )) as typeof executor);
    },
  };
}
