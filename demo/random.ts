// Deterministic randomness for demo and synthetic data, built on SHA-256 from
// node:crypto so there is no hand-rolled hash to trust.
import { createHash } from "node:crypto";

/** A stable 48-bit number for a text (and an optional numeric seed). */
export function hash48(text: string, seed = 0): number {
  return createHash("sha256").update(`${seed}|${text}`).digest().readUIntBE(0, 6);
}

/** A stable 32-bit mix of a 32-bit number. */
export function mix32(value: number): number {
  const input = Buffer.allocUnsafe(4);
  input.writeUInt32BE(value >>> 0);
  return createHash("sha256").update(input).digest().readUInt32BE(0);
}

/**
 * A seeded stream of numbers in [0, 1): SHA-256 of (seed, block counter),
 * eight 32-bit draws per block.
 */
export function seededRandom(seed: string): () => number {
  let block = 0;
  let words: Buffer = Buffer.alloc(0);
  let next = 8;
  return () => {
    if (next === 8) {
      words = createHash("sha256").update(`${seed}#${block++}`).digest();
      next = 0;
    }
    return words.readUInt32BE(4 * next++) / 4294967296;
  };
}
