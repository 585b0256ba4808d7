// The employee directory: who works in which service and unit. An entry comes
// from the verified claims of a sign-in — never from what a mutation says —
// or from the demo seed, and each service's administrators keep their own
// service's entries. A case member is an active entry; its service and name
// are the directory's, so no one can be added "as NAV" by typing it.
import type { Employee as EmployeeRow, Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { AUDITOR_ROLE, type Caller } from "../../kit/auth/caller.ts";
import { hubError } from "../../kit/errors.ts";
import { createLogger, errorFields } from "../../kit/log.ts";
import type { Context } from "../context.ts";
import type { SamhandlingClient } from "../data.ts";

const log = createLogger("samhandling");

/** The directory's service for a sign-in's service claim; null for those with no entry (citizens, the register's auditors). */
export function directoryService(service: string): ServiceName | null {
  const upper = service.toUpperCase();
  return upper !== "FAMILY" && (Object.values(ServiceName) as string[]).includes(upper) ? (upper as ServiceName) : null;
}

/**
 * The claim set this process last wrote for each employee, and when: a sign-in is
 * written once, not once per request. Per employee, so another claim set for the
 * same person (a new role) is written at once; and for a while only, so a change
 * another instance wrote is set right again soon.
 */
const recorded = new Map<string, { claims: string; at: number }>();
const MAX_RECORDED = 10_000;
const RECORDED_MS = 5 * 60_000;

/**
 * Records a verified employee sign-in in the directory (kit hook `onCaller`):
 * a new employee gets an active entry, in the unit their sign-in names if it
 * names one; a known one gets the name, service and roles of their sign-in.
 * Whether an entry is active, and its unit once it exists, are the
 * administrators' to set, so a sign-in never reactivates anyone. A failed
 * write is forgotten and tried again on the next request; it refuses nothing
 * by itself (an employee without an entry simply cannot be added to a case).
 */
export function recordSignIn(db: SamhandlingClient, caller: Caller): Promise<void> {
  return recordClaims((args) => db.employee.upsert(args), caller);
}

/** `recordSignIn` through the given upsert (a request's directory writes keep its loader in step). */
export async function recordClaims(upsert: (args: Prisma.EmployeeUpsertArgs) => Promise<unknown>, caller: Caller): Promise<void> {
  if (caller.kind !== "actor") return;
  const { sub, name, roles, unit } = caller.claims;
  const service = directoryService(caller.claims.service);
  if (!service) return;
  const sortedRoles = [...new Set(roles)].sort();
  const claims = JSON.stringify([name, service, sortedRoles]);
  const last = recorded.get(sub);
  if (last && last.claims === claims && Date.now() - last.at < RECORDED_MS) return;
  try {
    const now = new Date();
    await upsert({
      where: { actorId: sub },
      create: { actorId: sub, displayName: name, service, unit: unit ?? null, roles: sortedRoles, active: true, source: "SIGN_IN", updatedAt: now },
      update: { displayName: name, service, roles: sortedRoles, updatedAt: now },
    });
    if (recorded.size >= MAX_RECORDED) recorded.clear();
    recorded.set(sub, { claims, at: Date.now() });
  } catch (error) {
    log.warn("a sign-in could not be recorded in the employee directory; trying again on the next request", errorFields(error));
  }
}

export const isAuditorEntry = (entry: Pick<EmployeeRow, "roles">) => entry.roles.includes(AUDITOR_ROLE);

/**
 * The directory entry of an employee who may take part in a case: known,
 * active and not an auditor. UNKNOWN_EMPLOYEE for an unknown or inactive
 * one — alike, so the answer does not tell a deactivated colleague from a typo.
 */
export async function participant(ctx: Context, actorId: string, field: string): Promise<EmployeeRow> {
  const entry = await ctx.loaders.employee.load(actorId);
  if (!entry || !entry.active) {
    throw hubError(
      "UNKNOWN_EMPLOYEE",
      `${field} names no active employee in the directory. An employee appears there at their first sign-in; ` +
        "their service's administrator can also register them, or reactivate them.",
      { field },
    );
  }
  if (isAuditorEntry(entry)) {
    throw hubError("FORBIDDEN", `${field} names an auditor. Auditors audit the access log and take no part in cases.`, { field });
  }
  return entry;
}
