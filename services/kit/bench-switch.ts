// Benchmark-only switch (HUB_BENCH_RULES_OFF=1): consent decisions grant
// everything and nothing is written to the access log, so `npm run bench`
// can price the rules against the same processes without them. Refused in
// production unless BENCH=1 says this process is a benchmark's.
import type { AccessRecorder } from "./access.ts";
import type { DecisionSource } from "./decisions.ts";

export function benchRulesOff(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.HUB_BENCH_RULES_OFF !== "1") return false;
  if (env.NODE_ENV === "production" && env.BENCH !== "1") {
    throw new Error("HUB_BENCH_RULES_OFF switches consent and the access log off; it is refused in production unless BENCH=1 (benchmarks only).");
  }
  return true;
}

/** Grants every question: no consent, no legal basis, no call to samhandling. */
export const grantEverything: DecisionSource = {
  async decide(_request, questions) {
    return questions.map(() => ({ status: "GRANTED" as const, reason: "BENCH_RULES_OFF", basis: null }));
  },
};

/** Records nothing. */
export const recordNothing: AccessRecorder = {
  async append() {},
};
