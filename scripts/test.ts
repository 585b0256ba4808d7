// npm test: type-check, the whole suite on embedded PGlite, then the
// database-touching suites again on PostgreSQL when one is configured.
// In CI (CI=true) a missing PostgreSQL is a failure, never a silent skip.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT_DIR } from "../services/kit/config.ts";
import { childEnv, testRunConfig } from "./config.ts";
import { generateClients } from "./generate.ts";
import { describeFindings, LOG_SCAN_REPORT_ENV, readLogReport } from "../test/support/log-report.ts";

/**
 * The suites that read or write a service database, run again on PostgreSQL.
 * Left out — they run once, in the first pass: suites about the gateway and
 * processes (limits, production mode, telemetry, a subgraph, Redis or
 * samhandling going away, an epoch store refusing a case change, an information request's period running out, shutdown), which behave the same on either database
 * and start federations of their own; and the suites that bring a PostgreSQL
 * server of their own (a database server crashing, the production topology,
 * two instances of every process on one server).
 */
const RUN_ONCE = [
  "hardening-limits",
  "hardening-production",
  "hardening-telemetry",
  "hardening-planning",
  "hardening-upstream",
  "hardening-http",
  "hardening-signing",
  "failures-subgraph",
  "failures-redis",
  "failures-samhandling",
  "coordination-invalidation",
  "information-request-period",
  "failures-database",
  "production-topology",
  "several-instances",
  "shutdown",
];
/** `npm test -- <files or filters>` narrows both passes to those (vitest's own filter). */
const FILTERS = process.argv.slice(2);
const config = testRunConfig();

// Unit suites that also mean something on PostgreSQL (PGlite has one session, so several access-log writers racing
// for the chain's head only happen there; a database made by an older release must upgrade in place on both).
const POSTGRES_UNIT_FILES = ["test/access-log.test.ts", "test/access-log-schema.test.ts", "test/access-log-checkpoint.test.ts"];
const POSTGRES_SUITES = [
  "--project", "e2e",
  "--project", "unit",
  ...(FILTERS.length === 0 ? ["test/e2e/", ...POSTGRES_UNIT_FILES] : []),
  ...RUN_ONCE.flatMap((name) => ["--exclude", `test/e2e/${name}.test.ts`]),
  // The browser suites drive the web app, which reaches a database only through the gateway and the subgraphs —
  // whose reads and writes the suites above already run on PostgreSQL. Once (embedded, as `npm start` runs) is enough;
  // twice cost about four minutes of the run.
  "--exclude", "test/e2e/web-*.test.ts",
];

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Names of the failed tests and files, repeated at the very end of the run, where a CI log's tail shows them. */
const failures: string[] = [];

function recordFailures(label: string, json: VitestReport): void {
  for (const file of json.testResults) {
    const relative = path.relative(ROOT_DIR, file.name);
    const failed = file.assertionResults.filter((a) => a.status === "failed");
    for (const test of failed) failures.push(`${label}: ${relative} > ${test.fullName}\n    ${firstLine(test.failureMessages[0])}`);
    if (failed.length === 0 && file.message) failures.push(`${label}: ${relative} (the file failed)\n    ${firstLine(file.message)}`);
  }
}

function firstLine(message: string | undefined): string {
  return (message ?? "").split("\n").find((line) => line.trim() !== "")?.slice(0, 300) ?? "";
}

