// The settings one build of the app needs in each environment. The web server
// (web/config.ts) writes them to /config.json; the app reads and checks them
// before it renders anything. Pure TypeScript: shared by server and browser.

export interface OidcSettings {
  /** The OpenID provider's issuer URL; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** The app's public client id at that provider (authorization code + PKCE, no secret). */
  clientId: string;
  /** Scopes asked for at sign-in. */
  scope: string;
}

export interface RuntimeConfig {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** Sign-in; null where no provider is configured yet (development): the app then says so instead of signing in. */
  oidc: OidcSettings | null;
  /**
   * Send each operation's trusted-document id instead of its text. Production
   * runs only trusted documents; development may send text to a gateway that
   * does not hold the app's manifest yet.
   */
  trustedDocumentsOnly: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function httpUrl(value: unknown, name: string): string {
  if (typeof value !== "string") throw new Error(`${name} must be a URL, got ${typeof value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${name} must be a non-empty string`);
  return value;
}

/** Checks a parsed /config.json; throws a message naming the first field that is wrong. */
export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  if (!isRecord(json)) throw new Error("config.json must hold an object");
  const oidc = json.oidc;
  if (oidc !== null && !isRecord(oidc)) throw new Error("oidc must be an object or null");
  if (typeof json.trustedDocumentsOnly !== "boolean") throw new Error("trustedDocumentsOnly must be true or false");
  return {
    gatewayUrl: httpUrl(json.gatewayUrl, "gatewayUrl"),
    oidc: oidc === null ? null : { issuer: httpUrl(oidc.issuer, "oidc.issuer"), clientId: text(oidc.clientId, "oidc.clientId"), scope: text(oidc.scope, "oidc.scope") },
    trustedDocumentsOnly: json.trustedDocumentsOnly,
  };
}
