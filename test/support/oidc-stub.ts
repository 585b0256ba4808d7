// A stand-in OpenID provider answered inside the browser context (Playwright
// routes), for browser tests of the app's pages that need someone signed in
// without a federation behind them (test/e2e/web-sign-in.test.ts signs in at
// the real provider and gateway). It speaks the parts of the standard the app
// uses — discovery, authorization code with PKCE (it checks the verifier
// against the challenge, S256), end session — and records what the app sent,
// so tests can hold the app to the protocol; and it stands in for the one
// gateway answer sign-in needs, `viewer`, for its own tokens. Its tokens are
// not signed: nothing here verifies them. Every other gateway request goes
// on to the (absent) gateway.
import { createHash, randomBytes } from "node:crypto";
import type { BrowserContext, Route } from "playwright-core";
import type { HubClaims } from "../../services/kit/auth/caller.ts";

export interface StubProvider {
  /** Who the next sign-in is (null: the provider refuses with access_denied). */
  signInAs(claims: HubClaims | null): void;
  /** Query parameters of every authorization request. */
  authorizations: URLSearchParams[];
  /** Form parameters of every token request. */
  tokenRequests: URLSearchParams[];
  /** Query parameters of every end-session request. */
  endSessions: URLSearchParams[];
  /** Every access token handed out. */
  accessTokens: string[];
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");
const CORS = { "access-control-allow-origin": "*", "access-control-allow-headers": "authorization, content-type, accept", "access-control-allow-methods": "GET, POST, OPTIONS" };

/** The hub's `viewer` for the claims a stub token stands for (as registry answers it). */
function viewerOf(claims: HubClaims) {
  return {
    __typename: "Viewer",
    kind: claims.service === "citizen" ? "CITIZEN" : "EMPLOYEE",
    actorId: claims.sub,
    name: claims.name,
    service: claims.service,
    roles: claims.roles,
    unit: claims.unit ?? null,
    personId: claims.personId ?? null,
    assurance: claims.assurance?.toUpperCase() ?? null,
  };
}

export async function stubOidcProvider(context: BrowserContext, issuer: string, gatewayUrl: string): Promise<StubProvider> {
  let next: HubClaims | null = null;
  const codes = new Map<string, { claims: HubClaims; challenge: string; redirectUri: string; clientId: string }>();
  const tokens = new Map<string, HubClaims>();
  const stub: StubProvider = { signInAs: (claims) => (next = claims), authorizations: [], tokenRequests: [], endSessions: [], accessTokens: [] };
  const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, headers: { ...CORS, "content-type": "application/json" }, body: JSON.stringify(body) });
  const redirect = (route: Route, location: string) => route.fulfill({ status: 302, headers: { location } });

  await context.route(gatewayUrl, async (route) => {
    const request = route.request();
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: CORS });
    const body = JSON.parse(request.postData() ?? "{}") as { operationName?: string; query?: string };
    if (body.operationName !== "Viewer" && !/^\s*query Viewer\b/.test(body.query ?? "")) return route.fallback();
    const claims = tokens.get((request.headers().authorization ?? "").replace(/^Bearer /, ""));
    return json(route, 200, { data: { __typename: "Query", viewer: claims ? viewerOf(claims) : null } });
  });

  await context.route(`${issuer}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const endpoint = url.pathname.slice(new URL(issuer).pathname.length);
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: CORS });
    switch (endpoint) {
      case "/.well-known/openid-configuration":
        return json(route, 200, {
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          end_session_endpoint: `${issuer}/session/end`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ["code"],
          grant_types_supported: ["authorization_code", "refresh_token"],
          code_challenge_methods_supported: ["S256"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
        });
      case "/auth": {
        const params = url.searchParams;
        stub.authorizations.push(params);
        const redirectUri = params.get("redirect_uri")!;
        const back = new URL(redirectUri);
        back.searchParams.set("state", params.get("state") ?? "");
        back.searchParams.set("iss", issuer);
        if (!next || params.get("code_challenge_method") !== "S256" || !params.get("code_challenge")) {
          back.searchParams.set("error", next ? "invalid_request" : "access_denied");
          return redirect(route, back.toString());
        }
        const code = base64url(randomBytes(16));
        codes.set(code, { claims: next, challenge: params.get("code_challenge")!, redirectUri, clientId: params.get("client_id") ?? "" });
        back.searchParams.set("code", code);
        return redirect(route, back.toString());
      }
      case "/token": {
        const form = new URLSearchParams(request.postData() ?? "");
        stub.tokenRequests.push(form);
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        if (
          !grant ||
          form.get("grant_type") !== "authorization_code" ||
          form.get("redirect_uri") !== grant.redirectUri ||
          form.get("client_id") !== grant.clientId ||
          base64url(createHash("sha256").update(verifier).digest()) !== grant.challenge
        ) {
          return json(route, 400, { error: "invalid_grant" });
        }
        const now = Math.floor(Date.now() / 1000);
        const accessToken = base64url(randomBytes(24));
        tokens.set(accessToken, grant.claims);
        stub.accessTokens.push(accessToken);
        const idToken = [
          base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "stub" })),
          base64url(JSON.stringify({ iss: issuer, aud: grant.clientId, iat: now, exp: now + 300, ...grant.claims })),
          base64url("not-signed"),
        ].join(".");
        return json(route, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, id_token: idToken, scope: "openid profile" });
      }
      case "/session/end": {
        stub.endSessions.push(url.searchParams);
        return redirect(route, url.searchParams.get("post_logout_redirect_uri") ?? "/");
      }
      default:
        return json(route, 404, { error: "not_found" });
    }
  });
  return stub;
}
