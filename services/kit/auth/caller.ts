// Who is asking, as every subgraph sees it. The gateway verifies the bearer
// token and forwards its claims inside the signed request (kit/auth/signing.ts).
import { SERVICE_NAMES, type ServiceName } from "../catalog.ts";

/** The services an employee can belong to, plus "citizen" for a member of the public. */
export type ActorService = ServiceName | "citizen";

/**
 * Every service in the catalog, and "citizen". Derived, not listed: a token
 * naming a service the list missed would be silently anonymous.
 */
export const ACTOR_SERVICES: readonly ActorService[] = [...SERVICE_NAMES, "citizen"];

/** The role that reads a service's access log (`Query.<service>AuditLog`). */
export const AUDITOR_ROLE = "auditor";

/** Claims the hub reads from a verified token. */
export interface HubClaims {
  /** Stable subject id: an employee's actor id (e.g. "nav-veileder-1") or a citizen's login id. */
  sub: string;
  /** Display name; shown to case members, never logged to stdout. */
  name: string;
  service: ActorService;
  /** e.g. ["caseworker"], ["auditor"]. */
  roles: string[];
  /** For a citizen: the registry person id they are. */
  personId?: string;
}

export type Caller =
  | { kind: "anonymous" }
  | { kind: "actor"; claims: HubClaims }
  /** Another subgraph calling internally (e.g. samhandling asking registry for guardianship facts). */
  | { kind: "service"; service: ServiceName };

/** The purpose a request declares: the coordination case it works in (header X-Case-Id). */
export type Purpose = { caseId: string } | null;

export function isCitizen(caller: Caller): caller is { kind: "actor"; claims: HubClaims & { service: "citizen"; personId: string } } {
  return caller.kind === "actor" && caller.claims.service === "citizen" && typeof caller.claims.personId === "string";
}

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/**
 * The caller described by a verified request's forwarded claims. Anything
 * malformed is anonymous: it gets nothing (deny by default).
 */
export function callerFromClaims(payload: unknown, service: unknown): Caller {
  if (isString(service)) return { kind: "service", service: service as ServiceName };
  if (payload === null || typeof payload !== "object") return { kind: "anonymous" };
  const p = payload as Record<string, unknown>;
  if (!isString(p.sub) || !isString(p.name) || !ACTOR_SERVICES.includes(p.service as ActorService)) return { kind: "anonymous" };
  const roles = Array.isArray(p.roles) ? p.roles.filter(isString) : [];
  const claims: HubClaims = { sub: p.sub, name: p.name, service: p.service as ActorService, roles };
  // The population register takes part in no case and has no caseworkers in the hub: its only
  // staff are the auditors of its access log. Any other registry token is no valid caller.
  if (claims.service === "registry" && !roles.includes(AUDITOR_ROLE)) return { kind: "anonymous" };
  if (claims.service === "citizen") {
    if (!isString(p.personId)) return { kind: "anonymous" };
    claims.personId = p.personId;
  }
  return { kind: "actor", claims };
}

/** A short, log-safe identity: actor id and service, never a name. */
export function actorOf(caller: Caller): { actorId: string; actorService: string } {
  switch (caller.kind) {
    case "actor":
      return { actorId: caller.claims.sub, actorService: caller.claims.service };
    case "service":
      return { actorId: `service:${caller.service}`, actorService: caller.service };
    default:
      return { actorId: "anonymous", actorService: "none" };
  }
}
