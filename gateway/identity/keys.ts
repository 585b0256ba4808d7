// Each trusted issuer's signing keys, found as production finds them: the
// issuer's discovery document names its jwks_uri, and jose's remote key set
// keeps the keys. A token with a key id the set does not hold makes it fetch
// the keys again — at most once per cooldown, so a stream of made-up key ids
// cannot turn the gateway into a load on the identity provider — which is how
// a rotated key is picked up; after the maximum age the set is fetched anew,
// which is how a retired key stops being accepted.
import { createRemoteJWKSet, type RemoteJWKSet } from "jose";
import type { CheckedIssuer } from "./mapping.ts";

export interface KeyTiming {
  /** Keys are fetched again after this long, whatever happens. */
  maxAgeMs: number;
  /** An unknown key id fetches the keys again at most this often. */
  cooldownMs: number;
  /** One fetch of a discovery document or a key set may take this long. */
  timeoutMs: number;
}

/** The issuer's keys cannot be reached right now (not the token's fault). */
export class KeysUnavailable extends Error {
  constructor(readonly issuer: string, reason: string) {
    super(`The signing keys of ${issuer} could not be fetched: ${reason}`);
    this.name = "KeysUnavailable";
  }
}

interface Discovery {
  issuer?: unknown;
  jwks_uri?: unknown;
}

export class IssuerKeys {
  private keySet: RemoteJWKSet | null = null;
  private discovering: Promise<RemoteJWKSet> | null = null;
  private failedAt = 0;

  constructor(
    readonly issuer: CheckedIssuer,
    private readonly timing: KeyTiming,
  ) {}

  /** The remote key set, once discovery has named it; discovery failing is retried on a later request, not more than once a second. */
  async keys(): Promise<RemoteJWKSet> {
    if (this.keySet) return this.keySet;
    if (!this.discovering) {
      if (Date.now() - this.failedAt < 1_000) throw new KeysUnavailable(this.issuer.issuer, "its discovery document failed a moment ago");
      this.discovering = this.discover().then(
        (keySet) => (this.keySet = keySet),
        (error: unknown) => {
          this.failedAt = Date.now();
          this.discovering = null;
          throw error;
        },
      );
    }
    return this.discovering;
  }

  private async discover(): Promise<RemoteJWKSet> {
    const where = this.issuer.discovery;
    let document: Discovery;
    try {
      const response = await fetch(where, { signal: AbortSignal.timeout(this.timing.timeoutMs), headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`${where} answered ${response.status}`);
      document = (await response.json()) as Discovery;
    } catch (error) {
      throw new KeysUnavailable(this.issuer.issuer, error instanceof Error ? error.message : String(error));
    }
    // OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for.
    if (document.issuer !== this.issuer.issuer) {
      throw new KeysUnavailable(this.issuer.issuer, `its discovery document names the issuer "${String(document.issuer)}"; the identity mapping must name the issuer exactly as its tokens do`);
    }
    const jwksUri = typeof document.jwks_uri === "string" ? URL.parse(document.jwks_uri) : null;
    if (!jwksUri) throw new KeysUnavailable(this.issuer.issuer, "its discovery document names no jwks_uri");
    return createRemoteJWKSet(jwksUri, { cacheMaxAge: this.timing.maxAgeMs, cooldownDuration: this.timing.cooldownMs, timeoutDuration: this.timing.timeoutMs });
  }
}
