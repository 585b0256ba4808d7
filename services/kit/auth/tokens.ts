// Development tokens, signed with the local key the gateway verifies in
// development. Production tokens come from the municipality's OIDC issuer.
import { SignJWT } from "jose";
import type { HubClaims } from "./caller.ts";

export const DEV_ISSUER = "samhandling-hub-dev";
export const AUDIENCE = "samhandling-hub";

export async function devToken(claims: HubClaims, secret: string, ttl = "8h"): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}
