// When a process should stop: on SIGINT/SIGTERM, and — for a process started
// by the launcher (scripts/lib/federation.ts) — when its parent goes away, so
// a crashed test run or Ctrl-C never leaves orphaned servers holding ports.
export function onShutdown(stop: (reason: string) => Promise<void> | void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
  if (process.send) process.on("disconnect", () => void stop("parent exited"));
}
