// Who a subgraph takes the caller to be, from the claims the gateway signed.
import { describe, expect, it } from "vitest";
import { callerFromClaims } from "../services/kit/auth/caller.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";

const claims = (extra: Record<string, unknown>) => ({ sub: "x-1", name: "X", roles: ["caseworker"], ...extra });

describe("callerFromClaims", () => {
  it("takes an employee of a service with a subgraph of its own, and a citizen who names their person", () => {
    expect(callerFromClaims(claims({ service: "nav" }), undefined)).toMatchObject({ kind: "actor", claims: { service: "nav" } });
    expect(callerFromClaims(claims({ service: "citizen", personId: "p-1" }), undefined)).toMatchObject({ kind: "actor", claims: { personId: "p-1" } });
  });

  it.each(SERVICE_NAMES.map((s) => [s]))("takes a token naming %s, as every service in the catalog (a service missing here would make its staff anonymous)", (service) => {
    const roles = service === "registry" ? ["auditor"] : ["caseworker"];
    expect(callerFromClaims(claims({ service, roles }), undefined)).toMatchObject({ kind: "actor", claims: { service, roles } });
  });

  it("takes the register's auditors, and no one else from the register: it has no caseworkers in the hub", () => {
    expect(callerFromClaims(claims({ service: "registry", roles: ["auditor"] }), undefined)).toMatchObject({ kind: "actor", claims: { service: "registry", roles: ["auditor"] } });
    expect(callerFromClaims(claims({ service: "registry" }), undefined)).toEqual({ kind: "anonymous" });
    expect(callerFromClaims(claims({ service: "registry", roles: [] }), undefined)).toEqual({ kind: "anonymous" });
  });

  it("makes anything malformed anonymous", () => {
    for (const bad of [null, "token", claims({ service: "police" }), claims({ service: "citizen" }), { name: "X", service: "nav" }, claims({ service: "nav", sub: "" })]) {
      expect(callerFromClaims(bad, undefined), JSON.stringify(bad)).toEqual({ kind: "anonymous" });
    }
  });

  it("takes a signed internal call as the named service, whatever claims it carries", () => {
    expect(callerFromClaims(claims({ service: "citizen", personId: "p-1" }), "nav")).toEqual({ kind: "service", service: "nav" });
  });
});
