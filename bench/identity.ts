// Who the benchmark's requests come from: the benchmark is its own identity
// provider (scripts/lib/local-issuer.ts) — a discovery document and JWKS on
// 127.0.0.1 and RS256 tokens shaped like Entra ID's — trusted through an
// identity mapping file of its own, in either mode. So every measured request
// pays what production pays: the signature checked against the issuer's
// published key, and the claims mapped to the hub's.
import { newCheckpointKey } from "../services/kit/access-log-checkpoint-keys.ts";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { HubClaims } from "../services/kit/auth/caller.ts";
import { localIssuerMapping, mappingOf, startLocalIssuer } from "../scripts/lib/local-issuer.ts";

export interface Issuer {
  token(claims: HubClaims): Promise<string>;
  /** Environment for every process of a federation. */
  env: NodeJS.ProcessEnv;
  /** The secret subgraph requests are signed with (the floor signs with it too). */
  signingSecret: string;
  close(): Promise<void>;
}

export async function benchIssuer(port: number, dataRoot: string, mode: "production" | "development"): Promise<Issuer> {
  const local = await startLocalIssuer(port);
  fs.mkdirSync(dataRoot, { recursive: true });
  const mappingFile = path.join(dataRoot, "identity-mapping.json");
  fs.writeFileSync(mappingFile, JSON.stringify(mappingOf(localIssuerMapping(local.issuer)), null, 2));
  const signingSecret = randomBytes(32).toString("base64url");
  const internalSigningSecret = randomBytes(32).toString("base64url");
  return {
    // The peer (@apollo/gateway, peer-gateway.ts) maps nothing: it forwards a token's claims as they are, so the
    // benchmark's tokens carry the hub's service beside Entra's groups. Our gateway ignores it and maps the groups.
    token: (claims) => local.tokenFor(claims, { extra: { service: claims.service } }),
    env: {
      NODE_ENV: mode,
      IDENTITY_MAPPING_PATH: mappingFile,
      HUB_SIGNING_SECRET: signingSecret,
      HUB_INTERNAL_SIGNING_SECRET: internalSigningSecret,
      ACCESS_LOG_CHECKPOINT_KEY: JSON.stringify(await newCheckpointKey()),
    },
    signingSecret,
    close: () => local.close(),
  };
}
