// CPU time and resident memory of a process, from /proc (Linux only): the
// benchmark's measurements, and the launcher's sign that a starting process is working.
import fs from "node:fs";

const TICK_MS = 10; // CLK_TCK is 100 on Linux x86-64 and arm64

/** utime + stime in milliseconds; undefined when the process is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Resident set size now and at its peak, in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(/\s(\d+) kB/.exec(status.split("\n").find((l) => l.startsWith(key)) ?? "")?.[1] ?? NaN);
    return { rss: kb("VmRSS:") / 1024, peak: kb("VmHWM:") / 1024 };
  } catch {
    return undefined;
  }
}

export type CpuSnapshot = Map<string, number>;

/** CPU milliseconds of named processes. */
export function snapshot(processes: ReadonlyMap<string, number>): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  for (const [name, pid] of processes) out.set(name, cpuMs(pid) ?? NaN);
  return out;
}

export function difference(after: CpuSnapshot, before: CpuSnapshot): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  for (const [name, ms] of after) out.set(name, ms - (before.get(name) ?? NaN));
  return out;
}
