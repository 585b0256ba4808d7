// Which web pages may call the gateway from a browser: the origins in
// CORS_ORIGINS (by default the web app's own) and no other. A page of an
// allowed origin may send the signed-in user's token and read the answer and
// its request id; any other page gets no CORS headers at all, so its browser
// neither sends the preflighted request nor lets it read an answer. (Yoga's
// own CORS echoes every origin with credentials when none is configured, and
// answers a refused one with `Access-Control-Allow-Origin: null`.)
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { HUB_REQUEST_ID_HEADER } from "./purpose.ts";

/** What a browser may send: the token, the declared case, the client's own request id, and the CSRF header. */
const ALLOWED_HEADERS = ["authorization", "content-type", "accept", "x-case-id", "x-request-id", "x-graphql-csrf", "apollo-require-preflight"].join(", ");
const EXPOSED_HEADERS = [HUB_REQUEST_ID_HEADER, "x-request-id"].join(", ");
/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = "600";

export function useHubCors(origins: readonly string[]): GatewayPlugin {
  const allowed = new Set(origins);
  const allowedOrigin = (request: Request): string | null => {
    const origin = request.headers.get("origin");
    return origin !== null && allowed.has(origin) ? origin : null;
  };
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== "OPTIONS") return;
      const origin = allowedOrigin(request);
      const headers: Record<string, string> = { vary: "Origin", "content-length": "0" };
      if (origin) {
        Object.assign(headers, {
          "access-control-allow-origin": origin,
          "access-control-allow-credentials": "true",
          "access-control-allow-methods": "GET, POST",
          "access-control-allow-headers": ALLOWED_HEADERS,
          "access-control-max-age": PREFLIGHT_MAX_AGE_S,
        });
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      // A preflight has its headers from onRequest.
      if (request.method === "OPTIONS") return;
      // The answer's headers depend on the Origin: a cache must keep one per origin.
      response.headers.append("vary", "Origin");
      const origin = allowedOrigin(request);
      if (!origin) return;
      response.headers.set("access-control-allow-origin", origin);
      response.headers.set("access-control-allow-credentials", "true");
      response.headers.set("access-control-expose-headers", EXPOSED_HEADERS);
    },
  };
}
