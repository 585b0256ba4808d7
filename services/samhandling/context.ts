// samhandling's request context and who is asking, shared by its resolvers.
import { isCitizen, type Caller } from "../kit/auth/caller.ts";
import type { GraphQLError } from "graphql";
import { hubError } from "../kit/errors.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { SamhandlingLoaders } from "./data.ts";

/**
 * samhandling's request context. `caller` comes from the kit (the verified,
 * gateway-signed claims); a context without one counts as anonymous.
 * `consentChanged` is a test hook: when set, decision-change.ts awaits it in
 * place of moving the consent epoch, before and after every consent or
 * membership change.
 */
export type Context = SubgraphContext<SamhandlingLoaders> & {
  consentChanged?: () => Promise<void>;
};

/** The caller as the request context carries it; a request without one is anonymous (fail closed). */
export function callerOf(ctx: Context): Caller {
  return (ctx.caller as Caller | undefined) ?? { kind: "anonymous" };
}

export type Signed = { kind: "employee"; actorId: string; service: string } | { kind: "citizen"; personId: string };

/** Someone signed in as a person: an employee, or a citizen signed in as a registry person. */
export function signedIn(caller: Caller): Signed {
  if (caller.kind === "anonymous") {
    throw hubError("FORBIDDEN", "Sign in first: this request carries no valid sign-in.");
  }
  if (caller.kind === "service") {
    throw hubError("FORBIDDEN", "Cases and consents are handled by people, not by internal service calls. Use the consent decision endpoint instead.");
  }
  if (caller.claims.service === "citizen") {
    if (!isCitizen(caller)) {
      throw hubError("FORBIDDEN", "Your sign-in does not say which person you are in the population register. Sign in again as a citizen.");
    }
    return { kind: "citizen", personId: caller.claims.personId };
  }
  if (caller.claims.service === "registry") {
    throw hubError("FORBIDDEN", "The population register's staff audit its access log (registryAuditLog); they take no part in cases or consents.");
  }
  return { kind: "employee", actorId: caller.claims.sub, service: caller.claims.service };
}

/** An employee signed in; citizens see their cases but the professionals run them. */
export function employee(ctx: Context): Extract<Signed, { kind: "employee" }> {
  const who = signedIn(callerOf(ctx));
  if (who.kind !== "employee") {
    throw hubError("FORBIDDEN", "Only the case's professionals can change this. Ask your coordinator; you can still see the case and grant or withdraw consents.");
  }
  return who;
}

export const isActive = (m: { leftAt?: Date | null }) => m.leftAt == null;

/** Whose records the id in `recordedBy` / `withdrawnBy` names: an employee's actor id or a citizen's person id. */
export const recorderId = (who: Signed) => (who.kind === "employee" ? who.actorId : who.personId);

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

/** For changing a case: a declared case, when there is one, must be this one (the mutation names its case itself). */
export function requireNoOtherPurpose(ctx: Context, caseId: string): void {
  const declared = ctx.purpose?.caseId ?? null;
  if (declared !== null && declared !== caseId) throw purposeMismatch(caseId, declared);
}
