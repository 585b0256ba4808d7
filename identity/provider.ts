// The OpenID provider itself: oidc-provider (panva, OpenID certified)
// configured for the hub. All protocol work is the library's; this module
// only says who exists (users.ts), which clients (clients.ts), which keys
// (keys.ts), where state lives (store.ts), what tokens carry (claims.ts)
// and which pages people see (pages.ts).
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { ACR_LEVELS, HUB_AUDIENCE, HUB_RESOURCE, PERSON_SCOPE, citizenClaims, machineClaims, staffClaims } from "./claims.ts";
import { MACHINE_CLIENTS, accessTokenTtlOf, clientMetadata, hubScopeOf, machineClient } from "./clients.ts";
import type { IdentityConfig } from "./config.ts";
import type { PrivateJwks } from "./keys.ts";
import { PAGE_HEADERS, errorPage, signOutPage, signedOutPage } from "./pages.ts";
import type { IdentitySecrets } from "./secrets.ts";
import { fileAdapter, type FileStore } from "./store.ts";
import type { Account, Directory } from "./users.ts";

/** Interaction pages live under this path; interactions.ts serves them. */
export const INTERACTION_PATH = "/interaction";

const HOUR = 60 * 60;
/** A working day: a sign-in, and the web app's refresh chain, last this long. */
const SESSION_TTL = 8 * HOUR;

export interface ProviderParts {
  config: IdentityConfig;
  directory: Directory;
  jwks: PrivateJwks;
  secrets: IdentitySecrets;
  store: FileStore;
}

function accountClaims(account: Account): Record<string, unknown> {
  return account.kind === "citizen" ? citizenClaims(account) : staffClaims(account);
}

function render(ctx: KoaContextWithOIDC, html: string): void {
  ctx.set(PAGE_HEADERS);
  ctx.type = "html";
  ctx.body = html;
}

/**
 * Every client here is the hub's own (first party): what it asks for within
 * its registered scope is granted without a consent screen. The grant is
 * completed and saved on every authorization, as oidc-provider's docs
 * describe for skipping consent.
 */
async function firstPartyGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  const client = oidc.client!;
  const accountId = oidc.session!.accountId!;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(client.clientId);
  const grant = (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ?? new oidc.provider.Grant({ accountId, clientId: client.clientId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(" "));
  for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
    grant.addResourceScope(indicator, [...oidc.requestParamScopes].filter((s) => server.scopes.has(s)).join(" "));
  }
  await grant.save();
  return grant;
}

export function createProvider({ config, directory, jwks, secrets, store }: ProviderParts): Provider {
  const configuration: Configuration = {
    adapter: fileAdapter(store),
    clients: clientMetadata(config, secrets.clientSecrets),
    jwks: { keys: jwks.keys as NonNullable<Configuration["jwks"]>["keys"] },
    cookies: { keys: secrets.cookieKeys },
    // Static scopes: a client's registered `scope` is enforced against these, so nav's client asking for skole:write is refused.
    scopes: ["openid", PERSON_SCOPE, ...MACHINE_CLIENTS.map((c) => c.scope)],
    claims: { openid: ["sub", "amr", "pid", "oid", "name", "roles", "groups", "tid"] },
    // Identity claims go in the ID token too, as ID-porten (pid) and Entra ID (oid, name, roles, groups) put them there.
    conformIdTokenClaims: false,
    acrValues: [...ACR_LEVELS],
    pkce: { required: () => true },
    responseTypes: ["code"],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // The hub reads no userinfo: its tokens are JWTs for the hub's audience.
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => HUB_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          const scope = hubScopeOf(client.clientId);
          if (indicator !== HUB_RESOURCE || !scope) throw new errors.InvalidTarget();
          return {
            scope,
            audience: HUB_AUDIENCE,
            accessTokenTTL: accessTokenTtlOf(client.clientId),
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => render(ctx, signOutPage(ctx.oidc.client?.clientName, form)),
        postLogoutSuccessSource: (ctx) => render(ctx, signedOutPage(ctx.oidc.client?.clientName)),
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = directory.byAccountId(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...accountClaims(account) }) };
    },
    loadExistingGrant: firstPartyGrant,
    // The web app (a public client) gets refresh tokens without offline_access; they end with the sign-in (RP-initiated logout revokes them).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    async extraTokenClaims(ctx, token) {
      if (token.kind === "ClientCredentials") {
        const machine = machineClient(token.clientId ?? "");
        return machine ? machineClaims(machine.consumerOrgNumber) : undefined;
      }
      const account = token.accountId ? directory.byAccountId(token.accountId) : undefined;
      if (!account) return undefined;
      if (account.kind !== "citizen") return staffClaims(account);
      // The level the citizen signed in with travels on the code, then on each refresh token.
      const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
      return { ...citizenClaims(account), acr: source?.acr, amr: source?.amr };
    },
    clientBasedCORS: (_ctx, origin, client) => client.clientAuthMethod === "none" && (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin),
    renderError: (ctx, out) => render(ctx, errorPage("Noe gikk galt", { feil: out.error, ...(out.error_description ? { beskrivelse: out.error_description } : {}) })),
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 10 * 60,
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 10 * 60,
      AuthorizationCode: 60,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: SESSION_TTL,
      Grant: SESSION_TTL,
      // Rotated refresh tokens keep the first one's end: a sign-in lasts a working day, however often the app refreshes.
      RefreshToken: (ctx) => ctx.oidc.entities.RotatedRefreshToken?.remainingTTL ?? SESSION_TTL,
    },
  };
  return new Provider(config.issuer, configuration);
}
