// The development identity provider's settings: every one read here, once,
// validated, with what it means. Nothing else in identity/ reads the environment.
import path from "node:path";
import { DEFAULT_GATEWAY_PORT } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

export interface IdentityConfig {
  port: number;
  host: string;
  /** The `iss` of every token and the base of every endpoint; no trailing slash. */
  issuer: string;
  /** Keys, client secrets and provider state (DATA_DIR/identity). */
  dataDir: string;
  /** Where the web app's authorization responses may go. */
  webRedirectUris: string[];
  /** Where the web app may send a person after signing out. */
  webPostLogoutRedirectUris: string[];
}

type Env = Record<string, string | undefined>;

interface Setting<T> {
  name: string;
  description: string;
  read(raw: string, env: Env): T;
}

function setting<T>(name: string, description: string, read: (raw: string, env: Env) => T): Setting<T> {
  return { name, description, read };
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function httpUrl(name: string, raw: string): string {
  const url = URL.parse(raw);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) throw new Error(`${name} must be http(s) URLs, got "${raw}"`);
  return url.href;
}

const urlList = (name: string, raw: string): string[] => raw.split(",").map((s) => s.trim()).filter(Boolean).map((s) => httpUrl(name, s));

/** The provider sits 100 above the gateway (4100 by default); subgraphs use 4101 and up. */
export const identityPortFor = (gateway: number): number => gateway + 100;
/** The web app sits 200 above the gateway (4200 by default). */
export const webAppPortFor = (gateway: number): number => gateway + 200;

const PORT = setting("IDENTITY_PORT", "Port of the development identity provider; default the gateway's port + 100 (4100).", (raw) =>
  wholeNumber("IDENTITY_PORT", raw, 1, 65_535),
);
const HOST = setting("IDENTITY_HOST", "Address to listen on; default 127.0.0.1.", (raw) => raw);
const ISSUER = setting("IDENTITY_ISSUER", "Issuer URL, as clients and the gateway reach it; default http://localhost:<port>.", (raw) =>
  httpUrl("IDENTITY_ISSUER", raw).replace(/\/$/, ""),
);
const DATA_DIR = setting("DATA_DIR", "The hub's data folder; the provider keeps its keys, client secrets and state in <DATA_DIR>/identity.", (raw) =>
  path.resolve(raw),
);
const WEB_REDIRECTS = setting(
  "IDENTITY_WEB_REDIRECT_URIS",
  "Comma-separated redirect URIs of the web app; default http://localhost:<gateway port + 200>/auth/callback.",
  (raw) => urlList("IDENTITY_WEB_REDIRECT_URIS", raw),
);
const WEB_LOGOUT_REDIRECTS = setting(
  "IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS",
  "Comma-separated URIs the web app may return to after sign-out; default http://localhost:<gateway port + 200>/.",
  (raw) => urlList("IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS", raw),
);
const GATEWAY_PORT = setting("GATEWAY_PORT", "The gateway's port (default 4000); the provider's and the web app's default ports derive from it.", (raw) =>
  wholeNumber("GATEWAY_PORT", raw, 1, 65_535),
);
const NODE_ENV = setting("NODE_ENV", "Must not be production: this provider is for development and tests only.", (raw) => raw);

/** Every environment variable this process reads, with what it means (`npm run identity -- --help` prints them). */
export const IDENTITY_SETTINGS: readonly { name: string; description: string }[] = [PORT, HOST, ISSUER, DATA_DIR, WEB_REDIRECTS, WEB_LOGOUT_REDIRECTS, GATEWAY_PORT, NODE_ENV].map(
  ({ name, description }) => ({ name, description }),
);

function read<T>(s: Setting<T>, env: Env, fallback: () => T): T {
  const raw = env[s.name];
  return raw === undefined || raw === "" ? fallback() : s.read(raw, env);
}

export function identityConfig(env: Env = process.env): IdentityConfig {
  if (read(NODE_ENV, env, () => "") === "production") {
    throw new Error("The embedded identity provider is for development only and refuses to run with NODE_ENV=production; production uses the municipality's identity providers.");
  }
  const gateway = read(GATEWAY_PORT, env, () => DEFAULT_GATEWAY_PORT);
  const port = read(PORT, env, () => identityPortFor(gateway));
  const webOrigin = `http://localhost:${webAppPortFor(gateway)}`;
  const webRedirectUris = read(WEB_REDIRECTS, env, () => [`${webOrigin}/auth/callback`]);
  const webPostLogoutRedirectUris = read(WEB_LOGOUT_REDIRECTS, env, () => [`${webOrigin}/`]);
  if (webRedirectUris.length === 0) throw new Error("IDENTITY_WEB_REDIRECT_URIS names no URI.");
  return {
    port,
    host: read(HOST, env, () => "127.0.0.1"),
    issuer: read(ISSUER, env, () => `http://localhost:${port}`),
    dataDir: path.join(read(DATA_DIR, env, () => path.join(ROOT_DIR, "data")), "identity"),
    webRedirectUris,
    webPostLogoutRedirectUris,
  };
}
