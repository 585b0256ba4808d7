// Where a process's CPU went, from a V8 .cpuprofile (BENCH_PROFILE=1 writes
// one per process of federation A, BENCH_PROFILE=gateway one for A's gateway,
// to data/bench/profiles/):
//   node --import tsx bench/profile-summary.ts <file> [skip-seconds]
// Prints self time by package and inclusive time by function, as shares of
// the busy (non-idle) samples after the first skip-seconds (start-up).
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(gateway|services|bench|scripts)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;

function packageOf(n: ProfileNode): string {
  const url = n.callFrame.url;
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "(node core)";
  if (url.startsWith("file:")) return "(project)";
  return n.callFrame.functionName.startsWith("(") ? n.callFrame.functionName : "(native)";
}

export function summarize(profile: Profile, skipSeconds = 0, top = 40): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < skipSeconds * 1e6) return;
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  const packages = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const pkg = packageOf(byId.get(id)!);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>, k: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`).join("\n");
  return `busy ${(busy / 1e6).toFixed(2)} s\n\nself time by package\n${list(packages, 25)}\n\ninclusive time by function\n${list(inclusive, top)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, skip, top] = process.argv.slice(2);
  if (!file) throw new Error("usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [skip-seconds] [functions (60)]");
  process.stdout.write(summarize(JSON.parse(fs.readFileSync(file, "utf8")) as Profile, Number(skip ?? 0), Number(top ?? 60)));
}
