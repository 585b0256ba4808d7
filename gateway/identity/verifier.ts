// A bearer token, verified as production verifies it and mapped to the hub's
// claims: its issuer must be one the identity mapping trusts, its signature
// must verify against that issuer's published keys (discovery → jwks_uri),
// its audience must be the hub's and it must not have expired. Every way a
// token can fail is told apart, so the 401 says what to do.
import { decodeJwt, errors, jwtVerify, type JWTPayload } from "jose";
import type { HubClaims } from "../../services/kit/auth/caller.ts";
import { hubClaimsOf, SignInRefused, type CitizenDirectory } from "./claims.ts";
import { RegisterUnavailable } from "./citizens.ts";
import { IssuerKeys, KeysUnavailable, type KeyTiming } from "./keys.ts";
import type { CheckedIssuer } from "./mapping.ts";

/** Asymmetric signatures only: never `none`, never a shared secret. */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];
/** Clocks differ a little between the provider and the gateway. */
const CLOCK_TOLERANCE_S = 10;

/** The token could not be checked right now: 503, not the caller's fault. */
export class SignInUnavailable extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "SignInUnavailable";
  }
}

export { SignInRefused };

function refusalOf(error: unknown, issuer: CheckedIssuer): SignInRefused | SignInUnavailable {
  if (error instanceof SignInRefused) return error;
  if (error instanceof KeysUnavailable || error instanceof RegisterUnavailable) return new SignInUnavailable(error.message);
  if (error instanceof errors.JWTExpired) return new SignInRefused("expired", "The token has expired. Sign in again (or refresh it) and send the new token.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return new SignInRefused("audience", `The token is meant for another application: the hub accepts tokens for the audience "${issuer.audience}".`);
    if (error.claim === "nbf" || error.claim === "iat") return new SignInRefused("not-yet-valid", "The token is not valid yet. Check the clock of the machine that asked for it, then try again.");
    return new SignInRefused("claims", `The token's ${error.claim} claim is not acceptable. Sign in again.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new SignInRefused("unknown-key", "The token is signed with a key its issuer does not publish (an old or unknown key id). Sign in again.");
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new SignInRefused("algorithm", "The token is signed with an algorithm the hub does not accept. Use a token from a trusted identity provider.");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new SignInRefused("signature", "The token's signature does not verify. Use a token from a trusted identity provider, unaltered.");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return new SignInRefused("malformed", "The bearer token is not a well-formed JWT.");
  // Fetching the keys failed (timeout, a refused connection, a bad answer).
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError || error instanceof TypeError) {
    return new SignInUnavailable(`The signing keys of ${issuer.issuer} could not be fetched (${error.name}).`);
  }
  return new SignInUnavailable(error instanceof Error ? error.name : "unknown error");
}

export class TokenVerifier {
  private readonly byIssuer: Map<string, { issuer: CheckedIssuer; keys: IssuerKeys }>;

  constructor(
    issuers: readonly CheckedIssuer[],
    timing: KeyTiming,
    private readonly citizens: CitizenDirectory,
  ) {
    this.byIssuer = new Map(issuers.map((issuer) => [issuer.issuer, { issuer, keys: new IssuerKeys(issuer, timing) }]));
  }

  /** Fetches every issuer's discovery document ahead of the first token; returns the failures (they are retried on use). */
  async warm(): Promise<{ issuer: string; problem: string }[]> {
    const failures: { issuer: string; problem: string }[] = [];
    await Promise.all(
      [...this.byIssuer.values()].map(({ issuer, keys }) =>
        keys.keys().catch((error: unknown) => {
          failures.push({ issuer: issuer.issuer, problem: error instanceof Error ? error.message : String(error) });
        }),
      ),
    );
    return failures;
  }

  /** The hub's claims for a bearer token; throws SignInRefused (401) or SignInUnavailable (503). */
  async verify(token: string): Promise<HubClaims> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new SignInRefused("malformed", "The bearer token is not a well-formed JWT.");
    }
    const trusted = typeof unverified.iss === "string" ? this.byIssuer.get(unverified.iss) : undefined;
    if (!trusted) {
      throw new SignInRefused("issuer", "The token comes from an identity provider the hub does not trust. Sign in through the hub's own sign-in.");
    }
    const { issuer, keys } = trusted;
    try {
      const { payload } = await jwtVerify(token, await keys.keys(), {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ["exp"],
      });
      // The token's end travels with the claims, so a subgraph can end a live subscription when the sign-in does.
      return { ...(await hubClaimsOf(issuer, payload, this.citizens)), expiresAt: payload.exp! };
    } catch (error) {
      throw refusalOf(error, issuer);
    }
  }
}
