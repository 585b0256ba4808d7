// Each subgraph call has its own time limit (UPSTREAM_TIMEOUT_MS, per service
// UPSTREAM_TIMEOUT_MS_<SERVICE>). When it runs out the call is aborted, so a
// hung service holds no connection, and the call fails with a TimeoutError,
// which subgraph-errors.ts turns into GATEWAY_TIMEOUT naming the service.
//
// Hive's own `upstreamTimeout` does the same, but on every call it creates a
// timeout signal and merges it with the request's through @graphql-hive/signal
// (a controller, weak references and finalization-registry entries for each
// signal): with the seven calls of a family overview that was about a fifth of
// the gateway's CPU (bench/RESULTS.md). Here a call costs one controller, one
// timer and at most one listener on the client's request signal.
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";

/** What a call that ran out of time fails with; subgraph-errors.ts recognises the name. */
export class UpstreamTimeoutError extends Error {
  constructor(serviceName: string, ms: number) {
    super(`${serviceName} did not answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

export function useHubUpstreamTimeout(timeoutFor: (call: { subgraphName?: string }) => number): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const ms = timeoutFor({ subgraphName });
      setExecutor(((request: Parameters<typeof executor>[0]) => {
        const controller = new AbortController();
        // The client going away still cancels the call.
        const client = request.signal;
        const cancel = () => controller.abort(client?.reason);
        if (client?.aborted) cancel();
        else client?.addEventListener("abort", cancel, { once: true });
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new UpstreamTimeoutError(subgraphName, ms);
            reject(error);
            controller.abort(error);
          }, ms);
        });
        const call = Promise.resolve(executor({ ...request, signal: controller.signal }));
        return Promise.race([call, expired]).finally(() => {
          clearTimeout(timer);
          client?.removeEventListener("abort", cancel);
        });
      }) as typeof executor);
    },
  };
}
