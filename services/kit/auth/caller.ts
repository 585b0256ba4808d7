// Who is asking, as every subgraph sees it. The gateway verifies the bearer
// token and forwards its claims inside the signed request (kit/auth/signing.ts).
import type { ServiceName } from "../catalog.ts";

/** The services an employee can belong to, plus "citizen" for a member of the public. */
export type ActorService = Exclude<ServiceName, "registry"> | "citizen";

export const ACTOR_SERVICES: readonly ActorService[] = ["nav", "barnevern", "skole", "helse", "frivillighet", "samhandling", "citizen"];

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
