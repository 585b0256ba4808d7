// Calling a subgraph directly, as only the hub's own processes may: signed
// for that subgraph, with a fresh nonce, with the key of the hop the call
// stands for (the gateway's, or the internal one when `as.service` says a
// subgraph is calling).
import { inject } from "vitest";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { HUB_EXTENSION, JWT_EXTENSION, newNonce, signRequest, type HubExtension } from "../../services/kit/auth/signing.ts";
import type { HubSecrets } from "../../services/kit/auth/secrets.ts";
import type { ServiceName } from "../../services/kit/catalog.ts";
import { postGraphQL, subgraphUrl } from "./graphql.ts";

export interface CallAs {
  claims?: HubClaims;
  caseId?: string;
  /** A subgraph calling on its own behalf: signed with the internal key. */
  service?: ServiceName;
}

/** The signed body of a call to `target`, as the gateway (or, with `as.service`, a subgraph) would send it. */
export function signedCall(
  target: ServiceName,
  query: string,
  variables: Record<string, unknown>,
  as: CallAs,
  secrets: Pick<HubSecrets, "signingSecret" | "internalSigningSecret">,
) {
  const hub: HubExtension = { purpose: as.caseId ?? null, requestId: `test-${Date.now()}`, issuedAt: Date.now(), target, nonce: newNonce(), service: as.service };
  const extensions: Record<string, unknown> = { [HUB_EXTENSION]: hub };
  if (as.claims) extensions[JWT_EXTENSION] = { payload: as.claims };
  return signRequest({ query, variables, extensions }, as.service ? secrets.internalSigningSecret : secrets.signingSecret);
}

/** The shared federation's keys. */
export const sharedSecrets = () => ({ signingSecret: inject("signingSecret"), internalSigningSecret: inject("internalSigningSecret") });

/** Sends `body` to a subgraph of the shared federation as JSON. */
export async function postToSubgraph<Data = Record<string, unknown>>(service: ServiceName, body: unknown) {
  const r = await fetch(`${subgraphUrl(service)}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, ...((await r.json()) as { data?: Data; errors?: { message?: string; extensions?: { code?: string } }[] }) };
}

export function signedSubgraphRequest<Data = Record<string, unknown>>(service: ServiceName, query: string, variables: Record<string, unknown>, as: CallAs = {}) {
  return postToSubgraph<Data>(service, signedCall(service, query, variables, as, sharedSecrets()));
}

export { postGraphQL };
