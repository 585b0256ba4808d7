// Production mode: a gateway process with NODE_ENV=production, an OIDC issuer
// of the test's own and the shared federation's subgraphs behind it.
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../services/kit/demo/fjordvik.ts";
import { buildManifest } from "../../gateway/persisted-documents.ts";
import { gatewayRefusal, post, startGateway, startIssuer, TEST_ISSUER, type ExtraGateway, type TestIssuer } from "./hardening-support.ts";

const port = () => inject("gatewayPort") + 61;
const documents = new Map(buildManifest().operations.map((op) => [op.name, op.id]));
const id = (name: string) => documents.get(name)!;

let issuer: TestIssuer;
let gw: ExtraGateway;

beforeAll(async () => {
  issuer = await startIssuer();
  gw = await startGateway(port(), {
    NODE_ENV: "production",
    HUB_SIGNING_SECRET: inject("signingSecret"),
    OIDC_ISSUER: TEST_ISSUER,
    OIDC_JWKS_URI: issuer.jwksUri,
    RATE_LIMIT_MAX: "1000",
  });
});

afterAll(async () => {
  await gw?.stop();
  await issuer?.close();
});

describe("production mode", () => {
  it("runs a trusted document by id, with an OIDC token, and still enforces consent", async () => {
    const res = await post(
      gw.url,
      { documentId: id("PersonAccess"), variables: { id: demoPersonId("eriksen", "Tor") } },
      await issuer.headers("kriminalomsorg-koordinator-1", demoCaseId("eriksen")),
    );
    expect(res.errors, res.raw).toBeUndefined();
    const person = res.data!.person as Record<string, { access: { status: string } } | string>;
    expect(person.givenName).toBe("Tor");
    // Kriminalomsorgen owns none of these views: only consent opens them, so at least barnevern stays closed.
    expect((person.barnevern as { access: { status: string } }).access.status).toBe("RESTRICTED");
  });

  it("accepts the Apollo APQ form of the same id", async () => {
    const res = await post(gw.url, { extensions: { persistedQuery: { version: 1, sha256Hash: id("MyCases") } } }, await issuer.headers("coordinator"));
    expect(res.errors, res.raw).toBeUndefined();
    expect(Array.isArray(res.data!.myCases)).toBe(true);
  });

  it("refuses query text that is not a trusted document", async () => {
    const res = await post(gw.url, { query: "{ myCases { id } }" }, await issuer.headers("coordinator"));
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    expect(res.errors![0]!.message).toMatch(/trusted documents/);
  });

  it("refuses an unknown document id", async () => {
    const res = await post(gw.url, { documentId: "0".repeat(64) }, await issuer.headers("coordinator"));
    expect(res.status).toBe(400);
    expect(res.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
  });

  it("has introspection off, even as a trusted-document attempt", async () => {
    const res = await post(gw.url, { query: "{ __schema { types { name } } }" });
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
  });

  it("serves no GraphiQL", async () => {
    const res = await fetch(gw.url, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toContain("GraphiQL");
  });

  it("hides schema hints: an unknown enum value gets no 'Did you mean'", async () => {
    const input = { caseId: demoCaseId("eriksen"), subjectId: demoPersonId("eriksen", "Tor"), capacity: "SELF", services: ["NAVV"], categories: ["SERVICE_DATA"] };
    const res = await post(gw.url, { documentId: id("GrantConsent"), variables: { input } }, await issuer.headers("kriminalomsorg-koordinator-1", demoCaseId("eriksen")));
    expect(res.errors![0]!.message).toMatch(/NAVV/);
    expect(res.raw).not.toMatch(/Did you mean/);
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("refuses development tokens", async () => {
    const { devToken } = await import("../../services/kit/auth/tokens.ts");
    const { demoUser } = await import("../../services/kit/demo/users.ts");
    const token = await devToken(demoUser("coordinator")!.claims, inject("jwtSecret"));
    const res = await post(gw.url, { documentId: id("MyCases") }, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
  });
});

describe("production refuses to start without what it needs", () => {
  const base = () => ({ NODE_ENV: "production", HUB_SIGNING_SECRET: "x".repeat(43), OIDC_ISSUER: TEST_ISSUER, OIDC_JWKS_URI: "http://127.0.0.1:9/jwks.json" });

  it("without HUB_SIGNING_SECRET", async () => {
    const { log } = await gatewayRefusal({ ...base(), HUB_SIGNING_SECRET: "" }, port() + 1);
    expect(log).toContain("HUB_SIGNING_SECRET is not set");
  });

  it("without an OIDC issuer or JWKS", async () => {
    const { log } = await gatewayRefusal({ ...base(), OIDC_ISSUER: "", OIDC_JWKS_URI: "" }, port() + 1);
    expect(log).toContain("OIDC_ISSUER and OIDC_JWKS_URI must be set in production");
    const half = await gatewayRefusal({ ...base(), OIDC_JWKS_URI: "" }, port() + 1);
    expect(half.log).toContain("Set both OIDC_ISSUER and OIDC_JWKS_URI");
  });

  it("without a trusted-documents manifest", async () => {
    const { log } = await gatewayRefusal({ ...base(), PERSISTED_DOCUMENTS_PATH: "/nonexistent/manifest.json" }, port() + 1);
    expect(log).toContain("No trusted-documents manifest");
  });

  it("when asked to accept arbitrary documents", async () => {
    const { log } = await gatewayRefusal({ ...base(), ALLOW_ARBITRARY_DOCUMENTS: "true" }, port() + 1);
    expect(log).toContain("ALLOW_ARBITRARY_DOCUMENTS=true is refused in production");
  });
});
