// Who may write a service's data: the one decision, for every service's write
// API (services/kit/writes/). The service's own staff at work (a caseworker of
// that service, active in the employee directory) and the service's own system (its machine client, whose token
// the identity mapping gave that service through the service's write scope,
// e.g. `nav:write`) — no one else: not another service's staff or system, not
// an auditor (roles apart), not a citizen, not the hub's own processes.
import { AUDITOR_ROLE, CASEWORKER_ROLE, type Caller } from "../auth/caller.ts";
import type { ViewService } from "../catalog.ts";

/** The roles whose holders write their own service's data in the hub. */
export const WRITE_ROLES: readonly string[] = [CASEWORKER_ROLE];

/** Allowed, on this legal basis, as the access log records it. */
export type WriteBasis = "OWN_SERVICE" | "OWN_SYSTEM";

export type WritePermission =
  | { allowed: true; reason: WriteBasis }
  /** `reason` goes to the access log; `message` to the caller. */
  | { allowed: false; reason: "UNAUTHENTICATED" | "AUDITOR" | "NOT_OWN_SERVICE" | "NOT_A_WRITER" | "NOT_IN_DIRECTORY"; message: string };

/**
 * What the claims alone decide. A staff member allowed here is still asked
 * about in the employee directory (staff.ts, `inDirectory` below).
 */
export function writePermission(caller: Caller, service: ViewService): WritePermission {
  const others = `Only ${service}'s own staff and ${service}'s own system write ${service}'s data in the hub.`;
  switch (caller.kind) {
    case "anonymous":
      return { allowed: false, reason: "UNAUTHENTICATED", message: `Sign in first. ${others}` };
    case "service":
      return { allowed: false, reason: "NOT_OWN_SERVICE", message: `The hub's own processes do not write a service's data. ${others}` };
    case "machine":
      return caller.service === service
        ? { allowed: true, reason: "OWN_SYSTEM" }
        : { allowed: false, reason: "NOT_OWN_SERVICE", message: `This client writes ${caller.service}'s data, not ${service}'s. ${others}` };
    case "actor": {
      const { service: actorService, roles } = caller.claims;
      if (roles.includes(AUDITOR_ROLE)) {
        return { allowed: false, reason: "AUDITOR", message: `Auditors read the access log and change nothing. ${others}` };
      }
      if (actorService !== service) return { allowed: false, reason: "NOT_OWN_SERVICE", message: others };
      if (!roles.some((role) => WRITE_ROLES.includes(role))) {
        return { allowed: false, reason: "NOT_A_WRITER", message: `Writing needs the role ${WRITE_ROLES.join(" or ")} in ${service}. ${others}` };
      }
      return { allowed: true, reason: "OWN_SERVICE" };
    }
  }
}

/** The staff member the claims allowed, after the employee directory's answer (issue 17: an employee is an active entry of their service). */
export function inDirectory(service: ViewService, active: boolean): WritePermission {
  return active
    ? { allowed: true, reason: "OWN_SERVICE" }
    : {
        allowed: false,
        reason: "NOT_IN_DIRECTORY",
        message: `Your sign-in has no active entry as an employee of ${service} in the hub's employee directory (your service's administrators deactivated it). Ask them to reactivate or register you.`,
      };
}
