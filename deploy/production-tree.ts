// What the production image's node_modules may hold. `npm ci --omit=dev`
// still installs a dev dependency that also satisfies an *optional* peer of a
// production package (npm marks it `devOptional` and omits it only when
// optional dependencies are omitted too, which would drop esbuild's binary).
// The Prisma CLI is one: @prisma/client names it as an optional peer, and it
// brings some seventy packages (its studio, a MySQL driver, …). Run in the
// Dockerfile's production stage right after `npm ci --omit=dev`, this removes
// them; test/production-image.test.ts checks the tree that is left.
//   node --import tsx deploy/production-tree.ts
import fs from "node:fs";
import path from "node:path";

export interface LockEntry {
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

export type Lock = { packages: Record<string, LockEntry> };

/** node_modules paths of the packages only the dev tree needs, though `--omit=dev` installs them. */
export function devOnlyOptionalPackages(lock: Lock): string[] {
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== "" && entry.devOptional)
    .map(([key]) => key);
}

/** What the image keeps: neither dev nor dev-only optional. */
export function productionPackages(lock: Lock): [string, LockEntry][] {
  return Object.entries(lock.packages).filter(([key, entry]) => key !== "" && !entry.dev && !entry.devOptional && !entry.link);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd();
  const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lock;
  const removed = devOnlyOptionalPackages(lock).filter((key) => fs.existsSync(path.join(root, key)));
  for (const key of removed) fs.rmSync(path.join(root, key), { recursive: true, force: true });
  console.log(`removed ${removed.length} packages only the dev tree needs`);
}
