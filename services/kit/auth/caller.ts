// Who is asking, as every subgraph sees it. The gateway verifies the bearer
// token, maps its claims through the identity mapping (gateway/identity/) to
// the hub's own claims below and forwards them inside the signed request
// (kit/auth/signing.ts).
import { MACHINE_SERVICES, SERVICE_NAMES, type MachineService, type ServiceName } from "../catalog.ts";

/** The services an employee can belong to, plus "citizen" for a member of the public. */
export type ActorService = ServiceName | "citizen";

/**
 * Every service in the catalog, and "citizen". Derived, not listed: a token
 * naming a service the list missed would be silently anonymous.
 */
export const ACTOR_SERVICES: readonly ActorService[] = [...SERVICE_NAMES, "citizen"];

/** The role that reads a service's access log (`Query.<service>AuditLog`). */
export const AUDITOR_ROLE = "auditor";
/** An employee's everyday role. */
export const CASEWORKER_ROLE = "caseworker";
/** Keeps the service's entries in samhandling's employee directory (services/samhandling/directory/). */
export const ADMIN_ROLE = "admin";
/** The hub roles an employee can hold; an identity mapping can grant these and no other. */
export const EMPLOYEE_ROLES: readonly string[] = [CASEWORKER_ROLE, AUDITOR_ROLE, ADMIN_ROLE];
/** A service's own system (client credentials); never a person's role. */
export const INTEGRATION_ROLE = "integration";
/** The scope of the municipality's archive client: closed cases' archive packages (services/samhandling/archive/). */
export const ARCHIVE_SCOPE = "samhandling:archive";
/** A citizen's one role. */
export const CITIZEN_ROLE = "citizen";

/** How sure the sign-in is of a citizen's identity, as the mapping reads the token's `acr` (ID-porten: substantial or high). */
export type Assurance = "substantial" | "high";

/** Claims the hub reads from a verified, mapped token. */
export interface HubClaims {
  /** Stable subject id: an employee's actor id (e.g. "nav-veileder-1"), `citizen-<personId>`, or a machine client's id. */
  sub: string;
  /** Display name; shown to case members, never logged to stdout. */
  name: string;
  service: ActorService;
  /** e.g. ["caseworker"], ["auditor"], ["citizen"], ["integration"]. */
  roles: string[];
  /** For an employee: the unit they work in, when their sign-in names one. */
  unit?: string;
  /** For a citizen: the registry person id they are. */
  personId?: string;
  /** For a citizen: the level of assurance of the sign-in (the token's `acr`, mapped). */
  assurance?: Assurance;
  /** For a machine: the scopes its token was granted that the hub knows (e.g. "nav:write"). */
  scopes?: string[];
  /** When the sign-in's token runs out (its `exp`, seconds since the epoch): a live subscription ends then (kit/subscriptions.ts). */
  expiresAt?: number;
}

/** A process of the hub that may call a subgraph on its own behalf (signed, kit/internal.ts). */
export type HubProcessName = ServiceName | "gateway";

export type Caller =
  | { kind: "anonymous" }
  | { kind: "actor"; claims: HubClaims }
  /** A service's own system, with a client-credentials token scoped to that service (Maskinporten style). */
  | { kind: "machine"; clientId: string; service: MachineService; scopes: string[] }
  /** Another subgraph (or the gateway) calling internally (e.g. samhandling asking registry for guardianship facts). */
  | { kind: "service"; service: HubProcessName };

/** The purpose a request declares: the coordination case it works in (header X-Case-Id). */
export type Purpose = { caseId: string } | null;

/**
 * An auditor (role `auditor`): audits the access log and does nothing else —
 * no case work, no consents, no personal data outside audit reads — whatever
 * other roles their sign-in carries.
 */
export function isAuditor(caller: Caller): boolean {
  return caller.kind === "actor" && caller.claims.roles.includes(AUDITOR_ROLE);
}

export function isCitizen(caller: Caller): caller is { kind: "actor"; claims: HubClaims & { service: "citizen"; personId: string } } {
  return caller.kind === "actor" && caller.claims.service === "citizen" && typeof caller.claims.personId === "string";
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isString) : []);
const isMachineService = (v: unknown): v is MachineService => (MACHINE_SERVICES as readonly unknown[]).includes(v);

/**
 * The caller described by a verified request's forwarded claims. Anything
 * malformed is anonymous: it gets nothing (deny by default).
 */
export function callerFromClaims(payload: unknown, service: unknown): Caller {
  if (isString(service)) return { kind: "service", service: service as HubProcessName };
  if (payload === null || typeof payload !== "object") return { kind: "anonymous" };
  const p = payload as Record<string, unknown>;
  if (!isString(p.sub) || !isString(p.name) || !ACTOR_SERVICES.includes(p.service as ActorService)) return { kind: "anonymous" };
  const roles = strings(p.roles);
  // A machine is never a person: it gets no actor's rights, only what is written for machines.
  if (roles.includes(INTEGRATION_ROLE)) {
    return roles.length === 1 && isMachineService(p.service) ? { kind: "machine", clientId: p.sub, service: p.service, scopes: strings(p.scopes) } : { kind: "anonymous" };
  }
  const claims: HubClaims = { sub: p.sub, name: p.name, service: p.service as ActorService, roles };
  // The population register takes part in no case and has no caseworkers in the hub: its only
  // staff are the auditors of its access log. Any other registry token is no valid caller.
  if (claims.service === "registry" && !roles.includes(AUDITOR_ROLE)) return { kind: "anonymous" };
  if (claims.service === "citizen") {
    if (!isString(p.personId)) return { kind: "anonymous" };
    claims.personId = p.personId;
    if (p.assurance === "high" || p.assurance === "substantial") claims.assurance = p.assurance;
  } else if (isString(p.unit)) {
    claims.unit = p.unit;
  }
  if (typeof p.expiresAt === "number" && Number.isFinite(p.expiresAt)) claims.expiresAt = p.expiresAt;
  return { kind: "actor", claims };
}

/** A short, log-safe identity: actor id and service, never a name. */
export function actorOf(caller: Caller): { actorId: string; actorService: string } {
  switch (caller.kind) {
    case "actor":
      return { actorId: caller.claims.sub, actorService: caller.claims.service };
    case "machine":
      return { actorId: `machine:${caller.clientId}`, actorService: caller.service };
    case "service":
      return { actorId: `service:${caller.service}`, actorService: caller.service };
    default:
      return { actorId: "anonymous", actorService: "none" };
  }
}
