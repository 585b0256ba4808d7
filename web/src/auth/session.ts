// Who is signed in, as the app needs it: name, role and service, read from the
// hub's claims (the gateway's `viewer`, auth/viewer.ts) with the same rule
// every subgraph applies to them (services/kit/auth/caller.ts), so the app
// never shows a role the hub would not grant. Pure: no browser, no provider.
import { AUDITOR_ROLE, callerFromClaims, type ActorService } from "../../../services/kit/auth/caller.ts";
import type { ActorService as ActorServiceName } from "../graphql/generated/graphql.ts";

/** What decides the app's navigation: a case worker or coordinator, a citizen, or an auditor of a service's access log. */
export type AppRole = "employee" | "citizen" | "auditor";

export interface SignedInUser {
  /** The hub's id for the caller: an actor id or `citizen-<person id>`. Never shown, never logged. */
  subject: string;
  /** Display name, for the header only. */
  name: string;
  role: AppRole;
  service: ActorService;
}

/** The user the claims describe, or null when the hub would treat them as anonymous. */
export function userFromClaims(claims: unknown): SignedInUser | null {
  const caller = callerFromClaims(claims, undefined);
  if (caller.kind !== "actor") return null;
  const { sub, name, service, roles } = caller.claims;
  const role: AppRole = service === "citizen" ? "citizen" : roles.includes(AUDITOR_ROLE) ? "auditor" : "employee";
  return { subject: sub, name, role, service };
}

/** The gateway's `viewer` (the hub's claims under their API names), as the app's user. */
export interface ViewerFields {
  actorId: string;
  name: string;
  service: ActorServiceName;
  roles: readonly string[];
  personId?: string | null;
  assurance?: string | null;
}

export function userFromViewer(viewer: ViewerFields): SignedInUser | null {
  return userFromClaims({
    sub: viewer.actorId,
    name: viewer.name,
    // The API's ActorService (NAV, CITIZEN) is the claims' service in capitals.
    service: viewer.service.toLowerCase(),
    roles: viewer.roles,
    personId: viewer.personId ?? undefined,
    assurance: viewer.assurance?.toLowerCase(),
  });
}

/**
 * Where to go after signing in: a path of this app only (never another
 * origin, never a protocol-relative `//host`), else the front page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
