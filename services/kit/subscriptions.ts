// Subscriptions of a subgraph, served to the gateway over server-sent events.
//
// Why SSE: Apollo Server answers one document per request and has no
// subscription transport of its own (Apollo's own routers use websockets or
// their HTTP callback protocol). Hive Gateway subscribes to a subgraph with one
// POST that accepts `text/event-stream` and reads the "distinct connections"
// mode of the GraphQL over SSE protocol (graphql-sse). That request is the same
// signed JSON POST as every other subgraph call: the kit verifies it exactly
// like a query (signature, freshness, nonce) before anything runs, and no
// second port, socket protocol or callback URL has to be opened and secured.
// graphql-js runs the subscription itself (`subscribe`), with the context a
// query of the same caller would have.
import type http from "node:http";
import { GraphQLError, getOperationAST, parse, subscribe, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { ErrorCode } from "./error-codes.ts";
import { createLogger } from "./log.ts";

const log = createLogger("http");

/** A comment line this often keeps proxies and the gateway from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

const INTERNAL = "Internal error; the request id is in the logs.";

/** Whether the request asks for an event stream (the gateway's subscription requests do). */
export function wantsEventStream(headers: http.IncomingHttpHeaders): boolean {
  return (headers.accept ?? "").toLowerCase().includes("text/event-stream");
}

/** The request's document when it is a subscription; null for anything else (which runs as a query or mutation does). */
export function subscriptionDocument(body: Record<string, unknown>): DocumentNode | null {
  if (typeof body.query !== "string") return null;
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch {
    return null;
  }
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  return getOperationAST(document, operationName)?.operation === "subscription" ? document : null;
}

/** As http.ts does for answers: an unexpected error keeps its path, never its text (which may hold personal data). */
function withoutInternals(result: ExecutionResult, requestId: string): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    if (typeof error.extensions?.code === "string") return error;
    log.error("subscription event failed", { requestId, path: error.path?.join(".") });
    return new GraphQLError(INTERNAL, { path: error.path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  });
  return { ...result, errors };
}

/** Sent as a stream's last event when the sign-in behind it runs out: the client subscribes again with its renewed token. */
const signInEnded = (): ExecutionResult => ({
  errors: [
    new GraphQLError("Your sign-in has ended. Sign in again (or let the app renew it) to keep receiving updates.", {
      extensions: { code: "UNAUTHENTICATED" satisfies ErrorCode },
    }),
  ],
});

/** setTimeout's longest delay; a later end is simply never reached by a timer (the stream is ended sooner by other means). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const event = (name: "next" | "complete", data: unknown) => `event: ${name}\ndata: ${data === undefined ? "" : JSON.stringify(data)}\n\n`;

/** The open streams of one process: shutdown completes them, so draining does not wait for clients that never leave. */
export class SubscriptionStreams {
  private readonly open = new Set<() => void>();

  get size(): number {
    return this.open.size;
  }

  /**
   * Runs `document` as a subscription and streams its events to `res` until
   * the subscription ends, the gateway hangs up, or the process shuts down.
   */
  async serve(args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    body: Record<string, unknown>;
    contextValue: unknown;
    requestId: string;
    req: http.IncomingMessage;
    res: http.ServerResponse;
    /**
     * When the caller's sign-in ends (ms since the epoch; the token's `exp`): the stream ends then with
     * UNAUTHENTICATED, so no event reaches a client whose sign-in is over. Absent: no end of its own.
     */
    endsAt?: number | null;
  }): Promise<void> {
    const { schema, document, body, contextValue, requestId, req, res, endsAt } = args;
    const head = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-request-id": requestId };
    const once = (result: ExecutionResult) => {
      res.writeHead(200, head);
      res.end(event("next", withoutInternals(result, requestId)) + event("complete", undefined));
    };
    const invalid = validate(schema, document);
    if (invalid.length > 0) return once({ errors: invalid });
    if (endsAt != null && endsAt <= Date.now()) return once(signInEnded());
    const outcome = await subscribe({
      schema,
      document,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === "string" ? body.operationName : undefined,
      contextValue,
    });
    // A refusal (not signed in, a bad argument) comes back as one result, not a stream.
    if (!(Symbol.asyncIterator in outcome)) return once(outcome);

    const iterator = outcome[Symbol.asyncIterator]();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      this.open.delete(end);
      void iterator.return?.();
      if (!res.writableEnded) res.end(event("complete", undefined));
    };
    res.writeHead(200, head);
    // Headers out at once: the gateway's subscription starts when the stream opens, not at the first event.
    res.flushHeaders();
    const heartbeat = setInterval(() => res.write(":\n\n"), HEARTBEAT_MS);
    const expiry =
      endsAt == null
        ? undefined
        : setTimeout(() => {
            if (!ended && !res.writableEnded) res.write(event("next", signInEnded()));
            end();
          }, Math.min(endsAt - Date.now(), MAX_TIMER_MS));
    this.open.add(end);
    req.on("close", end);
    res.on("close", end);
    try {
      for (let next = await iterator.next(); !next.done && !ended; next = await iterator.next()) {
        res.write(event("next", withoutInternals(next.value, requestId)));
      }
    } catch (error) {
      log.error("subscription failed", { requestId, error: error instanceof Error ? error.name : typeof error });
      if (!ended) res.write(event("next", { errors: [{ message: INTERNAL, extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
    } finally {
      end();
    }
  }

  /** Completes every open stream (shutdown: the gateway resubscribes on another instance). */
  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
