// Puts into every subgraph request's extensions — where the signature covers
// them — the declared purpose (X-Case-Id), the hub's own request id, the
// signing time, the subgraph it is for, a nonce, and the consent epoch in
// force when the request arrived.
// The same id tags the gateway's own log lines and goes to the subgraphs as
// X-Request-Id, so one request reads under one id everywhere. (Hive's own
// request-id plugin is off, runtime.ts: it would log under an id the client chose.)
import { randomUUID } from "node:crypto";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { LegacyLogger, type Logger } from "@graphql-hive/logger";
import { HUB_EXTENSION, newNonce, type HubExtension } from "../../services/kit/auth/signing.ts";
import type { ConsentEpoch } from "../../services/kit/consent-epoch.ts";
import { refusalResponse } from "../../services/kit/errors.ts";

const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The response header that names the request id every service's access log records for this request. */
export const HUB_REQUEST_ID_HEADER = "x-hub-request-id";
const REQUEST_ID_HEADER = "x-request-id";
/** A client's own X-Request-Id is echoed back when it looks like an id; it is never logged or forwarded. */
const ID_LIKE = /^[\w.:-]{1,128}$/;

interface Stamp {
  requestId: string;
  /** The declared case (X-Case-Id), checked once when the request arrives. */
  purpose?: string | null;
  /**
   * Read once per request, from its arrival on: any read after the request
   * arrived reflects every change acknowledged before it. Started at once, so
   * the round trip to Redis overlaps parsing, token checks and the rate limit.
   */
  consentEpoch?: Promise<number | null>;
}

const BAD_CASE_ID = "The X-Case-Id header must be a case id (letters, digits, - and _, at most 64). Send the id of the case you work in, or leave the header out.";

/** The declared case: null when none is declared, undefined when the header is not a case id. */
function purposeOf(request: Request | undefined): string | null | undefined {
  const raw = request?.headers.get("x-case-id");
  if (raw === null || raw === undefined || raw === "") return null;
  return CASE_ID.test(raw) ? raw : undefined;
}

export function useHubPurpose(epochs: ConsentEpoch): GatewayPlugin {
  const stamps = new WeakMap<Request, Stamp>();
  const stampOf = (request: Request): Stamp => {
    let stamp = stamps.get(request);
    if (!stamp) {
      // Our own id, never the client's X-Request-Id: it is what the access logs record.
      stamp = { requestId: randomUUID() };
      stamps.set(request, stamp);
    }
    return stamp;
  };
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      // Only GraphQL requests reach subgraphs; health checks and metrics need no epoch.
      if (url.pathname !== "/graphql") return;
      const purpose = purposeOf(request);
      if (purpose === undefined) {
        const { status, body } = refusalResponse("BAD_USER_INPUT", BAD_CASE_ID);
        endResponse(new fetchAPI.Response(body, { status, headers: { "content-type": "application/json; charset=utf-8" } }));
        return;
      }
      const stamp = stampOf(request);
      stamp.purpose = purpose;
      const context = serverContext as { log?: Logger; logger?: LegacyLogger };
      if (context.log) {
        context.log = context.log.child({ requestId: stamp.requestId });
        context.logger = LegacyLogger.from(context.log);
      }
      stamp.consentEpoch = epochs.current();
      // Read even if the request is refused before any subgraph call: do not let a failure go unhandled.
      stamp.consentEpoch.catch(() => undefined);
    },
    async onSubgraphExecute({ subgraphName, executionRequest, setExecutionRequest }) {
      const request = (executionRequest.context as { request?: Request } | undefined)?.request;
      const stamp: Stamp = request ? stampOf(request) : { requestId: randomUUID() };
      stamp.consentEpoch ??= epochs.current();
      // A request that did not pass onRequest (none declared there) declares nothing: fail closed.
      const purpose = stamp.purpose !== undefined ? stamp.purpose : (purposeOf(request) ?? null);
      // Signed for this subgraph alone, and once (kit/auth/verification.ts).
      const hub: HubExtension = { purpose, requestId: stamp.requestId, issuedAt: Date.now(), target: subgraphName.toLowerCase(), nonce: newNonce(), consentEpoch: await stamp.consentEpoch };
      setExecutionRequest({ ...executionRequest, extensions: { ...executionRequest.extensions, [HUB_EXTENSION]: hub } });
    },
    onFetch({ context, options, setOptions }) {
      const request = (context as { request?: Request } | undefined)?.request;
      const stamp = request && stamps.get(request);
      if (stamp) setOptions({ ...options, headers: { ...options.headers, [REQUEST_ID_HEADER]: stamp.requestId } });
    },
    onResponse({ request, response }) {
      const stamp = stamps.get(request);
      if (!stamp) return;
      response.headers.set(HUB_REQUEST_ID_HEADER, stamp.requestId);
      const own = request.headers.get(REQUEST_ID_HEADER);
      response.headers.set(REQUEST_ID_HEADER, own && ID_LIKE.test(own) ? own : stamp.requestId);
    },
  };
}
