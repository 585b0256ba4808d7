// What `npm start` shows while the federation starts: each process's steps as
// they are done, and — when nothing has happened for a while — which
// processes are still starting and at which step, so a slow machine never
// looks like a hung one.
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import type { ProcessName, StartupProgress } from "./federation.ts";

const QUIET_MS = 10_000;
const NAMES: readonly ProcessName[] = [...SERVICE_NAMES, "gateway"];
const width = Math.max(...[...NAMES, "launcher"].map((n) => n.length));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function startupProgress(write: (line: string) => void = (line) => console.log(line)) {
  const began = Date.now();
  const steps = new Map<StartupProgress["name"], string>();
  let lastLine = Date.now();
  const say = (line: string) => {
    lastLine = Date.now();
    write(line);
  };
  const timer = setInterval(() => {
    if (Date.now() - lastLine < QUIET_MS) return;
    const pending = NAMES.filter((name) => steps.get(name) !== "ready").map((name) => `${name} (${steps.get(name) ?? (name === "gateway" ? "waits for the subgraphs" : "loading its code")})`);
    say(`  … ${seconds(Date.now() - began)}: still starting ${pending.join(", ")}`);
  }, 1_000);
  timer.unref();
  return {
    onProgress(event: StartupProgress): void {
      steps.set(event.name, event.step);
      say(`  ${event.name.padEnd(width)}  ${event.step.padEnd(42)} ${seconds(event.elapsedMs)}`);
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
