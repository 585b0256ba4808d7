// Own federations start from a copy of one seeded set of embedded databases
// instead of initialising, migrating and seeding fresh PGlite databases
// each time (about half a minute on two cores). The set is built once, by the
// subgraph processes themselves, and kept under the system's temp folder,
// keyed by everything that decides its content: the migrations and Prisma
// schemas, the services' code and the demo's (demo/: the seed is code), the
// seed settings, the demo's today and the installed packages. A service
// started on a copy still checks its migration history (and applies any
// migration the copy lacks) and runs its idempotent seed, exactly as on any
// other start.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startFederation } from "../../scripts/lib/federation.ts";
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { demoConfig } from "../../demo/config.ts";

/** Synthetic families on top of the demo, in the shared federation and every own one: one template serves both. */
export const TEST_SYNTHETIC_FAMILIES = "30";

const CACHE_DIR = path.join(os.tmpdir(), "hub-pglite-templates");
const COMPLETE = ".complete";
/** Templates nobody has used for this long are removed when a new one is built (each is a few hundred MB). */
const STALE_MS = 3600_000;

/** The environment that decides what a service seeds. */
function seedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    SEED_DEMO: env.SEED_DEMO ?? "",
    SEED_SYNTHETIC_FAMILIES: env.SEED_SYNTHETIC_FAMILIES ?? "",
    SEED_SYNTHETIC_SEED: env.SEED_SYNTHETIC_SEED ?? "",
    HUB_DEMO_TODAY: demoConfig(env).today,
  };
}

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "node_modules") out.push(...filesUnder(full, keep));
    } else if (keep(full)) out.push(full);
  }
  return out;
}

/** A hash of the migrations, schemas, service code, demo data, lock file and seed settings. */
export function templateKey(env: NodeJS.ProcessEnv): string {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder(path.join(ROOT_DIR, "prisma"), (f) => f.endsWith(".sql") || f.endsWith(".prisma")),
    ...filesUnder(path.join(ROOT_DIR, "services"), (f) => f.endsWith(".ts")),
    ...filesUnder(path.join(ROOT_DIR, "demo"), (f) => f.endsWith(".ts")),
    path.join(ROOT_DIR, "package-lock.json"),
  ].sort();
  for (const file of files) hash.update(path.relative(ROOT_DIR, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  hash.update(JSON.stringify(seedEnv(env)));
  return hash.digest("hex").slice(0, 24);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A gateway port whose subgraph ports are all free (the build listens on them briefly). */
async function freeBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Above Linux's ephemeral range (32768–60999), where outgoing connections would take ports from under us.
    const base = 61_000 + Math.floor(Math.random() * 4_000);
    const ports = SERVICE_NAMES.map((s) => subgraphPort(s, base));
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error("no free ports for building the PGlite template");
}

function pruneStale(keep: string): void {
  for (const name of fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : []) {
    const full = path.join(CACHE_DIR, name);
    if (name === keep) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // another run removed it
    }
  }
}

/**
 * The folder of a seeded, cleanly closed data set (`<service>/pgdata` for
 * every service) for this environment's seed settings; built on first use.
 */
export async function pgliteTemplate(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  // A port taken between the check and the listen fails one attempt; another picks other ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await templateOnce(env, timeoutMs);
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

async function templateOnce(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const key = templateKey(env);
  const final = path.join(CACHE_DIR, key);
  if (fs.existsSync(path.join(final, COMPLETE))) {
    fs.utimesSync(final, new Date(), new Date());
    return final;
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  pruneStale(key);
  const build = path.join(CACHE_DIR, `${key}.build-${process.pid}-${randomBytes(4).toString("hex")}`);
  const dataDir = path.join(build, "data");
  // No scheduled jobs: the template holds what the seed wrote, not notifications of the day it was built.
  const clean: NodeJS.ProcessEnv = { DATABASE_URL_TEMPLATE: "", REDIS_URL: "", LOG_LEVEL: "warn", NODE_ENV: "development", JOBS_ENABLED: "false", ...seedEnv(env) };
  for (const service of SERVICE_NAMES) clean[`DATABASE_URL_${service.toUpperCase()}`] = "";
  fs.mkdirSync(build, { recursive: true });
  const startedAt = Date.now();
  try {
    const federation = await startFederation({
      gatewayPort: await freeBasePort(),
      dataDir,
      env: clean,
      output: path.join(build, "build.log"),
      startupTimeoutMs: timeoutMs,
      withGateway: false,
    });
    // A clean stop closes each embedded database; only such a copy opens without recovery.
    await federation.stop();
    const codes = federation.exitCodes();
    const unclean = SERVICE_NAMES.filter((s) => codes[s] !== 0);
    if (unclean.length > 0) throw new Error(`building the PGlite template: ${unclean.join(", ")} did not stop cleanly; see ${path.join(build, "build.log")}`);
    for (const service of SERVICE_NAMES) {
      if (!fs.existsSync(path.join(dataDir, service, "pgdata"))) throw new Error(`building the PGlite template: no database for ${service}`);
    }
    fs.writeFileSync(path.join(dataDir, COMPLETE), key);
    try {
      fs.renameSync(dataDir, final);
    } catch (error) {
      // Another run finished the same template first: use theirs.
      if (!fs.existsSync(path.join(final, COMPLETE))) throw error;
    }
    fs.rmSync(build, { recursive: true, force: true });
    process.stderr.write(`built the seeded PGlite template ${key} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${final})\n`);
    return final;
  } catch (error) {
    const logFile = path.join(build, "build.log");
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n") : "";
    if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(build, { recursive: true, force: true });
    throw new Error(`building the seeded PGlite template failed: ${error instanceof Error ? error.message : String(error)}\n${tail}`, { cause: error });
  }
}

/** Copies the template's databases of `services` into a federation's data folder. */
export function copyTemplate(template: string, dataDir: string, services: readonly ServiceName[]): void {
  for (const service of services) {
    fs.cpSync(path.join(template, service, "pgdata"), path.join(dataDir, service, "pgdata"), { recursive: true });
  }
}
