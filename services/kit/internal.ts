// Signed GraphQL calls from one subgraph to another (e.g. any service asking
// samhandling for consent decisions, samhandling asking registry for
// guardianship), or from the gateway to registry (a citizen's sign-in). The
// callee sees a "service" caller.
import { randomUUID } from "node:crypto";
import type { ServiceName } from "./catalog.ts";
import { HUB_EXTENSION, newNonce, signRequest, type HubExtension } from "./auth/signing.ts";
import type { HubProcessName } from "./auth/caller.ts";

export class InternalCallError extends Error {
  readonly code = "INTERNAL_CALL_FAILED";
  constructor(target: ServiceName, detail: string) {
    super(`Call to ${target} failed: ${detail}`);
  }
}

/** Which request an internal call serves: its id, and the consent epoch it was stamped with (passed on, so the callee may use its cache). */
export interface OnBehalfOf {
  requestId?: string;
  consentEpoch?: number | null;
}

export interface InternalClient {
  query<Data>(target: ServiceName, query: string, variables: Record<string, unknown>, onBehalfOf?: OnBehalfOf): Promise<Data>;
}

/**
 * `secret`: the key of the hop the caller is on — a subgraph's is the internal
 * one (HUB_INTERNAL_SIGNING_SECRET), the gateway's its own (HUB_SIGNING_SECRET;
 * the gateway never holds the internal key). `urls`: where each subgraph
 * answers (the process's config, SUBGRAPH_URL_<SERVICE>).
 */
export function internalClient(self: HubProcessName, secret: string, urls: Record<ServiceName, string>, timeoutMs = 5_000): InternalClient {
  return {
    async query<Data>(target: ServiceName, query: string, variables: Record<string, unknown>, onBehalfOf: OnBehalfOf = {}): Promise<Data> {
      const requestId = onBehalfOf.requestId ?? randomUUID();
      const hub: HubExtension = { purpose: null, requestId, issuedAt: Date.now(), target, nonce: newNonce(), service: self, consentEpoch: onBehalfOf.consentEpoch ?? null };
      const body = signRequest({ query, variables, extensions: { [HUB_EXTENSION]: hub } }, secret);
      let response: Response;
      try {
        response = await fetch(urls[target], {
          method: "POST",
          headers: { "content-type": "application/json", "x-request-id": requestId },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new InternalCallError(target, error instanceof Error ? error.name : "network error");
      }
      const json = (await response.json().catch(() => null)) as { data?: Data; errors?: { extensions?: { code?: string } }[] } | null;
      if (!response.ok || !json?.data || json.errors?.length) {
        throw new InternalCallError(target, `status ${response.status}, ${json?.errors?.[0]?.extensions?.code ?? "no data"}`);
      }
      return json.data;
    },
  };
}
