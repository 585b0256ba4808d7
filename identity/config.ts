// The development identity provider's settings: every one read here, once,
// validated, with what it means (services/kit/env.ts). Nothing else in
// identity/ reads the environment.
import path from "node:path";
import { identityPort, webPort } from "../services/kit/catalog.ts";
import { DATA_DIR, GATEWAY_PORT, IDENTITY_ISSUER, NODE_ENV, SEED_SYNTHETIC_FAMILIES, SEED_SYNTHETIC_SEED, SHUTDOWN_TIMEOUT_MS } from "../services/kit/config.ts";
import { computed, list, port, readSettings, setting, text, url, type Declaration, type Env } from "../services/kit/env.ts";
import type { DirectoryOptions } from "./users.ts";

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
  /** In-flight requests may finish for this long after SIGTERM. */
  shutdownTimeoutMs: number;
  /** Who can sign in besides the demo's people: the synthetic families the subgraphs seed (tests). */
  directory: DirectoryOptions;
}

const IDENTITY_PORT = computed("IDENTITY_PORT", port(), {
  shownDefault: "`GATEWAY_PORT` + 100 (4100)",
  description: "Port of the development identity provider.",
});
const IDENTITY_HOST = setting("IDENTITY_HOST", text(), { default: "127.0.0.1", description: "The address the development identity provider listens on." });
const IDENTITY_WEB_REDIRECT_URIS = computed("IDENTITY_WEB_REDIRECT_URIS", list(url(["http", "https"])), {
  shownDefault: "`http://localhost:<GATEWAY_PORT + 200>/auth/callback`",
  description: "Comma-separated redirect URIs of the web app at the development provider.",
});
const IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS = computed("IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS", list(url(["http", "https"])), {
  shownDefault: "`http://localhost:<GATEWAY_PORT + 200>/`",
  description: "Comma-separated URIs the web app may return to after signing out at the development provider.",
});

/** Every variable this process reads, as docs/configuration.md lists them (`npm run identity -- --help` prints them). */
export const IDENTITY_SETTINGS: readonly Declaration[] = [
  NODE_ENV,
  GATEWAY_PORT,
  DATA_DIR,
  IDENTITY_PORT,
  IDENTITY_HOST,
  IDENTITY_ISSUER,
  IDENTITY_WEB_REDIRECT_URIS,
  IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS,
  SEED_SYNTHETIC_FAMILIES,
  SEED_SYNTHETIC_SEED,
  SHUTDOWN_TIMEOUT_MS,
].map((s) => s.declaration);

export function identityConfig(env: Env = process.env): IdentityConfig {
  return readSettings(env, IDENTITY_SETTINGS, (get) => {
    if (get(NODE_ENV) === "production") {
      get.problem("The embedded identity provider is for development only and refuses to run with NODE_ENV=production; production uses the municipality's identity providers.");
    }
    const gateway = get(GATEWAY_PORT);
    const ownPort = get(IDENTITY_PORT, identityPort(gateway));
    const webOrigin = `http://localhost:${webPort(gateway)}`;
    const webRedirectUris = get(IDENTITY_WEB_REDIRECT_URIS, [`${webOrigin}/auth/callback`]);
    if (webRedirectUris.length === 0) get.problem("IDENTITY_WEB_REDIRECT_URIS names no URI.");
    return {
      port: ownPort,
      host: get(IDENTITY_HOST),
      // The gateway computes the same default from GATEWAY_PORT (kit/config.ts devIssuerIn); with IDENTITY_PORT moved, tell both IDENTITY_ISSUER.
      issuer: get(IDENTITY_ISSUER, `http://localhost:${ownPort}`).replace(/\/$/, ""),
      dataDir: path.join(get(DATA_DIR), "identity"),
      webRedirectUris,
      webPostLogoutRedirectUris: get(IDENTITY_WEB_POST_LOGOUT_REDIRECT_URIS, [`${webOrigin}/`]),
      shutdownTimeoutMs: get(SHUTDOWN_TIMEOUT_MS),
      directory: { syntheticFamilies: get(SEED_SYNTHETIC_FAMILIES), syntheticSeed: get(SEED_SYNTHETIC_SEED) },
    };
  });
}
