// The citizen's copy of their data (GDPR art. 15), as JSON or PDF, for
// themself or a child they may act for: a POST to the gateway's endpoint
// (/graphql) with the content type DATA_COPY_MEDIA_TYPE — the one path the
// gateway serves, so its CORS, limits and sign-in hold as for every request.
// The body names whom and which form — `{"personId": "p-…", "format": "JSON" |
// "PDF"}` — so nothing personal is in the URL. The gateway runs the copy's trusted
// documents through itself with the caller's own Authorization (auth, limits,
// signing and every service's rules apply as to any request; each read is
// logged by its service), records the copy in samhandling's access log, and
// only then answers with the file. A GraphQL-shaped error otherwise, its code
// from the hub's registry (NOT_FOUND alike for an unknown person and one the
// caller may not have a copy of).
import fs from "node:fs";
import path from "node:path";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { createLogger } from "../../services/kit/log.ts";
import type { ManifestOperation } from "../persisted-documents.ts";
import { assembleDataCopy, DataCopyRefused, retryingOnce, type RunOperation } from "./assemble.ts";
import { DATA_COPY_OPERATIONS, dataCopyDocumentPath } from "./documents.ts";
import { dataCopyFile, type DataCopyFormat } from "./files.ts";

/** What marks a request to the gateway as one for a copy rather than a GraphQL operation. */
export const DATA_COPY_MEDIA_TYPE = "application/vnd.samhandling-hub.data-copy+json";
const MAX_BODY = 1_024;
const log = createLogger("gateway");

/** The HTTP status of each code the copy answers with (a field's code has none of its own in the registry). */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  ASSURANCE_TOO_LOW: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

const errorResponse = (code: string, message: string): Response =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status: STATUS[code] ?? 503,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });

/** What the body asks for, or null when it is not `{personId, format}`. */
function asked(body: unknown): { personId: string; format: DataCopyFormat } | null {
  if (body === null || typeof body !== "object") return null;
  const { personId, format } = body as Record<string, unknown>;
  if (typeof personId !== "string" || !/^[\w-]{1,64}$/.test(personId)) return null;
  if (format !== "JSON" && format !== "PDF") return null;
  return { personId, format };
}

/**
 * How an operation is sent: by its trusted-document id where the gateway's
 * manifest holds it (production runs nothing else), else as text (development
 * before `npm run documents`).
 */
function operationBodies(manifest: ReadonlyMap<string, ManifestOperation>): (operation: string) => { documentId: string } | { query: string } {
  const byName = new Map([...manifest.values()].map((op) => [op.name, op.id]));
  return (operation) => {
    const id = byName.get(operation);
    return id ? { documentId: id } : { query: fs.readFileSync(path.join(ROOT_DIR, dataCopyDocumentPath(operation)), "utf8") };
  };
}

/** `self`: the gateway's own fetch, given once the runtime exists (the copy's reads go through it). */
export function useDataCopy(self: () => (request: Request) => Promise<Response>, manifest: ReadonlyMap<string, ManifestOperation>): GatewayPlugin {
  const bodyOf = operationBodies(manifest);
  const handle = async (request: Request): Promise<Response> => {
    if (request.method !== "POST") return errorResponse("BAD_USER_INPUT", `POST {"personId", "format": "JSON" | "PDF"} as ${DATA_COPY_MEDIA_TYPE}.`);
    const text = await request.text();
    let body: unknown = null;
    try {
      body = text.length <= MAX_BODY ? JSON.parse(text) : null;
    } catch {
      // not JSON: refused below
    }
    const wanted = asked(body);
    if (!wanted) return errorResponse("BAD_USER_INPUT", 'The body must be {"personId": "<person id>", "format": "JSON" | "PDF"}.');
    const graphql = new URL(request.url);
    const headers = new Headers({ "content-type": "application/json", accept: "application/json", "x-graphql-csrf": "1" });
    for (const name of ["authorization", "x-request-id", "origin"]) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    const run: RunOperation = async (operation, variables, caseId) => {
      // A case's own data is asked for within the case, so the services decide and log it under that case.
      const sent = new Headers(headers);
      if (caseId) sent.set("x-case-id", caseId);
      const response = await self()(new Request(graphql, { method: "POST", headers: sent, body: JSON.stringify({ ...bodyOf(operation), operationName: operation, variables }) }));
      return (await response.json()) as Awaited<ReturnType<RunOperation>>;
    };
    try {
      const copy = await assembleDataCopy(retryingOnce(run), wanted.personId);
      const file = await dataCopyFile(copy, wanted.format);
      // Recorded before the copy leaves: a copy that cannot be logged is not given.
      const recorded = await run(DATA_COPY_OPERATIONS.record, { personId: wanted.personId, format: wanted.format });
      const refusal = recorded.errors?.[0];
      if (refusal || recorded.data?.recordDataCopy !== true) throw new DataCopyRefused(refusal?.extensions?.code ?? "SERVICE_UNAVAILABLE", refusal?.message ?? "The copy could not be recorded just now. Try again in a moment.");
      return new Response(Buffer.from(file.content), {
        status: 200,
        headers: {
          "content-type": file.mediaType,
          "content-disposition": `attachment; filename="${file.fileName}"`,
          // Personal data: never kept by a browser or a proxy.
          "cache-control": "no-store",
        },
      });
    } catch (error) {
      if (error instanceof DataCopyRefused) return errorResponse(error.code, error.message);
      log.error("data copy failed", { error: error instanceof Error ? error.message : String(error) });
      return errorResponse("SERVICE_UNAVAILABLE", "The copy could not be made just now. Try again in a moment.");
    }
  };
  return {
    onRequest({ request, setRequestHandler }) {
      // OPTIONS is the CORS plugin's (a preflight); the answer gets its CORS headers there too.
      if (request.method !== "OPTIONS" && request.headers.get("content-type")?.split(";")[0]?.trim() === DATA_COPY_MEDIA_TYPE) setRequestHandler(handle);
    },
  };
}
