import { describe, expect, it } from "vitest";
import { cacheSeconds, cachedDecisions, type Decision, type DecisionSource } from "../services/kit/decisions.ts";
import { memoryStore } from "../services/kit/store.ts";
import { nextOsloMidnight, todayInOslo } from "../services/kit/scalars.ts";

const granted = (validUntil: string | null): Decision => ({ status: "GRANTED", reason: "CONSENT", basis: "consent:1", validUntil });

describe("decision cache lifetime", () => {
  it("caches for the TTL when nothing time-bound can change the answer", () => {
    expect(cacheSeconds(granted(null), 0)).toBe(300);
  });
  it("stops at the decision's time boundary", () => {
    expect(cacheSeconds(granted(new Date(10_500).toISOString()), 0)).toBe(10);
    expect(cacheSeconds(granted(new Date(500).toISOString()), 0)).toBe(0);
    expect(cacheSeconds({ status: "RESTRICTED", reason: "DECISION_UNAVAILABLE", basis: null }, 0)).toBe(0);
  });
  it("asks again once a time-bound answer has run out", async () => {
    let asked = 0;
    const inner: DecisionSource = {
      async decide(_c, _p, questions) {
        asked += 1;
        return questions.map(() => granted(new Date(Date.now() + 500).toISOString()));
      },
    };
    const cached = cachedDecisions(inner, memoryStore());
    const q = [{ personId: "p", service: "nav" as const, category: "SERVICE_DATA" as const }];
    await cached.decide({ kind: "anonymous" }, null, q, "r1");
    await cached.decide({ kind: "anonymous" }, null, q, "r2");
    // Under a second of validity is not cached at all.
    expect(asked).toBe(2);
  });
});

describe("next Oslo midnight", () => {
  it("is the first instant of the next Norwegian day, summer and winter", () => {
    for (const now of [new Date("2026-01-15T12:00:00Z"), new Date("2026-07-15T21:30:00Z"), new Date("2026-03-28T23:30:00Z"), new Date("2026-10-24T22:30:00Z")]) {
      const midnight = nextOsloMidnight(now);
      expect(midnight.getTime()).toBeGreaterThan(now.getTime());
      expect(todayInOslo(midnight)).not.toBe(todayInOslo(now));
      expect(todayInOslo(new Date(midnight.getTime() - 1))).toBe(todayInOslo(now));
    }
  });
});
