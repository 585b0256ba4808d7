// Every log the e2e run produces is scanned when its processes stop; what is
// found is also appended to the file named by HUB_LOG_SCAN_REPORT, which
// `npm test` (scripts/test.ts) reads after each pass. A failed scan in the
// global teardown would otherwise be only a printed "error during close":
// vitest 4 exits 0 after it.
import fs from "node:fs";

export const LOG_SCAN_REPORT_ENV = "HUB_LOG_SCAN_REPORT";

export interface LogScan {
  /** Which log (a path; the file itself is kept when something was found). */
  log: string;
  /** The shared federation's log: `npm test` requires one such entry per pass. */
  shared: boolean;
  findings: string[];
}

/** Appends one scan to the report of this run, if there is one. */
export function recordLogScan(scan: LogScan): void {
  const report = process.env[LOG_SCAN_REPORT_ENV];
  if (report) fs.appendFileSync(report, `${JSON.stringify(scan)}\n`);
}

/** The scans recorded in a report file (none when it does not exist). */
export function readLogReport(report: string): LogScan[] {
  if (!fs.existsSync(report)) return [];
  return fs
    .readFileSync(report, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogScan);
}

export function describeFindings(scan: LogScan): string {
  return `${scan.log} (kept for inspection):\n  ${scan.findings.slice(0, 50).join("\n  ")}${scan.findings.length > 50 ? `\n  … ${scan.findings.length - 50} more` : ""}`;
}
