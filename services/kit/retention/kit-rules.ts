// The rules the kit runs in every service's database over its own tables:
// the access log (every service) and the involvement register (view services).
import { VIEW_SERVICES, type ServiceName } from "../catalog.ts";
import { pruneAccessLog } from "../access-log-prune.ts";
import { cascadeRule, type RetentionRule } from "./rule.ts";

/** Access-log entries older than the cut-off, pruned by the access log's own prune (a signed checkpoint first). */
export const accessLogRule: RetentionRule = {
  name: "access-log",
  async due(db, cutOff) {
    return [{ kind: "access_log", count: (await pruneAccessLog(db, { before: cutOff, dryRun: true })).deleted }];
  },
  async deleteBatch(tx, cutOff) {
    // The prune takes everything before the cut-off at once; the next call finds nothing and ends the rule.
    return [{ kind: "access_log", count: (await pruneAccessLog(tx, { before: cutOff })).deleted }];
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
