// npm run bench:startup — how long `npm start` takes until the hub answers,
// from an empty data folder (cold: databases initialised, migrated, seeded)
// and from the folder the previous start left (warm: what a developer sees
// from the second start on), and where the CPU goes: each process's CPU
// seconds when the gateway is ready. Several runs, alternating cold and warm,
// medians reported with the load average around each run (a shared machine
// varies). Not part of `npm test`; not a timed test.
//
// Settings: BENCH_STARTUP_RUNS (5 of each), BENCH_STARTUP_PORT (the gateway
// port of the hub it starts; 19600), BENCH_STARTUP_ROOT (another checkout to
// measure, e.g. the commit before a change), BENCH_OUT (where to write the
// numbers; by default into the notes of bench/RESULTS.md, between markers).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuMs } from "../scripts/lib/procstat.ts";
import { benchStartupConfig } from "./config.ts";
import { childEnv } from "../scripts/config.ts";

const { runs: RUNS, port: PORT, root: ROOT, out } = benchStartupConfig();
const READY = "Samhandling hub is running.";
const BEGIN = "<!-- bench:startup:begin -->";
const END = "<!-- bench:startup:end -->";

interface Run {
  kind: "cold" | "warm";
  /** From spawning `npm start`'s script to the gateway answering. */
  readyMs: number;
  /** CPU seconds by process when ready: "start" (the launcher), each subgraph, "gateway". */
  cpu: Record<string, number>;
  loadBefore: number;
  loadAfter: number;
}

/** The processes `pid` started, with their names (the service or gateway they run). */
function children(pid: number): Map<string, number> {
  const found = new Map<string, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      const name = /services\/(\w+)\/index\.(?:ts|mjs)/.exec(cmdline)?.[1] ?? (/gateway\/index\.(?:ts|mjs)/.test(cmdline) ? "gateway" : null);
      if (name) found.set(name, Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function once(kind: Run["kind"], dataDir: string): Promise<Run> {
  if (kind === "cold") fs.rmSync(dataDir, { recursive: true, force: true });
  const loadBefore = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: { ...childEnv(), GATEWAY_PORT: String(PORT), DATA_DIR: dataDir, DATABASE_URL_TEMPLATE: "", REDIS_URL: "", LOG_LEVEL: "warn", NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const readyMs = await new Promise<number>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(READY)) resolve(performance.now() - started);
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-3000)}`)));
  });
  const cpu: Record<string, number> = { start: (cpuMs(child.pid!) ?? NaN) / 1000 };
  for (const [name, pid] of children(child.pid!)) cpu[name] = (cpuMs(pid) ?? NaN) / 1000;
  const loadAfter = os.loadavg()[0]!;
  child.kill("SIGINT");
  await new Promise((resolve) => child.once("exit", resolve));
  return { kind, readyMs, cpu, loadBefore, loadAfter };
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function report(runs: Run[]): string {
  const commit = (() => {
    try {
      return `commit ${execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim()}`;
    } catch {
      return "";
    }
  })();
  const lines = [
    BEGIN,
    `- **Start-up** (\`npm run bench:startup\`, ${new Date().toISOString()}, ${os.cpus().length} CPUs, ${RUNS} cold and ${RUNS} warm starts alternating${commit ? `, ${commit}` : ""}): time from starting \`npm start\` until the gateway answers, and CPU seconds per process at that moment. Medians; load average (1 min) before → after each run.`,
    "",
    "  | start | ready, s (median) | each run, s | CPU s: launcher | subgraph (median of 7) | gateway | all processes | load average |",
    "  |---|---:|---|---:|---:|---:|---:|---|",
  ];
  for (const kind of ["cold", "warm"] as const) {
    const mine = runs.filter((r) => r.kind === kind);
    const subgraphCpu = mine.map((r) => median(Object.entries(r.cpu).filter(([n]) => n !== "start" && n !== "gateway").map(([, v]) => v)));
    const total = mine.map((r) => Object.values(r.cpu).reduce((a, b) => a + b, 0));
    lines.push(
      `  | ${kind === "cold" ? "cold (empty data folder)" : "warm (second start)"} | ${(median(mine.map((r) => r.readyMs)) / 1000).toFixed(1)} | ${mine.map((r) => (r.readyMs / 1000).toFixed(1)).join(", ")} | ${median(mine.map((r) => r.cpu.start!)).toFixed(1)} | ${median(subgraphCpu).toFixed(2)} | ${median(mine.map((r) => r.cpu.gateway ?? NaN)).toFixed(2)} | ${median(total).toFixed(1)} | ${mine.map((r) => `${r.loadBefore.toFixed(1)}→${r.loadAfter.toFixed(1)}`).join(", ")} |`,
    );
  }
  lines.push(END);
  return lines.join("\n");
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-startup-"));
const runs: Run[] = [];
try {
  // One cold start first, so that the first warm one has a folder to start from.
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ["cold", "warm"] as const) {
      const run = await once(kind, path.join(dataDir, "data"));
      runs.push(run);
      console.log(`${kind} ${(run.readyMs / 1000).toFixed(1)} s, CPU ${Object.entries(run.cpu).map(([n, s]) => `${n} ${s.toFixed(1)}`).join(", ")}, load ${run.loadBefore.toFixed(1)}→${run.loadAfter.toFixed(1)}`);
    }
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const block = report(runs);
console.log(`\n${block}`);
const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
const at = current.indexOf(BEGIN);
const next = at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(END) + END.length) : `${current.trimEnd()}\n${block}\n`;
fs.writeFileSync(out, next);
console.log(`written to ${path.relative(process.cwd(), out)}`);
