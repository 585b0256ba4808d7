// The session for React: `useAuth()` for actions, `useUser()` for who is signed in.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import type { Auth } from "./auth.ts";
import type { SignedInUser } from "./session.ts";

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ auth, children }: { auth: Auth; children: ReactNode }) {
  return <AuthContext value={auth}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}

export function useUser(): SignedInUser | null {
  const auth = useAuth();
  return useSyncExternalStore(auth.subscribe, auth.currentUser);
}
