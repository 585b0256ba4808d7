// npm run web:build: the app, checked and built into web/dist.
//   1. codegen (typed operations and their trusted-document ids)
//   2. type-check web/src
//   3. vite build
//   4. the trusted documents: the app's operations, each held to the
//      gateway's rules, written into gateway/documents/manifest.json (as
//      `npm run documents` does) — what production runs
//   5. the first page's gzipped JavaScript against its budget
// Any step failing fails the build.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";
import { ROOT_DIR } from "../services/kit/config.ts";
import { FIRST_PAGE_JS_BUDGET_BYTES, firstPageJs, kilobytes } from "./bundle-budget.ts";
import { writeGenerated } from "./codegen.ts";
import { enterProductionBuild, productionBuildEnv, WEB_DIST_DIR } from "./config.ts";
import { writeTrustedDocuments } from "./documents.ts";

const WEB_DIR = path.join(ROOT_DIR, "web");
/** Written last, into the build: what it was built from (see isBuildCurrent). */
export const BUILD_STAMP = ".build-stamp";

/** Everything a build depends on: the app's files, the schema, the gateway's document rules, the lock file. */
function inputsHash(): string {
  const hash = createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== WEB_DIST_DIR && entry.name !== "node_modules") walk(full);
      } else files.push(full);
    }
  };
  walk(WEB_DIR);
  files.push(...["schema/public.graphql", "package-lock.json", "gateway/persisted-documents.ts", "gateway/document-measures.ts", "gateway/config.ts"].map((f) => path.join(ROOT_DIR, f)));
  for (const file of files.sort()) hash.update(path.relative(ROOT_DIR, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  const stamp = path.join(WEB_DIST_DIR, BUILD_STAMP);
  return fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === inputsHash();
}

export async function buildWeb(log: (line: string) => void = console.log): Promise<{ firstPageGzipBytes: number }> {
  const written = await writeGenerated();
  if (written.length > 0) log(`codegen wrote ${written.join(", ")}`);

  const tsc = spawnSync(process.execPath, [path.join(ROOT_DIR, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", path.join(WEB_DIR, "tsconfig.json")], { cwd: ROOT_DIR, encoding: "utf8" });
  if (tsc.status !== 0) throw new Error(`web/src does not type-check:\n${tsc.stdout}${tsc.stderr}`);

  await build({ configFile: path.join(WEB_DIR, "vite.config.ts"), logLevel: "warn" });

  const documents = writeTrustedDocuments();
  log(`${documents.app.operations.length} operations of the app among the ${documents.manifest.operations.length} trusted documents in gateway/documents/manifest.json${documents.wrote ? " (written: commit it)" : ""}`);

  const js = firstPageJs(WEB_DIST_DIR);
  log(`first page JavaScript: ${kilobytes(js.gzipBytes)} gzipped (budget ${kilobytes(FIRST_PAGE_JS_BUDGET_BYTES)}) in ${js.files.length} file(s)`);
  if (js.gzipBytes > FIRST_PAGE_JS_BUDGET_BYTES) {
    throw new Error(`The first page's JavaScript is ${kilobytes(js.gzipBytes)} gzipped, over the ${kilobytes(FIRST_PAGE_JS_BUDGET_BYTES)} budget: ${js.files.map((f) => `${f.file} ${kilobytes(f.gzipBytes)}`).join(", ")}. Load pages lazily or drop a dependency.`);
  }
  fs.writeFileSync(path.join(WEB_DIST_DIR, BUILD_STAMP), inputsHash());
  return { firstPageGzipBytes: js.gzipBytes };
}

/**
 * Builds unless web/dist was built from exactly the current inputs. In a
 * process of its own: Vite takes the build's mode from NODE_ENV, and a test
 * runner's "test" would give React's development build.
 */
export function ensureWebBuild(log: (line: string) => void = console.log): void {
  if (isBuildCurrent()) return log("web app build is current");
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(WEB_DIR, "build.ts")], { cwd: ROOT_DIR, env: productionBuildEnv(), encoding: "utf8" });
  for (const line of run.stdout.trim().split("\n").filter(Boolean)) log(line);
  if (run.status !== 0) throw new Error(`npm run web:build failed:\n${run.stderr}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  enterProductionBuild();
  try {
    await buildWeb();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
