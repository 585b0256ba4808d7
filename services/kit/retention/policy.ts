// The retention schedule: every kind of data the hub deletes by rule, how
// long it is kept, from when, and why — one entry per rule, with the setting
// that changes its period. The one source of the settings (read by
// services/kit/config.ts), of docs/retention.md (scripts/lib/reference-docs.ts)
// and of the reason each rule gives in the dry run and its log; what each rule
// deletes is SQL beside the data it owns (services/samhandling/retention.ts,
// services/kit/retention/kit-rules.ts).
import { duration, setting, type Get, type Setting } from "../env.ts";

export const DAY_MS = 86_400_000;
const YEAR_DAYS = 365;

/** The rules, by name: the name is what a tombstone and the dry run say. */
export const RETENTION_RULES = ["closed-case", "consent", "unopened-concern", "information-request", "involvement", "access-log"] as const;
export type RetentionRuleName = (typeof RETENTION_RULES)[number];

export interface RetentionPolicy {
  rule: RetentionRuleName;
  /** Which services' databases hold the data. */
  where: "samhandling" | "every service" | "view services";
  /** The kind of data, as docs/retention.md names it. */
  data: string;
  /** From when its period runs. */
  from: string;
  /** Why this period: the kind of basis (a law's duty, a model the design follows, another rule it must outlive). */
  reason: string;
  setting: Setting<number>;
}

const period = (name: string, years: number, description: string): Setting<number> =>
  setting(name, duration({ min: 1_000 }), {
    default: years * YEAR_DAYS * DAY_MS,
    shownDefault: `\`${years * YEAR_DAYS}d\` (${years} years)`,
    description: `${description} Production takes at least 1 day; shorter periods are for tests that watch a rule act (docs/retention.md).`,
  });

export const RETENTION_CLOSED_CASE = period("RETENTION_CLOSED_CASE", 3, "samhandling: how long a closed case's coordination data stays in the hub after the case was closed.");
export const RETENTION_CONSENT = period(
  "RETENTION_CONSENT",
  2,
  "samhandling: how long a case's consents and refusals stay after the case itself was deleted; with `RETENTION_CLOSED_CASE` at least `RETENTION_ACCESS_LOG`.",
);
export const RETENTION_UNOPENED_CONCERN = period("RETENTION_UNOPENED_CONCERN", 2, "samhandling: how long a concern no case was opened from stays after it was registered.");
export const RETENTION_INFORMATION_REQUEST = period(
  "RETENTION_INFORMATION_REQUEST",
  5,
  "samhandling: how long barnevern's information request stays after it ended (closed or ran out); at least `RETENTION_ACCESS_LOG`.",
);
export const RETENTION_INVOLVEMENT = period("RETENTION_INVOLVEMENT", 3, "View services: how long an involvement the service ended stays in its register after the day it ended.");
export const RETENTION_ACCESS_LOG = period("RETENTION_ACCESS_LOG", 5, "Every service: how long an access-log entry stays before it is pruned (behind a signed checkpoint).");

export const RETENTION_INTERVAL = setting("RETENTION_INTERVAL", duration({ min: 1_000 }), {
  default: DAY_MS,
  shownDefault: "`1d`",
  description: "How often each subgraph's retention job runs (daily: once across all instances, under the job lease; `JOBS_ENABLED`).",
});

const VERWIJSINDEX = "the Dutch Verwijsindex, which the involvement register follows, keeps a signal active for 2 years and deletes it after 5";

