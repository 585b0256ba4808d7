// The rate limiter must hand execution the very document it was given: the
// query planner's cache is keyed on the document object (bench/RESULTS.md).
import { describe, expect, it } from "vitest";
import { buildSchema, parse, type DocumentNode } from "graphql";
import { useHubRateLimit } from "../gateway/plugins/rate-limit.ts";

const schema = buildSchema(`type Query { person(id: ID!): Person  cases: [String] } type Person { givenName: String }`);

function execute(plugin: ReturnType<typeof useHubRateLimit>, document: DocumentNode, sub: string) {
  const args = { schema, document, contextValue: { jwt: { payload: { sub } } }, variableValues: {}, rootValue: {} };
  let stopped: unknown = null;
  const payload = { args, setResultAndStopExecution: (result: unknown) => (stopped = result) };
  const run = () => (plugin.onExecute as unknown as (p: typeof payload) => unknown)(payload);
  return { args, run, stopped: () => stopped };
}

describe("per-actor rate limit", () => {
  it("passes the same document object on, so plans and printed queries stay cached", async () => {
    const plugin = useHubRateLimit({ max: 5, windowMs: 60_000, redisUrl: undefined });
    const document = parse(`{ person(id: "p-1") { givenName } cases }`);
    const call = execute(plugin, document, "nav-veileder-1");
    await call.run();
    expect(call.args.document).toBe(document);
    expect(call.stopped()).toBeNull();
  });

  it("still refuses an actor over the limit, with RATE_LIMITED, and keeps the document then too", async () => {
    const plugin = useHubRateLimit({ max: 2, windowMs: 60_000, redisUrl: undefined });
    const document = parse(`{ cases }`);
    await execute(plugin, document, "a").run();
    await execute(plugin, document, "a").run();
    const third = execute(plugin, document, "a");
    let error: unknown;
    try {
      await third.run();
    } catch (e) {
      error = e;
    }
    expect((error as { extensions?: { code?: string } }).extensions?.code).toBe("RATE_LIMITED");
    expect(third.args.document).toBe(document);
    // Another actor has their own budget.
    const other = execute(plugin, document, "b");
    await other.run(); // a refusal would throw RATE_LIMITED here
    expect(other.stopped()).toBeNull();
  });
});
