import { StrictMode, useState } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { RouterProvider } from "react-router/dom";
import { Provider as GraphqlProvider, type Client } from "urql";
import type { Auth } from "./auth/auth.ts";
import { AuthProvider } from "./auth/AuthProvider.tsx";
import { I18nProvider } from "./i18n/I18nProvider.tsx";

export interface AppProps {
  auth: Auth;
  /** Null when the app could not start far enough to talk to the gateway. */
  client: Client | null;
  routes: RouteObject[];
}

export function App({ auth, client, routes }: AppProps) {
  const [router] = useState(() => createBrowserRouter(routes));
  const app = <RouterProvider router={router} />;
  return (
    <StrictMode>
      <I18nProvider>
        <AuthProvider auth={auth}>{client ? <GraphqlProvider value={client}>{app}</GraphqlProvider> : app}</AuthProvider>
      </I18nProvider>
    </StrictMode>
  );
}
