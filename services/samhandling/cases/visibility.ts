// Who may see a case, and in which case a request works. A case is seen by
// those who take part in it; to anyone else an existing case answers exactly
// like an unknown id, so a case id reveals nothing.
import type { GraphQLError } from "graphql";
import type { MiddlewareFn } from "type-graphql";
import { isAuditor, isCitizen } from "../../kit/auth/caller.ts";
import { hubError } from "../../kit/errors.ts";
import type { Context, Signed } from "../context.ts";
import type { SamhandlingLoaders } from "../data.ts";
import { basisNaming } from "../../kit/access-values.ts";

export type CaseRow = NonNullable<Awaited<ReturnType<SamhandlingLoaders["case"]["load"]>>>;

/** Still in the case: not left. (An employee inactive in the directory is no member at all meanwhile: data.ts `membersOfCase`.) */
export const isActive = (m: { leftAt?: Date | null }) => m.leftAt == null;

/**
 * A case is visible to its active members, and to a citizen who is one of its
 * subjects or takes part in it. Either way the look is logged once per subject;
 * an invisible case answers exactly like an unknown one.
 */
export async function visibleCase(ctx: Context, found: CaseRow | null): Promise<CaseRow | null> {
  if (!found) return null;
  const [members, subjects] = await Promise.all([ctx.loaders.membersOfCase.load(found.id), ctx.loaders.subjectsOfCase.load(found.id)]);
  const active = members.filter(isActive);
  const caller = ctx.caller;
  const allowed =
    caller.kind === "actor" &&
    !isAuditor(caller) &&
    (isCitizen(caller)
      ? subjects.some((s) => s.personId === caller.claims.personId) || active.some((m) => m.personId === caller.claims.personId)
      : active.some((m) => m.actorId === caller.claims.sub));
  await ctx.access.recordLocal(
    subjects.map((s) => s.personId),
    "CASE",
    allowed ? { status: "GRANTED", reason: "CASE_MEMBERSHIP", basis: basisNaming("CASE", found.id) } : { status: "RESTRICTED", reason: "NOT_A_MEMBER", basis: null },
    found.id,
  );
  return allowed ? found : null;
}

export async function visibleCases(ctx: Context, cases: CaseRow[]): Promise<CaseRow[]> {
  return present(await Promise.all(cases.map((c) => visibleCase(ctx, c))));
}

export function present<T>(values: (T | null | Error)[]): T[] {
  return values.filter((v): v is T => v !== null && !(v instanceof Error));
}

/**
 * The answer for a case id that is unknown or names a case the caller takes
 * no part in: one and the same, so a case id reveals nothing about the case.
 */
export const caseNotFound = () =>
  hubError("NOT_FOUND", "No coordination case with this id that you take part in. Check the case id, or ask the case's coordinator to add you.", { field: "caseId" });

/**
 * The case, when the caller takes part in it: an employee as an active
 * member; a citizen as an active family member or as a subject of the case.
 * Otherwise NOT_FOUND, whether or not the case exists.
 */
export async function caseTakingPart(ctx: Context, who: Signed, caseId: string) {
  const found = await ctx.loaders.case.load(caseId);
  if (!found) throw caseNotFound();
  const members = await ctx.loaders.membersOfCase.load(caseId);
  if (who.kind === "employee") {
    if (!members.some((m) => isActive(m) && m.actorId === who.actorId)) throw caseNotFound();
  } else {
    const subjects = await ctx.loaders.subjectsOfCase.load(caseId);
    const takesPart =
      members.some((m) => isActive(m) && m.personId === who.personId) || subjects.some((s) => s.personId === who.personId);
    if (!takesPart) throw caseNotFound();
  }
  return found;
}

/**
 * A request works in the case its X-Case-Id header declares: every person
 * view in the answer (nav, skole, …) is decided by the other services under
 * that case. A case's overview must therefore be asked for in the case
 * itself, or it would show one case's subjects with another case's consent
 * decisions. The check compares ids only, so it reveals nothing about either case.
 */
export function purposeMismatch(caseId: string, declared: string | null): GraphQLError {
  const message = declared
    ? `This request declares another case (X-Case-Id: ${declared}). Send it with the header X-Case-Id: ${caseId}, the case it is about.`
    : `This request declares no case. Send it with the header X-Case-Id: ${caseId}, the case it is about.`;
  return hubError("PURPOSE_MISMATCH", message, { field: "X-Case-Id", caseId });
}

/** For reading a case: the declared case must be this one. */
export function requirePurpose(ctx: Context, caseId: string): void {
  const declared = ctx.purpose?.caseId ?? null;
  if (declared !== caseId) throw purposeMismatch(caseId, declared);
}

/**
 * For changing a case: a declared case, when there is one, must be this one
 * (the mutation names its case itself). The case is then this request's to
 * show in the mutation's answer (`inCaseScope`).
 */
export function requireNoOtherPurpose(ctx: Context, caseId: string): void {
  const declared = ctx.purpose?.caseId ?? null;
  if (declared !== null && declared !== caseId) throw purposeMismatch(caseId, declared);
  actsOn(ctx, caseId);
}

/** This request changes the case: its mutation's answer may show the case's own data. */
export function actsOn(ctx: Context, caseId: string): void {
  (ctx.actedOn ??= new Set()).add(caseId);
}

/**
 * Purpose everywhere: a case's own data (its members, subjects, stafettlogg,
 * meetings, plan, handovers, …) is released to an employee only within the
 * case the request declares — or the case a mutation of this request changed,
 * in that mutation's answer. Anything else is PURPOSE_MISMATCH, so a look at
 * a case's data is always logged under that case. A citizen's own cases need
 * no declared purpose: purpose binds the professionals' access.
 */
export function requireCaseScope(ctx: Context, caseId: string): void {
  const caller = ctx.caller;
  if (caller.kind !== "actor" || isCitizen(caller)) return;
  const declared = ctx.purpose?.caseId ?? null;
  if (declared !== caseId && !ctx.actedOn?.has(caseId)) throw purposeMismatch(caseId, declared);
}

/** type-graphql middleware for a CoordinationCase field that shows the case's own data (`requireCaseScope`). */
export const InCaseScope: MiddlewareFn<Context> = ({ root, context }, next) => {
  requireCaseScope(context, (root as { id: string }).id);
  return next();
};
