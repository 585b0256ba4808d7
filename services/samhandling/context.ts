// samhandling's request context and who is asking, shared by its rooms.
import { isAuditor, isCitizen, type Caller } from "../kit/auth/caller.ts";
import { hubError } from "../kit/errors.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { SamhandlingLoaders } from "./data.ts";

/**
 * samhandling's request context. `caller` comes from the kit (the verified,
 * gateway-signed claims); a context without one counts as anonymous.
 * `consentChanged` is a test hook: when set, consent/decision-change.ts awaits it in
 * place of moving the consent epoch, before and after every consent or
 * membership change.
 */
export type Context = SubgraphContext<SamhandlingLoaders> & {
  consentChanged?: () => Promise<void>;
  /** The cases this request's mutations changed: their answers may show those cases (cases/visibility.ts `requireCaseScope`). */
  actedOn?: Set<string>;
};

/** The caller as the request context carries it; a request without one is anonymous (fail closed). */
export function callerOf(ctx: Context): Caller {
  return (ctx.caller as Caller | undefined) ?? { kind: "anonymous" };
}

export type Signed = { kind: "employee"; actorId: string; service: string } | { kind: "citizen"; personId: string };

/**
 * Someone signed in as a person who takes part in cases: an employee, or a
 * citizen signed in as a registry person. Every case read and change and every
 * consent goes through here, so this is where auditors are turned away: they
 * audit the access log and do nothing else (roles apart).
 */
export function signedIn(caller: Caller): Signed {
  if (caller.kind === "anonymous") {
    throw hubError("FORBIDDEN", "Sign in first: this request carries no valid sign-in.");
  }
  if (isAuditor(caller)) {
    throw hubError("FORBIDDEN", "Auditors audit the access log (<service>AuditLog, <service>ReviewList) and take no part in cases, consents or the directory.");
  }
  if (caller.kind === "service") {
    throw hubError("FORBIDDEN", "Cases and consents are handled by people, not by internal service calls. Use the consent decision endpoint instead.");
  }
  if (caller.kind === "machine") {
    throw hubError("FORBIDDEN", "Cases and consents are handled by people, not by a service's integration client. Sign in as a person.");
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
