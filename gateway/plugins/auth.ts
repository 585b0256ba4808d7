// Sign-in at the gateway: the bearer token verified and mapped to the hub's
// claims (gateway/identity/), which then travel inside every signed subgraph
// request — never the token itself. No token: the request runs as anonymous
// and subgraphs release nothing personal. A token that fails: 401
// UNAUTHENTICATED with WWW-Authenticate (RFC 6750) and a message saying why;
// one that cannot be checked right now: 503 SIGN_IN_UNAVAILABLE.
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { JWT_EXTENSION } from "../../services/kit/auth/signing.ts";
import { requestRefusal } from "../../services/kit/errors.ts";
import { createLogger } from "../../services/kit/log.ts";
import type { KeyTiming } from "../identity/keys.ts";
import type { CheckedIssuer } from "../identity/mapping.ts";
import { SignInRefused, TokenVerifier } from "../identity/verifier.ts";

export interface AuthConfig {
  /** The identity mapping's file, for messages. */
  mappingFile: string;
  /** The issuers the identity mapping trusts, and how each token becomes the hub's claims. */
  issuers: CheckedIssuer[];
  keys: KeyTiming;
  /** How long the person a citizen's national id names is remembered. */
  citizenLookupMs: number;
}

/** What the gateway's context carries for a signed-in request (the rate limit reads `sub`). */
export interface SignedInContext {
  jwt?: { payload: HubClaims };
}

const log = createLogger("gateway");
const REALM = "samhandling-hub";

/** RFC 6750's challenge; the description as a quoted-string (no quotes or backslashes in it). */
const challenge = (description: string) => `Bearer realm="${REALM}", error="invalid_token", error_description="${description.replace(/["\\]/g, "'")}"`;

function refused(reason: string, message: string) {
  log.info("sign-in refused", { reason });
  return requestRefusal("UNAUTHENTICATED", message, { "www-authenticate": challenge(message) });
}

function bearerToken(header: string): string | null {
  const match = /^Bearer +([^\s]+) *$/i.exec(header);
  return match ? match[1]! : null;
}

export function useHubAuth(verifier: TokenVerifier): GatewayPlugin<SignedInContext> {
  // One verification per HTTP request, whatever the batch size.
  const claimsOf = new WeakMap<Request, Promise<HubClaims | null>>();

  const verify = async (request: Request): Promise<HubClaims | null> => {
    const header = request.headers.get("authorization");
    if (header === null || header === "") return null;
    const token = bearerToken(header);
    if (!token) throw refused("header", "The Authorization header must be `Bearer <token>`.");
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (error instanceof SignInRefused) throw refused(error.reason, error.message);
      log.warn("sign-in could not be checked", { error: error instanceof Error ? error.message : String(error) });
      throw requestRefusal("SIGN_IN_UNAVAILABLE", "Your sign-in could not be checked just now. Try again in a moment.", { "retry-after": "5" });
    }
  };
  const claims = (request: Request) => {
    let found = claimsOf.get(request);
    if (!found) claimsOf.set(request, (found = verify(request)));
    return found;
  };

  return {
    async onRequestParse({ request, serverContext }) {
      const payload = await claims(request);
      if (payload) Object.assign(serverContext as object, { jwt: { payload } });
    },
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request?: Request }).request;
      if (!request || (context as SignedInContext).jwt) return;
      const payload = await claims(request);
      if (payload) extendContext({ jwt: { payload } });
    },
    onSubgraphExecute({ executionRequest, setExecutionRequest }) {
      const payload = (executionRequest.context as SignedInContext | undefined)?.jwt?.payload;
      if (!payload) return;
      setExecutionRequest({ ...executionRequest, extensions: { ...executionRequest.extensions, [JWT_EXTENSION]: { payload } } });
    },
  };
}

export { TokenVerifier };
