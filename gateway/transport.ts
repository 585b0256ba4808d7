// Subgraph calls over HTTP with as little work per call as the hub needs.
// Hive's default transport (executor-http over the fetch ponyfill) is built
// for every kind of upstream: per call it combines abort signals a second
// time, scans the variables for file uploads, checks for subscriptions and
// incremental delivery, and builds WHATWG Request, Headers and Response
// objects around node:http. The hub's subgraphs take one signed POST and
// answer one JSON document, so this transport sends exactly that on a
// keep-alive agent and reads the answer back as one string.
//
// Subscriptions are the exception: they go to Hive's own HTTP transport, which
// sends the same signed POST with `Accept: text/event-stream` and reads the
// subgraph's event stream (services/kit/subscriptions.ts says why SSE).
//
// It does not run the gateway's onFetch hooks: with OpenTelemetry traces on
// (which need them to pass trace context to subgraphs), runtime.ts keeps
// Hive's transport.
import http from "node:http";
import https from "node:https";
import { defaultPrintFn } from "@graphql-tools/executor-common";
import type { Transport } from "@graphql-mesh/transport-common";
import httpTransport from "@graphql-mesh/transport-http";
import { createGraphQLError, getOperationASTFromRequest, type ExecutionRequest, type ExecutionResult } from "@graphql-tools/utils";
import { HUB_EXTENSION, type HubExtension } from "../services/kit/auth/signing.ts";

/** An answer larger than this is refused, not buffered: no subgraph answer of the hub comes near it. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

const ACCEPT = "application/graphql-response+json, application/json";

interface AnswerError {
  message?: unknown;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The subgraph's JSON answer as an execution result; a failed call (no GraphQL answer at all) throws. */
export function answerOf(status: number, text: string): ExecutionResult {
  let parsed: { data?: unknown; errors?: AnswerError[]; extensions?: Record<string, unknown> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`the subgraph answered HTTP ${status} without a JSON body`);
  }
  if (parsed === null || typeof parsed !== "object") throw new Error(`the subgraph answered HTTP ${status} with JSON that is not a GraphQL answer`);
  const errors = Array.isArray(parsed.errors) ? parsed.errors : undefined;
  if (parsed.data == null && !errors?.length) throw new Error(`the subgraph answered HTTP ${status} with neither data nor errors`);
  return {
    ...(parsed.data !== undefined ? { data: parsed.data as ExecutionResult["data"] } : {}),
    ...(errors ? { errors: errors.map((e) => createGraphQLError(typeof e.message === "string" ? e.message : "Unknown error", { path: e.path, extensions: e.extensions })) } : {}),
    ...(parsed.extensions ? { extensions: parsed.extensions } : {}),
  };
}

/** One executor per subgraph: POSTs each execution request to `location`. */
export function subgraphExecutor(location: string) {
  const url = new URL(location);
  const client = url.protocol === "https:" ? https : http;
  const agent = new client.Agent({ keepAlive: true });

  const execute = (request: ExecutionRequest): Promise<ExecutionResult> => {
    const signal = request.signal ?? request.info?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const body = JSON.stringify({
      query: defaultPrintFn(request.document),
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    // The subgraph tags its log lines with this before it has read the (signed) body.
    const requestId = (request.extensions?.[HUB_EXTENSION] as Partial<HubExtension> | undefined)?.requestId;
    const headers: http.OutgoingHttpHeaders = { "content-type": "application/json", accept: ACCEPT, "content-length": Buffer.byteLength(body) };
    if (typeof requestId === "string") headers["x-request-id"] = requestId;
    return new Promise<ExecutionResult>((resolve, reject) => {
      const call = client.request(url, { method: "POST", agent, headers, signal }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) call.destroy(new Error(`the subgraph's answer is larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          try {
            resolve(answerOf(response.statusCode ?? 0, Buffer.concat(chunks, size).toString("utf8")));
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on("error", reject);
        // A connection closed mid-answer is a failed call, whether or not Node reports it as an error.
        response.on("close", () => {
          if (!response.complete) reject(new Error("the subgraph closed the connection before its answer was complete"));
        });
      });
      call.on("error", reject);
      call.end(body);
    });
  };
  return Object.assign(execute, {
    [Symbol.dispose]: () => agent.destroy(),
  });
}

/** The transport for subgraphs of kind "http" (all of the hub's): queries and mutations here, subscriptions through Hive's. */
export const hubHttpTransport: Transport = {
  getSubgraphExecutor: (payload) => {
    const { transportEntry, subgraphName } = payload;
    if (!transportEntry.location) throw new Error(`Subgraph ${subgraphName} has no URL: set SUBGRAPH_URL_${subgraphName.toUpperCase()}.`);
    const lean = subgraphExecutor(transportEntry.location);
    const streaming = httpTransport.getSubgraphExecutor(payload);
    const execute = (request: ExecutionRequest) => (getOperationASTFromRequest(request).operation === "subscription" ? streaming(request) : lean(request));
    return Object.assign(execute, {
      [Symbol.dispose]: () => lean[Symbol.dispose](),
      [Symbol.asyncDispose]: () => streaming[Symbol.asyncDispose](),
    });
  },
};