export const RETENTION_POLICIES: readonly RetentionPolicy[] = [
  {
    rule: "closed-case",
    where: "samhandling",
    data: "A closed case's coordination data: the case, its subjects and members, concern, stafettlogg, BTI levels, handovers, meetings and decisions, plan (goals, evaluations, measures), involvement signals and notifications, and the hub's copy of its archive package — only once the municipality's archive has acknowledged that package",
    from: "the case's closing (`closedAt`)",
    reason:
      `The case is archived when it closes (the municipality's archive duty: the archive, not the hub, is the record from then on); the hub keeps its working copy as long as a signal outlives its active time in the Verwijsindex (3 years: ${VERWIJSINDEX}), so a new concern about the same child soon after finds it. An open case is never deleted.`,
    setting: RETENTION_CLOSED_CASE,
  },
  {
    rule: "consent",
    where: "samhandling",
    data: "A case's consents and refusals (withdrawn and expired ones too)",
    from: "the deletion of their case by `closed-case`",
    reason:
      "A consent is the evidence for the releases made under it, which the access log keeps for `RETENTION_ACCESS_LOG` and the person may see (innsyn): the case's period and this one together reach as far as the log's entries of the case's last releases (3 + 2 = 5 years after closing). Every consent belongs to a case (it is given for a case's members); one whose case was removed other than by this job keeps no clock and is kept.",
    setting: RETENTION_CONSENT,
  },
  {
    rule: "unopened-concern",
    where: "samhandling",
    data: "A concern (bekymring) no case was opened from",
    from: "its registration",
    reason: `Nobody but the employee who registered it has seen it; it is kept as long as a signal stays active in the Verwijsindex (2 years: ${VERWIJSINDEX}), then deleted. A concern a case was opened from goes with its case.`,
    setting: RETENTION_UNOPENED_CONCERN,
  },
  {
    rule: "information-request",
    where: "samhandling",
    data: "Barnevern's information request (barnevernsloven § 13-2) and its members",
    from: "its end: closed, or its period over",
    reason: "The releases it allowed are flagged as extraordinary in the releasing services' access logs and reviewed by their auditors; the request that explains them stays as long as those entries (`RETENTION_ACCESS_LOG`).",
    setting: RETENTION_INFORMATION_REQUEST,
  },
  {
    rule: "involvement",
    where: "view services",
    data: "An involvement record (the involvement register) the service has ended",
    from: "the day it ended (`endedOn`)",
    reason: `As ${VERWIJSINDEX}, a record ended by the service is kept for the signal's inactive 3 years, so a coordinator can still learn that the service was involved, then deleted. A record not ended is never deleted.`,
    setting: RETENTION_INVOLVEMENT,
  },
  {
    rule: "access-log",
    where: "every service",
    data: "The access log: every release and refusal of personal data",
    from: "the entry's time",
    reason:
      "The person's right to see who looked at their data (innsyn, docs/access-rules.md) and the auditors' review reach back this far: as long as the Verwijsindex keeps a signal at all (5 years). Older entries are pruned behind a signed checkpoint, so the chain that remains still verifies.",
    setting: RETENTION_ACCESS_LOG,
  },
];

export function retentionPolicy(rule: RetentionRuleName): RetentionPolicy {
  return RETENTION_POLICIES.find((p) => p.rule === rule)!;
}

/** Every setting of the retention job, as a process's list declares them. */
export const RETENTION_SETTINGS = [RETENTION_INTERVAL, ...RETENTION_POLICIES.map((p) => p.setting)];

export interface RetentionConfig {
  /** How often the job tries a pass, in milliseconds. */
  intervalMs: number;
  /** Each rule's period, in milliseconds. */
  periods: Record<RetentionRuleName, number>;
}

/** The retention settings, validated: in production each period at least a day; never a rule deleting what another's kept data still needs. */
export function retentionIn(get: Get, production: boolean): RetentionConfig {
  const periods = Object.fromEntries(RETENTION_POLICIES.map((p) => [p.rule, get(p.setting)])) as Record<RetentionRuleName, number>;
  const short = RETENTION_POLICIES.filter((p) => periods[p.rule] < DAY_MS).map((p) => p.setting.name);
  if (production && short.length > 0) get.problem(`${short.join(", ")} must be at least 1d in production.`);
  // The evidence for a release must not go before the log entry of the release.
  if (periods["closed-case"] + periods.consent < periods["access-log"]) {
    get.problem("RETENTION_CLOSED_CASE + RETENTION_CONSENT must be at least RETENTION_ACCESS_LOG: a case's consents would be deleted before the access-log entries of the releases they allowed.");
  }
  if (periods["information-request"] < periods["access-log"]) {
    get.problem("RETENTION_INFORMATION_REQUEST must be at least RETENTION_ACCESS_LOG: a request would be deleted before the access-log entries of the releases it allowed.");
  }
  return { intervalMs: get(RETENTION_INTERVAL), periods };
}
