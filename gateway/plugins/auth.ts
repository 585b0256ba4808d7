// Bearer-token verification with Hive Gateway's JWT plugin. A missing token is
// allowed through as anonymous (subgraphs then release nothing personal); an
// invalid or expired one is refused outright.
import {
  createInlineSigningKeyProvider,
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

export function useHubAuth(config: AuthConfig) {
  const oidc = config.oidc;
  return useJWT({
    signingKeyProviders: [oidc ? createRemoteJwksSigningKeyProvider({ jwksUri: oidc.jwksUri, cache: true, rateLimit: true }) : createInlineSigningKeyProvider(config.devSecret)],
    tokenLookupLocations: [extractFromHeader({ name: "authorization", prefix: "Bearer" })],
    tokenVerification: oidc
      ? { issuer: oidc.issuer, audience: oidc.audience, algorithms: ["RS256", "ES256", "PS256"] }
      : { issuer: DEV_ISSUER, audience: AUDIENCE, algorithms: ["HS256"] },
    reject: { missingToken: false, invalidToken: true },
    // The payload travels inside the signed request (see signing.ts), never as a plain header.
    forward: { payload: true, token: false, extensionsFieldName: JWT_EXTENSION },
  });
}
