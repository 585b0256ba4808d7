// Calling a subgraph directly, as only the hub's own processes may: signed
// for that subgraph, with a fresh nonce, with the key of the hop the call
// stands for (the gateway's, or the internal one when `as.service` says a
// subgraph is calling).
import { inject } from "vitest";
import type { ServiceName } from "../../services/kit/catalog.ts";
import { signedCall, type CallAs } from "../../conformance/signing.ts";
import { postGraphQL, subgraphUrl } from "./graphql.ts";

export { signedCall, type CallAs };

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
