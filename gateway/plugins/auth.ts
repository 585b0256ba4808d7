// Bearer-token verification with Hive Gateway's JWT plugin. A missing token is
// allowed through as anonymous (subgraphs then release nothing personal); an
// invalid or expired one is refused outright.
import { createPublicKey, createSecretKey, type KeyObject } from "node:crypto";
import {
  createRemoteJwksSigningKeyProvider,
  extractFromHeader,
  useJWT,
} from "@graphql-mesh/plugin-jwt-auth";
import { JWT_EXTENSION } from "../../services/kit/auth/signing.ts";

import { AUDIENCE, DEV_ISSUER } from "../../services/kit/auth/tokens.ts";

export { AUDIENCE };

export interface AuthConfig {
  /** Production: the OIDC issuer and its JWKS endpoint. */
  oidc: { issuer: string; jwksUri: string; audience: string } | null;
  /** Development: the local HS256 key that `npm run token` signs with. */
  devSecret: string;
}

/** How long the issuer's public key for one key id is reused; the JWKS document itself is cached as long. */
const KEY_REUSE_MS = 10 * 60_000;

type SigningKeyProvider = (kid?: string) => Promise<string> | string;

/**
 * The plugin's type says a key is a string (a PEM or a shared secret), but it
 * hands the key straight to jsonwebtoken, which takes a KeyObject as well and
 * otherwise parses the string into one on every request (createPublicKey
 * was about 1 % of a gateway profile, bench/RESULTS.md). So keys are parsed once, here.
 */
const asPluginKey = (key: KeyObject): string => key as unknown as string;

/**
 * The issuer's keys from its JWKS, each turned into a public key once per key
 * id and reused: the provider would otherwise convert the JWK on every request.
 * A failed lookup is not kept, so an unknown or newly rotated key id is fetched again.
 */
function issuerKeys(jwksUri: string): SigningKeyProvider {
  const fetchKey = createRemoteJwksSigningKeyProvider({ jwksUri, cache: true, cacheMaxAge: KEY_REUSE_MS, rateLimit: true });
  const keys = new Map<string, { key: Promise<string>; until: number }>();
  return (kid) => {
    const id = kid ?? "";
    const now = Date.now();
    const hit = keys.get(id);
    if (hit && hit.until > now) return hit.key;
    const key = Promise.resolve(fetchKey(kid)).then((pem) => asPluginKey(createPublicKey(pem)));
    keys.set(id, { key, until: now + KEY_REUSE_MS });
    key.catch(() => keys.delete(id));
    return key;
  };
}

export function useHubAuth(config: AuthConfig) {
  const oidc = config.oidc;
  const devKey = asPluginKey(createSecretKey(Buffer.from(config.devSecret, "utf8")));
  return useJWT({
    signingKeyProviders: [oidc ? issuerKeys(oidc.jwksUri) : () => devKey],
    tokenLookupLocations: [extractFromHeader({ name: "authorization", prefix: "Bearer" })],
    tokenVerification: oidc
      ? { issuer: oidc.issuer, audience: oidc.audience, algorithms: ["RS256", "ES256", "PS256"] }
      : { issuer: DEV_ISSUER, audience: AUDIENCE, algorithms: ["HS256"] },
    reject: { missingToken: false, invalidToken: true },
    // The payload travels inside the signed request (see signing.ts), never as a plain header.
    forward: { payload: true, token: false, extensionsFieldName: JWT_EXTENSION },
  });
}
