// Request-level guards that Hive's runtime does not expose: a body-size limit
// (GraphQL Yoga has one, but the runtime does not pass its option through), a
// strict UTF-8 check, and stable codes on the errors Yoga raises before a
// request reaches GraphQL.
import { GraphQLError } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { Logger } from "@graphql-hive/logger";
import { refusalResponse, requestRefusal, type ErrorCode } from "../../services/kit/errors.ts";
import { isErrorCode, isRetryable } from "../../services/kit/error-codes.ts";
import { createLogger } from "../../services/kit/log.ts";

const log = createLogger("gateway");

const tooLarge = (limit: number) =>
  requestRefusal("REQUEST_TOO_LARGE", `The request body is larger than ${limit} bytes. Send a smaller request (persisted documents keep it short).`);

/**
 * How deep variables and extensions may nest. The hub's own inputs nest a few
 * levels; the limit only has to keep a hostile body from reaching code that
 * recurses (graphql-js coercion, the canonical JSON of a signature).
 */
export const MAX_INPUT_DEPTH = 32;

type InputProblem = "nul" | "surrogate" | "depth";

const INPUT_REFUSALS: Record<InputProblem, () => GraphQLError> = {
  nul: () => requestRefusal("BAD_USER_INPUT", "A text contains the character U+0000, which no service can store. Remove it and send again."),
  // Escaped in JSON ("\ud800"), half a pair passes a UTF-8 check and would be stored as U+FFFD: refused like invalid UTF-8.
  surrogate: () => requestRefusal("INVALID_UTF8", "A text holds half of a UTF-16 surrogate pair (such as \\ud800 alone), which is no character. Send whole characters, encoded as UTF-8."),
  depth: () => requestRefusal("BAD_USER_INPUT", `The request's variables or extensions nest deeper than ${MAX_INPUT_DEPTH} levels. Send flatter input.`),
};

/**
 * What no service can take in a parsed request (query, variables, extensions;
 * keys too): U+0000, a lone surrogate, or nesting deeper than MAX_INPUT_DEPTH.
 * A loop over a stack, not recursion: a hostile body may nest thousands deep.
 */
export function inputProblem(value: unknown): InputProblem | null {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const next = values.pop();
    const depth = depths.pop()!;
    if (typeof next === "string") {
      const problem = textProblem(next);
      if (problem) return problem;
      continue;
    }
    if (next === null || typeof next !== "object") continue;
    if (depth >= MAX_INPUT_DEPTH) return "depth";
    for (const [key, item] of Object.entries(next)) {
      const problem = Array.isArray(next) ? null : textProblem(key);
      if (problem) return problem;
      values.push(item);
      depths.push(depth + 1);
    }
  }
  return null;
}

function textProblem(text: string): InputProblem | null {
  if (text.includes("\u0000")) return "nul";
  return text.isWellFormed() ? null : "surrogate";
}

const notOneRequest = () =>
  requestRefusal("BAD_REQUEST", "Every operation in a batch must be a JSON object with `query` (or `documentId`), `variables` and `operationName`. Send an array of such objects, or one.");

const notUtf8 = () => requestRefusal("INVALID_UTF8", "The request body is not valid UTF-8. Send JSON encoded as UTF-8.");

async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/**
 * Refuses a body over the limit (a declared Content-Length at once, a chunked
 * one while reading), a body that is not UTF-8 (the default parser would
 * silently turn it into U+FFFD and store that) or escapes a lone surrogate,
 * U+0000 in any string (PostgreSQL text cannot hold it; the database would
 * fail with internals), input nested past MAX_INPUT_DEPTH, and a batch whose
 * items are not request objects.
 */
export function useBodyGuard(limit: number): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const declared = request.headers.get("content-length");
      if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
      // Yoga would answer an empty 415; say what to send instead.
      if (!requestParser && request.method === "POST") {
        throw requestRefusal("UNSUPPORTED_MEDIA_TYPE", "Unsupported content type. Send a JSON body with content-type: application/json.");
      }
      if (!request.body || !requestParser) return;
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        const bytes = await readAtMost(incoming.body!, limit);
        let text: string;
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          throw notUtf8();
        }
        const params = await parse(new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: text }));
        // Yoga checks each operation's parameters only after every plugin's onParams has read them.
        if (Array.isArray(params) && params.some((one: unknown) => one === null || typeof one !== "object" || Array.isArray(one))) throw notOneRequest();
        refuseBadInput(params);
        return params;
      });
    },
    onParams({ request, params }) {
      // A GET's parameters come from its URL, which the parser above never sees.
      if (request.method === "GET") refuseBadInput(params);
    },
  };
}

function refuseBadInput(params: unknown): void {
  const problem = inputProblem(params);
  if (problem) throw INPUT_REFUSALS[problem]();
}

const VARIABLE_ERROR = /^Variable "\$/;

