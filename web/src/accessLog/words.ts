// One access-log entry in plain words, for the citizen's "Hvem har sett" and
// the auditor's "Logg" alike: who looked (an employee of a service, the
// service's own system, the person themself), what kind of data, the outcome,
// and why — the rule's own words when the catalog has them, else the
// outcome's general words, so a new rule still reads sensibly.
import type { MemberRole } from "../graphql/generated/graphql.ts";
import { isPlainMessageKey, type PlainMessageKey, type Translate } from "../i18n/messages.ts";
import { logServiceKey } from "../i18n/format.ts";

export interface LookedBy {
  actorId: string;
  actorService: string;
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
  const service = t(logServiceKey(entry.actorService));
  if (selfSubject && entry.actorId === selfSubject) return t("accessLog.actor.self");
  if (member) return t("accessLog.actor.member", { name: member.name, service, role: t(`memberRole.${member.role}`), case: member.caseTitle });
  if (entry.actorId.startsWith("citizen-")) return t("accessLog.actor.citizen");
  if (entry.actorId.startsWith("service:")) return t("accessLog.actor.service", { service });
  if (entry.actorId.startsWith("machine:")) return t("accessLog.actor.machine", { service });
  return t("accessLog.actor.employee", { service, id: entry.actorId });
}

/** What the look was about: the data categories, each in words. */
export function categoryWords(t: Translate, categories: readonly string[]): string {
  return categories.map((c) => t(keyOr(`category.${c}`, "category.other"))).join(", ");
}

/** Whether the data was released, refused or written. */
export const outcomeWords = (t: Translate, decision: string): string => t(keyOr(`accessLog.decision.${decision}`, "accessLog.decision.other"));

/** Why: the rule that decided, in words (an unknown rule reads as its outcome's general words). */
export function reasonWords(t: Translate, decision: string, reason: string): string {
  return t(keyOr(`accessLog.reason.${reason}`, decision === "GRANTED" ? "accessLog.reason.otherGranted" : "accessLog.reason.otherRefused"));
}

function keyOr(key: string, fallback: PlainMessageKey): PlainMessageKey {
  return isPlainMessageKey(key) ? key : fallback;
}
