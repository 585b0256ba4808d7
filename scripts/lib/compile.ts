// `npm start` runs each process from a bundle instead of through tsx. tsx
// resolves and transforms every module of every process on each start (its
// cache saves the transform, not the work of its hooks); a bundle per entry
// point, made once by esbuild (the compiler tsx itself uses, so the same
// TypeScript, decorators included) and reused until a source changes, starts
// about a third faster (bench/RESULTS.md, start-up). Dependencies stay
// outside the bundle, loaded by Node as they are.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build, version } from "esbuild";
import { ROOT_DIR } from "../../services/kit/config.ts";

const CACHE_DIR = path.join(ROOT_DIR, "node_modules", ".cache", "samhandling-hub");
/** What a bundle is made of besides the entries' own imports: change any and it is made again. */
const INPUTS = ["gateway", "services", "demo", "prisma", "tsconfig.json", "package-lock.json"];

function sourcesHash(): string {
  const hash = createHash("sha256").update(`esbuild ${version}\0`);
  const add = (rel: string) => {
    const abs = path.join(ROOT_DIR, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isFile()) return void hash.update(rel).update("\0").update(fs.readFileSync(abs)).update("\0");
    for (const entry of fs.readdirSync(abs, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && /\.(ts|json|graphql|prisma)$/.test(entry.name)) add(path.relative(ROOT_DIR, path.join(entry.parentPath, entry.name)));
    }
  };
  for (const input of INPUTS) add(input);
  return hash.digest("hex").slice(0, 16);
}

/** The bundle of each entry (paths relative to the project), made now unless the sources are unchanged since the last one. */
export async function compiledEntries(entries: readonly string[]): Promise<Map<string, string>> {
  const outdir = path.join(CACHE_DIR, sourcesHash());
  const bundleOf = (entry: string) => path.join(outdir, entry.replace(/\.ts$/, ".mjs"));
  const bundles = new Map(entries.map((entry) => [entry, bundleOf(entry)]));
  if ([...bundles.values()].every((file) => fs.existsSync(file))) return bundles;
  await build({
    entryPoints: entries.map((entry) => path.join(ROOT_DIR, entry)),
    outbase: ROOT_DIR,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node24",
    tsconfig: path.join(ROOT_DIR, "tsconfig.json"),
    logLevel: "warning",
  });
  // Only the newest build is kept.
  for (const old of fs.readdirSync(CACHE_DIR)) if (path.join(CACHE_DIR, old) !== outdir) fs.rmSync(path.join(CACHE_DIR, old), { recursive: true, force: true });
  return bundles;
}
