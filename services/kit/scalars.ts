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
