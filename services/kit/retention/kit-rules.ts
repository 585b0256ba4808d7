// The rules the kit runs in every service's database over its own tables:
// the access log (every service) and the involvement register (view services).
import { VIEW_SERVICES, type ServiceName } from "../catalog.ts";
import { pruneAccessLog, type PruneResult } from "../access-log-prune.ts";
import { cascadeRule, type KindCount, type RetentionRule, type SelfContainedRule } from "./rule.ts";

const prunedKinds = (result: PruneResult): KindCount[] => [
  { kind: "access_log", count: result.entries },
  { kind: "access_review", count: result.reviews },
];

/** Access-log entries older than the cut-off, pruned by the access log's own prune (a signed checkpoint first). */
export const accessLogRule: SelfContainedRule = {
  name: "access-log",
  async due(db, cutOff) {
    return prunedKinds(await pruneAccessLog(db, { before: cutOff, dryRun: true }));
  },
  async deleteAll(pool, cutOff) {
    return prunedKinds(await pruneAccessLog(pool, { before: cutOff }));
  },
};

/**
 * Involvements the service ended on a day before the cut-off's (Oslo) day. A record not ended is never
 * due, however old: only the service ends it.
 */
export const involvementRule: RetentionRule = cascadeRule({
  name: "involvement",
  keys: `SELECT id FROM involvement WHERE ended_on IS NOT NULL AND ended_on < ($1::timestamptz AT TIME ZONE 'Europe/Oslo')::date`,
  steps: [{ table: "involvement", where: "id IN (SELECT id FROM due)" }],
  batch: 1_000,
});

/** The kit's rules for `service`, run after the service's own. */
export function kitRetentionRules(service: ServiceName): RetentionRule[] {
  return [...((VIEW_SERVICES as readonly string[]).includes(service) ? [involvementRule] : []), accessLogRule];
}
