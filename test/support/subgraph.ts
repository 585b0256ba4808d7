// Calling a subgraph directly, as only the hub's own processes may: signed.
import { inject } from "vitest";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { HUB_EXTENSION, JWT_EXTENSION, signRequest } from "../../services/kit/auth/signing.ts";
import type { ServiceName } from "../../services/kit/catalog.ts";
import { postGraphQL, subgraphUrl } from "./graphql.ts";

export function signedSubgraphRequest<Data = Record<string, unknown>>(
  service: ServiceName,
  query: string,
  variables: Record<string, unknown>,
  as: { claims?: HubClaims; caseId?: string; service?: ServiceName } = {},
) {
  const extensions: Record<string, unknown> = {
    [HUB_EXTENSION]: { purpose: as.caseId ?? null, requestId: `test-${Date.now()}`, issuedAt: Date.now(), service: as.service },
  };
  if (as.claims) extensions[JWT_EXTENSION] = { payload: as.claims };
  const body = signRequest({ query, variables, extensions }, inject("signingSecret"));
  return fetch(`${subgraphUrl(service)}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(
    async (r) => ({ status: r.status, ...((await r.json()) as { data?: Data; errors?: { extensions?: { code?: string } }[] }) }),
  );
}

export { postGraphQL };
