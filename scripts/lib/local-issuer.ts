// An OpenID issuer of our own on 127.0.0.1 — a discovery document, a JWKS
// and RS256 tokens with whatever claims the caller gives — for the benchmark
// (which is its own identity provider in production mode) and for tests that
// need a second trusted issuer or tokens the development provider would never
// sign (expired, for another audience, under an unknown key). The gateway
// meets it exactly as it meets ID-porten or Entra ID: through the identity
// mapping (localIssuerMapping below).
import http from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import type { IdentityMapping, TrustedIssuer } from "../../gateway/identity/mapping.ts";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { EMPLOYEE_ROLES, type HubClaims } from "../../services/kit/auth/caller.ts";

export interface SignOptions {
  audience?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** Sign with a key this issuer does not publish (its `kid` unknown to everyone). */
  unpublishedKey?: boolean;
}

export interface LocalIssuer {
  /** The `iss` of its tokens: http://127.0.0.1:<port>. */
  issuer: string;
  /** Signs `claims` (iss, aud, iat, exp added) with the current key. */
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  /** An Entra-shaped employee token, or an ID-porten-shaped citizen token (needs the national id), for the hub's claims of a person. */
  tokenFor(claims: HubClaims, options?: SignOptions & { nationalId?: string; acr?: string; extra?: Record<string, unknown> }): Promise<string>;
  /** A new signing key; the old ones stay published. */
  rotate(): Promise<void>;
  /** Publishes only the current signing key. */
  retire(): void;
  /** How many times the JWKS has been fetched. */
  jwksFetches(): number;
  close(): Promise<void>;
}

export const LOCAL_AUDIENCE = "samhandling-hub";

interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(n: number): Promise<Key> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const kid = `local-${n}-${Date.now().toString(36)}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

/** The group the local issuer's employees carry for a service: the service's own name. */
const groupOfService = (service: string) => `hub-${service}`;

export async function startLocalIssuer(port = 0): Promise<LocalIssuer> {
  let keys: Key[] = [await newKey(1)];
  let made = 1;
  const stranger = await newKey(0);
  let fetches = 0;
  let issuer = "";
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/.well-known/openid-configuration") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ["RS256"], response_types_supported: ["code"], subject_types_supported: ["public"] }));
    }
    if (path === "/jwks") {
      fetches += 1;
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const sign: LocalIssuer["sign"] = (claims, options = {}) => {
    const key = options.unpublishedKey ? stranger : keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "at+jwt" })
      .setIssuer(issuer)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt(now - (options.expiresIn !== undefined && options.expiresIn < 0 ? 3600 : 0))
      .setExpirationTime(now + (options.expiresIn ?? 3 * 3600))
      .sign(key.privateKey);
  };

  return {
    issuer,
    sign,
    tokenFor(claims, options = {}) {
      if (claims.service === "citizen") {
        if (!options.nationalId) throw new Error("a citizen's token needs the national id");
        return sign({ ...options.extra, sub: `pairwise-${claims.sub}`, pid: options.nationalId, acr: options.acr ?? "idporten-loa-high" }, options);
      }
      return sign({ ...options.extra, sub: claims.sub, oid: claims.sub, name: claims.name, roles: claims.roles, groups: [groupOfService(claims.service)] }, options);
    },
    async rotate() {
      made += 1;
      keys = [await newKey(made), ...keys];
    },
    retire() {
      keys = keys.slice(0, 1);
    },
    jwksFetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The identity mapping entry for a local issuer: citizens as ID-porten,
 * employees as Entra ID (one group per service, roles as the hub names
 * them), machines as Maskinporten (`<service>:write`).
 */
export function localIssuerMapping(issuer: string): TrustedIssuer {
  const services = [...VIEW_SERVICES, "samhandling", "registry"];
  return {
    description: `A local test issuer (${issuer})`,
    issuer,
    citizens: { when: "pid", nationalId: "pid", acr: "acr", accepted: ["idporten-loa-substantial", "idporten-loa-high"], high: ["idporten-loa-high"] },
    employees: {
      when: "oid",
      actorId: "oid",
      name: "name",
      roles: { claim: "roles", values: Object.fromEntries(EMPLOYEE_ROLES.map((role) => [role, role])) },
      groups: { claim: "groups", values: Object.fromEntries(services.map((s) => [groupOfService(s), { service: s }])) },
    },
    machines: { when: "consumer", clientId: "client_id", scopes: Object.fromEntries(VIEW_SERVICES.map((s) => [`${s}:write`, { service: s }])) },
  };
}

/** A whole mapping file's content trusting these issuers (the hub's audience). */
export const mappingOf = (...issuers: TrustedIssuer[]): IdentityMapping => ({ audience: LOCAL_AUDIENCE, issuers });
