// The development identity provider over HTTP, as the web app and `npm run
// token` meet it: discovery, the code flow with PKCE through the sign-in
// form, token shapes per kind of person, refresh and sign-out.
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, groupOf } from "../identity/claims.ts";
import { WEB_CLIENT_ID } from "../identity/clients.ts";
import { DevSignIn, devToken } from "../identity/dev-token.ts";
import { demoDirectory, type CitizenAccount, type StaffAccount } from "../identity/users.ts";
import { startTestProvider, type TestProvider } from "./support/identity-provider.ts";

const directory = demoDirectory();
const sara = directory.byKey("citizen") as CitizenAccount;
const ingrid = directory.byKey("nav-veileder-1") as StaffAccount;

let provider: TestProvider;
let verifyAccessToken: (token: string) => Promise<JWTPayload>;

beforeAll(async () => {
  provider = await startTestProvider(0);
  const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  verifyAccessToken = async (token) =>
    (await jwtVerify(token, keys, { issuer: provider.issuer, audience: "samhandling-hub", typ: "at+jwt", algorithms: ["RS256"] })).payload;
});

afterAll(async () => {
  await provider?.stop();
});

const webApp = () => DevSignIn.at(provider.issuer, WEB_CLIENT_ID, provider.webRedirectUri);
const tokenTimes = { jti: expect.any(String), iat: expect.any(Number), exp: expect.any(Number) };

describe("discovery", () => {
  it("publishes its endpoints, S256 only, ID-porten's levels and one public signing key", async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}/auth`,
      token_endpoint: `${provider.issuer}/token`,
      jwks_uri: `${provider.issuer}/jwks`,
      end_session_endpoint: `${provider.issuer}/session/end`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
      acr_values_supported: ["idporten-loa-substantial", "idporten-loa-high"],
    });
    expect(doc.grant_types_supported).toEqual(expect.arrayContaining(["authorization_code", "refresh_token", "client_credentials"]));

    const jwks = (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(jwks.keys[0]).not.toHaveProperty(secret);
    expect((await fetch(`${provider.issuer}/readyz`)).status).toBe(200);
  });
});

describe("the authorization code flow with PKCE", () => {
  it("signs an employee in and gives an access token shaped like Entra ID's, for the hub", async () => {
    const tokens = await (await webApp()).run("nav-veileder-1");
    const payload = await verifyAccessToken(tokens.access_token);
    expect(payload).toEqual({
      ...tokenTimes,
      iss: provider.issuer,
      aud: "samhandling-hub",
      sub: "nav-veileder-1",
      oid: "nav-veileder-1",
      name: "Ingrid Solberg",
      roles: ["Samhandling.Saksbehandler"],
      groups: [groupOf(ingrid).id],
      tid: DEV_TENANT_ID,
      scope: "hub",
      client_id: WEB_CLIENT_ID,
    });
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    expect(groupOf(ingrid)).toMatchObject({ service: "nav", unit: "NAV Fjordvik" });
    expect(decodeJwt(tokens.id_token!)).toMatchObject({ aud: WEB_CLIENT_ID, sub: "nav-veileder-1", name: "Ingrid Solberg", oid: "nav-veileder-1" });
  });

  it("signs an auditor in with the auditor app role and the service's audit group", async () => {
    const payload = await verifyAccessToken((await (await webApp()).run("nav-auditor")).access_token);
    const auditor = directory.byKey("nav-auditor") as StaffAccount;
    expect(payload).toMatchObject({ sub: "nav-auditor-1", roles: ["Samhandling.Revisor"], groups: [groupOf(auditor).id] });
    expect(groupOf(auditor)).toMatchObject({ service: "nav", unit: null });
  });

  for (const acr of ["idporten-loa-substantial", "idporten-loa-high"] as const) {
    it(`signs a citizen in at ${acr}, shaped like ID-porten's tokens`, async () => {
      const tokens = await (await webApp()).run("citizen", acr);
      const payload = await verifyAccessToken(tokens.access_token);
      expect(payload).toEqual({
        ...tokenTimes,
        iss: provider.issuer,
        aud: "samhandling-hub",
        sub: sara.accountId,
        pid: sara.nationalId,
        acr,
        amr: ["TestID"],
        scope: "hub",
        client_id: WEB_CLIENT_ID,
      });
      // The subject is a pseudonym, never the national id.
      expect(payload.sub).not.toContain(sara.nationalId);
      expect(decodeJwt(tokens.id_token!)).toMatchObject({ sub: sara.accountId, pid: sara.nationalId, acr, amr: ["TestID"] });
    });
  }

  it("refuses an authorization request without PKCE, or with the plain method", async () => {
    const signIn = await webApp();
    const withS256 = await signIn.authorizationUrl();
    const withoutPkce = new URL(withS256);
    withoutPkce.searchParams.delete("code_challenge");
    withoutPkce.searchParams.delete("code_challenge_method");
    const plain = new URL(withS256);
    plain.searchParams.set("code_challenge", "a".repeat(43));
    plain.searchParams.set("code_challenge_method", "plain");

    // The same request with S256 reaches the sign-in page: the refusals below are about PKCE alone.
    expect((await signIn.agent.request(withS256)).headers.get("location")).toMatch(/^\/interaction\//);
    for (const url of [withoutPkce, plain]) {
      const response = await signIn.agent.request(url);
      expect(response.status).toBe(303);
      const back = new URL(response.headers.get("location")!);
      expect(back.href.startsWith(provider.webRedirectUri)).toBe(true);
      expect(back.searchParams.get("error")).toBe("invalid_request");
      expect(back.searchParams.get("code")).toBeNull();
    }
  });

  it("refuses a code exchanged with the wrong verifier", async () => {
    const signIn = await webApp();
    const callback = await signIn.signIn(await signIn.authorize(), "nav-veileder-1");
    const response = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: WEB_CLIENT_ID,
        redirect_uri: provider.webRedirectUri,
        code: callback.searchParams.get("code")!,
        code_verifier: "b".repeat(43),
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
  });
});

