// What the load test asserts about each answer, as pure functions: a
// restricted view carries no data, and a view whose only way to be granted is
// a consent that was withdrawn before the request began is restricted.

export interface AccessView {
  access: { status: "GRANTED" | "INVOLVEMENT_ONLY" | "RESTRICTED"; reason: string };
  [field: string]: unknown;
}

/** What each status may show besides `access` (services/kit/access.ts serviceView). */
const ALLOWED: Record<AccessView["access"]["status"], readonly string[] | "all"> = {
  GRANTED: "all",
  INVOLVEMENT_ONLY: ["involved", "contact"],
  RESTRICTED: [],
};

/** The fields a view shows beyond what its status allows: each one is a leak. */
export function leakedFields(view: AccessView): string[] {
  const allowed = ALLOWED[view.access.status] ?? [];
  if (allowed === "all") return [];
  return Object.entries(view)
    .filter(([key, value]) => key !== "access" && !allowed.includes(key) && value !== null && value !== undefined)
    .map(([key]) => key);
}

export interface ConsentEvent {
  kind: "grant" | "withdraw";
  sentAt: number;
  /** When the hub acknowledged it; undefined while in flight or when it failed. */
  ackAt?: number;
}

export type Expectation = "RESTRICTED" | "GRANTED" | "EITHER";

/**
 * What a read of a view that only one churned consent can grant must show,
 * given the consent's history and when the read started and ended. Starting
 * state: no consent (restricted). A change counts from the next request on,
 * so a read that began after a withdrawal was acknowledged, and ended before
 * the next grant was even sent, must be restricted; likewise for grants. A
 * read overlapping a change in flight may show either.
 */
export function expectedStatus(events: readonly ConsentEvent[], startedAt: number, endedAt: number): Expectation {
  let settled: ConsentEvent | undefined;
  for (const event of events) {
    if (event.sentAt >= endedAt) break;
    if (event.ackAt === undefined || event.ackAt > startedAt) return "EITHER";
    settled = event;
  }
  return !settled || settled.kind === "withdraw" ? "RESTRICTED" : "GRANTED";
}
