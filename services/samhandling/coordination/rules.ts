// The BTI and follow-up rules that depend only on dates: pure, tested alone.
import { todayInOslo } from "../../kit/scalars.ts";

/** BTI: level 0 — is there reason for concern? — must be decided within this many days of the concern. */
export const LEVEL_ZERO_DAYS = 14;
export const MAX_BTI_LEVEL = 3;

const DAY_MS = 86_400_000;

/** The calendar date (as a UTC-midnight Date) by which level 0 must be decided. */
export function levelDeadline(concernRegisteredAt: Date): Date {
  const registered = todayInOslo(concernRegisteredAt);
  return new Date(Date.parse(`${registered}T00:00:00.000Z`) + LEVEL_ZERO_DAYS * DAY_MS);
}

/** Whether level 0 is still undecided after its deadline day has passed (Oslo calendar). */
export function levelOverdue(c: { concernRegisteredAt: Date | null; levelDecidedAt: Date | null; status: string }, now: Date = new Date()): boolean {
  if (!c.concernRegisteredAt || c.levelDecidedAt || c.status !== "OPEN") return false;
  return todayInOslo(now) > levelDeadline(c.concernRegisteredAt).toISOString().slice(0, 10);
}

export const isOpenFollowUp = (m: { status: string }) => m.status === "PLANNED" || m.status === "ACTIVE";

/** A follow-up not done by the end of its due day (Oslo calendar). */
export function followUpOverdue(m: { status: string; dueDate: Date }, now: Date = new Date()): boolean {
  return isOpenFollowUp(m) && todayInOslo(now) > m.dueDate.toISOString().slice(0, 10);
}

/** A date-only input must be today or later (Oslo calendar) — a due date in the past is a typo. */
export function notBeforeToday(day: Date, now: Date = new Date()): boolean {
  return day.toISOString().slice(0, 10) >= todayInOslo(now);
}
