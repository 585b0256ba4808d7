// What a recipient sees of their notifications: the one read-time check, used
// by the list, the unread count and live delivery alike. A row keeps only
// references; here they are read again as the recipient may read them now:
// out of the case (membership ended, employee deactivated), the thing's
// service no longer readable, or the consent behind it withdrawn or run out —
// and the notification is not shown, nor counted. Deny by default: a kind this
// version has no rule for is hidden.
import type { Notification, ServiceName } from "../../../prisma/samhandling/generated/client.ts";
import type { Context, Signed } from "../context.ts";
import { isActive, present } from "../cases/visibility.ts";
import { readableServices } from "../coordination/stafettlogg.ts";
import { levelDeadline } from "../coordination/rules.ts";
import { isNotificationKind, type NotificationKind } from "./kinds.ts";
import type { NotificationView } from "./types.ts";

/** What a consent kind may say: only while the consent is in force, and to its giver or its subject. */
async function consentShown(ctx: Context, who: Signed, row: Notification, now: Date): Promise<{ at: Date | null } | null> {
  if (who.kind !== "citizen" || !row.consentId) return null;
  const consent = await ctx.loaders.consent.load(row.consentId);
  if (!consent || consent.withdrawnAt || (consent.validTo && consent.validTo <= now)) return null;
  if (consent.givenByPersonId !== who.personId && consent.subjectPersonId !== who.personId) return null;
  return { at: row.kind === "CONSENT_EXPIRING" ? consent.validTo : null };
}

/** The consent behind a signal still in force: withdrawn or run out, the signal is hidden (as `involvementSignals` hides it). */
async function consentInForce(ctx: Context, consentId: string | null, now: Date): Promise<boolean> {
  if (!consentId) return false;
  const consent = await ctx.loaders.consent.load(consentId);
  return !!consent && consent.decision === "PERMIT" && !consent.withdrawnAt && (!consent.validTo || consent.validTo > now);
}

/** Whether `who` takes part in the case now: an employee as an active member, a citizen as a subject or active member. */
async function takesPart(ctx: Context, who: Signed, caseId: string): Promise<boolean> {
  const [members, subjects] = await Promise.all([ctx.loaders.membersOfCase.load(caseId), ctx.loaders.subjectsOfCase.load(caseId)]);
  if (who.kind === "employee") return members.some((m) => isActive(m) && m.actorId === who.actorId);
  return members.some((m) => isActive(m) && m.personId === who.personId) || subjects.some((s) => s.personId === who.personId);
}

/** Whether `who` holds the case's baton now. */
async function holdsBaton(ctx: Context, who: Signed, caseId: string, holderMemberId: string | null): Promise<boolean> {
  if (who.kind !== "employee" || !holderMemberId) return false;
  const members = await ctx.loaders.membersOfCase.load(caseId);
  return members.some((m) => m.id === holderMemberId && isActive(m) && m.actorId === who.actorId);
}

/** The details a kind shows (`at`, `service`), or null when the recipient may not see it now. */
async function details(ctx: Context, who: Signed, row: Notification, kind: NotificationKind, now: Date): Promise<{ at: Date | null; service: ServiceName | null } | null> {
  const none = { at: null, service: null };
  switch (kind) {
    case "HANDOVER_PROPOSED":
    case "HANDOVER_ACCEPTED":
    case "HANDOVER_DECLINED":
      return who.kind === "employee" ? none : null;
    case "STAFETTLOGG_ENTRY": {
      const entry = row.refId ? await ctx.loaders.stafettloggEntry.load(row.refId) : null;
      if (who.kind !== "employee" || !entry) return null;
      // The same consent question as reading the log, not logged: the notification shows no entry, only that its service wrote.
      const open = await readableServices(ctx, { id: row.caseId }, [entry.authorService], false);
      return open.has(entry.authorService) ? { at: null, service: entry.authorService } : null;
    }
    case "MEETING_SCHEDULED":
    case "MEETING_MOVED":
    case "MEETING_CANCELLED": {
      const meeting = row.refId ? await ctx.loaders.meeting.load(row.refId) : null;
      return meeting ? { at: meeting.startsAt, service: null } : null;
    }
    case "FOLLOW_UP_ASSIGNED":
    case "FOLLOW_UP_DUE_SOON":
    case "FOLLOW_UP_OVERDUE": {
      const measure = row.refId ? await ctx.loaders.measure.load(row.refId) : null;
      return who.kind === "employee" && measure ? { at: measure.dueDate, service: null } : null;
    }
    case "LEVEL_DEADLINE_SOON":
    case "LEVEL_DEADLINE_PASSED": {
      const theCase = await ctx.loaders.case.load(row.caseId);
      return who.kind === "employee" && theCase?.concernRegisteredAt ? { at: levelDeadline(theCase.concernRegisteredAt), service: null } : null;
    }
    case "INVOLVEMENT_SIGNAL": {
      const [signal, theCase] = await Promise.all([row.refId ? ctx.loaders.signal.load(row.refId) : null, ctx.loaders.case.load(row.caseId)]);
      if (!signal || !theCase || theCase.status !== "OPEN") return null;
      const shown = (await holdsBaton(ctx, who, row.caseId, theCase.holderMemberId)) && (await consentInForce(ctx, row.consentId, now));
      return shown ? { at: null, service: signal.service } : null;
    }
    case "CONSENT_RECORDED":
    case "CONSENT_EXPIRING":
      return consentShown(ctx, who, row, now).then((c) => (c ? { ...c, service: null } : null));
  }
}

/**
 * The notifications `who` may see now, of those given (theirs), rendered from what they may read now,
 * in the order given. A consent kind may be shown to a citizen who takes no part in its case (a
 * guardian who gave it): then without the case's title.
 */
export async function visibleNotifications(ctx: Context, who: Signed, rows: readonly Notification[], now: Date = new Date()): Promise<NotificationView[]> {
  const cases = new Map(present(await ctx.loaders.case.loadMany([...new Set(rows.map((r) => r.caseId))])).map((c) => [c.id, c]));
  const shown = await Promise.all(
    rows.map(async (row): Promise<NotificationView | null> => {
      const theCase = cases.get(row.caseId);
      const mine = who.kind === "employee" ? row.recipientActorId === who.actorId : row.recipientPersonId === who.personId;
      if (!theCase || !mine || !isNotificationKind(row.kind)) return null;
      const inCase = await takesPart(ctx, who, row.caseId);
      const consentKind = row.kind === "CONSENT_RECORDED" || row.kind === "CONSENT_EXPIRING";
      if (!inCase && !consentKind) return null;
      const found = await details(ctx, who, row, row.kind, now);
      if (!found) return null;
      return { id: row.id, kind: row.kind, createdAt: row.createdAt, readAt: row.readAt, caseId: row.caseId, caseTitle: inCase ? theCase.title : null, ...found };
    }),
  );
  return shown.filter((n): n is NotificationView => n !== null);
}
