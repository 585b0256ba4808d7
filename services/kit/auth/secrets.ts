// The shared secret that signs every request the gateway (or a subgraph)
// sends to a subgraph. In production it must come from the environment; in
// development it is generated once under the data folder. (Bearer tokens are
// not signed here: the identity provider signs them, and the gateway checks
// them against its published keys — gateway/identity/.)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface HubSecrets {
  /** HMAC key for gateway → subgraph and subgraph → subgraph requests. */
  signingSecret: string;
}

const DEV_SECRETS_FILE = ".dev-secrets.json";

/** Creates the development secrets file once; the launcher calls this before starting any process. */
export function ensureDevSecrets(dataDir: string): HubSecrets {
  const file = path.join(dataDir, DEV_SECRETS_FILE);
  if (fs.existsSync(file)) {
    // A file from before sign-in moved to the identity provider may hold a token key too: only the signing secret counts.
    const { signingSecret } = JSON.parse(fs.readFileSync(file, "utf8")) as HubSecrets;
    return { signingSecret };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: HubSecrets = { signingSecret: randomBytes(32).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * The secret this process uses: the one set (HUB_SIGNING_SECRET, from its
 * config), else — development only — the data folder's. Production's config
 * has already refused to start without it.
 */
export function loadSecrets(dataDir: string, set: { signingSecret?: string }, production: boolean): HubSecrets {
  if (production || set.signingSecret) return { signingSecret: set.signingSecret ?? "" };
  return ensureDevSecrets(dataDir);
}
