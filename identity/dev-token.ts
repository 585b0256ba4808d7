// Signing in at the development provider without a browser: the real
// authorization code flow with PKCE over HTTP, the development sign-in form
// posted as a person would, and the code exchanged for tokens. The protocol
// side is openid-client's (panva); this module only plays the browser.
// `npm run token -- <user>` gets its token with `devToken`; the tests drive
// each step with `DevSignIn`.
import * as oidc from "openid-client";
import { PERSON_SCOPE, type AcrLevel } from "./claims.ts";
import { CLI_CLIENT_ID, CLI_REDIRECT_URI } from "./clients.ts";

/** Cookies and redirects, as a browser keeps them: cookies sent to every path of the one host, redirects not followed. */
export class UserAgent {
  private readonly cookies = new Map<string, string>();

  async request(url: URL | string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
    return response;
  }

  private keep(setCookie: string): void {
    const [pair, ...attributes] = setCookie.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expires = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith("expires="));
    const expired = expires !== undefined && Date.parse(expires.slice("expires=".length)) <= Date.now();
    if (!value || expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

/** Where the provider sent the browser: to the sign-in page, or straight back to the client with a code or an error. */
export type AuthorizationStep = { kind: "sign-in"; page: URL; html: string } | { kind: "callback"; url: URL };

const attribute = (html: string, pattern: RegExp, what: string): string => {
  const found = pattern.exec(html)?.[1];
  if (found === undefined) throw new Error(`The provider's page has no ${what}.`);
  return found.replaceAll("&amp;", "&");
};

export class DevSignIn {
  private pending: { verifier: string; state: string } | null = null;

  private constructor(
    readonly client: oidc.Configuration,
    readonly redirectUri: string,
    readonly agent: UserAgent,
  ) {}

  /** Another sign-in by the same client (no second discovery), in a browser of its own. */
  fresh(agent = new UserAgent()): DevSignIn {
    return new DevSignIn(this.client, this.redirectUri, agent);
  }

  /** A public client of the provider at `issuer`, found through its discovery document. */
  static async at(issuer: string, clientId = CLI_CLIENT_ID, redirectUri = CLI_REDIRECT_URI, agent = new UserAgent()): Promise<DevSignIn> {
    const options = new URL(issuer).protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined;
    const client = await oidc.discovery(new URL(issuer), clientId, { token_endpoint_auth_method: "none" }, oidc.None(), options);
    return new DevSignIn(client, redirectUri, agent);
  }

  /** A new authorization request (PKCE S256, fresh state) whose code `tokens` will expect. */
  async authorizationUrl(extra: Record<string, string> = {}): Promise<URL> {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    this.pending = { verifier, state };
    return oidc.buildAuthorizationUrl(this.client, {
      redirect_uri: this.redirectUri,
      scope: `openid ${PERSON_SCOPE}`,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      ...extra,
    });
  }

  /** Sends the browser to the authorization endpoint and follows it to the sign-in page or back to the client. */
  async authorize(extra: Record<string, string> = {}): Promise<AuthorizationStep> {
    return this.follow(await this.agent.request(await this.authorizationUrl(extra)));
  }

  /** Posts the sign-in form as `user` (actor id, alias or national id); a citizen also picks a level. */
  async signIn(step: AuthorizationStep, user: string, acr?: AcrLevel): Promise<URL> {
    if (step.kind !== "sign-in") throw new Error("The provider did not ask anyone to sign in.");
    const action = new URL(attribute(step.html, /<form method="post" action="([^"]+)"/, "sign-in form"), step.page);
    const next = await this.follow(await this.agent.request(action, { account: user, ...(acr ? { acr } : {}) }));
    if (next.kind !== "callback") throw new Error(`The development provider knows no user "${user}". Run \`npm run token\` for the list.`);
    return next.url;
  }

  /** The code in the callback exchanged for tokens; state, issuer, PKCE and the ID token are checked by openid-client. */
  async tokens(callback: URL) {
    if (!this.pending) throw new Error("No authorization request is waiting for its code.");
    const { verifier, state } = this.pending;
    this.pending = null;
    return oidc.authorizationCodeGrant(this.client, callback, { pkceCodeVerifier: verifier, expectedState: state });
  }

  /** authorize → sign in (unless the session still holds) → tokens. */
  async run(user: string, acr?: AcrLevel) {
    const step = await this.authorize(acr ? { acr_values: acr } : {});
    return this.tokens(step.kind === "callback" ? step.url : await this.signIn(step, user, acr));
  }

  refresh(refreshToken: string) {
    return oidc.refreshTokenGrant(this.client, refreshToken);
  }

  /** RP-initiated logout: the provider's question answered "yes"; returns where the browser ends up. */
  async signOut(idToken: string, postLogoutRedirectUri?: string): Promise<Response> {
    const question = oidc.buildEndSessionUrl(this.client, {
      id_token_hint: idToken,
      ...(postLogoutRedirectUri ? { post_logout_redirect_uri: postLogoutRedirectUri } : {}),
    });
    const page = await this.agent.request(question);
    const html = await page.text();
    if (page.status !== 200) throw new Error(`The provider refused the sign-out (${page.status}).`);
    const action = new URL(attribute(html, /<form id="op.logoutForm" method="post" action="([^"]+)"/, "sign-out form"), question);
    const xsrf = attribute(html, /name="xsrf" value="([^"]+)"/, "xsrf token");
    let response = await this.agent.request(action, { xsrf, logout: "yes" });
    // The provider finishes the sign-out on its own pages before returning the browser to the client.
    while (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location")!, action);
      if (next.origin !== new URL(this.client.serverMetadata().issuer).origin) return response;
      response = await this.agent.request(next);
    }
    return response;
  }

  private async follow(first: Response): Promise<AuthorizationStep> {
    let response = first;
    for (let hops = 0; hops < 10; hops += 1) {
      if (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get("location")!, response.url || this.client.serverMetadata().issuer);
        if (location.href.startsWith(this.redirectUri)) return { kind: "callback", url: location };
        response = await this.agent.request(location);
        continue;
      }
      const html = await response.text();
      if ((response.status === 200 || response.status === 400) && html.includes('name="account"')) return { kind: "sign-in", page: new URL(response.url), html };
      throw new Error(`The provider answered ${response.status} during sign-in.`);
    }
    throw new Error("The provider redirected too many times.");
  }
}

/** An access token for the hub, signed by the development provider, for a demo user (`npm run token -- <user>`). */
export async function devToken(issuer: string, user: string, acr?: AcrLevel): Promise<string> {
  const signIn = await DevSignIn.at(issuer);
  return (await signIn.run(user, acr)).access_token;
}

/** A machine client's access token (client credentials, its secret from DATA_DIR/identity/secrets.json), for its own scope. */
export async function machineToken(issuer: string, clientId: string, clientSecret: string, scope: string): Promise<string> {
  const options = new URL(issuer).protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined;
  const client = await oidc.discovery(new URL(issuer), clientId, { token_endpoint_auth_method: "client_secret_basic" }, oidc.ClientSecretBasic(clientSecret), options);
  return (await oidc.clientCredentialsGrant(client, { scope })).access_token;
}
