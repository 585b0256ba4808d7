// The Hive Gateway runtime for the composed supergraph.
import fs from "node:fs";
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import type { Registry } from "prom-client";
import type { GatewayConfig } from "./config.ts";
import { gatewayLogger } from "./log.ts";
import { loadManifest, type ManifestOperation } from "./persisted-documents.ts";
import { trustedDocuments } from "./trusted-documents.ts";
import { useHubAuth, type SignedInContext, type TokenVerifier } from "./plugins/auth.ts";
import { useHubCors } from "./plugins/cors.ts";
import { useDocumentLimits } from "./plugins/document-limits.ts";
import { hubMaskError } from "./plugins/mask-errors.ts";
import { limitPlugins } from "./plugins/limits.ts";
import { useHubPurpose } from "./plugins/purpose.ts";
import type { ConsentEpoch } from "../services/kit/consent-epoch.ts";
import { useHubRateLimit } from "./plugins/rate-limit.ts";
import { useBodyGuard, useDeadlineAnswer, useStableErrorCodes } from "./plugins/request-limits.ts";
import { hubCrypto, useHubSigning } from "./plugins/signing.ts";
import { useSubgraphErrorNames } from "./plugins/subgraph-errors.ts";
import { startTracing, telemetryPlugins } from "./telemetry.ts";
import { useDataCopy } from "./data-copy/route.ts";
import { hubHttpTransport } from "./transport.ts";

/** `metrics`: the registry index.ts serves on METRICS_PORT. */
export function createHubGateway(config: GatewayConfig, epochs: ConsentEpoch, verifier: TokenVerifier, metrics: Registry): GatewayRuntime<SignedInContext> {
  const { hardening } = config;
  const { limits, production } = hardening;
  startTracing(hardening.telemetry);
  // Production refuses to start without its manifest; development runs without one.
  const manifest: ReadonlyMap<string, ManifestOperation> =
    fs.existsSync(hardening.persistedDocumentsPath) || production ? loadManifest(hardening.persistedDocumentsPath) : new Map();
  // The hub's own lean transport (transport.ts says why); Hive's when traces must reach the subgraphs.
  const hubTransport = config.transport === "hub" && !hardening.telemetry.traces;
  // The citizen's copy (data-copy/route.ts) reads through the runtime itself, once it exists.
  let runtime: GatewayRuntime<SignedInContext> | null = null;
  const self = () => (request: Request) => Promise.resolve(runtime!.fetch(request));
  runtime = createGatewayRuntime<SignedInContext>({
    supergraph: fs.readFileSync(config.supergraphPath, "utf8"),
    unifiedGraphHandler: config.queryPlanner === "rust" ? unifiedGraphHandler : undefined,
    // Every subgraph request carries its own request id and signature, so two are never identical:
    // merging identical in-flight requests would only cost a key and a deep copy of every answer.
    transportEntries: Object.fromEntries(
      // POST for subscriptions too (Hive's default for them is GET): the signed extensions belong in a body, not a URL.
      Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false, method: "POST" } }]),
    ),
    transports: hubTransport ? { http: hubHttpTransport } : undefined,
    upstreamTimeout: config.upstreamTimeoutMs,
    // WebCrypto with HMAC computed in place (plugins/signing.ts says why).
    fetchAPI: { crypto: hubCrypto() },
    // The purpose plugin puts the hub's own request id into the signed extensions: that is what
    // subgraphs log and trust, never a header a client could set. It also tags the gateway's log
    // with it, in place of Hive's request-id plugin, which would take the client's X-Request-Id.
    requestId: false,
    persistedDocuments: trustedDocuments(hardening, manifest),
    disableIntrospection: production ? {} : undefined,
    // The hub's own CORS (plugins/cors.ts): an allow-list, credentials for it alone.
    cors: false,
    // An unexpected error's text and stack stay in the log, in every mode: Yoga would attach them
    // to the answer whenever NODE_ENV=development.
    maskedErrors: { isDev: false, maskError: hubMaskError },
    // A request whose client has gone, or that runs past REQUEST_DEADLINE_MS, stops: execution is
    // cancelled and the subgraph calls it has in flight are aborted.
    executionCancellation: true,
    upstreamCancellation: true,
    requestDeadline: limits.requestDeadlineMs,
    // A browser cannot send a cross-site JSON POST without a preflight; anything "simple" must carry this header.
    csrfPrevention: { requestHeaders: ["x-graphql-csrf", "apollo-require-preflight"] },
    batching: { limit: limits.maxBatch },
    // Order matters: claims and purpose are added to each subgraph request before it is signed.
    // The plugin packages ship their own inlined copy of the plugin type, hence the cast.
    plugins: (context) =>
      [
        // First: its answer replaces Hive's, and the plugins after it add their headers to it.
        useDeadlineAnswer(),
        useHubCors(hardening.corsOrigins),
        useStableErrorCodes(production),
        useBodyGuard(limits.maxBodyBytes),
        ...limitPlugins(limits, production),
        // Cost is priced per request where clients may send any document. In production only
        // trusted documents run, and `npm run documents` priced each by the same rule.
        useDocumentLimits(limits, { priceDocuments: hardening.allowArbitraryDocuments }),
        ...telemetryPlugins(hardening.telemetry, context, { fetchMetrics: !hubTransport, registry: metrics, manifest: [...manifest.values()] }),
        useHubAuth(verifier),
        ...(hardening.rateLimit.max > 0 ? [useHubRateLimit(hardening.rateLimit)] : []),
        useHubPurpose(epochs),
        useHubSigning(config.signingSecret),
        useSubgraphErrorNames(),
        useDataCopy(self, manifest),
      ] as unknown as GatewayPlugin<SignedInContext>[],
    // Bundled GraphiQL: the default page loads its scripts from a CDN. Production serves none.
    renderGraphiQL,
    graphiql: production ? false : { title: "Samhandling hub" },
    landingPage: false,
    logging: gatewayLogger(config.logLevel),
  });
  return runtime;
}
