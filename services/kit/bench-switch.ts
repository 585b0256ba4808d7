// Benchmark-only switch (HUB_BENCH_RULES_OFF=1, read by kit/config.ts, which
// refuses it in production unless BENCH=1 says this process is a
// benchmark's): consent decisions grant everything and nothing is written to
// the access log, so `npm run bench` can price the rules against the same
// processes without them.
import type { AccessRecorder } from "./access.ts";
import type { DecisionSource } from "./decisions.ts";

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
