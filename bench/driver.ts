// Closed-loop load: `connections` workers, each sending its next request as
// soon as the previous one answered, for a fixed time. Latency is measured
// with the high-resolution clock.
export interface DriveResult {
  /** Requests answered. */
  requests: number;
  /** Requests sent (some may still have been in flight when the time was up). */
  sent: number;
  errors: number;
  /** What the bad answers were (status and error codes), by count. */
  problems: Record<string, number>;
  seconds: number;
  p50: number;
  p99: number;
  /** Requests per second. */
  throughput: number;
  /** Every latency in ms, sorted (own driver only; not kept in the results). */
  samples?: number[];
}

/** Several runs of the same thing as one: latencies pooled, counts summed. */
export function combine(runs: readonly DriveResult[]): DriveResult {
  const problems: Record<string, number> = {};
  for (const r of runs) for (const [p, n] of Object.entries(r.problems)) problems[p] = (problems[p] ?? 0) + n;
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const pooled = runs.every((r) => r.samples) ? runs.flatMap((r) => r.samples!).sort((a, b) => a - b) : null;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    requests,
    sent: runs.reduce((s, r) => s + r.sent, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    problems,
    seconds,
    // Without the samples (autocannon), the mean of the runs' percentiles.
    p50: pooled ? percentile(pooled, 50) : mean(runs.map((r) => r.p50)),
    p99: pooled ? percentile(pooled, 99) : mean(runs.map((r) => r.p99)),
    throughput: requests / seconds,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `send(i)` sends request number i and says what was wrong with its answer (null: nothing). */
export async function drive(send: (i: number) => Promise<string | null>, connections: number, seconds: number): Promise<DriveResult> {
  const latencies: number[] = [];
  const problems: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      let problem: string | null;
      try {
        problem = await send(i);
      } catch (error) {
        problem = error instanceof Error ? error.name : "failed";
      }
      latencies.push(performance.now() - t0);
      if (problem !== null) {
        errors++;
        problems[problem] = (problems[problem] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    sent: latencies.length,
    errors,
    problems,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: latencies.length / elapsed,
    samples: latencies,
  };
}
