// The two shared secrets: one signs and verifies bearer tokens in
// development, the other signs every request the gateway (or a subgraph)
// sends to a subgraph. In production both must come from the environment;
// in development they are generated once under the data folder.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface HubSecrets {
  /** HS256 key for development tokens (production verifies against an OIDC issuer's JWKS instead). */
  jwtSecret: string;
  /** HMAC key for gateway → subgraph and subgraph → subgraph requests. */
  signingSecret: string;
}

const DEV_SECRETS_FILE = ".dev-secrets.json";

/** Creates the development secrets file once; the launcher calls this before starting any process. */
export function ensureDevSecrets(dataDir: string): HubSecrets {
  const file = path.join(dataDir, DEV_SECRETS_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as HubSecrets;
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: HubSecrets = { jwtSecret: randomBytes(32).toString("base64url"), signingSecret: randomBytes(32).toString("base64url") };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/**
 * The secrets this process uses: those set (HUB_JWT_SECRET / HUB_SIGNING_SECRET,
 * from its config), else — development only — the data folder's. Production's
 * config has already refused to start without the signing secret.
 */
export function loadSecrets(dataDir: string, set: { jwtSecret?: string; signingSecret?: string }, production: boolean): HubSecrets {
  const fromEnv = { jwtSecret: set.jwtSecret ?? "", signingSecret: set.signingSecret ?? "" };
  if (production || (fromEnv.jwtSecret && fromEnv.signingSecret)) return fromEnv;
  const dev = ensureDevSecrets(dataDir);
  return { jwtSecret: fromEnv.jwtSecret || dev.jwtSecret, signingSecret: fromEnv.signingSecret || dev.signingSecret };
}
