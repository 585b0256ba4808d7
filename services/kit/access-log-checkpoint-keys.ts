// The keys that sign the access log's checkpoints (access-log-checkpoint.ts):
// Ed25519, as JWKs. The subgraphs sign with a private key the databases never
// hold (ACCESS_LOG_CHECKPOINT_KEY; production requires it); `npm run
// audit:verify` checks with public keys only (ACCESS_LOG_CHECKPOINT_PUBLIC_KEYS,
// plus the public half of a signing key it is given), so an auditor can verify
// without being able to sign. In development a key is made once under the
// data folder, as the HMAC secrets are (auth/secrets.ts).
import fs from "node:fs";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

export const CHECKPOINT_ALG = "Ed25519";

/** A public Ed25519 key as a JWK. */
export interface CheckpointPublicKey {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

/** A private one: the public key and its secret half `d`. */
export interface CheckpointPrivateKey extends CheckpointPublicKey {
  d: string;
}

const BASE64URL = /^[A-Za-z0-9_-]{43}$/;

export function isCheckpointPublicKey(value: unknown): value is CheckpointPublicKey {
  const v = value as Partial<CheckpointPublicKey> | null;
  return typeof v === "object" && v !== null && v.kty === "OKP" && v.crv === "Ed25519" && typeof v.x === "string" && BASE64URL.test(v.x);
}

export function isCheckpointPrivateKey(value: unknown): value is CheckpointPrivateKey {
  const d = (value as { d?: unknown } | null)?.d;
  return isCheckpointPublicKey(value) && typeof d === "string" && BASE64URL.test(d);
}

/** `{"keys": [public JWK, …]}`, as a JWKS is written. */
export function isCheckpointPublicKeySet(value: unknown): value is { keys: CheckpointPublicKey[] } {
  const keys = (value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.every(isCheckpointPublicKey);
}

/** The key without its secret half (what an auditor is given). */
export const publicHalf = ({ kty, crv, x }: CheckpointPublicKey): CheckpointPublicKey => ({ kty, crv, x });

/** The key's id in a checkpoint's header: its RFC 7638 thumbprint, the same for the private key and its public half. */
export const keyId = (key: CheckpointPublicKey): Promise<string> => calculateJwkThumbprint(publicHalf(key));

export async function newCheckpointKey(): Promise<CheckpointPrivateKey> {
  const { privateKey } = await generateKeyPair(CHECKPOINT_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (!isCheckpointPrivateKey(jwk)) throw new Error("jose made no Ed25519 JWK");
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d };
}

export const importCheckpointKey = (key: CheckpointPublicKey) => importJWK(key as JWK, CHECKPOINT_ALG);

const DEV_KEY_FILE = ".access-log-checkpoint-key.json";

/** The development key under the data folder, if one was made. */
export function readDevCheckpointKey(dataDir: string): CheckpointPrivateKey | undefined {
  const file = path.join(dataDir, DEV_KEY_FILE);
  if (!fs.existsSync(file)) return undefined;
  const key: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!isCheckpointPrivateKey(key)) throw new Error(`${file} must hold a private Ed25519 JWK.`);
  return key;
}

/**
 * The development key, made on first use. Every subgraph starts at once and
 * may get here together: each writes its own candidate aside and links it
 * into place, which only one can; the others read the winner's.
 */
export async function devCheckpointKey(dataDir: string): Promise<CheckpointPrivateKey> {
  const kept = readDevCheckpointKey(dataDir);
  if (kept) return kept;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DEV_KEY_FILE);
  const candidate = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(candidate, JSON.stringify(await newCheckpointKey()), { mode: 0o600 });
  try {
    fs.linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  return readDevCheckpointKey(dataDir)!;
}
