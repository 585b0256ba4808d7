// Runs every scenario against one subgraph and writes the report a service
// team reads: one line per check, what failed and why, a verdict.
import { runScenario, SCENARIOS, type CheckResult } from "./checks.ts";
import { SubjectPool, type ConformanceTarget } from "./target.ts";

export async function runConformance(t: ConformanceTarget, onResult?: (result: CheckResult) => void): Promise<CheckResult[]> {
  const pool = new SubjectPool(t.households);
  const all: CheckResult[] = [];
  for (const scenario of SCENARIOS) {
    const results = await runScenario(t, scenario, pool);
    for (const result of results) onResult?.(result);
    all.push(...results);
  }
  return all;
}

const MARK = { passed: "ok  ", failed: "FAIL", "not run": "skip" } as const;

/** One line for a check, and its reason under it when it did not pass. */
export function reportLine(result: CheckResult): string {
  const line = `  ${MARK[result.outcome]}  ${result.id.padEnd(28)} ${result.title}`;
  return result.message ? `${line}\n${" ".repeat(10)}${result.outcome === "failed" ? "→" : "·"} ${result.message}` : line;
}

/** The verdict: how many passed, and the failing checks by name. */
export function verdict(service: string, results: readonly CheckResult[]): string {
  const failed = results.filter((r) => r.outcome === "failed");
  const notRun = results.filter((r) => r.outcome === "not run").length;
  if (failed.length === 0 && notRun === 0) return `${service}: conformant — all ${results.length} checks passed.`;
  return `${service}: NOT conformant — ${failed.length} failed (${failed.map((r) => r.id).join(", ")}), ${notRun} not run, ${results.length - failed.length - notRun} passed. See docs/conformance.md for each check.`;
}
