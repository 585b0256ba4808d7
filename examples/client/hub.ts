// A minimal typed GraphQL client for the hub, with no library beyond graphql-js:
// a generated document in, its generated result type out, and every error
// with its `extensions.code` typed as the schema's ErrorCode. A real app
// would use urql or Apollo Client the same way (web/src/graphql/client.ts).
import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { ErrorCode } from "./generated/schema-enums.ts";

/** Where the hub is and who asks. */
export interface Hub {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  gatewayUrl: string;
  /** The signed-in user's access token (token.ts in development). */
  token: string;
  /**
   * Send each operation as its trusted-document id alone, never its text, as
   * production requires (docs/client-kit.md#trusted-documents-in-production).
   * Off in development, where the gateway also runs text.
   */
  trustedDocuments?: boolean;
}

/** One error of an answer, by the code a client switches on. */
export interface HubError {
  message: string;
  /**
   * The error's code from the hub's registry (docs/errors.md). A code added in
   * a later release than these generated types is not in the union: handle
   * it in a `default` branch.
   */
  code: ErrorCode | undefined;
  /** The field the error belongs to; absent when the whole request was refused. */
  path: readonly (string | number)[] | undefined;
}

export interface Answer<Result> {
  /** 200 unless the request was refused as a whole (docs/errors.md gives each code's status). */
  status: number;
  /** What was answered; a field that failed is null and has its error below. */
  data: Result | null;
  errors: HubError[];
}

export interface AskOptions {
  /** The case the request works in: sent as the header X-Case-Id, under which personal data is decided. */
  caseId?: string;
}

interface WireAnswer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** The id codegen embedded in a generated document: the sha256 of its printed text, as the gateway's manifest keys it. */
export function trustedDocumentId(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== "string") throw new Error("Not a generated document: write the operation in a .graphql file and run `npm run web:codegen`.");
  return hash;
}

/** Sends one generated operation: its text in development, its trusted-document id with `trustedDocuments`. */
export async function ask<Result, Variables>(hub: Hub, document: TypedDocumentNode<Result, Variables>, variables: Variables, options: AskOptions = {}): Promise<Answer<Result>> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    authorization: `Bearer ${hub.token}`,
  };
  if (options.caseId !== undefined) headers["x-case-id"] = options.caseId;
  // Always POST: a GET would put the variables (ids, a national id in a search) into the URL, and URLs get logged.
  const response = await fetch(hub.gatewayUrl, { method: "POST", headers, body: JSON.stringify(hub.trustedDocuments ? { documentId: trustedDocumentId(document), variables } : { query: print(document), variables }) });
  const body = (await response.json()) as WireAnswer;
  return {
    status: response.status,
    data: (body.data ?? null) as Result | null,
    // The wire carries a string; the registry is the closed set it comes from (a newer code falls to `default`).
    errors: (body.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code as ErrorCode | undefined, path: e.path })),
  };
}
