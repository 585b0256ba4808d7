// Hostile and broken input through the real gateway over HTTP: every case gets
// an error a person can act on (HTTP 4xx or a GraphQL error with a code),
// never a crash, a stack trace or a 500 with internals — and the gateway
// answers normally afterwards.
import fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser } from "../support/graphql.ts";
import { citizenClaims } from "../support/tasks.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";
import { eventually } from "../support/own-federation.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
const url = () => inject("gatewayUrl");
/** Tor gives his consents himself, signed in (issue 17: an employee records a form instead). */
const headers = () => asUser(TOR, CASE);

const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id note services categories } }`;
const consentInput = (extra: Record<string, unknown> = {}) => ({
  caseId: CASE,
  subjectId: TOR,
  capacity: "SELF",
  services: ["FRIVILLIGHET"],
  categories: ["INVOLVEMENT"],
  ...extra,
});

/** Internals that must never reach a client. */
function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/\n\s+at |node_modules|\/work\/|\.ts:\d+|stacktrace|Prisma|SELECT |PGlite/i);
}

async function raw(body: BodyInit, contentType: string | null, extra: Record<string, string> = {}) {
  const h: Record<string, string> = { accept: "application/json", ...extra };
  if (contentType) h["content-type"] = contentType;
  const res = await fetch(url(), { method: "POST", headers: h, body });
  const text = await res.text();
  return { status: res.status, text, json: (() => { try { return JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] }; } catch { return null; } })() };
}

afterEach(async () => {
  // Still alive and answering after each blow.
  const res = await post(url(), { query: "{ __typename }" });
  expect(res.status).toBe(200);
  expect(res.data).toEqual({ __typename: "Query" });
});

describe("bad input battery", () => {
  it("malformed JSON → 400 MALFORMED_JSON", async () => {
    const r = await raw(`{"query": "{ myCases { id } }", `, "application/json");
    expect(r.status).toBe(400);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe("MALFORMED_JSON");
    expectNoInternals(r.text);
  });

  it("JSON that is not a request object → 400 with a code", async () => {
    for (const body of ["42", '"query"', "null", '{"query": 5}', '{"query": "{ __typename }", "variables": "x"}']) {
      const r = await raw(body, "application/json");
      expect(r.status, body).toBe(400);
      expect(r.json?.errors?.[0]?.extensions?.code, body).toBeTypeOf("string");
      expectNoInternals(r.text);
    }
  });

  it("wrong content type → 4xx with a code", async () => {
    const xml = await raw("<query>{ __typename }</query>", "application/xml");
    expect(xml.status).toBe(415);
    expect(xml.json?.errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(xml.json?.errors?.[0]?.message).toMatch(/application\/json/);
    // A browser's "simple" content type without a preflight is refused as CSRF.
    const plain = await raw(JSON.stringify({ query: "{ __typename }" }), "text/plain");
    expect(plain.status).toBe(403);
    expect(plain.json?.errors?.[0]?.extensions?.code).toBe("CSRF_HEADER_MISSING");
    const none = await raw(JSON.stringify({ query: "{ __typename }" }), null);
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });

  it("non-UTF-8 bytes → 400 INVALID_UTF8, nothing stored as U+FFFD", async () => {
    const body = Buffer.concat([
      Buffer.from(JSON.stringify({ query: GRANT, variables: { input: consentInput({ note: "PLACEHOLDER" }) } }).split("PLACEHOLDER")[0]!),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(JSON.stringify({ query: GRANT, variables: { input: consentInput({ note: "PLACEHOLDER" }) } }).split("PLACEHOLDER")[1]!),
    ]);
    const r = await raw(body, "application/json", await headers());
    expect(r.status).toBe(400);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe("INVALID_UTF8");
    expectNoInternals(r.text);
  });

  it("huge strings → BAD_USER_INPUT over the text limit, 413 over the body limit", async () => {
    const long = await post(url(), { query: GRANT, variables: { input: consentInput({ note: "n".repeat(5000) }) } }, await headers());
    expect(long.errors?.[0]?.extensions?.code, long.raw).toBe("BAD_USER_INPUT");
    expect(long.errors?.[0]?.message).toMatch(/note is longer than/);
    expect(long.data?.grantConsent ?? null).toBeNull();
    const huge = await post(url(), { query: GRANT, variables: { input: consentInput({ note: "n".repeat(2_000_000) }) } }, await headers());
    expect(huge.status).toBe(413);
    expect(huge.errors?.[0]?.extensions?.code).toBe("REQUEST_TOO_LARGE");
    // A huge query text is stopped by the token limit before anything is planned.
    const text = await post(url(), { query: `{ ${"__typename ".repeat(20_000)} }` });
    expect(text.status).toBe(400);
    expect(text.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_LARGE");
  });

  it("an X-Case-Id that is not a case id → one 400 BAD_USER_INPUT naming the header, before any subgraph is asked", async () => {
    const r = await raw(JSON.stringify({ query: "{ myCases { id } }" }), "application/json", { ...(await headers()), "x-case-id": "'; DROP TABLE coordination_case;--" });
    expect(r.status).toBe(400);
    expect(r.json?.errors).toHaveLength(1);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.json?.errors?.[0]?.message).toMatch(/X-Case-Id/);
    expectNoInternals(r.text);
  });

  it("invalid ids → NOT_FOUND / BAD_USER_INPUT for writes, null (as for unknown) for reads", async () => {
    const unknownCase = await post(url(), { query: GRANT, variables: { input: consentInput({ caseId: "case-doesnotexist" }) } }, await headers());
    expect(unknownCase.errors?.[0]?.extensions?.code, unknownCase.raw).toBe("NOT_FOUND");
    const absurd = await post(url(), { query: `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, variables: { id: "x".repeat(500) } }, await headers());
    expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(absurd.errors?.[0]?.extensions?.code);
    const wrongType = await post(url(), { query: `query ($id: ID!) { person(id: $id) { givenName } }`, variables: { id: { nested: true } } }, await headers());
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // Reading an id that does not exist looks exactly like one the caller may not see: null, no leak.
    const read = await post(url(), { query: `query ($id: ID!) { person(id: $id) { givenName } }`, variables: { id: "person-'; DROP TABLE person;--" } }, await headers());
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ person: null });
    for (const r of [unknownCase, absurd, wrongType, read]) expectNoInternals(r.raw);
  });

  it("unknown enum values → 400 BAD_USER_INPUT naming the value", async () => {
    const r = await post(url(), { query: GRANT, variables: { input: consentInput({ capacity: "KING" }) } }, await headers());
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/KING/);
    const inline = await post(url(), { query: `mutation { grantConsent(input: { caseId: "x", subjectId: "y", capacity: KING, services: [NAV], categories: [CASE] }) { id } }` }, await headers());
    expect(inline.status).toBe(400);
    expect(inline.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expectNoInternals(r.raw + inline.raw);
  });

  it("dates out of range → BAD_USER_INPUT", async () => {
    for (const validTo of ["2020-01-01T00:00:00Z", "+275760-09-14T00:00:00Z", "2026-13-45T99:00:00Z", "yesterday", 1e20]) {
      const r = await post(url(), { query: GRANT, variables: { input: consentInput({ validTo }) } }, await headers());
      expect(r.status, String(validTo)).toBeLessThan(500);
      expect(r.errors?.[0]?.extensions?.code, `${validTo}: ${r.raw}`).toBe("BAD_USER_INPUT");
      expect(r.data?.grantConsent ?? null).toBeNull();
      expectNoInternals(r.raw);
    }
  });

  it("SQL- and script-looking strings are stored and returned verbatim, harmlessly", async () => {
    const note = `Robert'); DROP TABLE consent; -- <script>alert("x")</script> \${7*7} {{7*7}} %s%n ✓ æøå`;
    const granted = await post(url(), { query: GRANT, variables: { input: consentInput({ note }) } }, await headers());
    expect(granted.errors, granted.raw).toBeUndefined();
    const consent = granted.data!.grantConsent as { id: string; note: string };
    expect(consent.note).toBe(note);
    const listed = await post(url(), { query: `query ($c: ID!) { consents(caseId: $c) { id note } }`, variables: { c: CASE } }, await headers());
    expect((listed.data!.consents as { id: string; note: string }[]).find((c) => c.id === consent.id)?.note).toBe(note);
    // The table is still there: the case's consents still list, and the consent can be withdrawn.
    const withdrawn = await post(url(), { query: `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, variables: { id: consent.id } }, await headers());
    expect(withdrawn.errors, withdrawn.raw).toBeUndefined();
  });

  it("U+0000 in a string → 400 BAD_USER_INPUT before any service sees it", async () => {
    const r = await post(url(), { query: GRANT, variables: { input: consentInput({ note: "before\u0000after" }) } }, await headers());
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/U\+0000/);
    expectNoInternals(r.raw);
  });

  it("a subgraph refuses control characters itself, even when called past the gateway's checks", async () => {
    // Signed as the gateway would sign it, so U+0000 reaches samhandling, which refuses it before its database would.
    const res = await signedSubgraphRequest("samhandling", GRANT, { input: consentInput({ note: "before\u0000after" }) }, { claims: citizenClaims(TOR), caseId: CASE });
    const errors = (res.errors ?? []) as { message: string; extensions?: { code?: string } }[];
    expect(errors[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors[0]?.message).toMatch(/control characters/);
    expectNoInternals(JSON.stringify(res));
  });

  it("over-long lists → BAD_USER_INPUT naming the list and its limit, not a crash", async () => {
    // Every item valid (a real service, a real category): only the length is wrong.
    const services = await post(url(), { query: GRANT, variables: { input: consentInput({ services: Array.from({ length: 51 }, () => "FRIVILLIGHET") }) } }, await headers());
    expect(services.status).toBeLessThan(500);
    expect(services.errors?.[0]?.extensions?.code, services.raw.slice(0, 500)).toBe("BAD_USER_INPUT");
    expect(services.errors?.[0]?.message).toBe("services has more than 50 items. Send fewer.");
    expect(services.data?.grantConsent ?? null).toBeNull();
    const categories = await post(url(), { query: GRANT, variables: { input: consentInput({ categories: Array.from({ length: 51 }, () => "INVOLVEMENT") }) } }, await headers());
    expect(categories.errors?.[0]?.extensions?.code, categories.raw.slice(0, 500)).toBe("BAD_USER_INPUT");
    expect(categories.errors?.[0]?.message).toBe("categories has more than 50 items. Send fewer.");
    expect(categories.data?.grantConsent ?? null).toBeNull();
    // Far longer ones are refused the same way, or by the body limit, and never crash anything.
    const huge = await post(url(), { query: GRANT, variables: { input: consentInput({ services: Array.from({ length: 20_000 }, () => "NAV") }) } }, await headers());
    expect(huge.status).toBeLessThan(500);
    expect(huge.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|REQUEST_TOO_LARGE)$/);
    const batch = await raw(JSON.stringify(Array.from({ length: 500 }, () => ({ query: "{ __typename }" }))), "application/json");
    expect(batch.status).toBe(413);
    expect(batch.json?.errors?.[0]?.extensions?.code).toBe("BATCH_TOO_LARGE");
    for (const r of [services.raw, categories.raw, huge.raw, batch.text]) expectNoInternals(r.slice(0, 5000));
  });

  it("the gateway and every subgraph are still ready after the battery", async () => {
    const base = new URL(url()).origin;
    expect((await fetch(`${base}/readiness`)).status).toBe(200);
    const res = await post(url(), { query: `query ($id: ID!) { person(id: $id) { givenName } }`, variables: { id: TOR } }, await headers());
    expect(res.errors).toBeUndefined();
    expect((res.data!.person as { givenName: string }).givenName).toBe("Tor");
  });
});

/** JSON nested `depth` levels deep around `leaf`: arrays, or objects under the key `a`. */
function nested(depth: number, leaf: string, as: "array" | "object"): string {
  return as === "array" ? "[".repeat(depth) + leaf + "]".repeat(depth) : '{"a":'.repeat(depth) + leaf + "}".repeat(depth);
}

/** The log line a gateway wrote for a refused request, found by the request id it answered with. */
async function refusalLogged(log: () => string, requestId: string | null): Promise<Record<string, unknown> | undefined> {
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  let entry: Record<string, unknown> | undefined;
  await eventually(async () => {
    entry = log()
      .split("\n")
      .filter((line) => line.includes(requestId!))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((e) => e.msg === "request refused");
    return entry !== undefined;
  }, 10_000);
  return entry;
}

/**
 * Inputs that once reached code that could not take them (a 500 logged as
 * `{"level":"error","msg":""}`): each is now a 4xx with a stable code and one
 * log line saying what was refused — on the shared gateway and on one with
 * NODE_ENV=development (as the project's own test gateways run), which must
 * not add a stack or a file path to any answer either.
 */
describe("hostile input, round two", () => {
  let dev: ExtraGateway;
  beforeAll(async () => {
    dev = await startGateway(inject("gatewayPort") + 71, { NODE_ENV: "development" });
  });
  afterAll(async () => {
    await dev?.stop();
  });

  const sharedLog = () => fs.readFileSync(inject("logFile"), "utf8");
  const gateways = () => [
    { name: "shared", url: url(), log: sharedLog },
    { name: "development", url: dev.url, log: () => dev.log() },
  ];

  const cases: { name: string; body: () => string; status: number; code: string }[] = [
    { name: "variables nested 5,000 deep", body: () => `{"query":"query ($a: [ID]) { __typename }","variables":{"a":${nested(5000, "1", "array")}}}`, status: 400, code: "BAD_USER_INPUT" },
    { name: "extensions nested 5,000 deep", body: () => `{"query":"{ __typename }","extensions":${nested(5000, "1", "object")}}`, status: 400, code: "BAD_USER_INPUT" },
    { name: "a batch of non-objects", body: () => `[1,"x",null]`, status: 400, code: "BAD_REQUEST" },
    { name: "a lone surrogate in a variable", body: () => `{"query":"{ __typename }","variables":{"note":"before\\ud800after"}}`, status: 400, code: "INVALID_UTF8" },
    { name: "a lone surrogate in a variable's name", body: () => `{"query":"{ __typename }","variables":{"\\udc00":"x"}}`, status: 400, code: "INVALID_UTF8" },
  ];

  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}, logged as refused, on both gateways`, async () => {
      for (const gw of gateways()) {
        // The strictest Accept a client may send: a validation error keeps 400 even for plain JSON.
        const res = await fetch(gw.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: c.body() });
        const text = await res.text();
        expect(res.status, `${gw.name}: ${text.slice(0, 300)}`).toBe(c.status);
        const body = JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
        expect(body.errors?.[0]?.extensions?.code, gw.name).toBe(c.code);
        expect(body.errors?.[0]?.message.length, gw.name).toBeGreaterThan(20);
        expect(Object.keys(body.errors?.[0]?.extensions ?? {}), gw.name).toEqual(["code"]);
        expectNoInternals(text);
        const entry = await refusalLogged(gw.log, res.headers.get("x-hub-request-id"));
        expect(entry, gw.name).toMatchObject({ level: "info", component: "gateway", code: c.code, status: c.status });
      }
    });
  }

  // Once a 500 while the API had no subscriptions; now that it has one, an unknown subscription field is an
  // ordinary validation error, answered exactly as an unknown query field is.
  it("a subscription of a field the API does not have is refused like an unknown query field, on both gateways", async () => {
    for (const gw of gateways()) {
      const ask = async (query: string) => {
        const res = await fetch(gw.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ query }) });
        const text = await res.text();
        expectNoInternals(text);
        const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
        return { status: res.status, data: body.data, codes: (body.errors ?? []).map((e) => e.extensions?.code), message: body.errors?.[0]?.message ?? "" };
      };
      const subscription = await ask("subscription { x }");
      const query = await ask("{ x }");
      expect(subscription.codes, gw.name).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(subscription.message, gw.name).toMatch(/"x".*"Subscription"/);
      expect(subscription.data, gw.name).toBeUndefined();
      expect(subscription.status, gw.name).toBe(query.status);
      expect(subscription.status, gw.name).toBeLessThan(500);
    }
  });

  it("a lone surrogate is refused like invalid UTF-8, and nothing is stored as U+FFFD", async () => {
    const r = await raw(`{"query":${JSON.stringify(GRANT)},"variables":{"input":${JSON.stringify(consentInput({ note: "LONE" })).replace("LONE", "half \\ud83d of a smile")}}}`, "application/json", await headers());
    expect(r.status, r.text).toBe(400);
    expect(r.json?.errors?.[0]?.extensions?.code).toBe("INVALID_UTF8");
    const listed = await post(url(), { query: `query ($c: ID!) { consents(caseId: $c) { note } }`, variables: { c: CASE } }, await headers());
    expect(listed.errors, listed.raw).toBeUndefined();
    expect((listed.data!.consents as { note: string | null }[]).some((c) => c.note?.includes("\ufffd") || c.note?.startsWith("half"))).toBe(false);
  });

  it("the same inputs give no 5xx and no unlabelled error line on the development gateway", async () => {
    const before = dev.log().length;
    for (const c of cases) {
      const res = await fetch(dev.url, { method: "POST", headers: { "content-type": "application/json" }, body: c.body() });
      expect(res.status, c.name).toBeLessThan(500);
    }
    const lines = dev.log().slice(before).split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    expect(lines.filter((l) => !l.msg)).toEqual([]);
  });
});
