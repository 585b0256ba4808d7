// The demo's "today". The Fjordvik families and the synthetic generator are
// written for one date (DEMO_WRITTEN_FOR); every date in them is moved by the
// days between that date and the demo's today, so ages, deadlines, overdue
// follow-ups and consent periods look the same whenever the hub runs. Without
// it the demo would age: follow-ups would drift into overdue, consents expire
// and children turn 18 while the tests still expect the written story.
import { isCalendarDay } from "../services/kit/env.ts";
import type { World } from "./world.ts";

/** The date the demo data is written for (DOMAIN.md's ages hold on it). */
export const DEMO_WRITTEN_FOR = "2026-11-23";

const DAY_MS = 86_400_000;
const ISO_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** A calendar date "YYYY-MM-DD" that really exists, or null. */
const validDay = (value: string): string | null => (isCalendarDay(value) ? value : null);

/** How the written dates move to a given today. */
export interface DemoShift {
  /** The demo's today, "YYYY-MM-DD". */
  readonly today: string;
  /** Days between DEMO_WRITTEN_FOR and today. */
  readonly days: number;
  /** Calendar months between the written month and today's month (monthly series move by whole months). */
  readonly months: number;
}

export function demoShift(today: string): DemoShift {
  const day = validDay(today);
  if (!day) throw new Error(`not a date: ${today}`);
  const days = Math.round((Date.parse(`${day}T00:00:00.000Z`) - Date.parse(`${DEMO_WRITTEN_FOR}T00:00:00.000Z`)) / DAY_MS);
  const [ty, tm] = day.split("-").map(Number) as [number, number];
  const [wy, wm] = DEMO_WRITTEN_FOR.split("-").map(Number) as [number, number];
  return { today: day, days, months: ty * 12 + tm - (wy * 12 + wm) };
}

/** An instant moved by the shift's days (the time of day stays). */
export const shiftInstant = (d: Date, shift: DemoShift): Date => new Date(d.getTime() + shift.days * DAY_MS);

/** A written "YYYY-MM-DD" moved by the shift's days. */
export const shiftIsoDay = (iso: string, shift: DemoShift): string =>
  shiftInstant(new Date(`${iso}T00:00:00.000Z`), shift).toISOString().slice(0, 10);

/** The first of a month moved by the shift's whole months (still the first of a month). */
export function shiftMonth(d: Date, shift: DemoShift): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + shift.months, 1));
}

/** Dates written inside a text (e.g. "frist 2027-01-15") moved with the rest. */
export const shiftText = (text: string, shift: DemoShift): string =>
  shift.days === 0 ? text : text.replace(ISO_IN_TEXT, (iso) => (validDay(iso) ? shiftIsoDay(iso, shift) : iso));

/**
 * Moves every date of a world written for DEMO_WRITTEN_FOR to the shift's
 * today, in place: instants by days, monthly attendance by whole months,
 * dates inside texts by days (`texts: false` for a generator that writes
 * none). Ids never contain dates, so none changes.
 * National ids encode the birth date: the generators derive them from the
 * moved birth date themselves.
 */
export function shiftWorld(world: World, shift: DemoShift, options: { texts: boolean } = { texts: true }): World {
  if (shift.days === 0 && shift.months === 0) return world;
  const ms = shift.days * DAY_MS;
  for (const [service, tables] of Object.entries(world) as [string, Record<string, Record<string, unknown>[]>][]) {
    for (const [table, rows] of Object.entries(tables)) {
      const monthly = service === "skole" && table === "attendanceMonth";
      for (const row of rows) {
        for (const key in row) {
          const value = row[key];
          if (value instanceof Date) row[key] = monthly && key === "month" ? shiftMonth(value, shift) : new Date(value.getTime() + ms);
          else if (options.texts && typeof value === "string" && key !== "nationalId") row[key] = shiftText(value, shift);
        }
      }
    }
  }
  return world;
}
