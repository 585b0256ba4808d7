// The time-driven notifications: what comes due with the clock, not with a
// change someone makes — a follow-up due within 3 days or overdue, a BTI
// case's level-0 deadline within 3 days or passed, a consent running out
// within 30 days. A scheduled job of the kit (services/kit/jobs.ts): every
// samhandling instance tries, one runs each pass, over the window (last
// watermark, now], so a pass after downtime covers all of it.
//
// Each kind is one set-based statement over the whole database (no query per
// case), then one write through the outbox's door (record.ts). What is
// "due" is a threshold on the clock: a thing is told of when its threshold
// falls in the window, or when it came into being in the window already past
// its threshold (a follow-up made due tomorrow). Only its latest stage is
// told: after a long downtime an overdue follow-up is told as overdue, not
// also as due soon. The event key is the thing and its threshold's date (a
// due date moved is a new event), so a pass redone after a crash writes what
// was missing and nothing twice.
//
// Days are Oslo calendar days, as the case's own rules count them
// (coordination/rules.ts): a follow-up is overdue once its due day has ended
// there, a level-0 deadline passed once its 14th day has.
import type { SubgraphConfig } from "../../kit/config.ts";
import type { Pass } from "../../kit/jobs.ts";
import { createLogger } from "../../kit/log.ts";
import type { ScheduledJob } from "../../kit/subgraph.ts";
import { committed } from "../after-commit.ts";
import { LEVEL_ZERO_DAYS } from "../coordination/rules.ts";
import type { SamhandlingClient } from "../data.ts";
import type { NotificationKind } from "./kinds.ts";
import { recordNotifications, type NotificationDraft, type Recipient } from "./record.ts";

export const NOTIFICATION_JOB = "notification-scheduler";

/** "Soon": a follow-up or a level-0 deadline this many days ahead. */
export const DUE_SOON_DAYS = 3;
/** A consent is told of as expiring this many days before it runs out. */
export const CONSENT_EXPIRING_DAYS = 30;

const log = createLogger("notification-scheduler");

/** One recipient of one event, as the statements answer it. */
interface DueRow {
  kind: NotificationKind;
  case_id: string;
  ref_id: string | null;
  consent_id: string | null;
  /** The thing and its threshold's date: the event's key beside its kind. */
  event: string;
  at: Date;
  actor_id: string | null;
  person_id: string | null;
}

/** The rows grouped into drafts: one per event, with its recipients. */
export function draftsOf(rows: readonly DueRow[]): NotificationDraft[] {
  const drafts = new Map<string, NotificationDraft & { recipients: Recipient[] }>();
  for (const row of rows) {
    const key = `${row.kind}:${row.event}`;
    let draft = drafts.get(key);
    if (!draft) drafts.set(key, (draft = { kind: row.kind, caseId: row.case_id, refId: row.ref_id, consentId: row.consent_id, event: row.event, at: row.at, recipients: [] }));
    if (row.actor_id) draft.recipients.push({ actorId: row.actor_id });
    else if (row.person_id) draft.recipients.push({ personId: row.person_id });
  }
  return [...drafts.values()];
}

type Step = (db: SamhandlingClient, from: Date, to: Date) => Promise<DueRow[]>;

// The window's start on a job's first pass ever: everything due so far is told once.
const BEGINNING = new Date(0);

// The statements are $queryRawUnsafe because they interpolate this module's constants (day counts, the
// member rule) into the text; the window, the only values from outside, goes as parameters $1 and $2.

// A member counts while they have not left and, for an employee, while the directory has them active
// (as membersOfCase counts them, data.ts).
const ACTIVE_MEMBER = `m.left_at IS NULL AND (m.actor_id IS NULL OR EXISTS (SELECT 1 FROM employee e WHERE e.actor_id = m.actor_id AND e.active))`;

