// Sign-in as in production, through the gateway over HTTP: tokens from the
// embedded identity provider (the code flow with PKCE, refresh, sign-out,
// client credentials) verified through its discovery document and JWKS and
// mapped by the identity mapping to the hub's claims, for every kind of
// token; a second issuer trusted beside it; key rotation; and every way a
// token is refused — 401 UNAUTHENTICATED with WWW-Authenticate and a message
// that says why, never 400 or 500.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DevSignIn, machineToken } from "../../identity/dev-token.ts";
import { WEB_CLIENT_ID, machineClient } from "../../identity/clients.ts";
import { readIdentitySecrets } from "../../identity/secrets.ts";
import { devMapping } from "../../identity/mapping.ts";
import { demoDirectory } from "../../identity/users.ts";
import { demoCaseId, demoPerson } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { webPort } from "../../services/kit/catalog.ts";
import { localIssuerMapping, mappingOf, startLocalIssuer, type LocalIssuer } from "../../scripts/lib/local-issuer.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { startTestProvider, type TestProvider } from "../support/identity-provider.ts";
import { subscribeThroughGateway } from "../support/sse.ts";
import { tokenFor } from "../support/tokens.ts";
import { post, startGateway, writeMappingFile, type ExtraGateway } from "./hardening-support.ts";

const VIEWER = `{ viewer { kind actorId name service roles unit personId assurance } }`;
const issuer = () => inject("identityIssuer");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const SARA = demoPerson("haugland", "Sara");

interface Viewer {
  kind: string;
  actorId: string;
  name: string;
  service: string;
  roles: string[];
  unit: string | null;
  personId: string | null;
  assurance: string | null;
}

async function viewerWith(headers: Record<string, string>, url?: string): Promise<Viewer | null> {
  const res = url ? await post(url, { query: VIEWER }, headers) : await gateway<{ viewer: Viewer | null }>(VIEWER, {}, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return (res.data as { viewer: Viewer | null }).viewer;
}

/** A refusal of the whole request as a client sees it: 401, the code, the challenge, a message. */
async function expectRefused(url: string, token: string, message: RegExp) {
  const res = await post(url, { query: VIEWER }, bearer(token));
  expect(res.status, res.raw).toBe(401);
  expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(res.errors?.[0]?.message).toMatch(message);
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="samhandling-hub", error="invalid_token", error_description=".+"$/);
  expect(res.data ?? null).toBeNull();
}

