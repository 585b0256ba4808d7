// The benchmark's rules-off switch must never reach a production hub by accident.
import { describe, expect, it } from "vitest";
import { benchRulesOff, grantEverything } from "../services/kit/bench-switch.ts";

describe("HUB_BENCH_RULES_OFF", () => {
  it("is off unless set to 1", () => {
    expect(benchRulesOff({})).toBe(false);
    expect(benchRulesOff({ HUB_BENCH_RULES_OFF: "true" })).toBe(false);
    expect(benchRulesOff({ HUB_BENCH_RULES_OFF: "1" })).toBe(true);
  });

  it("is refused in production unless BENCH=1", () => {
    expect(() => benchRulesOff({ HUB_BENCH_RULES_OFF: "1", NODE_ENV: "production" })).toThrow(/refused in production/);
    expect(benchRulesOff({ HUB_BENCH_RULES_OFF: "1", NODE_ENV: "production", BENCH: "1" })).toBe(true);
  });

  it("grants every question without asking anyone", async () => {
    const questions = [{ personId: "p", service: "nav", category: "SERVICE_DATA" }] as const;
    const answers = await grantEverything.decide({ caller: { kind: "anonymous" }, purpose: null, requestId: "r", consentEpoch: null }, questions);
    expect(answers).toEqual([{ status: "GRANTED", reason: "BENCH_RULES_OFF", basis: null }]);
  });
});
