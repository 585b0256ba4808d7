// Reading the hub's own Prometheus counters (a subgraph's /metrics) in tests.

/** The value of the first sample of `metric` whose labels include every given `label="value"`; NaN if none. */
export function sampleValue(text: string, metric: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${metric}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").pop()) : Number.NaN;
}

export type DecisionCacheCounts = Record<"hit" | "miss" | "bypassed", number>;

/** A subgraph's decision-cache counters (hub_decision_cache_total, kit/decisions.ts), by result. */
export async function decisionCache(subgraphBase: string): Promise<DecisionCacheCounts> {
  const text = await (await fetch(`${subgraphBase}/metrics`)).text();
  const count = (result: string) => {
    const value = sampleValue(text, "hub_decision_cache_total", { result });
    if (Number.isNaN(value)) throw new Error(`${subgraphBase} exposes no hub_decision_cache_total for ${result}`);
    return value;
  };
  return { hit: count("hit"), miss: count("miss"), bypassed: count("bypassed") };
}
