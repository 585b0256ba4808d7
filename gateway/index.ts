// The gateway process: serves the federated graph at /graphql.
import http from "node:http";
import { gatewayConfig } from "./config.ts";
import { createHubGateway } from "./runtime.ts";
import { createLogger, errorFields } from "../services/kit/log.ts";
import { Drain, onShutdown, shutdownTimeoutMs } from "../services/kit/lifecycle.ts";

const log = createLogger("gateway");

async function start(): Promise<void> {
  const config = gatewayConfig();
  const gateway = createHubGateway(config);
  // Readiness false and new requests refused while in-flight ones finish (kit/lifecycle.ts).
  const drain = new Drain({ readiness: "/readiness", passThrough: ["/healthcheck", "/metrics"] });
  const server = http.createServer(drain.wrap(gateway));
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log.info("gateway ready", { url: `http://localhost:${config.port}/graphql` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, inFlight: drain.requestsInFlight });
    // The runtime does not stop on a signal by itself: drain, close the listener, dispose.
    const { unfinished } = await drain.drain(server, shutdownTimeoutMs());
    await gateway[Symbol.asyncDispose]();
    log.info("stopped", { unfinished });
    process.exit(0);
  };
  onShutdown(stop, { exclusive: true });
}

start().catch((error: unknown) => {
  log.error("gateway failed to start", errorFields(error));
  if (error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
