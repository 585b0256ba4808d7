// The Hive Gateway runtime for the composed supergraph.
import fs from "node:fs";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GatewayConfig } from "./config.ts";

/** Headers a subgraph may see from the client. Nothing else is forwarded. */
const FORWARDED_HEADERS = ["x-request-id"] as const;

export function createHubGateway(config: GatewayConfig): GatewayRuntime {
  return createGatewayRuntime({
    supergraph: fs.readFileSync(config.supergraphPath, "utf8"),
    transportEntries: Object.fromEntries(Object.entries(config.subgraphUrls).map(([name, location]) => [name, { location }])),
    upstreamTimeout: config.upstreamTimeoutMs,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(FORWARDED_HEADERS.map((h) => [h, request.headers.get(h)]).filter(([, v]) => v !== null)),
    },
    // Bundled GraphiQL: the default page loads its scripts from a CDN.
    renderGraphiQL,
    graphiql: { title: "Samhandling hub" },
    landingPage: false,
    logging: (process.env.LOG_LEVEL as "info" | "warn" | "error" | "debug" | undefined) ?? "info",
  });
}
