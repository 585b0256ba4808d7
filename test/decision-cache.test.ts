import { afterEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "../services/kit/auth/caller.ts";
import { cacheSeconds, cachedDecisions, type Decision, type DecisionQuestion, type DecisionRequest } from "../services/kit/decisions.ts";
import { nextOsloMidnight, todayInOslo } from "../services/kit/scalars.ts";

const granted = (validUntil: string | null): Decision => ({ status: "GRANTED", reason: "CONSENT", basis: "consent:1", validUntil });

/** A source that counts questions and answers what `answer` says now. */
function countingSource(answer: () => Decision) {
  const source = {
    asked: 0,
    async decide(_request: DecisionRequest, questions: readonly DecisionQuestion[]) {
      source.asked += questions.length;
      return questions.map(() => answer());
    },
  };
  return source;
}

const nav: DecisionQuestion[] = [{ personId: "p", service: "nav", category: "SERVICE_DATA" }];
const actor = (sub: string, service: "nav" | "barnevern" = "nav", personId?: string): Caller => ({ kind: "actor", claims: { sub, name: sub, service, roles: [], personId } });
const request = (caller: Caller, consentEpoch: number | null, caseId: string | null = "k"): DecisionRequest => ({
  caller,
  purpose: caseId ? { caseId } : null,
  requestId: "r",
  consentEpoch,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("decision cache under the consent epoch", () => {
  it("answers a repeated question from the cache while requests carry the same epoch", async () => {
    const source = countingSource(() => granted(null));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 1), nav);
    await cached.decide(request(actor("a"), 1), nav);
    expect(source.asked).toBe(1);
    expect(cached.counters).toEqual({ hits: 1, misses: 1, bypassed: 0 });
  });

  it("asks afresh for the first request stamped with a newer epoch", async () => {
    let answer = granted(null);
    const source = countingSource(() => answer);
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 1), nav);
    answer = { status: "RESTRICTED", reason: "NO_CONSENT", basis: null };
    const [after] = await cached.decide(request(actor("a"), 2), nav);
    expect(after!.status).toBe("RESTRICTED");
  });

  it("keeps nothing a request with an older epoch asked, and gives it nothing cached", async () => {
    const source = countingSource(() => granted(null));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 2), nav);
    await cached.decide(request(actor("a"), 1), nav); // started before the newest change
    await cached.decide(request(actor("b"), 1), nav);
    await cached.decide(request(actor("b"), 2), nav);
    expect(source.asked).toBe(4);
    expect(cached.counters.bypassed).toBe(2);
  });

  it("does not keep answers whose epoch was overtaken while they were being asked", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowSource = {
      asked: 0,
      async decide(r: DecisionRequest, questions: readonly DecisionQuestion[]) {
        slowSource.asked += 1;
        if (r.requestId === "slow") await gate;
        return questions.map(() => granted(null));
      },
    };
    const cached = cachedDecisions(slowSource);
    const slow = cached.decide({ ...request(actor("a"), 1), requestId: "slow" }, nav);
    await cached.decide(request(actor("b"), 2), nav); // a newer epoch arrives meanwhile
    release();
    await slow;
    await cached.decide(request(actor("a"), 2), nav);
    expect(slowSource.asked).toBe(3);
  });

  it("asks every time for requests without an epoch", async () => {
    const source = countingSource(() => granted(null));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), null), nav);
    await cached.decide(request(actor("a"), null), nav);
    expect(source.asked).toBe(2);
    expect(cached.counters.bypassed).toBe(2);
  });

  it("keeps an answer at most 5 minutes, never past its own time boundary, and never one that was unavailable", () => {
    expect(cacheSeconds(granted(null), 0)).toBe(300);
    expect(cacheSeconds(granted(new Date(10_500).toISOString()), 0)).toBe(10);
    expect(cacheSeconds(granted(new Date(500).toISOString()), 0)).toBe(0);
    expect(cacheSeconds({ status: "RESTRICTED", reason: "DECISION_UNAVAILABLE", basis: null }, 0)).toBe(0);
  });

  it("asks again, under the same epoch, once a time-bound answer has run out", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:00:00Z"));
    const source = countingSource(() => granted("2026-06-01T10:00:05Z"));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 1), nav);
    await cached.decide(request(actor("a"), 1), nav);
    expect(source.asked).toBe(1);
    vi.setSystemTime(new Date("2026-06-01T10:00:06Z"));
    await cached.decide(request(actor("a"), 1), nav);
    expect(source.asked).toBe(2);
  });

  it("does not keep an unavailable answer", async () => {
    const source = countingSource(() => ({ status: "RESTRICTED", reason: "DECISION_UNAVAILABLE", basis: null }));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 1), nav);
    await cached.decide(request(actor("a"), 1), nav);
    expect(source.asked).toBe(2);
  });

  it("keys on everything about the actor a decision depends on: subject, service, person, case", async () => {
    const source = countingSource(() => granted(null));
    const cached = cachedDecisions(source);
    await cached.decide(request(actor("a"), 1), nav);
    await cached.decide(request(actor("a", "barnevern"), 1), nav);
    await cached.decide(request(actor("a"), 1, "other"), nav);
    await cached.decide(request(actor("a", "nav", "x"), 1), nav);
    expect(source.asked).toBe(4);
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
