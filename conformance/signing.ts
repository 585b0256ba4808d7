// A call straight to a subgraph as only the hub's own processes may make it:
// signed for that subgraph, with a fresh nonce, with the key of the hop the
// call stands for (the gateway's, or the internal one when `as.service` says a
// subgraph is calling). The signing checks bend one part of it at a time.
import type { HubClaims } from "../services/kit/auth/caller.ts";
import { HUB_EXTENSION, JWT_EXTENSION, newNonce, signRequest, type HubExtension } from "../services/kit/auth/signing.ts";
import type { HubSecrets } from "../services/kit/auth/secrets.ts";

export interface CallAs {
  claims?: HubClaims;
  caseId?: string;
  /** A subgraph calling on its own behalf: signed with the internal key. */
  service?: string;
}

export type HopSecrets = Pick<HubSecrets, "signingSecret" | "internalSigningSecret">;

/** The signed body of a call to `target`, as the gateway (or, with `as.service`, a subgraph) would send it; `hub` overrides parts of the signed extension. */
export function signedCall(target: string, query: string, variables: Record<string, unknown>, as: CallAs, secrets: HopSecrets, hub: Partial<HubExtension> = {}) {
  const extension: HubExtension = { purpose: as.caseId ?? null, requestId: `conformance-${Date.now()}`, issuedAt: Date.now(), target, nonce: newNonce(), service: as.service, ...hub };
  const extensions: Record<string, unknown> = { [HUB_EXTENSION]: extension };
  if (as.claims) extensions[JWT_EXTENSION] = { payload: as.claims };
  return signRequest({ query, variables, extensions }, as.service ? secrets.internalSigningSecret : secrets.signingSecret);
}
