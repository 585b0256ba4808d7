// Access tokens for tests, from a real identity provider — the development
// provider every federation runs (identity/), through the CLI client's code
// flow with PKCE (identity/dev-token.ts) — never minted by the test. One
// sign-in per user and level per test process: a flow is several requests,
// and the CLI client's tokens last a working day.
import type { AcrLevel } from "../../identity/claims.ts";
import { DevSignIn } from "../../identity/dev-token.ts";

const clients = new Map<string, Promise<DevSignIn>>();
const tokens = new Map<string, Promise<string>>();

/** The level citizens sign in at unless a test asks for another: the one consents need. */
export const DEFAULT_ACR: AcrLevel = "idporten-loa-high";

/**
 * An access token for `user` — a demo user key (demo/users.ts), an actor id,
 * a person id or a national id — signed in at `issuer`.
 */
export function tokenFor(issuer: string, user: string, acr: AcrLevel = DEFAULT_ACR): Promise<string> {
  const key = `${issuer}\u0000${user}\u0000${acr}`;
  let token = tokens.get(key);
  if (!token) {
    let client = clients.get(issuer);
    if (!client) clients.set(issuer, (client = DevSignIn.at(issuer)));
    token = client.then(async (signIn) => (await signIn.fresh().run(user, acr)).access_token);
    tokens.set(key, token);
    // A failed sign-in is not kept: the next call tries again.
    token.catch(() => tokens.delete(key));
  }
  return token;
}

/** Headers for a request as `user`, optionally declaring a case as purpose. */
export async function bearerHeaders(issuer: string, user: string, caseId?: string, acr?: AcrLevel): Promise<Record<string, string>> {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(issuer, user, acr)}` };
  if (caseId) headers["x-case-id"] = caseId;
  return headers;
}
