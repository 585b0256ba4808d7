// samhandling's request context and who is asking, shared by its resolvers.
import { isCitizen, type Caller } from "../kit/auth/caller.ts";
import { hubError } from "../kit/errors.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { SamhandlingLoaders } from "./data.ts";

/**
 * samhandling's request context. `caller` comes from the kit (the verified,
 * gateway-signed claims); a context without one counts as anonymous.
 * `consentChanged` is the hook that invalidates cached consent decisions on
 * every instance; it is awaited after every committed consent change (the
 * kit's `invalidateDecisions` serves when it is not set).
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
 * The case, when the caller takes part in it: an employee as an active
 * member; a citizen as an active family member or as a subject of the case.
 */
export async function caseTakingPart(ctx: Context, who: Signed, caseId: string) {
  const found = await ctx.loaders.case.load(caseId);
  if (!found) throw hubError("NOT_FOUND", "No coordination case has this id. Check the case id.");
  const members = await ctx.loaders.membersOfCase.load(caseId);
  if (who.kind === "employee") {
    if (!members.some((m) => isActive(m) && m.actorId === who.actorId)) {
      throw hubError("FORBIDDEN", "You are not an active member of this case. Ask the case's coordinator to add you to the case first.");
    }
  } else {
    const subjects = await ctx.loaders.subjectsOfCase.load(caseId);
    const takesPart =
      members.some((m) => isActive(m) && m.personId === who.personId) || subjects.some((s) => s.personId === who.personId);
    if (!takesPart) {
      throw hubError("FORBIDDEN", "You do not take part in this case. Ask the case's coordinator if you should.");
    }
  }
  return found;
}
