// The hub's HTTP servers, gateway and subgraphs alike, with their timeouts set
// on purpose rather than left at Node's defaults, which hold a slow or silent
// client for minutes: 60 s for headers, 300 s for a whole request. Node checks
// the timeouts every `connectionsCheckingInterval` (30 s by default), so that
// is shortened too, or a limit of a few seconds would be enforced 30 s late.
import http from "node:http";
import type { HttpTimeouts } from "./config.ts";

export function hubHttpServer(listener: http.RequestListener, timeouts: HttpTimeouts): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    },
    listener,
  );
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}
