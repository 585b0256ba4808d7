// Gateway limits with small settings, on extra gateway processes over the
// shared federation: each refusal has a stable code and a message to act on.
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { Redis } from "ioredis";
import { malformedLogLines } from "../support/log-scan.ts";
import { hasRedisServer, startPrivateRedis, type PrivateRedis } from "../support/private-redis.ts";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser } from "../support/graphql.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const REDIS_URL = process.env.REDIS_URL;
const RATE = 6;
const SMALL = {
  MAX_DEPTH: "4",
  MAX_ALIASES: "3",
  MAX_TOKENS: "120",
  MAX_COST: "2",
  COST_LIST_SIZE: "10",
  MAX_REQUEST_BODY_BYTES: "4000",
  MAX_BATCH: "2",
  RATE_LIMIT_MAX: String(RATE),
  RATE_LIMIT_WINDOW_MS: "60000",
};

/** `a` has the small document limits; `b` and `c` share a small rate limit through Redis. */
let a: ExtraGateway;
let b: ExtraGateway;
let c: ExtraGateway;

beforeAll(async () => {
  const env = { ...SMALL, REDIS_URL: REDIS_URL ?? "" };
  if (REDIS_URL) {
    // Counters from an earlier run would eat this run's budget.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys("hub:rate-limit:*");
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  const port = inject("gatewayPort");
  [a, b, c] = await Promise.all([
    startGateway(port + 62, { ...env, RATE_LIMIT_MAX: "0" }),
    startGateway(port + 63, env),
    startGateway(port + 64, env),
  ]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
});

const person = demoPersonId("eriksen", "Tor");

async function code(gw: ExtraGateway, body: unknown, headers: Record<string, string> = {}) {
  const res = await post(gw.url, body, headers);
  return { status: res.status, code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message ?? "", res };
}

describe("gateway limits", () => {
  it("accepts a query inside every limit", async () => {
    // Within Tor's case, as its coordinator (personal data needs a declared case: issue 17).
    const res = await post(a.url, { query: `query ($id: ID!) { person(id: $id) { givenName } }`, variables: { id: person } }, await asUser("nav-veileder-2", demoCaseId("eriksen")));
    // Cost 1 (one object field): inside MAX_COST=2.
    expect(res.errors, res.raw).toBeUndefined();
  });

  it("refuses a query deeper than MAX_DEPTH", async () => {
    const r = await code(a, { query: `{ family(id: "x") { members { person { nav { contact { name } } } } } }` });
    expect(r.status).toBe(400);
    expect(r.code).toBe("QUERY_TOO_DEEP");
    expect(r.message).toMatch(/depth limit of 4/);
  });

  it("refuses more aliases than MAX_ALIASES", async () => {
    const r = await code(a, { query: `{ a: myCases { id } b: myCases { id } c: myCases { id } d: myCases { id } }` });
    expect(r.status).toBe(400);
    expect(r.code).toBe("TOO_MANY_ALIASES");
  });

  it("refuses a document with more than MAX_TOKENS tokens", async () => {
    const r = await code(a, { query: `{ ${Array.from({ length: 200 }, () => "__typename").join(" ")} }` });
    expect(r.status).toBe(400);
    expect(r.code).toBe("QUERY_TOO_LARGE");
  });

  it("refuses an operation whose estimated cost is over MAX_COST, before anything runs", async () => {
    const r = await code(a, {
      // family 1 + members 1 + person 10 (it sits in the list of members, [FamilyMember!]!) = 12: over 2, inside the depth limit.
      query: `query ($id: ID!) { family(id: $id) { members { person { givenName } } } }`,
      variables: { id: demoFamilyId("berg") },
    }, await asUser("coordinator", demoCaseId("berg")));
    expect(r.status, r.res.raw).toBe(400);
    expect(r.code, r.res.raw).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
    expect(r.message).toMatch(/estimated cost is 12, over the limit of 2/);
    expect(r.res.data ?? null).toBeNull();
  });

  it("refuses a body over MAX_REQUEST_BODY_BYTES with 413, declared or streamed", async () => {
    const big = JSON.stringify({ query: "{ myCases { id } }", variables: { pad: "x".repeat(5000) } });
    const r = await code(a, big);
    expect(r.status).toBe(413);
    expect(r.code).toBe("REQUEST_TOO_LARGE");
    // Chunked, no Content-Length: counted while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(a.url, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("REQUEST_TOO_LARGE");
  });

  it("runs a batch up to MAX_BATCH and refuses a bigger one", async () => {
    const one = { query: "{ __typename }" };
    const ok = await fetch(a.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([one, one]) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as unknown[]).length).toBe(2);
    const r = await code(a, [one, one, one]);
    expect(r.status).toBe(413);
    expect(r.code).toBe("BATCH_TOO_LARGE");
    expect(r.message).toMatch(/limited to 2/);
  });

  it("prevents CSRF: a 'simple' request without a preflight header is refused", async () => {
    const res = await fetch(`${a.url}?query=${encodeURIComponent("{ __typename }")}`);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("CSRF_HEADER_MISSING");
    const form = await fetch(a.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(form.status).toBe(403);
    // With the header a non-browser client may use GET.
    const withHeader = await fetch(`${a.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "x-graphql-csrf": "1", accept: "application/json" } });
    expect(withHeader.status).toBe(200);
  });

  it("keeps field suggestions on in development (they are off in production)", async () => {
    const r = await code(a, { query: "{ myCase { id } }" });
    expect(r.message).toMatch(/Did you mean/);
  });

  it("without Redis still limits each actor in the process", async () => {
    const solo = await startGateway(inject("gatewayPort") + 65, { RATE_LIMIT_MAX: "2", REDIS_URL: "" });
    try {
      const headers = await asUser("helse-helsesykepleier-1");
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(solo.url, { query: "{ myCases { id } }" }, headers)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await solo.stop();
    }
  });

  it.skipIf(!REDIS_URL)("limits each actor per window, one budget across gateways through Redis, others unaffected", async () => {
    const headers = await asUser("nav-veileder-1");
    const query = { query: "{ myCases { id } }" };
    const statuses: number[] = [];
    for (let i = 0; i < RATE; i++) statuses.push((await post(i % 2 ? c.url : b.url, query, headers)).status);
    expect(statuses.every((s) => s === 200), String(statuses)).toBe(true);
    // The budget is spent on B and C together: the next call is refused on either.
    const refused = await post(c.url, query, headers);
    expect(refused.status).toBe(429);
    expect(refused.errors![0]!.extensions!.code).toBe("RATE_LIMITED");
    expect(refused.errors![0]!.message).toMatch(/try again/);
    expect(refused.headers.get("retry-after")).toBe("60");
    // Another actor has their own budget.
    const other = await post(b.url, query, await asUser("skole-kontaktlaerer-1"));
    expect(other.status).toBe(200);
  });
});

describe.runIf((await hasRedisServer) || process.env.CI === "true")("rate limit when its Redis dies mid-run", () => {
  const MAX = 4;
  let redis: PrivateRedis;
  let gw: ExtraGateway;

  beforeAll(async () => {
    // A redis-server of this suite's own, so it can be killed.
    redis = await startPrivateRedis(inject("gatewayPort") + 68);
    gw = await startGateway(inject("gatewayPort") + 69, { RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_WINDOW_MS: "60000", REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await gw?.stop();
    await redis?.kill();
  });

  it("counts in Redis, then in the process once Redis is gone: still limited, logged once", async () => {
    const query = { query: "{ myCases { id } }" };
    const first = await asUser("barnevern-saksbehandler-1");
    for (let i = 0; i < 2; i++) expect((await post(gw.url, query, first)).status).toBe(200);
    const client = new Redis(redis.url);
    expect(await client.keys("hub:rate-limit:*")).toHaveLength(1);
    client.disconnect();

    await redis.kill();

    // A fresh actor gets exactly MAX requests, counted by this process alone, each answered promptly.
    const second = await asUser("skole-ppt-1");
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i++) {
      const started = Date.now();
      const res = await post(gw.url, query, second);
      statuses.push(res.status);
      expect(Date.now() - started, "a request waited on the dead Redis").toBeLessThan(5_000);
      if (res.status === 429) expect(res.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    }
    expect(statuses).toEqual([...Array(MAX).fill(200), 429, 429]);

    const log = gw.log();
    expect(log.split("\n").filter((l) => l.includes("rate limit: Redis unavailable"))).toHaveLength(1);
    // No reconnect chatter from the Redis client either: every line is a structured entry.
    expect(malformedLogLines(log)).toEqual([]);
  });
});
