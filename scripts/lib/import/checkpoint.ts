// Where an import stands, so that it resumes after an interruption: the last
// line up to which every line is done (written or refused), and the counts and
// refusals so far. Written after every call, atomically (a new file renamed
// over the old), beside the import file unless told otherwise. It belongs to
// one file: its size and hash must match, or the import refuses to resume.
// Resuming skips what is done; a call cut off midway is sent again, and the
// write API's idempotency makes that safe (UNCHANGED).
import { createHash } from "node:crypto";
import fs from "node:fs";
import type { LineRefusal } from "./records.ts";

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface Checkpoint {
  version: 1;
  service: string;
  /** The import file: its size and SHA-256, so a changed file is not resumed as if it were the same. */
  size: number;
  sha256: string;
  /** Every line up to and including this one is done. */
  line: number;
  counts: Counts;
  refusals: LineRefusal[];
  /** The whole file is done: a new run starts over only with --restart. */
  complete: boolean;
}

export const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, refused: 0 });

/** The file's size and SHA-256, read as a stream. */
export async function fingerprint(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest("hex") };
}

/** The checkpoint for this service and file, if there is one; an error when it belongs to another. */
export function readCheckpoint(at: string, service: string, file: { size: number; sha256: string }): Checkpoint | null {
  if (!fs.existsSync(at)) return null;
  const found = JSON.parse(fs.readFileSync(at, "utf8")) as Checkpoint;
  if (found.version !== 1 || found.service !== service || found.size !== file.size || found.sha256 !== file.sha256) {
    throw new Error(`${at} is the checkpoint of another import (another service, or the file has changed since). Run with --restart to start over, or remove it.`);
  }
  return found;
}

export function writeCheckpoint(at: string, checkpoint: Checkpoint): void {
  const next = `${at}.${process.pid}.tmp`;
  fs.writeFileSync(next, JSON.stringify(checkpoint, null, 1), { mode: 0o600 });
  fs.renameSync(next, at);
}
