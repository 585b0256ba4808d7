// Request-level guards that Hive's runtime does not expose: a body-size limit
// (GraphQL Yoga has one, but the runtime does not pass its option through), a
// strict UTF-8 check, and stable codes on the errors Yoga raises before a
// request reaches GraphQL.
import { GraphQLError } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { requestRefusal, type ErrorCode } from "../../services/kit/errors.ts";

const tooLarge = (limit: number) =>
  requestRefusal("REQUEST_TOO_LARGE", `The request body is larger than ${limit} bytes. Send a smaller request (persisted documents keep it short).`);

const nulCharacter = () => requestRefusal("BAD_USER_INPUT", "A text contains the character U+0000, which no service can store. Remove it and send again.");

/** True when any string in a parsed request (query, variables, extensions) holds U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsNul);
  return false;
}

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
 * silently turn it into U+FFFD and store that), and U+0000 in any string
 * (PostgreSQL text cannot hold it; the database would fail with internals).
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
        if (holdsNul(params)) throw nulCharacter();
        return params;
      });
    },
  };
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

function withCode(error: unknown, hideSuggestions: boolean): void {
  if (!(error instanceof GraphQLError)) return;
  if (hideSuggestions) error.message = error.message.replace(SUGGESTION, "");
  masked(error);
  const extensions = error.extensions as Record<string, unknown>;
  const known = KNOWN.find(([pattern]) => pattern.test(error.message));
  if (known) {
    extensions.code = known[1];
    // A variable that does not fit its type is a bad request, whichever planner coerced it (the Rust
    // planner does so during execution, where the status would otherwise stay 200).
    if (known[0] === VARIABLE_ERROR) extensions.http ??= { status: 400 };
    return;
  }
  // Errors with a path come from execution (subgraphs set their own codes); only request-level ones are ours.
  if (typeof extensions.code === "string" || error.path) return;
  const status = (extensions.http as { status?: number } | undefined)?.status;
  const code: ErrorCode = status !== undefined && status >= 400 && status < 500 ? "BAD_REQUEST" : "GRAPHQL_VALIDATION_FAILED";
  extensions.code = code;
}

/** Codes on request-level errors; in production also no schema hints in any message (variables included). */
export function useStableErrorCodes(production: boolean): GatewayPlugin {
  return {
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: unknown[] } | null)?.errors;
        if (Array.isArray(errors)) for (const error of errors) withCode(error, production);
      }
    },
  };
}
