// Live delivery's two ends meet here: record.ts announces the rows it wrote
// (after their transaction commits), live.ts listens for one recipient. The
// signal names the recipient only (`actor:<sign-in subject>` or
// `person:<registry id>`), never the notification: a subscription reads what
// its recipient may see afresh (visibility.ts).
import type { Notification } from "../../../prisma/samhandling/generated/client.ts";
import type { LiveBus } from "../../kit/live-bus.ts";
import type { Signed } from "../context.ts";

let bus: LiveBus | null = null;

/** Set once the process runs (index.ts `background`); until then (and in unit tests) nothing is announced. */
export function useNotificationBus(live: LiveBus | null): void {
  bus = live;
}

/** The live key of a notification's recipient. */
export const liveKeyOfRow = (row: Pick<Notification, "recipientActorId" | "recipientPersonId">) =>
  row.recipientActorId !== null ? `notifications:actor:${row.recipientActorId}` : `notifications:person:${row.recipientPersonId ?? ""}`;

/** The live key of someone signed in. */
export const liveKeyOf = (who: Signed) => (who.kind === "employee" ? `notifications:actor:${who.actorId}` : `notifications:person:${who.personId}`);

/** Wakes the subscriptions of the rows' recipients, on every instance. Call after the rows are committed. */
export function announce(rows: readonly Pick<Notification, "recipientActorId" | "recipientPersonId">[]): void {
  if (!bus || rows.length === 0) return;
  void bus.publish({ recipients: [...new Set(rows.map(liveKeyOfRow))] });
}

/** Wakes one person's own subscriptions (they marked notifications read elsewhere). */
export function announceTo(who: Signed): void {
  if (bus) void bus.publish({ recipients: [liveKeyOf(who)] });
}