describe("the code flow end to end, as the web app signs in", () => {
  const webApp = () => DevSignIn.at(issuer(), WEB_CLIENT_ID, `http://localhost:${webPort(inject("gatewayPort"))}/auth/callback`);

  it("signs an employee in with PKCE, and the gateway takes the access token for them", async () => {
    const tokens = await (await webApp()).run("nav-veileder-1");
    expect(await viewerWith(bearer(tokens.access_token))).toEqual({
      kind: "EMPLOYEE",
      actorId: "nav-veileder-1",
      name: "Ingrid Solberg",
      service: "NAV",
      roles: ["caseworker"],
      unit: "NAV Fjordvik",
      personId: null,
      assurance: null,
    });
    // The ID token is for the app (its audience is the client), never a key to the API.
    await expectRefused(inject("gatewayUrl"), tokens.id_token!, /meant for another application/);
  });

  it("refreshes: the new access token works; after sign-out at the provider the refresh token does not", async () => {
    const signIn = await webApp();
    const first = await signIn.run("coordinator");
    const refreshed = await signIn.refresh(first.refresh_token!);
    expect((await viewerWith(bearer(refreshed.access_token)))?.actorId).toBe("samhandling-investeringsleder-1");
    const cases = await gateway<{ myCases: { id: string }[] }>(`{ myCases { id } }`, {}, bearer(refreshed.access_token));
    expect(cases.data?.myCases.map((c) => c.id)).toContain(demoCaseId("berg"));

    await signIn.signOut(first.id_token!);
    await expect(signIn.refresh(refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
  });
});

describe("claim mapping, for each kind of token", () => {
  it("an auditor: the service of the audit group, the auditor role, no unit", async () => {
    expect(await viewerWith(await asUser("nav-auditor"))).toMatchObject({ kind: "EMPLOYEE", actorId: "nav-auditor-1", service: "NAV", roles: ["auditor"], unit: null });
  });

  it("a citizen at either level: the register's person for the national id, with the level; the lookup logged in the register's own log", async () => {
    for (const [acr, assurance] of [["idporten-loa-substantial", "SUBSTANTIAL"], ["idporten-loa-high", "HIGH"]] as const) {
      const viewer = await viewerWith(await asUser("citizen", undefined, acr));
      expect(viewer).toEqual({ kind: "CITIZEN", actorId: `citizen-${SARA.personId}`, name: "Sara Haugland", service: "CITIZEN", roles: ["citizen"], unit: null, personId: SARA.personId, assurance });
    }
    // Since this federation started: the gateway remembers a person for CITIZEN_LOOKUP_MS, so this suite's sign-ins may not have asked again.
    const log = await gateway<{ registryAuditLog: { actorId: string; personId: string; reason: string; categories: string[] }[] }>(
      `query ($p: ID) { registryAuditLog(personId: $p, actorId: "service:gateway") { actorId personId reason categories } }`,
      { p: SARA.personId },
      await asUser("registry-auditor"),
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.registryAuditLog).toContainEqual({ actorId: "service:gateway", personId: SARA.personId, reason: "INTERNAL_SERVICE", categories: ["IDENTITY"] });
    // The national id never reaches a log line (the log scan checks every line too).
    expect(fs.readFileSync(inject("logFile"), "utf8")).not.toContain(SARA.nationalId);
  });

  it("a machine: client credentials with its own service's write scope become that service's integration, which acts for no one", async () => {
    const nav = machineClient("nav-integration")!;
    const secrets = readIdentitySecrets(path.join(inject("dataDir"), "identity"))!;
    const token = await machineToken(issuer(), nav.clientId, secrets.clientSecrets[nav.clientId]!, nav.scope);
    expect(await viewerWith(bearer(token))).toEqual({ kind: "MACHINE", actorId: "nav-integration", name: "nav-integration", service: "NAV", roles: ["integration"], unit: null, personId: null, assurance: null });
    // Not a person: no case, no audit log, not even its own service's.
    for (const query of [`{ myCases { id } }`, `{ navAuditLog { actorId } }`, `{ skoleAuditLog { actorId } }`]) {
      const res = await gateway(query, {}, bearer(token));
      expect(res.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
    }
    // nav's client cannot be skole's: the provider refuses it skole's scope.
    await expect(machineToken(issuer(), nav.clientId, secrets.clientSecrets[nav.clientId]!, "skole:write")).rejects.toMatchObject({ error: "invalid_scope" });
  });
});

describe("the level of assurance", () => {
  const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
  const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
  const grantInput = { caseId: demoCaseId("haugland"), subjectId: SARA.personId, capacity: "SELF", services: ["NAV"], categories: ["SERVICE_DATA"] };

  it("giving or withdrawing a consent needs the high level: a citizen at substantial is told to sign in again, before anything is looked up", async () => {
    const substantial = await asUser("citizen", undefined, "idporten-loa-substantial");
    for (const [query, variables] of [[WITHDRAW, { id: "consent-that-does-not-exist" }], [GRANT, { input: grantInput }]] as const) {
      const res = await gateway(query, variables, substantial);
      expect(res.errors?.[0]?.extensions?.code, res.raw).toBe("ASSURANCE_TOO_LOW");
      expect(res.errors?.[0]?.message).toMatch(/high level of assurance.*BankID/);
    }
    // At high the same withdrawal passes the check and meets the ordinary answer for an unknown consent.
    const high = await gateway(WITHDRAW, { id: "consent-that-does-not-exist" }, await asUser("citizen", undefined, "idporten-loa-high"));
    expect(high.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("refusals at the shared gateway: 401, never 400 or 500", () => {
  it("a header that is not a bearer token, and tokens that are not JWTs", async () => {
    const url = inject("gatewayUrl");
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b"]) {
      const res = await post(url, { query: VIEWER }, { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.errors?.[0]?.message).toMatch(/Bearer <token>/);
    }
    for (const token of ["abc", "abc.def.ghi", `${"a".repeat(20)}.${"b".repeat(20)}`, "e30.e30.e30.e30.e30"]) await expectRefused(url, token, /not a well-formed JWT/);
  });

  it("no token at all is no sign-in: the request runs as anonymous", async () => {
    expect(await viewerWith({})).toBeNull();
  });

  it("a token from an issuer the mapping does not name", async () => {
    const stranger = await startLocalIssuer();
    try {
      await expectRefused(inject("gatewayUrl"), await stranger.tokenFor(demoUser("coordinator")!.claims), /identity provider the hub does not trust/);
    } finally {
      await stranger.close();
    }
  });
});

describe("a gateway trusting two issuers (the embedded provider and a local one), and every refusal a trusted issuer's token can meet", () => {
  let local: LocalIssuer;
  let gw: ExtraGateway;
  const cleanup: string[] = [];

  beforeAll(async () => {
    local = await startLocalIssuer();
    const [dev] = devMapping(demoDirectory()).issuers;
    const mapping = mappingOf({ ...dev!, issuer: issuer() }, localIssuerMapping(local.issuer));
    gw = await startGateway(inject("gatewayPort") + 40, { IDENTITY_MAPPING_PATH: writeMappingFile(mapping, cleanup) });
  });
  afterAll(async () => {
    await gw?.stop();
    await local?.close();
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("accepts both issuers' tokens at once", async () => {
    const coordinator = demoUser("coordinator")!.claims;
    expect((await viewerWith(bearer(await tokenFor(issuer(), "coordinator")), gw.url))?.actorId).toBe(coordinator.sub);
    expect(await viewerWith(bearer(await local.tokenFor(coordinator)), gw.url)).toMatchObject({ kind: "EMPLOYEE", actorId: coordinator.sub, service: "SAMHANDLING", roles: ["caseworker"] });
    const citizen = await viewerWith(bearer(await local.tokenFor(demoUser("emma")!.claims, { nationalId: demoPerson("nilsen", "Emma").nationalId, acr: "idporten-loa-substantial" })), gw.url);
    expect(citizen).toMatchObject({ kind: "CITIZEN", personId: demoPerson("nilsen", "Emma").personId, assurance: "SUBSTANTIAL" });
  });

  it("refuses expired tokens, other audiences, unknown keys and algorithms, bad signatures", async () => {
    const claims = demoUser("coordinator")!.claims;
    await expectRefused(gw.url, await local.tokenFor(claims, { expiresIn: -120 }), /has expired/);
    await expectRefused(gw.url, await local.tokenFor(claims, { audience: "another-app" }), /meant for another application.*samhandling-hub/);
    await expectRefused(gw.url, await local.tokenFor(claims, { unpublishedKey: true }), /key its issuer does not publish/);
    const [header, payload] = (await local.tokenFor(claims)).split(".");
    const headerOf = (alg: string) => Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url");
    await expectRefused(gw.url, `${headerOf("HS256")}.${payload}.${"c".repeat(43)}`, /algorithm the hub does not accept/);
    await expectRefused(gw.url, `${headerOf("none")}.${payload}.`, /algorithm the hub does not accept/);
    const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, "base64url").toString()), oid: "nav-veileder-1" })).toString("base64url");
    await expectRefused(gw.url, `${header}.${tampered}.${(await local.tokenFor(claims)).split(".")[2]}`, /signature does not verify/);
  });

  it("refuses valid tokens the mapping cannot place, saying why", async () => {
    const sign = (claims: Record<string, unknown>) => local.sign(claims);
    await expectRefused(gw.url, await sign({ sub: "x" }), /neither a person's nor a service system's/);
    await expectRefused(gw.url, await sign({ sub: "x", oid: "x", pid: "12345678901" }), /more than one kind/);
    await expectRefused(gw.url, await sign({ oid: "nav-x", name: "X", groups: ["unknown-group"] }), /no group or app role that gives access/);
    await expectRefused(gw.url, await sign({ oid: "nav-x", name: "X", groups: ["hub-nav", "hub-skole"] }), /several services \(nav, skole\)/);
    await expectRefused(gw.url, await sign({ pid: "0101019999", acr: "idporten-loa-high" }), /no valid national identity number/);
    await expectRefused(gw.url, await sign({ pid: SARA.nationalId, acr: "idporten-loa-low" }), /level of assurance is not one the hub accepts/);
    await expectRefused(gw.url, await sign({ pid: "01019099999", acr: "idporten-loa-high" }), /No person with the national identity number/);
    // A machine acts for one service: scopes of two are refused, not merged.
    await expectRefused(gw.url, await sign({ client_id: "x", consumer: { ID: "0192:1" }, scope: "nav:write skole:write" }), /several services \(nav, skole\)/);
    await expectRefused(gw.url, await sign({ client_id: "x", consumer: { ID: "0192:1" }, scope: "openid" }), /no scope the hub knows/);
    expect(await viewerWith(bearer(await sign({ client_id: "nav-system", consumer: { ID: "0192:1" }, scope: "openid nav:write" })), gw.url)).toMatchObject({ kind: "MACHINE", service: "NAV" });
  });

  it("ends a live subscription when the sign-in behind it runs out, telling the client to sign in again", async () => {
    const token = await local.tokenFor(demoUser("coordinator")!.claims, { expiresIn: 4 });
    const stream = subscribeThroughGateway<{ notificationsUpdated: { unreadCount: number } }>(
      "subscription { notificationsUpdated { unreadCount } }",
      bearer(token),
      gw.url,
    );
    try {
      await expect.poll(() => stream.results.length, { timeout: 15_000 }).toBeGreaterThan(0);
      expect(stream.results[0]?.errors).toBeUndefined();
      // The token lives 4 s: the stream ends soon after, its last event saying why — not at the next heartbeat or never.
      await expect.poll(() => stream.ended, { timeout: 12_000 }).not.toBeNull();
      expect(stream.results.at(-1)?.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    } finally {
      stream.close();
    }
  });

  it("fetches an issuer's keys again for an unknown key id at most once per cooldown, however many such tokens come", async () => {
    const before = local.jwksFetches();
    const stray = await Promise.all(Array.from({ length: 20 }, () => local.tokenFor(demoUser("coordinator")!.claims, { unpublishedKey: true })));
    for (const token of stray) await expectRefused(gw.url, token, /key its issuer does not publish/);
    expect(local.jwksFetches() - before).toBeLessThanOrEqual(1);
  });
});

describe("key rotation at the provider", () => {
  let provider: TestProvider;
  let gw: ExtraGateway;
  const cleanup: string[] = [];
  /** How long the gateway keeps a key set (JWKS_MAX_AGE_MS below). */
  const MAX_AGE_MS = 3_000;

  beforeAll(async () => {
    provider = await startTestProvider(6);
    const [dev] = devMapping(demoDirectory()).issuers;
    gw = await startGateway(inject("gatewayPort") + 41, {
      IDENTITY_MAPPING_PATH: writeMappingFile(mappingOf({ ...dev!, issuer: provider.issuer }), cleanup),
      JWKS_MAX_AGE_MS: String(MAX_AGE_MS),
      JWKS_REFETCH_COOLDOWN_MS: "500",
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await provider?.stop();
    for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (user: string) => (await (await DevSignIn.at(provider.issuer)).run(user)).access_token;
  const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()) as { kid: string }).kid;

  it("accepts a token signed with a new key right after a rotation, keeps accepting the old key's until it is retired, then refuses those", async () => {
    const before = await signIn("nav-veileder-1");
    expect((await viewerWith(bearer(before), gw.url))?.actorId).toBe("nav-veileder-1");

    expect(provider.keys("rotate").status).toBe(0);
    await provider.stop();
    await provider.start();
    const after = await signIn("nav-veileder-1");
    expect(kidOf(after)).not.toBe(kidOf(before));
    // The gateway has never seen this key id: it fetches the keys again at once, not after their maximum age.
    expect((await viewerWith(bearer(after), gw.url))?.actorId).toBe("nav-veileder-1");
    expect((await viewerWith(bearer(before), gw.url))?.actorId).toBe("nav-veileder-1");

    expect(provider.keys("retire").status).toBe(0);
    await provider.stop();
    await provider.start();
    // Once the key set the gateway holds is older than its maximum age, it is fetched anew, without the retired key.
    await new Promise((resolve) => setTimeout(resolve, MAX_AGE_MS + 500));
    await expectRefused(gw.url, before, /key its issuer does not publish/);
    expect((await viewerWith(bearer(after), gw.url))?.actorId).toBe("nav-veileder-1");
  });
});
