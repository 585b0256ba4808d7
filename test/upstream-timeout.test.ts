// The gateway's per-call time limit (gateway/plugins/upstream-timeout.ts), in
// the process. Through the gateway against a hung subgraph: test/e2e/failures-subgraph.test.ts.
import { describe, expect, it } from "vitest";
import { useHubUpstreamTimeout, UpstreamTimeoutError } from "../gateway/plugins/upstream-timeout.ts";

type Request = { signal?: AbortSignal; document?: unknown };
type Executor = (request: Request) => Promise<unknown>;

/** The executor the plugin would hand Hive for one call to `subgraphName`. */
function wrapped(ms: number, inner: Executor, subgraphName = "nav"): Executor {
  let executor: Executor = inner;
  const plugin = useHubUpstreamTimeout(({ subgraphName: name }) => (name === subgraphName ? ms : 10_000));
  (plugin.onSubgraphExecute as unknown as (p: { subgraphName: string; executor: Executor; setExecutor(e: Executor): void }) => void)({
    subgraphName,
    executor: inner,
    setExecutor: (e) => (executor = e),
  });
  return executor;
}

describe("upstream timeout", () => {
  it("passes an answer in time through", async () => {
    let signal: AbortSignal | undefined;
    const call = wrapped(200, async (r) => ((signal = r.signal), { data: { ok: true } }));
    await expect(call({})).resolves.toEqual({ data: { ok: true } });
    await new Promise((r) => setTimeout(r, 250));
    expect(signal?.aborted).toBe(false); // the timer was cleared
  });

  it("fails a hung call with a TimeoutError naming the service, and aborts it", async () => {
    let signal: AbortSignal | undefined;
    const call = wrapped(50, (r) => ((signal = r.signal), new Promise(() => undefined)), "helse");
    const started = Date.now();
    const error = await call({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", message: expect.stringContaining("helse") });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(signal?.aborted).toBe(true);
  });

  it("cancels the call when the client goes away", async () => {
    const client = new AbortController();
    let signal: AbortSignal | undefined;
    const call = wrapped(10_000, (r) => ((signal = r.signal), new Promise((_, reject) => r.signal!.addEventListener("abort", () => reject(r.signal!.reason)))));
    const pending = call({ signal: client.signal });
    client.abort(new Error("client gone"));
    await expect(pending).rejects.toThrow("client gone");
    expect(signal?.aborted).toBe(true);
  });
});
