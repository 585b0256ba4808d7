// One access-log entry as a list of facts — when, where, who, what, the
// outcome and why — shared by the citizen's innsyn and the auditor's pages.
// The auditor also sees the ids an audit follows up (person, case, request).
import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { formatDateTime, logServiceKey } from "../i18n/format.ts";
import { basisWords, categoryWords, lookerWords, outcomeWords, reasonWords, type EntryFields, type KnownMember } from "./words.ts";
import { Facts, type Fact } from "../shell/Facts.tsx";

/** The reader's own cases, as they name those who looked: members by case and actor, titles by case id. */
export interface CaseDirectory {
  /** Who an actor is in a case (`memberKey(caseId, actorId)`), and in the newest of the reader's cases they take part in (`memberKey(null, actorId)`). */
  members: ReadonlyMap<string, KnownMember>;
  titles: ReadonlyMap<string, string>;
}

export const memberKey = (caseId: string | null, actorId: string): string => `${caseId ?? "*"} ${actorId}`;

/** The looker as the entry's own case names them; where the look declared none of the reader's cases, as their newest does. */
const memberFor = (cases: CaseDirectory | undefined, entry: EntryFields): KnownMember | undefined =>
  (entry.caseId ? cases?.members.get(memberKey(entry.caseId, entry.actorId)) : undefined) ?? cases?.members.get(memberKey(null, entry.actorId));


export interface EntryFactsProps {
  entry: EntryFields;
  /** The service whose log it is (lower case). */
  service: string;
  /** The signed-in person's id in the log, to say "you" about their own looks. */
  selfSubject?: string;
  /** What the reader's own cases tell about the entry: who the looker is in them, and the case's title. */
  cases?: CaseDirectory;
  /** The ids an auditor follows up. */
  auditDetails?: boolean;
  /** More facts after the entry's own (e.g. a review). */
  children?: ReactNode;
}

export function EntryFacts({ entry, service, selfSubject, cases, auditDetails = false, children }: EntryFactsProps) {
  const { t, lang } = useI18n();
  const facts: Fact[] = [
    [t("accessLog.field.where"), t(logServiceKey(service))],
    [t("accessLog.field.who"), lookerWords(t, entry, selfSubject, memberFor(cases, entry))],
    [t("accessLog.field.what"), categoryWords(t, entry.categories)],
    [t("accessLog.field.outcome"), outcomeWords(t, entry.decision)],
    [t("accessLog.field.why"), reasonWords(t, entry.decision, entry.reason)],
  ];
  if (cases && entry.caseId) facts.push([t("accessLog.field.case"), cases.titles.get(entry.caseId) ?? t("accessLog.case.other")]);
  if (entry.basis) facts.push([t("accessLog.field.basis"), basisWords(t, entry.basis)]);
  if (entry.extraordinary) facts.push([t("accessLog.field.extraordinary"), t("accessLog.extraordinary")]);
  if (auditDetails) {
    facts.push([t("accessLog.field.personId"), <code key="p">{entry.personId}</code>]);
    facts.push([t("accessLog.field.caseId"), entry.caseId ? <code key="c">{entry.caseId}</code> : t("accessLog.noCase")]);
    // What the basis names (a consent's or case's id, the audited service, the write operation): the auditor's to follow up, ids the person reading their own log has no use for.
    if (entry.basisReference) facts.push([t("accessLog.field.basisReference"), <code key="b">{entry.basisReference}</code>]);
  }
  return (
    <>
      <p className="entry__when">
        <time dateTime={entry.at}>{formatDateTime(lang, entry.at)}</time>
      </p>
      <Facts facts={facts} />
      {children}
    </>
  );
}
