// The Hive Gateway runtime for the composed supergraph.
import fs from "node:fs";
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import type { JWTAuthContextExtension } from "@graphql-mesh/plugin-jwt-auth";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GatewayConfig } from "./config.ts";
import { useHubAuth } from "./plugins/auth.ts";
import { useHubPurpose } from "./plugins/purpose.ts";
import { useHubSigning } from "./plugins/signing.ts";

/** Headers a subgraph may see from the client. Nothing else is forwarded. */
const FORWARDED_HEADERS = ["x-request-id"] as const;

export function createHubGateway(config: GatewayConfig): GatewayRuntime<JWTAuthContextExtension> {
  return createGatewayRuntime<JWTAuthContextExtension>({
    supergraph: fs.readFileSync(config.supergraphPath, "utf8"),
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    upstreamTimeout: config.upstreamTimeoutMs,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(FORWARDED_HEADERS.map((h) => [h, request.headers.get(h)]).filter(([, v]) => v !== null)),
    },
    // Order matters: claims and purpose are added to each subgraph request before it is signed.
    // The plugin packages ship their own inlined copy of the plugin type, hence the cast.
    plugins: () => [useHubAuth(config.auth), useHubPurpose(), useHubSigning(config.signingSecret)] as unknown as GatewayPlugin<JWTAuthContextExtension>[],
    // Bundled GraphiQL: the default page loads its scripts from a CDN.
    renderGraphiQL,
    graphiql: { title: "Samhandling hub" },
    landingPage: false,
    logging: (process.env.LOG_LEVEL as "info" | "warn" | "error" | "debug" | undefined) ?? "info",
  });
}
