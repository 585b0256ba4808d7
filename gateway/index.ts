// The gateway process: serves the federated graph at /graphql, and its
// metrics on a port of their own.
import type http from "node:http";
import { gatewayConfig } from "./config.ts";
import { createHubGateway } from "./runtime.ts";
import { metricsRegistry, serveMetrics } from "./telemetry.ts";
import { hubHttpServer } from "../services/kit/http-server.ts";
import { configureLogs, createLogger, exitForStartFailure } from "../services/kit/log.ts";
import { Drain, onShutdown, reportStartup } from "../services/kit/lifecycle.ts";
import { EPOCH_PATH, FollowedEpoch, redisEpoch, type ConsentEpoch } from "../services/kit/consent-epoch.ts";
import { refusalResponse } from "../services/kit/errors.ts";
import { internalClient } from "../services/kit/internal.ts";
import { registryCitizens } from "./identity/citizens.ts";
import { TokenVerifier } from "./identity/verifier.ts";

const log = createLogger("gateway");

async function start(): Promise<void> {
  const config = gatewayConfig();
  configureLogs({ level: config.logLevel, production: config.production });
  reportStartup("code loaded");
  // The consent epoch stamped on every subgraph call (kit/consent-epoch.ts): from Redis, or pushed by samhandling.
  const followed = config.redisUrl ? null : new FollowedEpoch(config.signingSecret);
  const epochs: ConsentEpoch = followed ?? redisEpoch(config.redisUrl!);
  // Citizens' national ids are looked up in the registry, over the gateway's own signed hop.
  const citizens = registryCitizens(internalClient("gateway", config.signingSecret, config.subgraphUrls), config.auth.citizenLookupMs);
  const verifier = new TokenVerifier(config.auth.issuers, config.auth.keys, citizens);
  const registry = metricsRegistry();
  const gateway = createHubGateway(config, epochs, verifier, registry);
  reportStartup("supergraph loaded");
  // Readiness false and new requests refused while in-flight ones finish (kit/lifecycle.ts).
  const drain = new Drain({ readiness: "/readiness", passThrough: ["/healthcheck"] });
  const server = hubHttpServer(
    drain.wrap((req, res) => (followed && req.url === EPOCH_PATH ? receiveEpoch(followed, req, res) : gateway(req, res))),
    config.httpTimeouts,
  );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { metrics, metricsPort } = config.hardening.telemetry;
  const metricsServer = metrics ? await serveMetrics(registry, { port: metricsPort, host: config.host, timeouts: config.httpTimeouts }) : null;
  log.info("gateway ready", {
    url: `http://localhost:${config.port}/graphql`,
    metricsPort: metricsServer ? metricsPort : undefined,
    identityMapping: config.auth.mappingFile,
    issuers: config.auth.issuers.map((i) => i.issuer).join(" "),
  });
  // Each issuer's discovery document ahead of the first token; one that fails now is tried again when a token needs it.
  void verifier.warm().then((failures) => {
    for (const failure of failures) log.warn("identity provider not reachable yet", failure);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, inFlight: drain.requestsInFlight });
    // The runtime does not stop on a signal by itself: drain, close the listener, dispose.
    const { unfinished } = await drain.drain(server, config.shutdownTimeoutMs);
    await gateway[Symbol.asyncDispose]();
    await closeServer(metricsServer);
    await epochs.close();
    log.info("stopped", { unfinished });
    process.exit(0);
  };
  onShutdown(stop, { exclusive: true });
}

function closeServer(server: http.Server | null): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** samhandling's signed push of the consent epoch (only without Redis). */
function receiveEpoch(followed: FollowedEpoch, req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= 16_384) chunks.push(chunk);
  });
  req.on("end", () => {
    let body: unknown = null;
    try {
      body = req.method === "POST" && size <= 16_384 ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : null;
    } catch {
      // not JSON: refused below
    }
    const outcome = followed.receive(body);
    const answer = outcome.ok ? { status: 200, body: JSON.stringify({ ok: true }) } : refusalResponse(outcome.code, "Only samhandling may push the consent epoch.");
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
    res.end(answer.body);
  });
}

start().catch((error: unknown) => exitForStartFailure(log, "gateway failed to start", error));
