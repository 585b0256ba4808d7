// The provider's development secrets: the keys that sign its cookies and the
// machine clients' secrets. Generated on first start under
// DATA_DIR/identity, kept across restarts, readable by the owner only. A
// client added later (a new service) gets its secret on the next start.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface IdentitySecrets {
  /** Newest first: the first signs cookies, all verify (keygrip). */
  cookieKeys: string[];
  /** client_id → client_secret of each confidential client. */
  clientSecrets: Record<string, string>;
}

export const SECRETS_FILE = "secrets.json";

const fresh = (): string => randomBytes(32).toString("base64url");

/** The secrets in `dir` (DATA_DIR/identity), or null before the provider's first start. */
export function readIdentitySecrets(dir: string): IdentitySecrets | null {
  return readSecrets(path.join(dir, SECRETS_FILE));
}

function readSecrets(file: string): IdentitySecrets | null {
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<IdentitySecrets>;
  const cookieKeys = Array.isArray(parsed.cookieKeys) ? parsed.cookieKeys.filter((k): k is string => typeof k === "string" && k.length >= 16) : [];
  const clientSecrets = Object.fromEntries(
    Object.entries(parsed.clientSecrets ?? {}).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].length >= 16),
  );
  return { cookieKeys, clientSecrets };
}

/** The secrets in `dir`, created or completed (for `clientIds` without one) and saved when needed. */
export function ensureIdentitySecrets(dir: string, clientIds: readonly string[]): IdentitySecrets {
  const file = path.join(dir, SECRETS_FILE);
  const stored = readSecrets(file);
  const secrets: IdentitySecrets = stored ?? { cookieKeys: [], clientSecrets: {} };
  let changed = stored === null;
  if (secrets.cookieKeys.length === 0) {
    secrets.cookieKeys.push(fresh());
    changed = true;
  }
  for (const id of clientIds) {
    if (secrets.clientSecrets[id]) continue;
    secrets.clientSecrets[id] = fresh();
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
