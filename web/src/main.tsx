// Starts the app: reads /config.json (one build, every environment), sets up
// sign-in and the GraphQL client from it, and renders. If the settings cannot
// be read, the app still renders — a page saying so, in the usual frame.
import "@digdir/designsystemet-css";
import "@digdir/designsystemet-css/theme";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { oidcAuth } from "./auth/oidc.ts";
import { viewerOf } from "./auth/viewer.ts";
import { unconfiguredAuth } from "./auth/auth.ts";
import { graphqlClient } from "./graphql/client.ts";
import { appRoutes, startupErrorRoutes } from "./routes.tsx";
import { parseRuntimeConfig, type RuntimeConfig } from "./runtime-config.ts";

async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return parseRuntimeConfig(await response.json());
}

const root = createRoot(document.getElementById("root")!);
try {
  const config = await loadRuntimeConfig();
  // The client carries the session's token; the session asks through the client who signed in.
  const auth = config.oidc ? oidcAuth(config.oidc, viewerOf(() => client)) : unconfiguredAuth();
  const client = graphqlClient(config, auth);
  root.render(<App auth={auth} client={client} routes={appRoutes()} />);
} catch {
  root.render(<App auth={unconfiguredAuth()} client={null} routes={startupErrorRoutes()} />);
}
