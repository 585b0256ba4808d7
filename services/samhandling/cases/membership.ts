// Who in a case may do what: every change is made by an active employee
// member of an open case; some only by the one holding the baton.
import type { CaseMember as MemberRow } from "../../../prisma/samhandling/generated/client.ts";
import type { MemberRole } from "../../../prisma/samhandling/generated/enums.ts";
import { hubError } from "../../kit/errors.ts";
import { GraphQLError } from "graphql";
import { employee, type Context } from "../context.ts";
import type { LockedCase } from "../data.ts";
import { requiredId } from "../input.ts";
import { caseNotFound, caseTakingPart, isActive, requireNoOtherPurpose } from "./visibility.ts";

export interface Acting {
  actorId: string;
  /** The caller's own membership in the case. */
  me: MemberRow;
  /**
   * The service the caller acts for: their verified token's, which their
   * membership must name too. What they write is labelled with it, and the
   * stafettlogg's consent rules read by it, so a membership row cannot make
   * anyone write as another service.
   */
  service: MemberRow["service"];
  caseId: string;
}

/** The membership service that corresponds to a token's service claim ("skole" → SKOLE). */
const tokenService = (service: string) => service.toUpperCase() as MemberRow["service"];

/**
 * The caller as an active employee member of the case, acting within the
 * declared case (if any) and for the service of their own sign-in; otherwise
 * NOT_FOUND (not in the case), PURPOSE_MISMATCH or FORBIDDEN.
 */
export async function actingMember(ctx: Context, caseId: string): Promise<Acting> {
  const who = employee(ctx);
  await caseTakingPart(ctx, who, caseId);
  const me = (await ctx.loaders.membersOfCase.load(caseId)).find((m) => isActive(m) && m.actorId === who.actorId);
  if (!me) throw caseNotFound();
  requireNoOtherPurpose(ctx, caseId);
  const service = tokenService(who.service);
  if (me.service !== service) {
    throw hubError(
      "FORBIDDEN",
      `You take part in this case for ${me.service}, but you are signed in for ${service}. ` +
        "Sign in for the service you take part for, or ask the case's coordinator to add you for the service you work in.",
      { membershipService: me.service, signedInService: service },
    );
  }
  return { actorId: who.actorId, me, service, caseId };
}

/**
 * A row of a case (a handover, a meeting, a follow-up) looked up by id, with
 * the caller acting as a member of its case. Unknown ids and rows of cases the
 * caller takes no part in answer alike, so ids reveal nothing.
 */
export async function actingOn<Row extends { caseId: string }>(
  ctx: Context,
  id: string,
  field: string,
  what: string,
  find: (id: string) => Promise<Row | null>,
): Promise<{ found: Row; acting: Acting }> {
  employee(ctx);
  const notFound = () => hubError("NOT_FOUND", `No ${what} has this id in a case you take part in. Check the id.`, { field });
  const found = await find(requiredId(id, field));
  if (!found) throw notFound();
  const acting = await actingMember(ctx, found.caseId).catch((error: unknown) => {
    // Only a member learns more (a declared other case, a sign-in for another service); anyone else, that there is no such row.
    throw isNotFound(error) ? notFound() : error;
  });
  return { found, acting };
}

const isNotFound = (error: unknown) => error instanceof GraphQLError && error.extensions.code === "NOT_FOUND";

/** Changes need an open case: a closed one is a record. */
export function requireOpen(locked: LockedCase): void {
  if (locked.status !== "OPEN") throw hubError("CONFLICT", "The case is closed, so it cannot be changed. Open a new case if cooperation continues.");
}

/** Only the one holding the baton may do this (checked again under the case lock). */
export function requireHolder(holderMemberId: string | null, acting: Acting, what: string): void {
  if (holderMemberId !== acting.me.id) {
    throw hubError("FORBIDDEN", `Only the case's stafettholder or coordinator can ${what}. Ask them, or ask them to hand the baton to you.`);
  }
}

/** The role that holds the baton in a case of this kind. */
export const holderRole = (kind: string): MemberRole => (kind === "BTI" ? "STAFETTHOLDER" : "COORDINATOR");

/** An active member of the case by id, or BAD_USER_INPUT naming the field. */
export async function activeMemberOf(ctx: Context, caseId: string, memberId: string, field: string, employeeOnly = false): Promise<MemberRow> {
  const found = (await ctx.loaders.membersOfCase.load(caseId)).find((m) => m.id === memberId && isActive(m));
  if (!found) throw hubError("BAD_USER_INPUT", `${field} is not an active member of this case. List the case's members and use one of their ids.`, { field });
  if (employeeOnly && !found.actorId) {
    throw hubError("BAD_USER_INPUT", `${field} must be one of the case's professionals: the family is not made responsible for a service's follow-up.`, { field });
  }
  return found;
}

/** After a committed change: the rest of this request reads fresh rows. */
export function forgetCase(ctx: Context, caseId: string): void {
  const l = ctx.loaders;
  l.case.clear(caseId);
  for (const loader of [l.membersOfCase, l.subjectsOfCase, l.levelChangesOfCase, l.handoversOfCase, l.stafettloggOfCase, l.meetingsOfCase, l.goalsOfCase, l.measuresOfCase]) {
    loader.clear(caseId);
  }
  l.decisionsOfMeeting.clearAll();
  l.evaluationsOfGoal.clearAll();
  l.meeting.clearAll();
}
