// A small Node HTTP integration for Apollo Server: the GraphQL endpoint plus
// the operational endpoints every subgraph exposes the same way.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";
import { HUB_EXTENSION } from "./auth/signing.ts";
import type { DocumentNode } from "graphql";
import { refusalResponse, type RefusalCode } from "./errors.ts";
import { createLogger } from "./log.ts";
import { subscriptionDocument, wantsEventStream } from "./subscriptions.ts";

const log = createLogger("http");

export interface IncomingGraphQL {
  requestId: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body, already checked by `verify`. */
  body: Record<string, unknown>;
}

export interface HttpHandlers<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Refuses a request that does not come from the hub itself: a stable code and a message, or null. */
  verify(body: Record<string, unknown>): Promise<{ code: RefusalCode; message: string } | null>;
  /** The largest request body accepted (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  context(request: IncomingGraphQL): Promise<Context>;
  isReady(): boolean;
  metrics(): string;
  /**
   * A verified subscription the gateway asked to stream (kit/subscriptions.ts): streams it to `res`.
   * Absent, a subscription is answered like any other operation (graphql-js refuses it).
   */
  subscribe?(request: IncomingGraphQL, document: DocumentNode, req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

/** A refusal before GraphQL runs; its HTTP status is the registry's for its code. */
class HttpError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, error: HttpError): void {
  const { status, body } = refusalResponse(error.code, error.message);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(body);
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError("REQUEST_TOO_LARGE", `Request body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  const buffer = Buffer.concat(chunks);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new HttpError("BAD_REQUEST", "Request body is not valid UTF-8.");
  }
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().startsWith("application/json")) return raw;
  if (raw === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError("BAD_REQUEST", "Request body is not valid JSON.");
  }
}

/**
 * Apollo passes an unexpected error's own text through (a database error names
 * files, tables and the values sent). Keep the code and path, not the text;
 * log only where and which request (the text may hold personal data).
 */
function withoutInternals(body: string, requestId: string): string {
  if (!body.includes('"INTERNAL_SERVER_ERROR"')) return body;
  const parsed = JSON.parse(body) as { errors?: { message: string; path?: unknown; extensions?: { code?: unknown } }[] };
  for (const error of parsed.errors ?? []) {
    if (error.extensions?.code !== "INTERNAL_SERVER_ERROR") continue;
    log.error("resolver failed", { requestId, path: Array.isArray(error.path) ? error.path.join(".") : undefined });
    error.message = "Internal error; the request id is in the logs.";
  }
  return JSON.stringify(parsed);
}

function headerMap(headers: http.IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}

/**
 * The gateway's request id (it sends the hub's id as X-Request-Id), else a new one. The
 * header is not verified yet when it is read, so only an id-like value is
 * taken: a caller must not be able to write free text into the log.
 */
function requestIdOf(req: http.IncomingMessage): string {
  const header = req.headers["x-request-id"];
  return typeof header === "string" && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
}

function signedRequestId(body: Record<string, unknown>): string | undefined {
  const hub = (body.extensions as Record<string, unknown> | undefined)?.[HUB_EXTENSION] as { requestId?: unknown } | undefined;
  return typeof hub?.requestId === "string" && hub.requestId !== "" ? hub.requestId : undefined;
}

export function createRequestListener<Context extends BaseContext>(handlers: HttpHandlers<Context>): http.RequestListener {
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // Known before anything can fail, so every log line about this request carries it.
    let requestId = requestIdOf(req);
    try {
      switch (url.pathname) {
        case "/healthz":
          return sendJson(res, 200, { status: "ok" });
        case "/readyz":
          return sendJson(res, handlers.isReady() ? 200 : 503, { ready: handlers.isReady() });
        case "/metrics":
          res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
          return res.end(handlers.metrics());
        case "/graphql":
          break;
        default:
          throw new HttpError("NOT_FOUND", "Not found. The GraphQL endpoint is /graphql.");
      }
      if (!handlers.isReady()) throw new HttpError("SHUTTING_DOWN", "The service is shutting down; retry on another instance.");

      // Only the gateway and sibling subgraphs call a subgraph, always with a signed JSON POST.
      if (req.method !== "POST") throw new HttpError("METHOD_NOT_ALLOWED", "Subgraphs accept only signed POST requests from the gateway.");
      const body = parseBody(await readBody(req, handlers.maxBodyBytes), req.headers["content-type"]);
      if (body === null || typeof body !== "object" || Array.isArray(body)) {
        throw new HttpError("BAD_REQUEST", "Send one GraphQL request as a JSON object with content-type application/json.");
      }
      const refusal = await handlers.verify(body as Record<string, unknown>);
      if (refusal) throw new HttpError(refusal.code, refusal.message);
      // The id the gateway signed is the one its answer header, the access log and the other services carry.
      requestId = signedRequestId(body as Record<string, unknown>) ?? requestId;
      const subscription = handlers.subscribe && wantsEventStream(req.headers) ? subscriptionDocument(body as Record<string, unknown>) : null;
      if (subscription) return await handlers.subscribe!({ requestId, headers: req.headers, body: body as Record<string, unknown> }, subscription, req, res);

      const request: HTTPGraphQLRequest = {
        method: "POST",
        headers: headerMap(req.headers),
        search: url.search,
        body,
      };
      const response = await handlers.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () => handlers.context({ requestId, headers: req.headers, body: body as Record<string, unknown> }),
      });
      const headers: Record<string, string> = { "x-request-id": requestId };
      for (const [key, value] of response.headers) if (key !== "content-length") headers[key] = value;
      res.writeHead(response.status ?? 200, headers);
      if (response.body.kind === "complete") return res.end(withoutInternals(response.body.string, requestId));
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error);
      log.error("request failed", { requestId, error: error instanceof Error ? error.name : typeof error });
      if (!res.headersSent) sendError(res, new HttpError("INTERNAL_SERVER_ERROR", "Internal error; the request id is in the logs."));
      else res.end();
    }
  };
}
