// Who the benchmark's requests come from. Production: the benchmark is the
// OIDC issuer — it serves its own JWKS on 127.0.0.1 and signs RS256 tokens,
// as a municipality's issuer would. Development: the local HS256 key.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import type { HubClaims } from "../services/kit/auth/caller.ts";
import { AUDIENCE, devToken } from "../services/kit/auth/tokens.ts";

export interface Issuer {
  token(claims: HubClaims): Promise<string>;
  /** Environment for every process of a federation. */
  env: NodeJS.ProcessEnv;
  /** The secret subgraph requests are signed with (the floor signs with it too). */
  signingSecret: string;
  close(): Promise<void>;
}

export async function productionIssuer(port: number): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const kid = "bench-1";
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" }] });
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${port}`;
  const signingSecret = randomBytes(32).toString("base64url");
  const internalSigningSecret = randomBytes(32).toString("base64url");
  return {
    async token({ sub, ...rest }) {
      return new SignJWT({ ...rest }).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).setSubject(sub).setIssuer(issuer)
        .setAudience(AUDIENCE).setIssuedAt().setExpirationTime("3h").sign(privateKey);
    },
    env: {
      NODE_ENV: "production",
      OIDC_ISSUER: issuer,
      OIDC_JWKS_URI: `${issuer}/jwks.json`,
      HUB_SIGNING_SECRET: signingSecret,
      HUB_INTERNAL_SIGNING_SECRET: internalSigningSecret,
      HUB_JWT_SECRET: "",
    },
    signingSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function developmentIssuer(secrets: { jwtSecret: string; signingSecret: string }): Issuer {
  return {
    token: (claims) => devToken(claims, secrets.jwtSecret, "3h"),
    env: { NODE_ENV: "development" },
    signingSecret: secrets.signingSecret,
    close: async () => {},
  };
}
