// The benchmark's rules-off switch must never reach a production hub by accident.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { grantEverything } from "../services/kit/bench-switch.ts";
import { subgraphConfig } from "../services/kit/config.ts";

const benchRulesOff = (env: Record<string, string>) => subgraphConfig("nav", env).benchRulesOff;
const production = {
  NODE_ENV: "production",
  HUB_SIGNING_SECRET: "x".repeat(43),
  HUB_INTERNAL_SIGNING_SECRET: "y".repeat(43),
  ACCESS_LOG_CHECKPOINT_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
};

describe("HUB_BENCH_RULES_OFF", () => {
  it("is off unless set to 1, and no other word turns it on", () => {
    expect(benchRulesOff({})).toBe(false);
    expect(benchRulesOff({ HUB_BENCH_RULES_OFF: "0" })).toBe(false);
    expect(() => benchRulesOff({ HUB_BENCH_RULES_OFF: "true" })).toThrow(/HUB_BENCH_RULES_OFF must be 1 \(on\) or 0 \(off\)/);
    expect(benchRulesOff({ HUB_BENCH_RULES_OFF: "1" })).toBe(true);
  });

  it("is refused in production unless BENCH=1", () => {
    expect(() => benchRulesOff({ ...production, HUB_BENCH_RULES_OFF: "1" })).toThrow(/refused in production/);
    expect(benchRulesOff({ ...production, HUB_BENCH_RULES_OFF: "1", BENCH: "1" })).toBe(true);
  });

  it("grants every question without asking anyone", async () => {
    const questions = [{ personId: "p", service: "nav", category: "SERVICE_DATA" }] as const;
    const answers = await grantEverything.decide({ caller: { kind: "anonymous" }, purpose: null, requestId: "r", consentEpoch: null }, questions);
    expect(answers).toEqual([{ status: "GRANTED", reason: "BENCH_RULES_OFF", basis: null }]);
  });
});
