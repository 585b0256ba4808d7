// Says which service an error came from, in words a person can act on. The
// query planners place a failed subgraph call's error differently (the
// JavaScript one on each field it would have filled, the Rust one once on
// the entity list) and neither names the subgraph; a coordinator looking at a
// half-filled family overview must be told which service is missing. So every
// error a subgraph call produces carries `extensions.serviceName`, and a call
// that failed in transport (refused, reset: no GraphQL answer at all) becomes
// SERVICE_UNAVAILABLE (or GATEWAY_TIMEOUT) instead of an "unexpected error"
// with internals attached.
import { GraphQLError, type ExecutionResult } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { FieldCode } from "../../services/kit/errors.ts";

/** A clean error for a call that failed in transport: no request, response or stack details attached. */
function failedCall(serviceName: string, timedOut: boolean, path: readonly (string | number)[] | undefined): GraphQLError {
  const what = timedOut ? "did not answer in time" : "could not be reached";
  const code: FieldCode = timedOut ? "GATEWAY_TIMEOUT" : "SERVICE_UNAVAILABLE";
  return new GraphQLError(`The ${serviceName} service ${what}, so its part of the answer is missing; the rest is complete. Try again shortly.`, {
    path,
    extensions: { code, serviceName },
  });
}

/**
 * An error the subgraph itself answered with (a GraphQL error with a code, no
 * underlying exception) is kept and named; anything else is the call failing
 * — refused, reset, timed out — and is replaced: its extensions hold the
 * request sent upstream (forwarded token claims included), which must go
 * nowhere.
 */
function attributed(error: unknown, serviceName: string): GraphQLError {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  const name = error instanceof Error ? (error instanceof GraphQLError ? error.originalError?.name : error.name) : undefined;
  const timedOut = code === "GATEWAY_TIMEOUT" || name === "TimeoutError";
  if (!timedOut && error instanceof GraphQLError && typeof code === "string" && !error.originalError) {
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
