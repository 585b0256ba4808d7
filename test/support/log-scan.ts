// Stdout logs must never carry personal data: no demo or synthetic person's
// name or national id, and no employee's name, may appear in any process's
// log. Run on the shared federation's log (federation.setup.ts), on every own
// federation's (own-federation.ts) and on every extra gateway's
// (test/e2e/hardening-support.ts). Findings name ids only, never the data.
import fs from "node:fs";
import { demoStaff } from "../../demo/fjordvik.ts";
import { demoWorld } from "../../demo/index.ts";
import { recordLogScan, type LogScan } from "./log-report.ts";

/** What the processes seeded: the Fjordvik demo plus this many synthetic families (SEED_SYNTHETIC_FAMILIES / _SEED). */
export interface SeededWorld {
  syntheticFamilies?: number;
  syntheticSeed?: number;
}

/** The seed settings of processes started with `env` (the same defaults as services/kit/config.ts). */
export function seededWorld(env: NodeJS.ProcessEnv): SeededWorld {
  return { syntheticFamilies: Number(env.SEED_SYNTHETIC_FAMILIES || 0), syntheticSeed: Number(env.SEED_SYNTHETIC_SEED || 1) };
}

interface Needle {
  kind: string;
  owner: string;
  value: string;
}

const cache = new Map<string, Needle[]>();

function needles(world: SeededWorld): Needle[] {
  const config = { syntheticFamilies: world.syntheticFamilies ?? 0, syntheticSeed: world.syntheticSeed ?? 1 };
  const key = JSON.stringify(config);
  let found = cache.get(key);
  if (found) return found;
  found = [];
  for (const p of demoWorld(config).registry.person) {
    found.push({ kind: "given name", owner: `person ${p.id}`, value: p.givenName });
    found.push({ kind: "family name", owner: `person ${p.id}`, value: p.familyName });
    found.push({ kind: "national id", owner: `person ${p.id}`, value: p.nationalId });
  }
  for (const staff of Object.values(demoStaff)) found.push({ kind: "name", owner: `employee ${staff.actorId}`, value: staff.displayName });
  cache.set(key, found);
  return found;
}

// Letters and digits in any script: "Øystein" is one word, so is "12345678901".
const WORD = /[\p{L}\p{N}]+/gu;
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Personal data of the seeded world found in `log`, as "<kind> of <owner id>" (no data in the finding). */
export function personalDataInLog(log: string, world: SeededWorld = {}): string[] {
  const words = new Set(log.match(WORD) ?? []);
  const found = new Set<string>();
  for (const needle of needles(world)) {
    const parts = needle.value.match(WORD) ?? [];
    // Cheap first: every word of the value must occur somewhere in the log.
    if (parts.length === 0 || !parts.every((w) => words.has(w))) continue;
    const whole = parts.length === 1 || new RegExp(`(?<![\\p{L}\\p{N}])${escape(needle.value)}(?![\\p{L}\\p{N}])`, "u").test(log);
    if (whole) found.add(`${needle.kind} of ${needle.owner}`);
  }
  return [...found].sort();
}

/**
 * Log messages written while serving one request: each line must carry the
 * request's id, so an operator can follow it through the gateway and the
 * subgraphs.
 */
export const REQUEST_MESSAGES: ReadonlySet<string> = new Set(["request failed", "resolver failed"]);

/** Lines that are not one structured JSON entry (time, level, component, msg), or a request's entry without its id. */
export function malformedLogLines(log: string): string[] {
  const problems: string[] = [];
  log.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `line ${index + 1}`;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      // Only the first characters: the line is not known to be free of personal data.
      problems.push(`${where}: not JSON: ${line.slice(0, 60)}`);
      return;
    }
    const e = entry as Record<string, unknown> | null;
    if (!e || typeof e !== "object" || Array.isArray(e)) return void problems.push(`${where}: not a JSON object`);
    for (const field of ["time", "level", "component", "msg"]) {
      if (typeof e[field] !== "string") problems.push(`${where}: no "${field}"`);
    }
    if (REQUEST_MESSAGES.has(String(e.msg)) && (typeof e.requestId !== "string" || e.requestId === "")) {
      problems.push(`${where}: "${String(e.msg)}" without a requestId`);
    }
  });
  return problems;
}

/**
 * Scans one log file for personal data of the seeded world and, with
 * `structure`, for lines that are not structured JSON (or a request's line
 * without its request id); records the result in the run's report.
 */
export function scanLog(log: string, world: SeededWorld, options: { shared?: boolean; structure?: boolean } = {}): LogScan {
  const missing = !fs.existsSync(log);
  const text = missing ? "" : fs.readFileSync(log, "utf8");
  const findings = [
    // A log that is not there cannot be shown clean.
    ...(missing ? [`missing: ${log} does not exist, so nothing was scanned`] : []),
    ...personalDataInLog(text, world).map((f) => `personal data: ${f}`),
    ...(options.structure ? malformedLogLines(text).map((f) => `log format: ${f}`) : []),
  ];
  const scan: LogScan = { log, shared: options.shared ?? false, findings };
  recordLogScan(scan);
  return scan;
}
