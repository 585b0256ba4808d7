// The signature between the hub's processes covers claims and purpose, not only the query.
import { describe, expect, it } from "vitest";
import { HUB_EXTENSION, JWT_EXTENSION, SIGNATURE_EXTENSION, canonicalJson, signRequest, signatureProblem } from "../services/kit/auth/signing.ts";

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
  });
});
