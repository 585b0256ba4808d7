// The citizen's copy is dozens of reads through the gateway
// (gateway/data-copy/assemble.ts): a read that failed for a passing reason —
// every error retryable by the hub's registry — is asked once more; anything
// else, and a second failure, is the answer as it came.
import { describe, expect, test } from "vitest";
import { retryingOnce, type RunOperation } from "../gateway/data-copy/assemble.ts";

type Answer = Awaited<ReturnType<RunOperation>>;

/** A run that gives `answers` in turn and counts the calls. */
function scripted(...answers: Answer[]): RunOperation & { calls: number } {
  const run = Object.assign(
    async () => {
      const answer = answers[Math.min(run.calls, answers.length - 1)]!;
      run.calls += 1;
      return answer;
    },
    { calls: 0 },
  );
  return run;
}

const unavailable = { message: "NAV could not be reached. Try again in a moment.", extensions: { code: "SERVICE_UNAVAILABLE", retryable: true } };
const notFound = { message: "Not found.", extensions: { code: "NOT_FOUND" } };
const whole: Answer = { data: { person: { id: "p-1" } } };

describe("a copy's read that failed for a passing reason", () => {
  test("is asked once more, and the second answer is the read's", async () => {
    const run = scripted({ errors: [unavailable] }, whole);
    expect(await retryingOnce(run)("DataCopyPerson", { id: "p-1" })).toEqual(whole);
    expect(run.calls).toBe(2);
  });

  test("is asked only once more: a second passing failure is the answer", async () => {
    const run = scripted({ errors: [unavailable] }, { errors: [unavailable] }, whole);
    expect(await retryingOnce(run)("DataCopyPerson", { id: "p-1" })).toEqual({ errors: [unavailable] });
    expect(run.calls).toBe(2);
  });

  test("is not asked again when any error is not retryable, or when nothing failed", async () => {
    const mixed = scripted({ errors: [unavailable, notFound] }, whole);
    expect(await retryingOnce(mixed)("DataCopyPerson", { id: "p-1" })).toEqual({ errors: [unavailable, notFound] });
    expect(mixed.calls).toBe(1);
    const fine = scripted(whole);
    expect(await retryingOnce(fine)("DataCopyPerson", { id: "p-1" })).toEqual(whole);
    expect(fine.calls).toBe(1);
  });
});
