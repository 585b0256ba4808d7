// The web server's settings, read and checked here only (services/kit/env.ts).
// The browser's part of them is served as /config.json, so one build of the
// app serves every environment.
import path from "node:path";
import { webPort } from "../services/kit/catalog.ts";
import { devIssuerIn, GATEWAY_PORT, IDENTITY_ISSUER, isProductionIn, NODE_ENV, ROOT_DIR, SHUTDOWN_TIMEOUT_MS } from "../services/kit/config.ts";
import { boolean, computed, filePath, optional, port, readSettings, setting, text, url, type Declaration, type Env } from "../services/kit/env.ts";
import { parseRuntimeConfig, type RuntimeConfig } from "./src/runtime-config.ts";
// The development identity provider registers the app under this id; production's is set explicitly.
import { WEB_CLIENT_ID } from "../identity/clients.ts";

export interface WebConfig {
  port: number;
  host: string;
  /** The built app (`npm run web:build`). */
  distDir: string;
  /** What /config.json tells the app. */
  runtime: RuntimeConfig;
  /** In-flight requests may finish for this long after SIGTERM. */
  shutdownTimeoutMs: number;
}

export const WEB_DIST_DIR = path.join(ROOT_DIR, "web", "dist");

const WEB_PORT = computed("WEB_PORT", port(), { shownDefault: "`GATEWAY_PORT` + 200 (4200)", description: "The web app's port." });
const WEB_HOST = setting("WEB_HOST", text(), { default: "127.0.0.1", description: "The address the web app's server listens on (`0.0.0.0` in a container)." });
const WEB_DIST = setting("WEB_DIST_DIR", filePath(), { default: WEB_DIST_DIR, shownDefault: "`web/dist`", description: "The built app the web server serves." });
const WEB_GATEWAY_URL = computed("WEB_GATEWAY_URL", url(["http", "https"]), {
  shownDefault: "`http://127.0.0.1:<GATEWAY_PORT>/graphql`; required in production",
  description: "The gateway's GraphQL URL as the browser reaches it.",
});
const WEB_OIDC_ISSUER = optional("WEB_OIDC_ISSUER", url(["http", "https"]), {
  shownDefault: "the development identity provider (`IDENTITY_ISSUER`); required in production",
  description: "The OpenID provider the app signs people in at.",
});
const WEB_OIDC_CLIENT_ID = setting("WEB_OIDC_CLIENT_ID", text(), {
  default: WEB_CLIENT_ID,
  description: "The app's client id at the OpenID provider (a public client: authorization code with PKCE).",
});
const WEB_OIDC_SCOPE = setting("WEB_OIDC_SCOPE", text(), {
  default: "openid hub",
  description: "The scopes the app asks the OpenID provider for (production: the hub's API scope at that provider).",
});
const WEB_TRUSTED_DOCUMENTS_ONLY = computed("WEB_TRUSTED_DOCUMENTS_ONLY", boolean(), {
  shownDefault: "`false`; always `true` in production",
  description: "Send trusted-document ids instead of query text.",
});

/** Every variable the web server reads, as docs/configuration.md lists them. */
export const WEB_SETTINGS: readonly Declaration[] = [
  NODE_ENV,
  GATEWAY_PORT,
  WEB_PORT,
  WEB_HOST,
  WEB_DIST,
  WEB_GATEWAY_URL,
  WEB_OIDC_ISSUER,
  IDENTITY_ISSUER,
  WEB_OIDC_CLIENT_ID,
  WEB_OIDC_SCOPE,
  WEB_TRUSTED_DOCUMENTS_ONLY,
  SHUTDOWN_TIMEOUT_MS,
].map((s) => s.declaration);

export function webConfig(env: Env = process.env): WebConfig {
  return readSettings(env, WEB_SETTINGS, (get) => {
    const production = isProductionIn(get);
    const gatewayPort = get(GATEWAY_PORT);
    const gatewayUrl = get(WEB_GATEWAY_URL, production ? "" : `http://127.0.0.1:${gatewayPort}/graphql`);
    if (!gatewayUrl) get.problem("WEB_GATEWAY_URL must be set in production: the gateway's public GraphQL URL, as the browser reaches it.");
    // Development signs in at the embedded provider that `npm start` runs beside the app.
    const devIssuer = devIssuerIn(get, gatewayPort);
    const issuer = get(WEB_OIDC_ISSUER) ?? (production ? undefined : devIssuer);
    const clientId = get(WEB_OIDC_CLIENT_ID);
    const scope = get(WEB_OIDC_SCOPE);
    if (!issuer && production) get.problem("WEB_OIDC_ISSUER must be set in production: the app signs people in there.");
    const trustedDocumentsOnly = get(WEB_TRUSTED_DOCUMENTS_ONLY, production);
    if (production && !trustedDocumentsOnly) get.problem("WEB_TRUSTED_DOCUMENTS_ONLY=false is refused in production: the gateway runs only trusted documents there.");
    return {
      port: get(WEB_PORT, webPort(gatewayPort)),
      host: get(WEB_HOST),
      distDir: path.resolve(get(WEB_DIST)),
      // Checked with the same rules the app applies when it reads /config.json.
      runtime: parseRuntimeConfig({
        gatewayUrl: gatewayUrl || "http://invalid.invalid/graphql",
        oidc: issuer ? { issuer, clientId, scope } : null,
        trustedDocumentsOnly,
      }),
      shutdownTimeoutMs: get(SHUTDOWN_TIMEOUT_MS),
    };
  });
}

// --- the production build (npm run web:build) -------------------------------------

/**
 * The build reads no setting; it sets one. Vite takes its mode's defaults
 * (React's production build among them) from NODE_ENV, and a test runner's
 * "test" or a shell's "development" would give a development build: the
 * build runs with NODE_ENV=production whatever the environment says.
 */
export function productionBuildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production" };
}

/** The same, for the build running in this process, before Vite loads. */
export function enterProductionBuild(): void {
  process.env.NODE_ENV = "production";
}
