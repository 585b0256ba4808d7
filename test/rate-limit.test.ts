// The per-actor rate limit (gateway/plugins/rate-limit.ts) in the process:
// one budget per actor over root fields, a sliding window, and the document
// handed on untouched (the query planner's cache is keyed on the object).
// Across gateways over Redis, and when Redis dies: test/e2e/hardening-limits.test.ts.
import { describe, expect, it } from "vitest";
import { parse, type DocumentNode } from "graphql";
import { rootFieldCount, useHubRateLimit } from "../gateway/plugins/rate-limit.ts";

function limiter(max: number, windowMs: number) {
  let clock = 0;
  const plugin = useHubRateLimit({ max, windowMs, redisUrl: undefined }, () => clock);
  const call = async (sub: string, document: DocumentNode = parse("{ cases }")) => {
    const args = { document, operationName: null, contextValue: { jwt: { payload: { sub } } } };
    try {
      await plugin.onExecute({ args });
      expect(args.document).toBe(document);
      return "ok";
    } catch (error) {
      expect(args.document).toBe(document);
      return (error as { extensions?: { code?: string } }).extensions?.code;
    }
  };
  return { call, at: (ms: number) => (clock = ms) };
}

describe("per-actor rate limit", () => {
  it("allows max root fields per window, then refuses with RATE_LIMITED; other actors keep their own budget", async () => {
    const { call } = limiter(3, 60_000);
    expect([await call("a"), await call("a"), await call("a"), await call("a")]).toEqual(["ok", "ok", "ok", "RATE_LIMITED"]);
    expect(await call("b")).toBe("ok");
    // Two root fields cost two.
    expect(await call("c", parse("{ cases person(id: 1) { id } }"))).toBe("ok");
    expect(await call("c", parse("{ cases person(id: 1) { id } }"))).toBe("RATE_LIMITED");
  });

  it("slides: the previous window counts for the part of it still within the last windowMs", async () => {
    const { call, at } = limiter(4, 1000);
    for (let i = 0; i < 4; i++) expect(await call("a")).toBe("ok");
    expect(await call("a")).toBe("RATE_LIMITED"); // refused calls count as well: 5 in window 0
    at(1500); // half of window 0 is still in view: 2.5 + this one
    expect(await call("a")).toBe("ok");
    expect(await call("a")).toBe("RATE_LIMITED"); // 2.5 + 2 > 4
    at(1900); // 10 % of window 0 in view: 0.5 + 3 (two earlier calls and this one)
    expect(await call("a")).toBe("ok");
    at(3100); // window 1 (3 calls) is now the previous one, 90 % in view: 2.7 + 1
    expect(await call("a")).toBe("ok");
    at(10_000); // long quiet: a full budget again
    for (let i = 0; i < 4; i++) expect(await call("a")).toBe("ok");
  });

  it("counts root fields through fragments, once per fragment, and __typename not at all", () => {
    expect(rootFieldCount(parse("{ a b { c d } }"), null)).toBe(2);
    expect(rootFieldCount(parse("query { ...F ... on Query { b } ...F __typename } fragment F on Query { a x: a }"), null)).toBe(3);
    const two = parse("query One { a } query Two { a b c }");
    expect(rootFieldCount(two, "Two")).toBe(3);
    expect(rootFieldCount(two, "One")).toBe(1);
    expect(rootFieldCount(parse("{ __typename }"), null)).toBe(0);
  });
});