/** Yoga's own refusals by message (they have no code, or only a generic one) → what a client can branch on. */
const KNOWN: [RegExp, ErrorCode][] = [
  [/^Required CSRF header/, "CSRF_HEADER_MISSING"],
  [/^Batching is limited/, "BATCH_TOO_LARGE"],
  [/^POST body sent invalid JSON/, "MALFORMED_JSON"],
  [/^Request body too large/, "REQUEST_TOO_LARGE"],
  [/^Unauthenticated/, "UNAUTHENTICATED"],
  // graphql-js's coercion of variables: the value sent does not fit the declared type.
  [VARIABLE_ERROR, "BAD_USER_INPUT"],
];

/**
 * A subgraph's unexpected error says nothing a client can use and may name
 * files, tables or queries: keep the code and where it happened, not the text.
 */
function masked(error: GraphQLError): void {
  const extensions = error.extensions as Record<string, unknown>;
  if (extensions.code !== "INTERNAL_SERVER_ERROR") return;
  const service = typeof extensions.serviceName === "string" ? ` in ${extensions.serviceName}` : "";
  error.message = `Internal error${service}. Try again; if it persists, report the time and the x-hub-request-id response header to the hub's operators.`;
}

/** graphql-js's own hints ("Did you mean the enum value …?"), which armor's plugin does not catch outside validation. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Where a stack or a file path travels in an error's extensions: Apollo's
 * `stacktrace` and older servers' `exception`, whichever service the error
 * came from, and Yoga's `originalError` (its stack and text in development;
 * the JSON parser's message otherwise). None reaches a client, in any mode.
 * Of `originalError` its class is kept: Yoga answers 400 rather than 200 to
 * a plain-JSON client when it is there.
 */
function withoutInternals(extensions: Record<string, unknown>): void {
  delete extensions.stacktrace;
  delete extensions.exception;
  const original = extensions.originalError as { name?: unknown } | undefined;
  if (original !== undefined) extensions.originalError = { name: typeof original?.name === "string" ? original.name : "Error" };
}

function withCode(error: unknown, hideSuggestions: boolean): void {
  if (!(error instanceof GraphQLError)) return;
  if (hideSuggestions) error.message = error.message.replace(SUGGESTION, "");
  masked(error);
  const extensions = error.extensions as Record<string, unknown>;
  withoutInternals(extensions);
  const known = KNOWN.find(([pattern]) => pattern.test(error.message));
  if (known) {
    extensions.code = known[1];
    // A variable that does not fit its type is a bad request, whichever planner coerced it (the Rust
    // planner does so during execution, where the status would otherwise stay 200).
    if (known[0] === VARIABLE_ERROR) extensions.http ??= { status: 400 };
    return;
  }
  // Errors with a path come from execution (subgraphs set their own codes); only request-level ones are ours.
  if (typeof extensions.code === "string" || error.path) return markRetryable(extensions);
  const status = (extensions.http as { status?: number } | undefined)?.status;
  const code: ErrorCode = status !== undefined && status >= 400 && status < 500 ? "BAD_REQUEST" : "GRAPHQL_VALIDATION_FAILED";
  extensions.code = code;
}

/** Whatever raised it (a service, a library), an error's code the registry calls retryable says so to the client. */
function markRetryable(extensions: Record<string, unknown>): void {
  if (isErrorCode(extensions.code) && isRetryable(extensions.code)) extensions.retryable = true;
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;

/**
 * Codes on request-level errors; in production also no schema hints in any
 * message (variables included). Every refused request is logged once, by its
 * code and status: what happened, never what was sent.
 */
export function useStableErrorCodes(production: boolean): GatewayPlugin {
  return {
    onResultProcess({ result, serverContext }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: unknown[] } | null)?.errors;
        if (!Array.isArray(errors)) continue;
        for (const error of errors) withCode(error, production);
        const refusal = errors.find((error) => (statusOf(error) ?? 0) >= 400);
        if (refusal) {
          // The request's own logger (plugins/purpose.ts tags it with the request id), else the gateway's.
          const logger = (serverContext as { log?: Logger }).log;
          const fields = { code: String((refusal as GraphQLError).extensions.code), status: statusOf(refusal)! };
          if (logger) logger.info(fields, "request refused");
          else log.info("request refused", fields);
        }
      }
    },
  };
}

const DEADLINE_EXCEEDED = refusalResponse(
  "REQUEST_DEADLINE_EXCEEDED",
  "The request took longer than the gateway allows, so it stopped working on it. Try again; if it keeps happening, ask for less in one request.",
);

/**
 * Hive answers a request past REQUEST_DEADLINE_MS (its `requestDeadline`)
 * with a bare text 503 and aborts the request's signal, which otherwise only
 * a client that went away aborts (and that one gets no answer): give the
 * answer the registry's code, and log it.
 */
export function useDeadlineAnswer(): GatewayPlugin {
  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status !== 503 || !request.signal.aborted) return;
      log.warn("request stopped at its deadline", { code: "REQUEST_DEADLINE_EXCEEDED", path: new URL(request.url).pathname });
      setResponse(new fetchAPI.Response(DEADLINE_EXCEEDED.body, { status: DEADLINE_EXCEEDED.status, headers: { "content-type": "application/json; charset=utf-8", connection: "close" } }));
    },
  };
}
