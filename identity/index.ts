// The development identity provider as a process of its own (`npm run
// identity`): an OpenID provider on GATEWAY_PORT + 100 that knows the demo's
// employees, citizens and auditors and the hub's clients. Development only.
import http from "node:http";
import { Drain, onShutdown } from "../services/kit/lifecycle.ts";
import { createLogger, errorFields, exitForStartFailure } from "../services/kit/log.ts";
import { MACHINE_CLIENTS } from "./clients.ts";
import { IDENTITY_SETTINGS, identityConfig } from "./config.ts";
import { interactionRoutes } from "./interactions.ts";
import { loadSigningKeys } from "./keys.ts";
import { createProvider } from "./provider.ts";
import { ensureIdentitySecrets } from "./secrets.ts";
import { FileStore } from "./store.ts";
import { demoDirectory } from "./users.ts";

const log = createLogger("identity");


function printHelp(): void {
  console.log("npm run identity   the development OpenID provider\n\nSettings (environment):");
  for (const s of IDENTITY_SETTINGS) console.log(`  ${s.name.padEnd(40)} ${s.description}`);
}

async function start(): Promise<void> {
  if (process.argv.includes("--help")) return printHelp();
  const config = identityConfig();
  const directory = demoDirectory(config.directory);
  const jwks = await loadSigningKeys(config.dataDir);
  const secrets = ensureIdentitySecrets(config.dataDir, MACHINE_CLIENTS.map((c) => c.clientId));
  const store = FileStore.in(config.dataDir);
  const provider = createProvider({ config, directory, jwks, secrets, store });
  provider.on("server_error", (_ctx: unknown, error: unknown) => log.error("provider error", errorFields(error)));
  // Errors a client caused (a wrong code, a refused scope): worth a line, not an alarm. The OAuth error code only.
  const refused = (event: string) => (_ctx: unknown, error: { error?: string }) => log.info("request refused", { event, error: error.error });
  provider.on("authorization.error", refused("authorization.error"));
  provider.on("grant.error", refused("grant.error"));
  provider.on("end_session.error", refused("end_session.error"));

  const serveProvider = provider.callback();
  const interactions = interactionRoutes(provider, directory, log);
  let ready = false;
  // Readiness false and new requests refused while in-flight ones finish (kit/lifecycle.ts).
  const drain = new Drain({ readiness: "/readyz", passThrough: ["/healthz"] });
  const server = http.createServer(
    drain.wrap((req, res) => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/readyz" || path === "/healthz") {
        const ok = path === "/healthz" || ready;
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json; charset=utf-8" });
        return res.end(JSON.stringify(path === "/healthz" ? { ok } : { ready: ok }));
      }
      interactions(req, res)
        .then((handled) => (handled ? undefined : serveProvider(req, res)))
        .catch((error: unknown) => {
          log.error("request failed", errorFields(error));
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end("Intern feil i innloggingstjenesten.");
        });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  ready = true;
  log.info("identity provider ready", { issuer: config.issuer, port: config.port, signingKey: jwks.keys[0].kid, publishedKeys: jwks.keys.length });

  let stopping = false;
  onShutdown(async (reason) => {
    if (stopping) return;
    stopping = true;
    ready = false;
    log.info("shutting down", { reason, inFlight: drain.requestsInFlight });
    const { unfinished } = await drain.drain(server, config.shutdownTimeoutMs);
    store.flush();
    log.info("stopped", { unfinished });
    process.exit(0);
  });
}

start().catch((error: unknown) => exitForStartFailure(log, "identity provider failed to start", error));
