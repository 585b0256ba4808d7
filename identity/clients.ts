// The applications the development provider knows: the web app, the CLI
// behind `npm run token`, and one machine client per service for its own
// systems' integrations (client credentials, that service's write scope only),
// and the municipality's archive (samhandling's archive packages, scope samhandling:archive).
import type { ClientMetadata } from "oidc-provider";
import { VIEW_SERVICES, type MachineService } from "../services/kit/catalog.ts";
import { PERSON_SCOPE, writeScope } from "./claims.ts";
import { ARCHIVE_SCOPE } from "../services/kit/auth/caller.ts";
import type { IdentityConfig } from "./config.ts";

export const WEB_CLIENT_ID = "samhandling-web";
export const CLI_CLIENT_ID = "samhandling-cli";
/**
 * The CLI never listens here: it drives the flow over HTTP and reads the code
 * from the redirect's Location header (identity/dev-token.ts).
 */
export const CLI_REDIRECT_URI = "http://127.0.0.1/callback";

export interface MachineClient {
  clientId: string;
  service: MachineService;
  /** The only scope this client may get. */
  scope: string;
  /** The organisation number its tokens name as `consumer` (synthetic, valid check digit). */
  consumerOrgNumber: string;
}

/** A synthetic Norwegian organisation number (mod 11 check digit) from a seed; never a real organisation's. */
function syntheticOrgNumber(seed: number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let n = seed; ; n += 1) {
    const digits = String(30_000_000 + n).padStart(8, "0").split("").map(Number);
    const rest = digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check < 10) return digits.join("") + String(check);
  }
}

/** The municipality's archive: lists and acknowledges closed cases' archive packages (services/samhandling/archive/). */
export const ARCHIVE_CLIENT_ID = "samhandling-archive";

export const MACHINE_CLIENTS: readonly MachineClient[] = [
  ...VIEW_SERVICES.map((service, i) => ({
    clientId: `${service}-integration`,
    service,
    scope: writeScope(service),
    consumerOrgNumber: syntheticOrgNumber(1000 * (i + 1)),
  })),
  { clientId: ARCHIVE_CLIENT_ID, service: "samhandling", scope: ARCHIVE_SCOPE, consumerOrgNumber: syntheticOrgNumber(1000 * (VIEW_SERVICES.length + 1)) },
];

export const machineClient = (clientId: string): MachineClient | undefined => MACHINE_CLIENTS.find((c) => c.clientId === clientId);

/** The hub scope a client may hold in its access tokens. */
export function hubScopeOf(clientId: string): string | undefined {
  if (clientId === WEB_CLIENT_ID || clientId === CLI_CLIENT_ID) return PERSON_SCOPE;
  return machineClient(clientId)?.scope;
}

/** Access token lifetime by client: short for the browser (it refreshes), a working day for a developer's terminal. */
export function accessTokenTtlOf(clientId: string): number {
  if (clientId === CLI_CLIENT_ID) return 8 * 60 * 60;
  if (clientId === WEB_CLIENT_ID) return 15 * 60;
  return 10 * 60;
}

export function clientMetadata(config: IdentityConfig, clientSecrets: Readonly<Record<string, string>>): ClientMetadata[] {
  const people = `openid ${PERSON_SCOPE}`;
  return [
    {
      client_id: WEB_CLIENT_ID,
      client_name: "Samhandling (webapp)",
      application_type: "web",
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      redirect_uris: config.webRedirectUris,
      post_logout_redirect_uris: config.webPostLogoutRedirectUris,
      scope: people,
    },
    {
      client_id: CLI_CLIENT_ID,
      client_name: "npm run token",
      application_type: "web",
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code"],
      response_types: ["code"],
      redirect_uris: [CLI_REDIRECT_URI],
      scope: people,
    },
    ...MACHINE_CLIENTS.map((c) => {
      const secret = clientSecrets[c.clientId];
      if (!secret) throw new Error(`No development secret for ${c.clientId}.`);
      return {
        client_id: c.clientId,
        client_name: `${c.service} (integrasjon)`,
        client_secret: secret,
        token_endpoint_auth_method: "client_secret_basic" as const,
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        scope: c.scope,
      };
    }),
  ];
}
