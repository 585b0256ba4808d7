// Sign-in with OpenID Connect through oidc-client-ts (a maintained, certified
// client): authorization code with PKCE against the provider named in
// /config.json, found through its discovery document; then the gateway says
// who the hub takes the person for (auth/viewer.ts). Tokens stay in this
// page's memory. Only the round trip's own state (PKCE verifier, state id,
// return path) waits in sessionStorage while the browser is at the provider —
// it has to survive that page load, holds no token or personal data, and is
// removed when the callback is processed.
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import type { OidcSettings } from "../runtime-config.ts";
import { AppError } from "../errors/errors.ts";
import { CALLBACK_PATH, type Auth } from "./auth.ts";
import { safeReturnPath, type SignedInUser } from "./session.ts";

interface RoundTrip {
  returnTo: string;
}

/** `whoIsSignedIn` asks the hub, with the session's token, who the person is (auth/viewer.ts). */
export function oidcAuth(settings: OidcSettings, whoIsSignedIn: () => Promise<SignedInUser | null>, origin = window.location.origin): Auth {
  const manager = new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    scope: settings.scope,
    response_type: "code",
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // The app takes the person from the hub (viewer), not from the provider's userinfo.
    loadUserInfo: false,
    // Renews with the refresh token, in memory; without one the person signs in again.
    automaticSilentRenew: true,
    monitorSession: false,
  });
  void manager.clearStaleState();

  let user: SignedInUser | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SignedInUser | null) => {
    user = next;
    for (const listener of listeners) listener();
  };
  // A renewed token is the same person: the user stays as the hub named them at sign-in.
  manager.events.addUserUnloaded(() => set(null));
  manager.events.addSilentRenewError(() => void manager.removeUser());

  return {
    configured: true,
    currentUser: () => user,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signIn(returnTo) {
      const state: RoundTrip = { returnTo: safeReturnPath(returnTo) };
      await manager.signinRedirect({ state });
    },
    async completeSignIn(url) {
      let oidcUser: User;
      try {
        oidcUser = await manager.signinRedirectCallback(url);
      } catch (error) {
        throw new AppError("SIGN_IN_FAILED", { cause: error });
      }
      let signedIn: SignedInUser | null;
      try {
        signedIn = await whoIsSignedIn();
      } catch (error) {
        await manager.removeUser();
        throw new AppError("SIGN_IN_FAILED", { cause: error });
      }
      if (!signedIn) {
        // A sign-in the hub would not accept: no half-signed-in state.
        await manager.removeUser();
        throw new AppError("SIGN_IN_FAILED");
      }
      set(signedIn);
      return safeReturnPath((oidcUser.state as Partial<RoundTrip> | undefined)?.returnTo);
    },
    async signOut() {
      const current = await manager.getUser();
      set(null);
      try {
        // Ends the provider's session too, then comes back to the front page.
        await manager.signoutRedirect({ id_token_hint: current?.id_token });
      } catch {
        // A provider without end_session_endpoint: the session here is gone all the same.
        await manager.removeUser();
      }
    },
    async getAccessToken() {
      const current = await manager.getUser();
      if (!current) return null;
      if (!current.expired) return current.access_token;
      try {
        return (await manager.signinSilent())?.access_token ?? null;
      } catch {
        await manager.removeUser();
        return null;
      }
    },
  };
}
