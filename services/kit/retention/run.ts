// The retention job: every rule of a service, over its own database, once a
// day across all its instances (a scheduled job of the kit, services/kit/jobs.ts).
// A pass at time T deletes what each rule made due by T: its records older
// than T less the rule's period, a batch per transaction, each batch writing
// its tombstones (the kind, how many, the rule, the cut-off — never which
// records, never a person) in the same transaction. A pass killed midway has
// deleted whole batches; the next one deletes the rest. The dry run counts the
// same and deletes nothing.
//
// What it logs and reports is counts, kinds, rule names and dates: nothing of
// what was deleted.
import type pg from "pg";
import { inTransaction } from "../db/transaction.ts";
import type { Pass, Queryable } from "../jobs.ts";
import { createLogger } from "../log.ts";
import type { ScheduledJob } from "../subgraph.ts";
import { retentionPolicy, type RetentionConfig, type RetentionRuleName } from "./policy.ts";
import type { KindCount, RetentionRule } from "./rule.ts";

export const RETENTION_JOB = "retention";

const log = createLogger("retention");

/** What one rule deleted (or, in a dry run, would delete) in a pass, and why. */
export interface RuleReport {
  rule: RetentionRuleName;
  /** Records older than this (by the rule's own clock: closing, end, registration) were due. */
  cutOff: Date;
  reason: string;
  kinds: KindCount[];
}

export interface RetentionRun {
  at: Date;
  dryRun?: boolean;
  /** Between batches: stops the pass when the process shuts down. */
  checkpoint?: Pass["checkpoint"];
}

/** Adds `more` into `into`, kind by kind. */
function add(into: KindCount[], more: readonly KindCount[]): void {
  for (const { kind, count } of more) {
    const found = into.find((k) => k.kind === kind);
    if (found) found.count += count;
    else into.push({ kind, count });
  }
}

async function writeTombstones(tx: pg.ClientBase, rule: RetentionRuleName, cutOff: Date, deleted: readonly KindCount[]): Promise<void> {
  const some = deleted.filter((k) => k.count > 0);
  if (some.length === 0) return;
  await tx.query(`INSERT INTO retention_tombstone (rule, kind, count, cut_off) SELECT $1, kind, count, $2 FROM unnest($3::text[], $4::int[]) AS t(kind, count)`, [
    rule,
    cutOff,
    some.map((k) => k.kind),
    some.map((k) => k.count),
  ]);
}

/** One pass of `rules` at `run.at` over `pool`: deletes what is due (or counts it, dry) and reports per rule. */
export async function runRetention(pool: pg.Pool, rules: readonly RetentionRule[], periods: RetentionConfig["periods"], run: RetentionRun): Promise<RuleReport[]> {
  const reports: RuleReport[] = [];
  for (const rule of rules) {
    const cutOff = new Date(run.at.getTime() - periods[rule.name]);
    const report: RuleReport = { rule: rule.name, cutOff, reason: retentionPolicy(rule.name).reason, kinds: [] };
    if (run.dryRun) {
      report.kinds = await rule.due(pool, cutOff);
    } else if ("deleteAll" in rule) {
      report.kinds = await rule.deleteAll(pool, cutOff);
      await inTransaction(pool, (tx) => writeTombstones(tx, rule.name, cutOff, report.kinds));
    } else {
      for (;;) {
        const deleted = await inTransaction(pool, async (tx) => {
          // Lets the stafettlogg's append-only trigger take a closed case's entries, for this transaction only.
          await tx.query(`SELECT set_config('hub.retention', 'on', true)`);
          const batch = await rule.deleteBatch(tx, cutOff, run.at);
          await writeTombstones(tx, rule.name, cutOff, batch);
          return batch;
        });
        if (deleted.every((k) => k.count === 0)) break;
        add(report.kinds, deleted);
        await run.checkpoint?.(rule.name);
      }
    }
    log.info(run.dryRun ? "retention dry run" : "retention rule applied", {
      rule: rule.name,
      cutOff: cutOff.toISOString(),
      records: report.kinds.map((k) => `${k.kind} ${k.count}`).join(", "),
    });
    reports.push(report);
  }
  return reports;
}

/** The tombstones written so far, newest first: for operators and tests (no record or person in them). */
export async function tombstones(db: Queryable): Promise<{ rule: string; kind: string; count: number; cutOff: Date; deletedAt: Date }[]> {
  const { rows } = await db.query<{ rule: string; kind: string; count: number; cutOff: Date; deletedAt: Date }>(
    `SELECT rule, kind, count, cut_off AS "cutOff", deleted_at AS "deletedAt" FROM retention_tombstone ORDER BY id DESC`,
  );
  return rows;
}

/** The job a subgraph runs (services/kit/server.ts): its rules once a day at the job's clock. */
export function retentionJob(pool: pg.Pool, rules: readonly RetentionRule[], config: RetentionConfig, now?: () => Date): ScheduledJob {
  return {
    name: RETENTION_JOB,
    intervalMs: config.intervalMs,
    now,
    run: async (pass) => {
      await runRetention(pool, rules, config.periods, { at: pass.window.to, checkpoint: pass.checkpoint });
    },
  };
}