describe("refresh and sign-out", () => {
  it("gives a new access token for a refresh token, at the level signed in with, and refuses a used one", async () => {
    const signIn = await webApp();
    const first = await signIn.run("emma", "idporten-loa-high");
    expect(first.refresh_token).toEqual(expect.any(String));
    const refreshed = await signIn.refresh(first.refresh_token!);
    const before = await verifyAccessToken(first.access_token);
    const after = await verifyAccessToken(refreshed.access_token);
    expect(after.jti).not.toBe(before.jti);
    expect(after).toMatchObject({ sub: before.sub, pid: before.pid, acr: "idporten-loa-high", amr: ["TestID"], aud: "samhandling-hub" });
    // The web app is a public client: each refresh token works once (rotation); reuse revokes the chain.
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    await expect(signIn.refresh(first.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("lets the web app's own origin call the token endpoint from the browser (CORS), and no other origin", async () => {
    const signIn = await webApp();
    const tokens = await signIn.run("nav-veileder-2");
    const refreshFrom = (origin: string, refreshToken: string) =>
      fetch(`${provider.issuer}/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin },
        body: new URLSearchParams({ grant_type: "refresh_token", client_id: WEB_CLIENT_ID, refresh_token: refreshToken }),
      });
    const webOrigin = new URL(provider.webRedirectUri).origin;
    const own = await refreshFrom(webOrigin, tokens.refresh_token!);
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBe(webOrigin);
    const next = ((await own.json()) as { refresh_token: string }).refresh_token;
    const other = await refreshFrom("http://elsewhere.test", next);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.status).toBe(400);
  });

  it("ends the session at the provider: the next authorization asks who you are, and the refresh token is void", async () => {
    const signIn = await webApp();
    const tokens = await signIn.run("skole-kontaktlaerer-1");
    // While the session holds, a new authorization request comes straight back with a code.
    expect((await signIn.authorize()).kind).toBe("callback");

    const end = await signIn.signOut(tokens.id_token!, provider.webPostLogoutRedirectUri);
    expect(end.status).toBe(303);
    expect(end.headers.get("location")).toBe(provider.webPostLogoutRedirectUri);

    expect((await signIn.authorize()).kind).toBe("sign-in");
    await expect(signIn.refresh(tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });
});

describe("devToken, for npm run token", () => {
  it("gets a working access token for each kind of demo user by the names npm run token knows", async () => {
    const expected: Record<string, Partial<JWTPayload>> = {
      coordinator: { sub: "samhandling-investeringsleder-1", oid: "samhandling-investeringsleder-1" },
      "registry-auditor": { sub: "registry-auditor-1", roles: ["Samhandling.Revisor"] },
      citizen: { pid: sara.nationalId, acr: "idporten-loa-substantial" },
      [sara.nationalId]: { pid: sara.nationalId },
    };
    for (const [user, claims] of Object.entries(expected)) {
      const payload = await verifyAccessToken(await devToken(provider.issuer, user));
      expect(payload, user).toMatchObject({ ...claims, client_id: "samhandling-cli", aud: "samhandling-hub" });
      expect(payload.exp! - payload.iat!, user).toBe(8 * 60 * 60);
    }
    expect((await verifyAccessToken(await devToken(provider.issuer, "emma", "idporten-loa-high"))).acr).toBe("idporten-loa-high");
  });

  it("says so when there is no such user", async () => {
    await expect(devToken(provider.issuer, "nobody-x")).rejects.toThrow('The development provider knows no user "nobody-x"');
  });
});

describe("the provider's log", () => {
  it("is JSON lines that name no one", () => {
    const lines = provider.logLines();
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toHaveProperty("unparsed");
    const text = JSON.stringify(lines);
    for (const secret of [sara.nationalId, sara.name, ingrid.name, sara.accountId]) expect(text).not.toContain(secret);
    expect(lines.filter((l) => l.msg === "signed in").length).toBeGreaterThan(5);
  });
});
