// The one way a notification is written: `recordNotifications(tx, drafts)`,
// called by a producer inside the transaction of the change that causes it
// (an outbox: the change and its notifications commit together or not at
// all), and by the scheduler for the time-driven kinds. This room's door for
// the others, so it imports nothing but the shared top level and its own kinds.
//
// A row holds references only (the case, the thing, the consent behind it):
// what a notification says is rendered when it is read, from what the
// recipient may see then (visibility.ts). Writing the same event twice adds
// nothing: each row's dedupe key is the event's key and the recipient.
import type { Notification, Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { newId } from "../input.ts";
import type { NotificationKind } from "./kinds.ts";
import { afterCommit } from "../after-commit.ts";
import { announce } from "./signals.ts";

/** Whom a notification is for: an employee (their sign-in subject) or a citizen (their registry person id). */
export type Recipient = { actorId: string } | { personId: string };

export interface NotificationDraft {
  kind: NotificationKind;
  caseId: string;
  /** The thing it concerns (a handover, entry, meeting, measure, consent or signal), by id; null for the case itself. */
  refId: string | null;
  /** The consent it rests on, for the kinds that do (kinds.ts `restsOnConsent`). */
  consentId?: string | null;
  /**
   * What makes this event one event, beside its kind: usually the thing's id, plus what tells two
   * events about one thing apart (a meeting moved twice: its new time). The same key twice is written once.
   */
  event: string;
  recipients: readonly Recipient[];
  /** When it happened; now when left out. */
  at?: Date;
}

const recipientKey = (r: Recipient) => ("actorId" in r ? `actor:${r.actorId}` : `person:${r.personId}`);

/** The row's dedupe key: the kind, the event and the recipient. */
export const dedupeKey = (kind: NotificationKind, event: string, recipient: Recipient) => `${kind}:${event}:${recipientKey(recipient)}`;

/** Recipients without repeats, and without the one who caused the event (no one is told of what they did themselves). */
export function othersThan(recipients: readonly Recipient[], actor: Recipient | null): Recipient[] {
  const skip = actor ? recipientKey(actor) : null;
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = recipientKey(r);
    if (key === skip || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A case member as a recipient: an employee by their sign-in, a family member or trusted person by their person id. */
export function memberRecipient(member: { actorId: string | null; personId: string | null }): Recipient[] {
  if (member.actorId) return [{ actorId: member.actorId }];
  return member.personId ? [{ personId: member.personId }] : [];
}

/**
 * The case's active members as recipients, read in the producer's transaction: employees active in
 * the directory, and unless `employeesOnly`, the family and trusted persons taking part.
 */
export async function caseMembersToTell(tx: Prisma.TransactionClient, caseId: string, employeesOnly = false): Promise<Recipient[]> {
  const members = await tx.caseMember.findMany({
    where: { caseId, leftAt: null, OR: [{ actorId: { not: null }, employee: { active: true } }, ...(employeesOnly ? [] : [{ actorId: null }])] },
    select: { actorId: true, personId: true },
  });
  return members.flatMap(memberRecipient);
}

/**
 * Writes the drafts' notifications in the caller's transaction, one row per recipient, leaving out
 * recipients who switched the kind off (notification preferences) and events already written
 * (by dedupe key). Answers the rows it wrote; once the transaction commits (after-commit.ts), their
 * recipients' live subscriptions are woken (signals.ts).
 */
export async function recordNotifications(tx: Prisma.TransactionClient, drafts: readonly NotificationDraft[]): Promise<Notification[]> {
  const wanted = drafts.filter((d) => d.recipients.length > 0);
  if (wanted.length === 0) return [];
  const muted = await mutedKinds(tx, wanted.flatMap((d) => d.recipients));
  const now = new Date();
  const rows: Prisma.NotificationCreateManyInput[] = wanted.flatMap((d) =>
    othersThan(d.recipients, null)
      .filter((r) => !muted.get(recipientKey(r))?.has(d.kind))
      .map((r) => ({
        id: newId("ntf"),
        recipientActorId: "actorId" in r ? r.actorId : null,
        recipientPersonId: "personId" in r ? r.personId : null,
        kind: d.kind,
        caseId: d.caseId,
        refId: d.refId,
        consentId: d.consentId ?? null,
        dedupeKey: dedupeKey(d.kind, d.event, r),
        createdAt: d.at ?? now,
      })),
  );
  if (rows.length === 0) return [];
  const written = await tx.notification.createManyAndReturn({ data: rows, skipDuplicates: true });
  // Live delivery (signals.ts) once the change and its notifications have committed, never before.
  afterCommit(tx, () => announce(written));
  return written;
}

/** The kinds each recipient switched off, by recipient key; recipients with no preferences row are absent (all on). */
async function mutedKinds(tx: Prisma.TransactionClient, recipients: readonly Recipient[]): Promise<Map<string, Set<string>>> {
  const actorIds = [...new Set(recipients.flatMap((r) => ("actorId" in r ? [r.actorId] : [])))];
  const personIds = [...new Set(recipients.flatMap((r) => ("personId" in r ? [r.personId] : [])))];
  const rows = await tx.notificationPreference.findMany({
    where: { OR: [{ recipientActorId: { in: actorIds } }, { recipientPersonId: { in: personIds } }], NOT: { mutedKinds: { isEmpty: true } } },
  });
  return new Map(
    rows.map((p) => [recipientKey(p.recipientActorId !== null ? { actorId: p.recipientActorId } : { personId: p.recipientPersonId ?? "" }), new Set(p.mutedKinds)]),
  );
}
