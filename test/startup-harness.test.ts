// The launcher waits as long as a starting process works (reports a step or
// uses CPU), however long that takes, and gives up on one that is alive but
// shows no sign of work for the stall limit — not after a fixed time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../scripts/lib/federation.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-harness-"));
const output = fs.openSync(path.join(dir, "output.log"), "a");
afterAll(() => {
  fs.closeSync(output);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A process (an ES module) that does `body` and then marks itself ready by writing a file. */
function script(name: string, body: string): { entry: string; ready: () => Promise<boolean> } {
  const entry = path.join(dir, `${name}.mts`);
  const marker = path.join(dir, `${name}.ready`);
  fs.writeFileSync(entry, `import fs from "node:fs";\n${body}\nfs.writeFileSync(${JSON.stringify(marker)}, "");\nsetInterval(() => {}, 1000);\n`);
  return { entry, ready: async () => fs.existsSync(marker) };
}

describe("the launcher's patience", () => {
  it("waits for a process that works — using CPU, then reporting steps — well past the stall limit", async () => {
    const busy = script(
      "busy",
      `const until = Date.now() + 2500; while (Date.now() < until) {}
       for (let i = 0; i < 6; i++) { process.send?.({ startup: "step " + i }); await new Promise((r) => setTimeout(r, 400)); }`,
    );
    const steps: string[] = [];
    const started = Date.now();
    const child = await startProcess({ name: "busy", entry: busy.entry, output, ready: busy.ready, timeoutMs: 1_000, onStep: (step) => steps.push(step) });
    expect(Date.now() - started).toBeGreaterThan(3_500);
    expect(steps).toEqual(["step 0", "step 1", "step 2", "step 3", "step 4", "step 5"]);
    await child.stop();
  }, 30_000);

  it("gives up on a process that is alive but idle for the stall limit, and stops it", async () => {
    const idle = script("idle", `await new Promise((r) => setTimeout(r, 60_000));`);
    const started = Date.now();
    await expect(startProcess({ name: "idle", entry: idle.entry, output, ready: idle.ready, timeoutMs: 1_500 })).rejects.toThrow(/idle is alive but has shown no sign of work .* for 2 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it("fails at once when the process exits while starting", async () => {
    const crash = script("crash", `process.exit(3);`);
    await expect(startProcess({ name: "crash", entry: crash.entry, output, ready: crash.ready, timeoutMs: 60_000 })).rejects.toThrow(/crash exited with code 3 while starting/);
  }, 30_000);
});
