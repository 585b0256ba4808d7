import { AttendanceTrend, type AttendanceSummary } from "./types.ts";

/** A change of less than this many percentage points is "stable". */
const TREND_THRESHOLD = 2;

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Recent absence is the mean of the last three months; the trend compares it
 * with the three months before. Months must be in ascending order.
 */
export function summariseAttendance(monthly: number[]): AttendanceSummary | null {
  if (monthly.length === 0) return null;
  const recent = monthly.slice(-3);
  const before = monthly.slice(-6, -3);
  const change = before.length === 0 ? 0 : mean(recent) - mean(before);
  const trend =
    change > TREND_THRESHOLD ? AttendanceTrend.WORSENING : change < -TREND_THRESHOLD ? AttendanceTrend.IMPROVING : AttendanceTrend.STABLE;
  return { recentAbsencePercent: Math.round(mean(recent) * 10) / 10, trend, months: monthly.length };
}
