// Every `extensions.code` a client of the hub can meet: the hub's own and
// those the libraries it is built on raise themselves (Hive Gateway, GraphQL
// Yoga, graphql-armor, Apollo Server). The kit's errors (errors.ts), the
// gateway's plugins and docs/errors.md all take their codes from here, and a
// test fails when a code appears anywhere else (test/error-codes.test.ts).

export interface ErrorCodeEntry {
  /** The HTTP status of the answer when this code refuses a request as a whole, before any of it runs. */
  readonly status?: number;
  /** Raised in a field's error, in an answer with HTTP 200 and the rest of the data. */
  readonly field?: true;
  /** The library that raises it, when the hub only words it or passes it on; absent: the hub's own. */
  readonly from?: string;
  /** What happened. */
  readonly meaning: string;
  /** What the client should do. */
  readonly action: string;
  /**
   * The same request, sent again unchanged, may well succeed: the failure was
   * the moment's (an instance gone, a call cut off, a limit's window), not the
   * request's. The hub's answers say so in `extensions.retryable`. A write that
   * failed so may or may not have been applied: send again only what is
   * idempotent (the write APIs' source keys), or check first.
   */
  readonly retryable?: true;
}

export const ERROR_CODES = {
  // --- the request as sent ------------------------------------------------
  MALFORMED_JSON: {
    status: 400,
    from: "GraphQL Yoga",
    meaning: "The request body is not valid JSON.",
    action: "Send the request as a JSON object (`query` or `documentId`, `variables`).",
  },
  INVALID_UTF8: {
    status: 400,
    meaning: "The request body is not valid UTF-8, or a JSON string in it escapes half of a UTF-16 surrogate pair (`\\ud800` alone), so it would be stored garbled (as U+FFFD).",
    action: "Encode the JSON body as UTF-8, and escape characters outside the Basic Multilingual Plane as a whole pair (or not at all).",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    meaning: "A POST whose content type is not JSON.",
    action: "Send `content-type: application/json`.",
  },
  CSRF_HEADER_MISSING: {
    status: 403,
    from: "GraphQL Yoga (CSRF prevention)",
    meaning: "A request a browser may send cross-site without asking first (`text/plain`, a form, a bare GET) came without a preflight header.",
    action: "Send JSON, or add the header `x-graphql-csrf` (or `apollo-require-preflight`).",
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    meaning: "The request body is larger than the limit (`MAX_REQUEST_BODY_BYTES` at the gateway, `MAX_BODY_BYTES` at a subgraph), declared or streamed.",
    action: "Send a smaller request; trusted documents by `documentId` keep it short.",
  },
  BATCH_TOO_LARGE: {
    status: 413,
    from: "GraphQL Yoga (batching)",
    meaning: "More operations in one array request than `MAX_BATCH`.",
    action: "Split the batch, or send the operations one by one.",
  },
  BAD_REQUEST: {
    status: 400,
    from: "GraphQL Yoga, Hive Gateway",
    meaning: "A request that is not a GraphQL request: an unexpected parameter, a body that is not one request object, a batch with an item that is not one. 405 for a method other than GET and POST, or a mutation sent by GET.",
    action: "Send one GraphQL request as a JSON object by POST; the message says what is wrong.",
  },
  // --- the document -------------------------------------------------------
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    from: "GraphQL Yoga (graphql-js)",
    meaning: "The document is not valid GraphQL syntax. (200 instead of 400 when the request's `Accept` lists only `application/json`, as GraphQL over HTTP prescribes.)",
    action: "Fix the syntax at the line and column the error gives.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    from: "GraphQL Yoga (graphql-js)",
    meaning: "The document does not fit the schema (`schema/public.graphql`): an unknown field, a wrong argument, an operation type the API does not have (it has no subscriptions), introspection in production. (200 instead of 400 when the request's `Accept` lists only `application/json`.)",
    action: "Fix the document against the public schema.",
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    from: "GraphQL Yoga",
    meaning: "The document holds no operation named `operationName`, or several operations and no `operationName`.",
    action: "Send the name of one of the document's operations as `operationName`.",
  },
  QUERY_TOO_DEEP: {
    status: 400,
    from: "graphql-armor",
    meaning: "The selection nests deeper than `MAX_DEPTH`.",
    action: "Ask for less nesting, or split the query.",
  },
  TOO_MANY_ALIASES: {
    status: 400,
    from: "graphql-armor",
    meaning: "The document has more aliases than `MAX_ALIASES`.",
    action: "Use fewer aliases, or split the query.",
  },
  QUERY_TOO_LARGE: {
    status: 400,
    from: "graphql-armor",
    meaning: "The document has more tokens than `MAX_TOKENS`.",
    action: "Send a shorter document (or a trusted document by `documentId`).",
  },
  SELECTION_TOO_LARGE: {
    status: 400,
    meaning: "The document selects more fields than `MAX_SELECTIONS` once every fragment spread is expanded where it is used (a few fragments that each spread the next twice select millions). Checked before the query is planned.",
    action: "Spread fragments where they are needed only, or split the query.",
  },
  COST_ESTIMATED_TOO_EXPENSIVE: {
    status: 400,
    meaning: "The operation's estimated cost is over `MAX_COST`: 1 per object field, times `COST_LIST_SIZE` for each list around it, +10 for a mutation. The same rule prices trusted documents when `npm run documents` builds them; production runs only those.",
    action: "Ask for fewer fields inside lists, or split the query.",
  },
  PERSISTED_DOCUMENT_REQUIRED: {
    status: 400,
    from: "Hive Gateway (persisted documents)",
    meaning: "The request sent query text where only trusted documents run (production), or neither a query nor a document id.",
    action: "Send `documentId` with an id from `gateway/documents/manifest.json`.",
  },
  PERSISTED_DOCUMENT_NOT_FOUND: {
    status: 400,
    from: "Hive Gateway (persisted documents)",
    meaning: "No trusted document has this id (or Redis holds one under it that fails the manifest's checks).",
    action: "Use an id from `gateway/documents/manifest.json`.",
  },
  PERSISTED_DOCUMENTS_UNAVAILABLE: {
    status: 503,
    meaning: "The id is not in the gateway's manifest, and the trusted documents published to Redis cannot be read right now.",
    action: "Try again shortly; the manifest's documents keep running.",

    retryable: true,
  },
  REQUEST_DEADLINE_EXCEEDED: {
    status: 503,
    meaning: "Planning and running the request took longer than `REQUEST_DEADLINE_MS`; the gateway stopped its work on it (and its calls to the services).",
    action: "Try again; if it keeps happening, ask for less in one request.",

    retryable: true,
  },
  // --- who asks -----------------------------------------------------------
  UNAUTHENTICATED: {
    status: 401,
    meaning:
      "The bearer token was refused: not a JWT, from an issuer the identity mapping does not trust, for another audience, expired, signed with a key the issuer does not publish, or with claims the mapping cannot turn into a person, employee or service (the message says which). The answer carries `WWW-Authenticate: Bearer error=\"invalid_token\"`.",
    action: "Sign in again and send the new token; without a token the request runs as anonymous and sees nothing personal. Operators: docs/sign-in.md.",
  },
  SIGN_IN_UNAVAILABLE: {
    status: 503,
    meaning: "The token could not be checked right now: its issuer's discovery document or keys, or the population register (for a citizen), could not be reached.",
    action: "Try again shortly; operators: check that the gateway reaches the identity provider and the registry.",

    retryable: true,
  },
  RATE_LIMITED: {
    status: 429,
    meaning: "The caller made more requests (root fields) than `RATE_LIMIT_MAX` within `RATE_LIMIT_WINDOW_MS`.",
    action: "Wait the seconds in `Retry-After`, then try again.",

    retryable: true,
  },
  UNSIGNED_REQUEST: {
    status: 401,
    meaning: "A subgraph was called without the gateway's signature.",
    action: "Send the query to the gateway, never to a subgraph.",
  },
  BAD_SIGNATURE: {
    status: 401,
    meaning: "A subgraph was called with a signature that does not match the request (or another `HUB_SIGNING_SECRET`).",
    action: "Send the query to the gateway; operators: give every process the same `HUB_SIGNING_SECRET`.",
  },
  STALE_SIGNATURE: {
    status: 401,
    meaning: "A subgraph was called with a signature too old to accept.",
    action: "Send the query to the gateway; operators: check the processes' clocks.",
  },
  REPLAYED_SIGNATURE: {
    status: 401,
    meaning: "A subgraph was called with a signed request it has already answered (the same nonce within the signature's lifetime): a captured request sent again.",
    action: "Send the query to the gateway, which signs each call afresh.",
  },
  MISDIRECTED_SIGNATURE: {
    status: 401,
    meaning: "A subgraph was called with a request signed for another subgraph.",
    action: "Send the query to the gateway; operators: check that `SUBGRAPH_URL_<SERVICE>` points each service at itself.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    meaning: "A subgraph was called with another method than POST.",
    action: "Send the query to the gateway.",
  },
  // --- the answer ---------------------------------------------------------
  BAD_USER_INPUT: {
    status: 400,
    field: true,
    from: "also Apollo Server, GraphQL Yoga",
    meaning: "Input that can never be accepted as sent: a variable that does not fit its type, U+0000 in a text or an `X-Case-Id` that is no case id (the whole request, 400); a mutation's input refused by the rules (a field's error; `field` in extensions names the input).",
    action: "Correct the input as the message says; sending it again unchanged fails again.",
  },
  FORBIDDEN: {
    status: 403,
    field: true,
    meaning: "The caller is known but may not do this (for example change a case as a citizen, or for another service).",
    action: "Ask someone who may (the message says who), or sign in as the right person or service.",
  },
  NOT_FOUND: {
    status: 404,
    field: true,
    meaning: "Nothing with this id that the caller may see: it does not exist, or the caller takes no part in it — the two look alike on purpose. (404: a subgraph path other than `/graphql`.)",
    action: "Check the id, or ask the case's coordinator to add you.",
  },
  CONFLICT: {
    field: true,
    meaning: "The change conflicts with the present state: a closed case, a consent already withdrawn, a second open handover.",
    action: "Reload, see what changed, and decide again; sending it again unchanged fails again.",
  },
  UNKNOWN_EMPLOYEE: {
    field: true,
    meaning: "The actor id names no active employee in the employee directory: never signed in, not registered, or deactivated — alike on purpose.",
    action: "Check the actor id; the employee appears at their first sign-in, or their service's administrator registers or reactivates them.",
  },
  NOT_COMPETENT: {
    field: true,
    meaning: "The person giving or refusing a consent may not do so for this subject (age, parental responsibility).",
    action: "Record the consent from someone competent: the person from 18, a guardian with parental responsibility, the youth alone for health data from 16.",
  },
  ASSURANCE_TOO_LOW: {
    field: true,
    meaning: "A citizen signed in below the level of assurance the act needs: giving or withdrawing a consent needs the high level (`idporten-loa-high`).",
    action: "Sign in again at the high level (BankID or another high-level eID), then try again.",
  },
  CHILD_VIEW_MISSING: {
    field: true,
    meaning: "A guardian's consent for a child of 7 or more lacks the child's own view.",
    action: "Hear the child and record their view with the consent.",
  },
  PURPOSE_MISMATCH: {
    field: true,
    meaning: "The request declares another case (header `X-Case-Id`), or none, than the case it reads or changes.",
    action: "Send the header `X-Case-Id` with the id the message names (`openCase` goes without it).",
  },
  PURPOSE_REQUIRED: {
    field: true,
    meaning: "An employee asked for personal data without declaring the task it is for (header `X-Case-Id`). The refusal is logged; nothing was released.",
    action: "Send the header `X-Case-Id` with the id of the case (or barnevern's information request) you work in. A citizen needs none for themself and their children.",
  },
  CACHE_INVALIDATION_FAILED: {
    field: true,
    meaning: "The other services could not be told to decide access afresh after a change. With `saved: false` nothing was saved; with `saved: true` the change is saved and its ids are in the extensions.",
    action: "`saved: false`: try again in a moment. `saved: true`: do not send it again.",
  },
  ACCESS_LOG_UNAVAILABLE: {
    field: true,
    meaning: "The access log could not be written, so the data was withheld.",
    action: "Try again shortly.",

    retryable: true,
  },
  SUBGRAPH_ERROR: {
    field: true,
    meaning: "A service answered with an error of its own that carries no code; `serviceName` names it, its text stays in that service. The rest of the answer is complete.",
    action: "Try again; if it persists, report the time and the `x-hub-request-id` response header to the operators.",
  },
  SERVICE_UNAVAILABLE: {
    field: true,
    meaning: "A service could not be reached; `serviceName` names it. The rest of the answer is complete.",
    action: "Try again shortly; the other services' parts are valid meanwhile.",

    retryable: true,
  },
  GATEWAY_TIMEOUT: {
    field: true,
    from: "Hive Gateway (upstream timeout)",
    meaning: "A service did not answer within `UPSTREAM_TIMEOUT_MS`; `serviceName` names it. The rest of the answer is complete.",
    action: "Try again shortly.",

    retryable: true,
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    field: true,
    from: "Apollo Server, GraphQL Yoga",
    meaning: "An unexpected error, in the service `serviceName` names; its text stays in that service (500: a subgraph failed before GraphQL ran).",
    action: "Try again; if it persists, report the time and the `x-hub-request-id` response header to the operators.",
  },
  SHUTTING_DOWN: {
    status: 503,
    meaning: "The process is stopping and takes no new requests.",
    action: "Send the request again; another instance (or this one, restarted) answers it.",

    retryable: true,
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

type Entries = typeof ERROR_CODES;

/** Codes that refuse a whole request, with their HTTP status. */
export type RefusalCode = { [C in ErrorCode]: Entries[C] extends { status: number } ? C : never }[ErrorCode];

/** Codes a resolver may raise in a field's error. */
export type FieldCode = { [C in ErrorCode]: Entries[C] extends { field: true } ? C : never }[ErrorCode];

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === "string" && Object.hasOwn(ERROR_CODES, value);

export const statusOf = (code: RefusalCode): number => (ERROR_CODES[code] as ErrorCodeEntry).status!;

export const isRetryable = (code: ErrorCode): boolean => (ERROR_CODES[code] as ErrorCodeEntry).retryable === true;

/** An error's extensions as a client reads them: its code and, when the registry says so, `retryable: true`. */
export function codeExtensions<C extends ErrorCode>(code: C): { code: C; retryable?: true } {
  return isRetryable(code) ? { code, retryable: true } : { code };
}

/** How a code is answered, in words: the HTTP status of a refusal, and/or "200, in a field's error". */
export function answeredWith(entry: ErrorCodeEntry): string {
  const parts = [...(entry.status !== undefined ? [String(entry.status)] : []), ...(entry.field ? ["200, in a field's error"] : [])];
  return parts.join("; ");
}
