// The shared secrets: one signs every request the gateway sends to a
// subgraph, one every request a subgraph sends to another (auth/signing.ts
// says why two). In production they must come from the environment; in
// development they are generated once under the data folder. (Bearer tokens
// are not signed here: the identity provider signs them, and the gateway
// checks them against its published keys — gateway/identity/.)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface HubSecrets {
  /** HMAC key for gateway → subgraph requests. */
  signingSecret: string;
  /** HMAC key for subgraph → subgraph requests; the gateway never uses it. */
  internalSigningSecret: string;
}

const newSecret = () => randomBytes(32).toString("base64url");

const DEV_SECRETS_FILE = ".dev-secrets.json";

/** Creates the development secrets file once; the launcher calls this before starting any process. */
export function ensureDevSecrets(dataDir: string): HubSecrets {
  const file = path.join(dataDir, DEV_SECRETS_FILE);
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<HubSecrets>) : null;
  // A data folder from before the internal hop had a key of its own gets one added; a token key from before sign-in moved to the identity provider is dropped.
  if (kept?.signingSecret && kept.internalSigningSecret) return { signingSecret: kept.signingSecret, internalSigningSecret: kept.internalSigningSecret };
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: HubSecrets = { signingSecret: kept?.signingSecret || newSecret(), internalSigningSecret: newSecret() };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * The secrets this process uses: those set (HUB_SIGNING_SECRET,
 * HUB_INTERNAL_SIGNING_SECRET, from its config), else — development only — the
 * data folder's. Production's config has already refused to start without the
 * ones it needs. (The gateway reads no internal secret; it gets "" here.)
 */
export function loadSecrets(dataDir: string, set: { signingSecret?: string; internalSigningSecret?: string }, production: boolean): HubSecrets {
  const fromEnv = { signingSecret: set.signingSecret ?? "", internalSigningSecret: set.internalSigningSecret ?? "" };
  if (production || (fromEnv.signingSecret && fromEnv.internalSigningSecret)) return fromEnv;
  const dev = ensureDevSecrets(dataDir);
  return {
    signingSecret: fromEnv.signingSecret || dev.signingSecret,
    internalSigningSecret: fromEnv.internalSigningSecret || dev.internalSigningSecret,
  };
}