/** Follow-ups not done, due within 3 days or overdue: to the responsible member. */
const followUps: Step = (db, from, to) =>
  db.$queryRawUnsafe<DueRow[]>(
    `
    WITH open_follow_up AS (
      SELECT f.id, f.case_id, f.due_date, f.created_at, m.actor_id, m.person_id,
             ((f.due_date - ${DUE_SOON_DAYS})::timestamp AT TIME ZONE 'Europe/Oslo') AS soon_at,
             ((f.due_date + 1)::timestamp AT TIME ZONE 'Europe/Oslo') AS overdue_at
      FROM measure f
      JOIN coordination_case c ON c.id = f.case_id AND c.status = 'OPEN'
      JOIN case_member m ON m.id = f.responsible_member_id AND ${ACTIVE_MEMBER}
      WHERE f.status IN ('PLANNED', 'ACTIVE') AND f.due_date <= ($2::timestamptz AT TIME ZONE 'Europe/Oslo')::date + ${DUE_SOON_DAYS}
        -- Before any join, what cannot have crossed a threshold in the window: both thresholds lie after
        -- the start of the due day's Oslo day, so a due day before the window's first day is past them.
        AND (f.due_date >= ($1::timestamptz AT TIME ZONE 'Europe/Oslo')::date - 1 OR f.created_at > $1)
    ), staged AS (
      SELECT *, CASE WHEN overdue_at <= $2 THEN overdue_at ELSE soon_at END AS threshold FROM open_follow_up
    )
    SELECT CASE WHEN threshold = overdue_at THEN 'FOLLOW_UP_OVERDUE' ELSE 'FOLLOW_UP_DUE_SOON' END AS kind,
           case_id, id AS ref_id, NULL::text AS consent_id, id || ':' || due_date::text AS event,
           LEAST(GREATEST(threshold, created_at), $2) AS at, actor_id, person_id
    FROM staged
    WHERE threshold <= $2 AND (threshold > $1 OR created_at > $1)`,
    from,
    to,
  );

/** BTI cases whose level 0 is undecided, its deadline within 3 days or passed: to the stafettholder. */
const levelDeadlines: Step = (db, from, to) =>
  db.$queryRawUnsafe<DueRow[]>(
    `
    WITH undecided AS (
      SELECT c.id, (c.opened_at AT TIME ZONE 'UTC') AS opened_at, m.actor_id, m.person_id, d.day,
             ((d.day - ${DUE_SOON_DAYS})::timestamp AT TIME ZONE 'Europe/Oslo') AS soon_at,
             ((d.day + 1)::timestamp AT TIME ZONE 'Europe/Oslo') AS passed_at
      FROM coordination_case c
      CROSS JOIN LATERAL (SELECT (c.concern_registered_at AT TIME ZONE 'Europe/Oslo')::date + ${LEVEL_ZERO_DAYS} AS day) d
      JOIN case_member m ON m.id = c.holder_member_id AND ${ACTIVE_MEMBER}
      WHERE c.kind = 'BTI' AND c.status = 'OPEN' AND c.level_decided_at IS NULL AND c.concern_registered_at IS NOT NULL
        AND c.concern_registered_at <= $2::timestamptz - interval '${LEVEL_ZERO_DAYS - DUE_SOON_DAYS - 1} days'
        -- As for follow-ups: a deadline whose day ended before the window cannot have crossed in it.
        AND (c.concern_registered_at >= $1::timestamptz - interval '${LEVEL_ZERO_DAYS + 2} days' OR c.opened_at > ($1::timestamptz AT TIME ZONE 'UTC'))
    ), staged AS (
      SELECT *, CASE WHEN passed_at <= $2 THEN passed_at ELSE soon_at END AS threshold FROM undecided
    )
    SELECT CASE WHEN threshold = passed_at THEN 'LEVEL_DEADLINE_PASSED' ELSE 'LEVEL_DEADLINE_SOON' END AS kind,
           id AS case_id, NULL::text AS ref_id, NULL::text AS consent_id, id || ':' || day::text AS event,
           LEAST(GREATEST(threshold, opened_at), $2) AS at, actor_id, person_id
    FROM staged
    WHERE threshold <= $2 AND (threshold > $1 OR opened_at > $1)`,
    from,
    to,
  );