function vitest(label: string, args: string[], env: Record<string, string>): Totals {
  console.log(`\n=== ${label} ===`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-vitest-"));
  const report = path.join(dir, "report.json");
  // Where every log scan of the pass records what it found (test/support/log-report.ts).
  const logScans = path.join(dir, "log-scans.jsonl");
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT_DIR, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args, ...(FILTERS.length > 0 ? ["--passWithNoTests", ...FILTERS] : [])],
    { cwd: ROOT_DIR, env: childEnv({ ...env, [LOG_SCAN_REPORT_ENV]: logScans }), stdio: "inherit" },
  );
  if (!fs.existsSync(report)) {
    failures.push(`${label}: vitest wrote no report (exit ${result.status ?? result.signal})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const json = JSON.parse(fs.readFileSync(report, "utf8")) as VitestReport;
  recordFailures(label, json);
  const exitedBadly = result.status !== 0 && json.numFailedTests === 0;
  if (exitedBadly) failures.push(`${label}: vitest exited ${result.status ?? result.signal} with no failed test (an unhandled error or a failed file: see above)`);
  const failed = json.numFailedTests + (exitedBadly ? 1 : 0);
  return { passed: json.numPassedTests, failed: failed + logScanFailures(label, logScans), skipped: json.numPendingTests + json.numTodoTests };
}

/**
 * The shared federation's log is scanned in vitest's global teardown, where a
 * thrown error does not fail the run; so the scans are read back here. A pass
 * without the shared scan (unless narrowed to files that start no federation)
 * counts as a failure too: the scan must not silently stop running.
 */
function logScanFailures(label: string, file: string): number {
  const scans = readLogReport(file);
  let count = 0;
  for (const scan of scans.filter((s) => s.findings.length > 0)) {
    console.error(`\nLog scan failed: ${describeFindings(scan)}`);
    failures.push(`${label}: a log scan found personal data or errors (see "Log scan failed" above)`);
    count += 1;
  }
  if (FILTERS.length === 0 && !scans.some((s) => s.shared)) {
    console.error("\nThe shared federation's log was not scanned (test/support/federation.setup.ts teardown did not record it).");
    failures.push(`${label}: the shared federation's log was not scanned`);
    count += 1;
  }
  return count;
}

await generateClients();

// The type-check runs beside the first pass instead of before it: it is one thread, and the first pass leaves a core
// idle for much of its time. Its findings go to a file (the passes run with spawnSync, which would not drain a pipe).
console.log("=== type-check (beside the first pass; its findings follow that pass) ===");
const typeCheckOutput = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hub-tsc-")), "tsc.txt");
const typeCheckFd = fs.openSync(typeCheckOutput, "w");
const typeCheckChild = spawn(process.execPath, [path.join(ROOT_DIR, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."], { cwd: ROOT_DIR, stdio: ["ignore", typeCheckFd, typeCheckFd] });
const typeCheck = new Promise<number | null>((resolve) => {
  typeCheckChild.once("error", () => resolve(null));
  typeCheckChild.once("exit", (code) => resolve(code));
});
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };

const add = (t: Totals) => {
  totals.passed += t.passed;
  totals.failed += t.failed;
  totals.skipped += t.skipped;
};

if (config.ci && !config.redis) {
  console.error("CI=true but REDIS_URL is not set: the shared-cache suites cannot run. .ci/run starts Redis and sets it.");
  totals.failed += 1;
}

add(vitest("all suites on embedded PGlite", [], { HUB_TEST_DATABASE: "pglite" }));

const typeCheckCode = await typeCheck;
fs.closeSync(typeCheckFd);
console.log(`\n=== type-check: ${typeCheckCode === 0 ? "no errors" : `tsc exited ${typeCheckCode}`} ===`);
process.stdout.write(fs.readFileSync(typeCheckOutput, "utf8"));
if (typeCheckCode === 0) totals.passed += 1;
else {
  totals.failed += 1;
  failures.push(`type-check: tsc --noEmit -p . exited ${typeCheckCode} (its errors are above)`);
}

if (config.postgres) {
  add(vitest("database suites on PostgreSQL", POSTGRES_SUITES, { HUB_TEST_DATABASE: "postgresql" }));
} else if (config.ci) {
  console.error("CI=true but DATABASE_URL_TEMPLATE is not set: the PostgreSQL pass cannot run. .ci/run starts PostgreSQL and sets it.");
  totals.failed += 1;
} else {
  console.log("\nPostgreSQL pass not run: set DATABASE_URL_TEMPLATE (e.g. postgres://hub:hub@127.0.0.1:5432/hub_test_{service}) to run it.");
}

if (failures.length > 0) console.error(`\nFailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed === 0 ? 0 : 1);
