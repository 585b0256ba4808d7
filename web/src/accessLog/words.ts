// One access-log entry in plain words, for the citizen's "Hvem har sett" and
// the auditor's "Logg" alike: who looked (an employee of a service, the
// service's own system, the person themself), what kind of data, the outcome,
// and why. Categories, outcomes, reasons, bases and services are the API's enums, and
// the catalog has words for every value the app was built with (a missing
// one is a type error: the keys are made from the generated types). The API
// may add values later (an additive change); one this build does not know
// reads with the general words — the rule's outcome, "other information".
import type { AccessBasis, AccessCategory, AccessLogDecision, AccessLogItemFragment, AccessReason, ActorService, MemberRole } from "../graphql/generated/graphql.ts";
import { isPlainMessageKey, type PlainMessageKey, type Translate } from "../i18n/messages.ts";
import { actorServiceKey } from "../i18n/format.ts";

/** An access-log entry as the app reads it (fragment AccessLogItem), unmasked. */
export type EntryFields = Omit<AccessLogItemFragment, " $fragmentName" | "__typename">;

export interface LookedBy {
  actorId: string;
  actorService: ActorService;
}

/** A member of one of the reader's cases, as the case names them: who looked, by name and part. */
export interface KnownMember {
  name: string;
  role: MemberRole;
  caseTitle: string;
}

/**
 * Who looked, in words. `selfSubject`: the signed-in person's own id in the
 * log, to say "you"; `member`: the looker as a member of one of the reader's
 * cases names them. Anyone else by service and employee id.
 */
export function lookerWords(t: Translate, entry: LookedBy, selfSubject?: string, member?: KnownMember): string {
  const service = t(actorServiceKey(entry.actorService));
  if (selfSubject && entry.actorId === selfSubject) return t("accessLog.actor.self");
  if (member) return t("accessLog.actor.member", { name: member.name, service, role: t(`memberRole.${member.role}`), case: member.caseTitle });
  if (entry.actorId.startsWith("citizen-")) return t("accessLog.actor.citizen");
  if (entry.actorId.startsWith("service:")) return t("accessLog.actor.service", { service });
  if (entry.actorId.startsWith("machine:")) return t("accessLog.actor.machine", { service });
  return t("accessLog.actor.employee", { service, id: entry.actorId });
}

/** What the look was about: the data categories, each in words. */
export function categoryWords(t: Translate, categories: readonly AccessCategory[]): string {
  return categories.map((c) => t(known(`category.${c}`, "category.other"))).join(", ");
}

/** Whether the data was released, refused or written. */
export const outcomeWords = (t: Translate, decision: AccessLogDecision): string => t(known(`accessLog.decision.${decision}`, "accessLog.decision.other"));

/** Why: the rule that decided, in words (OTHER, or a rule added after this build, reads as its outcome's general words). */
export function reasonWords(t: Translate, decision: AccessLogDecision, reason: AccessReason): string {
  const general = decision === "GRANTED" ? "accessLog.reason.otherGranted" : "accessLog.reason.otherRefused";
  return t(reason === "OTHER" ? general : known(`accessLog.reason.${reason}`, general));
}

/** What the decision rested on, in words (a basis added after this build reads as "another basis"). */
export const basisWords = (t: Translate, basis: AccessBasis): string => t(known(`accessLog.basis.${basis}`, "accessLog.basis.OTHER"));

/**
 * A key made from an enum value the generated types know — so it must be in
 * the catalog — or the fallback, for a value the API added after this build.
 */
function known(key: PlainMessageKey, fallback: PlainMessageKey): PlainMessageKey {
  return isPlainMessageKey(key) ? key : fallback;
}
