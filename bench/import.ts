// npm run bench:import — how fast a first load goes: `npm run import` of
// BENCH_IMPORT_RECORDS (100 000) NAV records against a federation on
// PostgreSQL, created afresh, through the gateway as NAV's machine client —
// the whole path: trusted document, token, guard, checks, one transaction per
// call with its access-log entries, involvement signals to samhandling.
//
// Three runs of the same importer: the first load (every record CREATED), the
// same file again (--restart: every record UNCHANGED) and a changed export (a
// tenth of the measures ended: UPDATED). For each: wall time, lines a second,
// and the CPU each process spent (gateway, nav, samhandling, the importer,
// PostgreSQL), so one can see where the time goes. The numbers go to stdout;
// bench/RESULTS.md's notes keep them by hand. Not part of `npm test`.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { childEnv } from "../scripts/config.ts";
import { startFederation } from "../scripts/lib/federation.ts";
import { databaseUrl, freshDatabases } from "../scripts/lib/fresh-databases.ts";
import { importBenchConfig } from "./config.ts";
import { postgresCpu, postgresDifference } from "./postgres-cpu.ts";
import { cpuMs, difference, snapshot } from "../scripts/lib/procstat.ts";

const config = importBenchConfig();
const benchStarted = performance.now();
fs.mkdirSync(config.dataRoot, { recursive: true });

/** One person's records: the follow-up, three measures, the involvement; a changed export ends every tenth measure. */
async function exportFile(name: string, changed: boolean): Promise<string> {
  const file = path.join(config.dataRoot, name);
  const out = fs.createWriteStream(file);
  const persons = Math.ceil(config.records / 5);
  let written = 0;
  const line = (record: object) => {
    if (written++ < config.records) out.write(`${JSON.stringify(record)}\n`);
  };
  for (let p = 1; p <= persons; p++) {
    const personId = `bench-import-person-${p}`;
    const key = (what: string) => ({ sourceSystem: "modia", sourceId: `${what}-${p}`, personId });
    line({ followUp: { ...key("F"), office: "NAV Fjordvik", veilederName: `Veileder ${p % 40}`, veilederPhone: "+47 400 01 000", since: "2026-03-01" } });
    for (let m = 1; m <= 3; m++) {
      const ended = changed && (p * 3 + m) % 10 === 0;
      line({ measure: { ...key(`M${m}`), kind: ["KVP", "IPS", "SOCIAL_ASSISTANCE"][m - 1], description: "Tiltak fra fagsystemet", status: ended ? "ENDED" : "ACTIVE", startedAt: "2026-04-01" } });
    }
    line({ startInvolvement: { ...key("I"), startedOn: "2026-03-01", contact: { name: `Veileder ${p % 40}`, role: "veileder" } } });
  }
  await new Promise((resolve) => out.end(resolve));
  return file;
}

const template = config.databaseTemplate;
/** The database of `service`, as the template names it. */
const databaseName = (service: string) => new URL(template.replaceAll("{service}", service)).pathname.slice(1);
const adminUrl = databaseUrl(template, "postgres");

interface Measured {
  run: string;
  seconds: number;
  summary: string;
  cpu: Map<string, number>;
}

const files = [await exportFile("nav-first.ndjson", false), await exportFile("nav-changed.ndjson", true)];
await freshDatabases(template, databaseName);
const dataDir = path.join(config.dataRoot, "federation");
fs.rmSync(dataDir, { recursive: true, force: true });
const log = path.join(config.dataRoot, "federation.log");
console.error(`starting the federation on PostgreSQL (databases ${databaseName("*")}), log in ${log}`);
const federation = await startFederation({
  gatewayPort: config.port,
  dataDir,
  output: log,
  startupTimeoutMs: 240_000,
  env: {
    DATABASE_URL_TEMPLATE: template,
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [`DATABASE_URL_${s.toUpperCase()}`, ""])),
    REDIS_URL: config.redisUrl,
    LOG_LEVEL: config.logLevel,
    SEED_SYNTHETIC_FAMILIES: "0",
  },
});
const processes = new Map(["gateway", "nav", "samhandling"].map((name) => [name, federation.pid(name as "gateway")!] as const));
const postgres = await postgresCpu(adminUrl, databaseName(""));

async function measure(run: string, args: string[]): Promise<Measured> {
  const before = snapshot(processes);
  const pgBefore = await postgres.read();
  const started = performance.now();
  let importer = 0;
  const summary = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT_DIR, "scripts", "import.ts"), "nav", ...args],
      { cwd: ROOT_DIR, env: childEnv({ GATEWAY_PORT: String(config.port), DATA_DIR: dataDir, IMPORT_GATEWAY_URL: "" }), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error && error.code !== 2 ? reject(new Error(`${run} failed: ${stderr}`)) : resolve(stdout)),
    );
    const sample = setInterval(() => (importer = cpuMs(child.pid!) ?? importer), 100);
    child.on("exit", () => clearInterval(sample));
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = difference(snapshot(processes), before);
  cpu.set("importer", importer);
  cpu.set("postgresql", postgresDifference(await postgres.read(), pgBefore));
  return { run, seconds, summary, cpu };
}

const results: Measured[] = [];
try {
  results.push(await measure("first load", [files[0]!, "--restart"]));
  results.push(await measure("the same file again", [files[0]!, "--restart"]));
  results.push(await measure("a changed export", [files[1]!, "--restart"]));
} finally {
  await postgres.close();
  await federation.stop();
}

const counts = (summary: string) =>
  [...summary.matchAll(/^ {2}(created|updated|unchanged|refused) +(\d+)$/gm)]
    .filter(([, , n]) => n !== "0")
    .map(([, what, n]) => `${n} ${what}`)
    .join(", ");
const seconds = (ms: number | undefined) => ((ms ?? NaN) / 1000).toFixed(1);
console.log(`\n## Import: ${config.records} NAV records through npm run import (PostgreSQL, ${new Date().toISOString().slice(0, 16)} UTC)\n`);
console.log("| run | wall s | records/s | outcomes | CPU s: gateway | nav | samhandling | importer | PostgreSQL |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const c = r.cpu;
  console.log(
    `| ${r.run} | ${r.seconds.toFixed(1)} | ${Math.round(config.records / r.seconds)} | ${counts(r.summary)} | ${seconds(c.get("gateway"))} | ${seconds(c.get("nav"))} | ${seconds(c.get("samhandling"))} | ${seconds(c.get("importer"))} | ${seconds(c.get("postgresql"))} |`,
  );
}
const first = results[0]!;
console.log(`\nThe whole benchmark (export files, fresh databases, the federation's start, three imports, its stop): ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`);
const verdict = config.records >= 100_000 ? (first.seconds < 60 ? "met" : "NOT met") : "judged only at 100 000 records or more (a smaller file pays the importer's start-up in proportion)";
console.log(`Target: 100 000 records in under 60 s — first load ${first.seconds.toFixed(1)} s for ${config.records}: ${verdict}.`);
