// npm run import against the test federation, as an operator runs it: a dry
// run writes nothing; the summary counts and names each refused line by its
// number; a crash midway resumes from the checkpoint without writing anything
// twice; a finished file is not imported again unless asked; another
// service's client is refused; and nothing a record says is ever printed.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { machineToken } from "../support/machines.ts";

const IMPORT = path.join(ROOT_DIR, "scripts", "import.ts");
/** In every record's text, never printed. */
const MARKER = "Hemmelig-tiltak-Q7";
const LINES = 2400;
/** Refused by the import itself (not JSON, a bad enum), and by NAV's rules (dates backwards). */
const BAD_LINES = [10, 700, 2001];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dir: string;
let file: string;
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  GATEWAY_PORT: String(inject("gatewayPort")),
  DATA_DIR: inject("dataDir"),
  IDENTITY_ISSUER: inject("identityIssuer"),
  ...extra,
});

function run(args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", IMPORT, ...args], { cwd: ROOT_DIR, env: env(extra), maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const count = (out: string, what: string) => Number(new RegExp(`^  ${what} +(\\d+)$`, "m").exec(out)?.[1]);

function line(i: number, run: string): string {
  if (i === BAD_LINES[0]) return `{"measure": ${MARKER}`;
  const measure = { sourceSystem: "import-test", sourceId: `${run}-${i}`, personId: `import-person-${run}-${i % 400}`, kind: "KVP", description: MARKER, status: "ACTIVE", startedAt: "2026-10-01" };
  if (i === BAD_LINES[1]) return JSON.stringify({ measure: { ...measure, kind: MARKER } });
  if (i === BAD_LINES[2]) return JSON.stringify({ measure: { ...measure, endsAt: "2026-09-01" } });
  if (i % 4 === 0) return JSON.stringify({ startInvolvement: { sourceSystem: "import-test", sourceId: `${run}-${i}`, personId: measure.personId, startedOn: "2026-10-01", contact: { name: MARKER } } });
  return JSON.stringify({ measure });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-import-"));
  file = path.join(dir, "nav.ndjson");
  const tag = Date.now().toString(36);
  fs.writeFileSync(file, Array.from({ length: LINES }, (_, i) => line(i + 1, tag)).join("\n") + "\n");
});

describe("npm run import", () => {
  const valid = LINES - BAD_LINES.length;

  it("checks every line in a dry run and writes nothing; names each refused line by number, never its content", async () => {
    const first = await run(["nav", file, "--dry-run"]);
    expect(first.code, first.stderr).toBe(2);
    expect([count(first.stdout, "created"), count(first.stdout, "refused")]).toEqual([valid, BAD_LINES.length]);
    for (const n of BAD_LINES) expect(first.stdout).toMatch(new RegExp(`^  line ${n}: BAD_USER_INPUT`, "m"));
    expect(first.stdout).toMatch(/^  line 2001: BAD_USER_INPUT measure\.endsAt — /m);
    expect(first.stdout + first.stderr).not.toContain(MARKER);
    expect(first.stdout + first.stderr).not.toContain("import-person");
    expect(first.stderr).toMatch(/\] 100 %/);
    expect(fs.existsSync(`${file}.checkpoint.json`)).toBe(false);
    // Nothing was written: a second dry run would still create every record.
    expect(count((await run(["nav", file, "--dry-run"])).stdout, "created")).toBe(valid);
  }, 180_000);

  it("resumes after a crash from its checkpoint, writes each record once, and does not import a finished file again", async () => {
    const checkpoint = `${file}.checkpoint.json`;
    const child = spawn(process.execPath, ["--import", "tsx", IMPORT, "nav", file], { cwd: ROOT_DIR, env: env(), stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    while (!fs.existsSync(checkpoint)) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    const cut = JSON.parse(fs.readFileSync(checkpoint, "utf8")) as { line: number; complete: boolean };
    expect(cut.complete).toBe(false);
    expect(cut.line).toBeGreaterThanOrEqual(500);
    expect(cut.line).toBeLessThan(LINES);

    const resumed = await run(["nav", file]);
    expect(resumed.code, resumed.stderr).toBe(2);
    expect(resumed.stderr).toContain(`resuming after line ${cut.line}`);
    // A call under way at the crash was written or not; sent again, it is UNCHANGED: every record once.
    expect(count(resumed.stdout, "created") + count(resumed.stdout, "unchanged")).toBe(valid);
    expect(count(resumed.stdout, "unchanged")).toBeLessThanOrEqual(500);
    expect(count(resumed.stdout, "refused")).toBe(BAD_LINES.length);
    expect(resumed.stdout + resumed.stderr).not.toContain(MARKER);

    const done = await run(["nav", file]);
    expect(done.code).toBe(2);
    expect(done.stdout).toContain("was imported already");
    const again = await run(["nav", file, "--restart"]);
    expect([count(again.stdout, "created"), count(again.stdout, "updated"), count(again.stdout, "unchanged")]).toEqual([0, 0, valid]);
  }, 240_000);

  it("stops, keeping what is done, when the token is not the service's own", async () => {
    const other = path.join(dir, "other.ndjson");
    fs.writeFileSync(other, `${line(1, "other")}\n`);
    const refused = await run(["nav", other], { IMPORT_TOKEN: await machineToken("helse") });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The write was refused (FORBIDDEN)");
    expect(count(refused.stdout, "created")).toBe(0);
  }, 60_000);
});
