// The web server's settings, all from the environment, read and checked here
// only. The browser's part of them is served as /config.json, so one build of
// the app serves every environment.
import path from "node:path";
import { DEFAULT_GATEWAY_PORT, webPort } from "../services/kit/catalog.ts";
import { flagFromEnv, ROOT_DIR } from "../services/kit/config.ts";
import { isProduction } from "../services/kit/auth/secrets.ts";
import { shutdownTimeoutMs } from "../services/kit/lifecycle.ts";
import { parseRuntimeConfig, type RuntimeConfig } from "./src/runtime-config.ts";

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

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

function runtimeConfig(env: NodeJS.ProcessEnv, gatewayPort: number): RuntimeConfig {
  const production = isProduction();
  const gatewayUrl = env.WEB_GATEWAY_URL || (production ? undefined : `http://127.0.0.1:${gatewayPort}/graphql`);
  if (!gatewayUrl) throw new Error("WEB_GATEWAY_URL must be set in production: the gateway's public GraphQL URL, as the browser reaches it.");
  const issuer = env.WEB_OIDC_ISSUER || env.OIDC_ISSUER;
  if (!issuer && production) throw new Error("WEB_OIDC_ISSUER (or OIDC_ISSUER) must be set in production: the app signs people in there.");
  const trustedDocumentsOnly = flagFromEnv(env, "WEB_TRUSTED_DOCUMENTS_ONLY", production);
  if (production && !trustedDocumentsOnly) throw new Error("WEB_TRUSTED_DOCUMENTS_ONLY=false is refused in production: the gateway runs only trusted documents there.");
  // Checked with the same rules the app applies when it reads /config.json.
  return parseRuntimeConfig({
    gatewayUrl,
    oidc: issuer ? { issuer, clientId: env.WEB_OIDC_CLIENT_ID || "hub-web", scope: env.WEB_OIDC_SCOPE || "openid profile" } : null,
    trustedDocumentsOnly,
  });
}

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const gatewayPort = port(env, "GATEWAY_PORT", DEFAULT_GATEWAY_PORT);
  return {
    port: port(env, "WEB_PORT", webPort(gatewayPort)),
    host: env.HOST || "127.0.0.1",
    distDir: env.WEB_DIST_DIR ? path.resolve(env.WEB_DIST_DIR) : WEB_DIST_DIR,
    runtime: runtimeConfig(env, gatewayPort),
    shutdownTimeoutMs: shutdownTimeoutMs(env),
  };
}