/**
 * Consents in force that run out within 30 days: to the citizen who gave it (the person, or the guardian
 * who gave it for them; CONSENT_EXPIRING) and to the case's stafettholder (CASE_CONSENT_EXPIRING, told
 * in other words and led to the case). A paper form counts from its attestation.
 */
const expiringConsents: Step = (db, from, to) =>
  db.$queryRawUnsafe<DueRow[]>(
    `
    WITH expiring AS (
      SELECT k.id, k.case_id, k.valid_to, k.given_by_person_id, c.holder_member_id,
             GREATEST(k.created_at, COALESCE(k.attested_at, k.created_at)) AS born_at,
             k.valid_to - interval '${CONSENT_EXPIRING_DAYS} days' AS threshold
      FROM consent k
      JOIN coordination_case c ON c.id = k.case_id AND c.status = 'OPEN'
      WHERE k.decision = 'PERMIT' AND k.withdrawn_at IS NULL AND (k.channel <> 'PAPER_FORM' OR k.attested_at IS NOT NULL)
        AND k.valid_to > $2 AND k.valid_to <= $2::timestamptz + interval '${CONSENT_EXPIRING_DAYS} days'
    ), told AS (
      SELECT * FROM expiring WHERE threshold > $1 OR born_at > $1
    )
    SELECT r.kind, t.case_id, t.id AS ref_id, t.id AS consent_id, t.id || ':' || (t.valid_to AT TIME ZONE 'UTC')::text AS event,
           LEAST(GREATEST(t.threshold, t.born_at), $2) AS at, r.actor_id, r.person_id
    FROM told t
    CROSS JOIN LATERAL (
      SELECT 'CASE_CONSENT_EXPIRING' AS kind, m.actor_id, m.person_id FROM case_member m WHERE m.id = t.holder_member_id AND ${ACTIVE_MEMBER}
      UNION ALL
      SELECT 'CONSENT_EXPIRING', NULL, t.given_by_person_id
    ) r`,
    from,
    to,
  );

const STEPS: readonly [string, Step][] = [
  ["follow-ups", followUps],
  ["level deadlines", levelDeadlines],
  ["expiring consents", expiringConsents],
];

/**
 * Events written per transaction: a first pass ever, or one after long downtime, may have tens of
 * thousands; each batch is a short transaction of its own, and each is whole or absent after a crash.
 */
const BATCH = 1_000;

/**
 * One pass: each kind read and written in turn, each write in short transactions (a long pass holds
 * no long transaction). A pass killed between them has written some; the redo writes the rest.
 */
export async function notificationPass(db: SamhandlingClient, pass: Pass): Promise<number> {
  const from = pass.window.from ?? BEGINNING;
  let written = 0;
  for (const [step, read] of STEPS) {
    const drafts = draftsOf(await read(db, from, pass.window.to));
    let rows = 0;
    for (let i = 0; i < drafts.length; i += BATCH) {
      const batch = drafts.slice(i, i + BATCH);
      // Through committed(), as every samhandling write: the recipients are told live once the batch has committed (record.ts).
      rows += (await committed(db, (tx) => recordNotifications(tx, batch), { timeout: 60_000 })).length;
    }
    written += rows;
    log.info("time-driven notifications recorded", { step, events: drafts.length, written: rows });
    await pass.checkpoint(step);
  }
  return written;
}

/** The scheduler as samhandling declares it to the kit (index.ts). */
export function notificationScheduler(db: SamhandlingClient, config: SubgraphConfig, now?: () => Date): ScheduledJob {
  return { name: NOTIFICATION_JOB, intervalMs: config.notificationIntervalMs, now, run: (pass) => notificationPass(db, pass).then(() => undefined) };
}
