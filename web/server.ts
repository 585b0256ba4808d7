// The web app's process: serves the built app (web/dist) and its runtime
// settings on the gateway's port + 200 (4200). JSON log lines like every
// other process, never a URL or a header (paths name cases); SIGTERM drains.
import http from "node:http";
import { createLogger, exitForStartFailure } from "../services/kit/log.ts";
import { Drain, onShutdown } from "../services/kit/lifecycle.ts";
import { webConfig } from "./config.ts";
import { loadAssets, staticSite } from "./static.ts";

const log = createLogger("web");

const READINESS = "/readyz";
const LIVENESS = "/healthz";

async function start(): Promise<void> {
  const config = webConfig();
  const site = staticSite(loadAssets(config.distDir), config.runtime);
  const drain = new Drain({ readiness: READINESS, passThrough: [LIVENESS] });
  const server = http.createServer(
    drain.wrap((req, res) => {
      const pathname = (req.url ?? "/").split("?")[0];
      if (pathname === READINESS || pathname === LIVENESS) {
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
        return res.end(JSON.stringify(pathname === READINESS ? { ready: true } : { ok: true }));
      }
      site.handle(req, res);
    }),
  );
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log.info("web app ready", { url: `http://${config.host}:${config.port}/`, trustedDocumentsOnly: config.runtime.trustedDocumentsOnly, signIn: config.runtime.oidc !== null });

  let stopping = false;
  onShutdown(async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, inFlight: drain.requestsInFlight });
    const { unfinished } = await drain.drain(server, config.shutdownTimeoutMs);
    log.info("stopped", { unfinished });
    process.exit(0);
  });
}

start().catch((error: unknown) => exitForStartFailure(log, "web app failed to start", error));
