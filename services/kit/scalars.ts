// Scalars shared by every subgraph; composition requires the same names everywhere.
import { DateResolver, DateTimeResolver } from "graphql-scalars";

/** A calendar date, serialised as YYYY-MM-DD. */
export const DateScalar = DateResolver;
/** A point in time, serialised as an RFC 3339 timestamp. */
export const DateTimeScalar = DateTimeResolver;

const OSLO_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Norway, as YYYY-MM-DD. */
export function todayInOslo(now: Date = new Date()): string {
  return OSLO_DATE.format(now);
}

/** The instant the next calendar day starts in Norway (midnight, Europe/Oslo; DST-aware). */
export function nextOsloMidnight(now: Date = new Date()): Date {
  const [y, m, d] = todayInOslo(now).split("-").map(Number);
  const tomorrowUtc = Date.UTC(y, m - 1, d + 1);
  const tomorrow = new Date(tomorrowUtc).toISOString().slice(0, 10);
  // Oslo is UTC+1 or UTC+2: midnight there is 22:00 or 23:00 UTC the day before.
  const summer = new Date(tomorrowUtc - 2 * 3_600_000);
  return todayInOslo(summer) === tomorrow ? summer : new Date(tomorrowUtc - 3_600_000);
}

/** Whole years between a birth date and a day (default: today in Norway). */
export function ageOn(birthDate: Date, day: string = todayInOslo()): number {
  const [year, month, date] = day.split("-").map(Number);
  const born = birthDate.toISOString().slice(0, 10).split("-").map(Number);
  const hadBirthday = month > born[1] || (month === born[1] && date >= born[2]);
  return year - born[0] - (hadBirthday ? 0 : 1);
}

/** Whether something with this end date is still current today (open-ended counts as current). */
export function isCurrent(until: Date | null | undefined, today: string = todayInOslo()): boolean {
  return until == null || until.toISOString().slice(0, 10) >= today;
}
