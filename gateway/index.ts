// The gateway process: serves the federated graph at /graphql.
import http from "node:http";
import { gatewayConfig } from "./config.ts";
import { createHubGateway } from "./runtime.ts";
import { createLogger, errorFields } from "../services/kit/log.ts";
import { onShutdown } from "../services/kit/lifecycle.ts";

const log = createLogger("gateway");

async function start(): Promise<void> {
  const config = gatewayConfig();
  const gateway = createHubGateway(config);
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log.info("gateway ready", { url: `http://localhost:${config.port}/graphql` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    // The runtime does not stop on a signal by itself: close the listener, let in-flight requests finish, dispose.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await gateway[Symbol.asyncDispose]();
    process.exit(0);
  };
  onShutdown(stop);
}

start().catch((error: unknown) => {
  log.error("gateway failed to start", errorFields(error));
  if (error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
