// The provider's signing keys: a JWKS file under DATA_DIR/identity, made on
// first start and kept across restarts. The first key signs; every key in the
// file is published, so tokens signed before a rotation still verify until
// their key is retired. The provider reads the file when it starts: rotate
// or retire, then restart it (`npm run identity:keys`).
import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export const JWKS_FILE = "jwks.json";
export const SIGNING_ALG = "RS256";

export interface PrivateJwks {
  keys: JWK[];
}

const fileIn = (dir: string): string => path.join(dir, JWKS_FILE);

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, use: "sig" };
}

function read(dir: string): PrivateJwks | null {
  const file = fileIn(dir);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<PrivateJwks>;
  const keys = Array.isArray(parsed.keys) ? parsed.keys : [];
  if (keys.length === 0 || keys.some((k) => typeof k.kid !== "string" || typeof k.d !== "string")) {
    throw new Error(`${file} must hold a JWKS of private keys, each with a kid.`);
  }
  return { keys };
}

function write(dir: string, jwks: PrivateJwks): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = fileIn(dir);
  // Written aside and renamed, so a provider starting meanwhile never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(jwks, null, 2), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/** The keys in `dir`; the first start makes one. */
export async function loadSigningKeys(dir: string): Promise<PrivateJwks> {
  const stored = read(dir);
  if (stored) return stored;
  const jwks = { keys: [await newSigningKey()] };
  write(dir, jwks);
  return jwks;
}

/** A new key becomes the signing key; the old ones stay published. Returns the new key id. */
export async function rotateSigningKey(dir: string): Promise<string> {
  const current = await loadSigningKeys(dir);
  const key = await newSigningKey();
  write(dir, { keys: [key, ...current.keys] });
  return key.kid!;
}

/** Removes every key but the signing key; tokens they signed no longer verify. Returns the removed key ids. */
export async function retireOldKeys(dir: string): Promise<string[]> {
  const [signing, ...old] = (await loadSigningKeys(dir)).keys;
  write(dir, { keys: [signing] });
  return old.map((k) => k.kid!);
}
