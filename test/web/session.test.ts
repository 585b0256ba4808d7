// Who the app thinks is signed in, where it may send them back to, and the
// settings it runs with — all without a provider or a browser.
import { afterEach, describe, expect, test } from "vitest";
import { WEB_CLIENT_ID } from "../../identity/clients.ts";
import { safeReturnPath, userFromClaims, userFromViewer } from "../../web/src/auth/session.ts";
import { homePath, NAVIGATION } from "../../web/src/shell/navigation.ts";
import { parseRuntimeConfig } from "../../web/src/runtime-config.ts";
import { webConfig } from "../../web/config.ts";

describe("the signed-in user", () => {
  test("role from the hub's claims: citizen, auditor or employee", () => {
    expect(userFromClaims({ sub: "citizen-sara", name: "Sara Haugland", service: "citizen", roles: ["citizen"], personId: "p1" })).toEqual({ subject: "citizen-sara", name: "Sara Haugland", role: "citizen", service: "citizen" });
    expect(userFromClaims({ sub: "nav-auditor-1", name: "Revisor nav", service: "nav", roles: ["auditor"] })?.role).toBe("auditor");
    expect(userFromClaims({ sub: "nav-veileder-1", name: "Kari", service: "nav", roles: ["caseworker"] })?.role).toBe("employee");
  });

  test("claims the hub would treat as anonymous sign no one in", () => {
    expect(userFromClaims({ sub: "x", name: "X", service: "martians", roles: [] })).toBeNull();
    expect(userFromClaims({ sub: "x", service: "nav", roles: [] })).toBeNull();
    expect(userFromClaims({ sub: "c", name: "C", service: "citizen", roles: ["citizen"] })).toBeNull();
    expect(userFromClaims({ sub: "r", name: "R", service: "registry", roles: ["caseworker"] })).toBeNull();
    expect(userFromClaims(null)).toBeNull();
  });

  test("from the gateway's viewer: people sign in, a service's integration client does not", () => {
    const sara = { kind: "CITIZEN", actorId: "citizen-p1", name: "Sara Haugland", service: "CITIZEN" as const, roles: ["citizen"], unit: null, personId: "p1", assurance: "HIGH" };
    // The API's ActorService in capitals is the claims' service in lower case.
    expect(userFromViewer(sara)).toEqual({ subject: "citizen-p1", name: "Sara Haugland", role: "citizen", service: "citizen" });
    const auditor = { kind: "EMPLOYEE", actorId: "nav-auditor-1", name: "Revisor nav", service: "NAV" as const, roles: ["auditor"], unit: null, personId: null, assurance: null };
    expect(userFromViewer(auditor)?.role).toBe("auditor");
    const machine = { kind: "MACHINE", actorId: "nav-integration", name: "nav-integration", service: "NAV" as const, roles: ["integration"], unit: null, personId: null, assurance: null };
    expect(userFromViewer(machine)).toBeNull();
  });

  test("navigation by role", () => {
    expect(NAVIGATION.employee.map((i) => i.label)).toEqual(["nav.myCases", "nav.findPerson", "nav.notifications"]);
    expect(NAVIGATION.citizen.map((i) => i.label)).toEqual(["nav.myCases", "nav.myConsents", "nav.whoHasSeen", "nav.dataCopy", "nav.notifications"]);
    expect(NAVIGATION.auditor.map((i) => i.label)).toEqual(["nav.auditLog", "nav.review"]);
    expect(homePath("auditor")).toBe("/logg");
  });

  test("after sign-in the app returns only to its own paths", () => {
    expect(safeReturnPath("/saker?x=1")).toBe("/saker?x=1");
    for (const hostile of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "", undefined, 42]) {
      expect(safeReturnPath(hostile)).toBe("/");
    }
  });
});

describe("runtime settings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test("/config.json is checked field by field", () => {
    const good = { gatewayUrl: "https://hub.example/graphql", oidc: { issuer: "https://login.example", clientId: "samhandling-web", scope: "openid" }, trustedDocumentsOnly: true };
    expect(parseRuntimeConfig(good)).toEqual(good);
    expect(parseRuntimeConfig({ ...good, oidc: null }).oidc).toBeNull();
    expect(() => parseRuntimeConfig({ ...good, gatewayUrl: "ftp://x" })).toThrow(/gatewayUrl/);
    expect(() => parseRuntimeConfig({ ...good, oidc: { ...good.oidc, clientId: "" } })).toThrow(/clientId/);
    expect(() => parseRuntimeConfig({ ...good, trustedDocumentsOnly: "yes" })).toThrow(/trustedDocumentsOnly/);
    expect(() => parseRuntimeConfig([])).toThrow();
  });

  test("development defaults: the gateway's port + 200, text documents, the embedded identity provider and its client for the app", () => {
    const config = webConfig({ GATEWAY_PORT: "5000" });
    expect(config.port).toBe(5200);
    expect(config.runtime).toEqual({
      gatewayUrl: "http://127.0.0.1:5000/graphql",
      oidc: { issuer: "http://localhost:5100", clientId: WEB_CLIENT_ID, scope: "openid hub" },
      trustedDocumentsOnly: false,
    });
    // The app's default client is the one the development provider registers for it.
    expect(WEB_CLIENT_ID).toBe("samhandling-web");
    expect(webConfig({ IDENTITY_ISSUER: "http://localhost:7000" }).runtime.oidc?.issuer).toBe("http://localhost:7000");
    expect(webConfig({ WEB_OIDC_ISSUER: "http://127.0.0.1:5300/oidc" }).runtime.oidc).toEqual({ issuer: "http://127.0.0.1:5300/oidc", clientId: "samhandling-web", scope: "openid hub" });
    expect(() => webConfig({ WEB_PORT: "http" })).toThrow(/WEB_PORT/);
  });

  test("production needs the public URLs and runs trusted documents only", () => {
    expect(() => webConfig({ NODE_ENV: "production" })).toThrow(/WEB_GATEWAY_URL/);
    expect(() => webConfig({ NODE_ENV: "production", WEB_GATEWAY_URL: "https://hub.example/graphql" })).toThrow(/WEB_OIDC_ISSUER/);
    const env = { NODE_ENV: "production", WEB_GATEWAY_URL: "https://hub.example/graphql", WEB_OIDC_ISSUER: "https://login.example" };
    expect(webConfig(env).runtime.trustedDocumentsOnly).toBe(true);
    expect(() => webConfig({ ...env, WEB_TRUSTED_DOCUMENTS_ONLY: "false" })).toThrow(/refused in production/);
  });
});
