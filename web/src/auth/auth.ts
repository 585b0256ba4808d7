// The boundary between the app and sign-in: everything a page may ask about
// the session. The session lives in memory only — no token in localStorage or
// sessionStorage; a reload signs in again (quietly, while the provider's own
// session lasts).
import type { SignedInUser } from "./session.ts";

export interface Auth {
  /** False where no OpenID provider is configured (development before sign-in lands): signIn then cannot work. */
  readonly configured: boolean;
  /** The signed-in person, or null. */
  currentUser(): SignedInUser | null;
  /** Called whenever currentUser changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Leaves the app for the provider's sign-in page (authorization code + PKCE); comes back to `returnTo`. */
  signIn(returnTo: string): Promise<void>;
  /** Finishes a sign-in on the callback URL; returns the path to go on to. */
  completeSignIn(url: string): Promise<string>;
  /** Ends the session here and at the provider. */
  signOut(): Promise<void>;
  /** A valid access token for the gateway, renewed when it has expired; null when signed out. */
  getAccessToken(): Promise<string | null>;
}

/** Where the provider sends the browser back with the authorization code. */
export const CALLBACK_PATH = "/auth/callback";

/** Sessions without a provider: nobody is ever signed in. */
export function unconfiguredAuth(): Auth {
  return {
    configured: false,
    currentUser: () => null,
    subscribe: () => () => undefined,
    signIn: () => Promise.reject(new Error("No OpenID provider is configured (config.json oidc is null).")),
    completeSignIn: () => Promise.reject(new Error("No OpenID provider is configured (config.json oidc is null).")),
    signOut: () => Promise.resolve(),
    getAccessToken: () => Promise.resolve(null),
  };
}
