// The Hive Gateway runtime for the composed supergraph.
import fs from "node:fs";
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import type { GatewayConfig } from "./config.ts";
import { gatewayLogger } from "./log.ts";
import { trustedDocuments } from "./trusted-documents.ts";
import { useHubAuth, type SignedInContext, type TokenVerifier } from "./plugins/auth.ts";
import { limitPlugins } from "./plugins/limits.ts";
import { useHubPurpose } from "./plugins/purpose.ts";
import type { ConsentEpoch } from "../services/kit/consent-epoch.ts";
import { useHubRateLimit } from "./plugins/rate-limit.ts";
import { useBodyGuard, useStableErrorCodes } from "./plugins/request-limits.ts";
import { hubCrypto, useHubSigning } from "./plugins/signing.ts";
import { useSubgraphErrorNames } from "./plugins/subgraph-errors.ts";
import { startTracing, telemetryPlugins } from "./telemetry.ts";
import { hubHttpTransport } from "./transport.ts";

export function createHubGateway(config: GatewayConfig, epochs: ConsentEpoch, verifier: TokenVerifier): GatewayRuntime<SignedInContext> {
  const { hardening } = config;
  const { limits, production } = hardening;
  startTracing(hardening.telemetry);
  // The hub's own lean transport (transport.ts says why); Hive's when traces must reach the subgraphs.
  const hubTransport = config.transport === "hub" && !hardening.telemetry.traces;
  return createGatewayRuntime<SignedInContext>({
    supergraph: fs.readFileSync(config.supergraphPath, "utf8"),
    unifiedGraphHandler: config.queryPlanner === "rust" ? unifiedGraphHandler : undefined,
    // Every subgraph request carries its own request id and signature, so two are never identical:
    // merging identical in-flight requests would only cost a key and a deep copy of every answer.
    transportEntries: Object.fromEntries(
      Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false } }]),
    ),
    transports: hubTransport ? { http: hubHttpTransport } : undefined,
    upstreamTimeout: config.upstreamTimeoutMs,
    // WebCrypto with HMAC computed in place (plugins/signing.ts says why).
    fetchAPI: { crypto: hubCrypto() },
    // The purpose plugin puts the hub's own request id into the signed extensions: that is what
    // subgraphs log and trust, never a header a client could set. It also tags the gateway's log
    // with it, in place of Hive's request-id plugin, which would take the client's X-Request-Id.
    requestId: false,
    persistedDocuments: trustedDocuments(hardening),
    disableIntrospection: production ? {} : undefined,
    // A browser cannot send a cross-site JSON POST without a preflight; anything "simple" must carry this header.
    csrfPrevention: { requestHeaders: ["x-graphql-csrf", "apollo-require-preflight"] },
    batching: { limit: limits.maxBatch },
    // Cost is estimated where clients may send any document. In production only the trusted
    // documents run, and `npm run documents` refuses one whose cost is over MAX_COST, so the
    // estimate per subgraph call (about 4 % of the gateway's CPU) would only repeat that check.
    demandControl: hardening.allowArbitraryDocuments ? { maxCost: limits.maxCost, listSize: limits.listSize, includeExtensionMetadata: false } : undefined,
    // Order matters: claims and purpose are added to each subgraph request before it is signed.
    // The plugin packages ship their own inlined copy of the plugin type, hence the cast.
    plugins: (context) =>
      [
        useStableErrorCodes(production),
        useBodyGuard(limits.maxBodyBytes),
        ...limitPlugins(limits, production),
        ...telemetryPlugins(hardening.telemetry, context, { fetchMetrics: !hubTransport }),
        useHubAuth(verifier),
        ...(hardening.rateLimit.max > 0 ? [useHubRateLimit(hardening.rateLimit)] : []),
        useHubPurpose(epochs),
        useHubSigning(config.signingSecret),
        useSubgraphErrorNames(),
      ] as unknown as GatewayPlugin<SignedInContext>[],
    // Bundled GraphiQL: the default page loads its scripts from a CDN. Production serves none.
    renderGraphiQL,
    graphiql: production ? false : { title: "Samhandling hub" },
    landingPage: false,
    logging: gatewayLogger(config.logLevel),
  });
}
