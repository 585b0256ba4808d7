// A development access token from the embedded OpenID Connect provider that
// `npm start` runs (docs/sign-in.md): the authorization code flow with PKCE,
// signing in as a demo user, exactly as `npm run token -- <user>` does. A
// browser app signs in with oidc-client-ts instead (web/src/auth/); in
// production the token comes from ID-porten or Entra ID, never from here.
import { devToken } from "../../identity/dev-token.ts";

export const developmentToken = (issuer: string, user: string): Promise<string> => devToken(issuer, user);
