// How a subgraph decides that a request comes from the hub itself, before
// anything else runs: signed with the key of its hop (the gateway's for a
// call from the gateway, the internal one for a call from another subgraph,
// which names itself in the signed `service`; the gateway's own lookups name
// "gateway" and use the gateway's key), fresh, signed for this very
// subgraph, and not taken before.
import type { ServiceName } from "../catalog.ts";
import type { RefusalCode } from "../error-codes.ts";
import { HUB_EXTENSION, MAX_SIGNATURE_AGE_MS, signatureProblem, type HubExtension, type SignableRequest, type SignatureProblem } from "./signing.ts";
import type { NonceStore } from "./nonces.ts";

export type RequestProblem = SignatureProblem | Extract<RefusalCode, "MISDIRECTED_SIGNATURE" | "REPLAYED_SIGNATURE">;

export interface HopKeys {
  /** HUB_SIGNING_SECRET: the gateway → subgraph hop. */
  gateway: string;
  /** HUB_INTERNAL_SIGNING_SECRET: the subgraph → subgraph hop. */
  internal: string;
}

/** A nonce is a UUID; anything else is no nonce of the hub's. */
const NONCE = /^[0-9a-f-]{36}$/;

export function requestVerifier(self: ServiceName, keys: HopKeys, nonces: NonceStore): (request: SignableRequest) => Promise<RequestProblem | null> {
  return async (request) => {
    const hub = request.extensions?.[HUB_EXTENSION] as Partial<HubExtension> | undefined;
    // The caller's service is signed, so naming one to be checked with the other key breaks the signature.
    // The gateway calling registry for a sign-in names itself and signs with its own key.
    const key = typeof hub?.service === "string" && hub.service !== "gateway" ? keys.internal : keys.gateway;
    const now = Date.now();
    const problem = signatureProblem(request, key, now);
    if (problem) return problem;
    if (hub!.target !== self) return "MISDIRECTED_SIGNATURE";
    if (typeof hub!.nonce !== "string" || !NONCE.test(hub!.nonce)) return "BAD_SIGNATURE";
    // Remembered until the signature would be stale anyway (MAX_SIGNATURE_AGE_MS after it was made).
    const firstUse = await nonces.firstUse(`${self}:${hub!.nonce}`, hub!.issuedAt! + MAX_SIGNATURE_AGE_MS - now + 1_000);
    return firstUse ? null : "REPLAYED_SIGNATURE";
  };
}
