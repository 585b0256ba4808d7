// The signature between the hub's processes covers claims and purpose, not only the query.
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HUB_EXTENSION, JWT_EXTENSION, SIGNATURE_EXTENSION, canonicalJson, newNonce, signRequest, signatureProblem, type HubExtension } from "../services/kit/auth/signing.ts";
import { LocalNonces, redisNonces } from "../services/kit/auth/nonces.ts";
import { requestVerifier } from "../services/kit/auth/verification.ts";

const secret = "test-secret";
const request = () => ({
  query: "{ person(id: \"p-1\") { nav { involved } } }",
  variables: { b: 1, a: [1, { d: 2, c: 3 }] },
  extensions: {
    [HUB_EXTENSION]: { purpose: "c-1", requestId: "r-1", issuedAt: Date.now() },
    [JWT_EXTENSION]: { payload: { sub: "nav-veileder-1", service: "nav" } },
  },
});

describe("request signing", () => {
  it("accepts a correctly signed request", () => {
    expect(signatureProblem(signRequest(request(), secret), secret)).toBeNull();
  });

  it("refuses an unsigned request and one signed with another key", () => {
    expect(signatureProblem(request(), secret)).toBe("UNSIGNED_REQUEST");
    expect(signatureProblem(signRequest(request(), "other"), secret)).toBe("BAD_SIGNATURE");
  });

  it.each([
    ["the query", (r: ReturnType<typeof request>) => (r.query = "{ __typename }")],
    ["the variables", (r: ReturnType<typeof request>) => (r.variables.b = 2)],
    ["the forwarded claims", (r: ReturnType<typeof request>) => ((r.extensions[JWT_EXTENSION].payload as { service: string }).service = "barnevern")],
    ["the declared purpose", (r: ReturnType<typeof request>) => (r.extensions[HUB_EXTENSION].purpose = "c-2")],
  ])("refuses a signed request whose %s was changed", (_what, tamper) => {
    const signed = signRequest(request(), secret);
    tamper(signed);
    expect(signatureProblem(signed, secret)).toBe("BAD_SIGNATURE");
  });

  it("refuses a replay older than the window", () => {
    const old = request();
    old.extensions[HUB_EXTENSION].issuedAt = Date.now() - 120_000;
    expect(signatureProblem(signRequest(old, secret), secret)).toBe("STALE_SIGNATURE");
  });

  it("serialises keys in a stable order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(canonicalJson({ "é": 1, Z: 2, a: undefined, "\u0000": [undefined] })).toBe('{"\\u0000":[null],"Z":2,"é":1}');
  });

  it("writes what JSON.stringify writes (the bytes on the wire), only with sorted keys, as the plain version did", () => {
    // The straightforward version this one replaced (signatures must not change).
    const plain = (value: unknown): string => {
      if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : plain(v))).join(",")}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${plain(v)}`).join(",")}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Both ends sign what they hold: the gateway its objects, a subgraph what it parsed from the wire.
        const wire = JSON.parse(JSON.stringify(value)) as unknown;
        expect(canonicalJson(value)).toBe(plain(wire));
        expect(canonicalJson(wire)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(wire);
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ at: new Date("2026-12-01T00:00:00.000Z") })).toBe('{"at":"2026-12-01T00:00:00.000Z"}');
  });
});

describe("the gateway's WebCrypto (HMAC computed in place)", () => {
  it("signs exactly as WebCrypto does, and leaves every other operation to WebCrypto", async () => {
    const { webcrypto } = await import("node:crypto");
    const { hubCrypto } = await import("../gateway/plugins/signing.ts");
    const ours = hubCrypto();
    const algorithm = { name: "HMAC", hash: "SHA-256" };
    const raw = new TextEncoder().encode(secret);
    const data = new TextEncoder().encode(canonicalJson(request()));
    const expected = await webcrypto.subtle.sign("HMAC", await webcrypto.subtle.importKey("raw", raw, algorithm, false, ["sign"]), data);
    const key = await ours.subtle.importKey("raw", raw, algorithm, false, ["sign"]);
    const actual = await ours.subtle.sign("HMAC", key, data);
    expect(Buffer.from(actual).toString("base64")).toBe(Buffer.from(expected).toString("base64"));
    expect(Buffer.from(actual).toString("base64")).toBe(createHmac("sha256", secret).update(data).digest("base64"));
    // Not an HMAC key of ours: WebCrypto's own path.
    const digest = await ours.subtle.digest("SHA-256", data);
    expect(Buffer.from(digest).toString("hex")).toBe(createHash("sha256").update(data).digest("hex"));
    expect(ours.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("a subgraph's verification of the hub's requests", () => {
  const keys = { gateway: "gateway-key", internal: "internal-key" };
  const call = (hub: Partial<HubExtension>, key: string) =>
    signRequest({ query: "{ __typename }", variables: {}, extensions: { [HUB_EXTENSION]: { purpose: null, requestId: "r", issuedAt: Date.now(), target: "nav", nonce: newNonce(), ...hub } } }, key);

  it("takes a call signed for it once, with the key of its hop", async () => {
    const verify = requestVerifier("nav", keys, new LocalNonces());
    const fromGateway = call({}, keys.gateway);
    expect(await verify(fromGateway)).toBeNull();
    expect(await verify(fromGateway)).toBe("REPLAYED_SIGNATURE");
    expect(await verify(call({ service: "samhandling" }, keys.internal))).toBeNull();
  });

  it("refuses a call for another subgraph, one on the wrong hop's key, and one without a nonce", async () => {
    const verify = requestVerifier("nav", keys, new LocalNonces());
    expect(await verify(call({ target: "skole" }, keys.gateway))).toBe("MISDIRECTED_SIGNATURE");
    expect(await verify(call({ target: undefined }, keys.gateway))).toBe("MISDIRECTED_SIGNATURE");
    expect(await verify(call({}, keys.internal))).toBe("BAD_SIGNATURE");
    expect(await verify(call({ service: "samhandling" }, keys.gateway))).toBe("BAD_SIGNATURE");
    expect(await verify(call({ nonce: undefined }, keys.gateway))).toBe("BAD_SIGNATURE");
  });

  it("forgets a nonce only once its signature would be stale anyway", async () => {
    const nonces = new LocalNonces();
    expect(await nonces.firstUse("a", 50)).toBe(true);
    expect(await nonces.firstUse("a", 50)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await nonces.firstUse("a", 50)).toBe(true);
  });

  it.runIf(process.env.REDIS_URL)("shares the nonces of every instance through Redis", async () => {
    const [one, two] = [redisNonces(process.env.REDIS_URL!), redisNonces(process.env.REDIS_URL!)];
    try {
      await Promise.all([one.ready(5_000), two.ready(5_000)]);
      const nonce = `test-${newNonce()}`;
      expect(await one.firstUse(nonce, 5_000)).toBe(true);
      // Another instance of the same service, with its own process memory.
      expect(await two.firstUse(nonce, 5_000)).toBe(false);
      expect(await one.firstUse(nonce, 5_000)).toBe(false);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("keeps refusing replays in the process while Redis is unreachable", async () => {
    const nonces = redisNonces("redis://127.0.0.1:1/0");
    try {
      expect(await nonces.firstUse("b", 5_000)).toBe(true);
      expect(await nonces.firstUse("b", 5_000)).toBe(false);
    } finally {
      await nonces.close();
    }
  });
});
