// npm run bench:scheduler — what a pass of samhandling's notification
// scheduler costs over a municipality's cases: BENCH_SCHEDULER_PERSONS
// (20,000) persons, each with a case of their own (half of them BTI), its
// stafettholder, a professional and a guardian as members, three follow-ups
// due from 60 days ago to 60 days ahead, and a consent running out within the
// year. Seeded with set-based SQL into a fresh samhandling database, analyzed;
// then passes of the scheduler with its clock moved (no waiting): the first
// pass ever (everything due so far), a steady pass a minute after the last
// (median of 9), and a pass after a day of downtime. Per pass: its time and the
// SQL statements it sent (the pool's counter, services/kit/db/database.ts).
//
// Needs PostgreSQL: DATABASE_URL_TEMPLATE (its database is the template's
// `scheduler_bench`, dropped and made afresh). Bounded: stops by itself after
// ten minutes at most (about one on an idle machine).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../services/kit/db/database.ts";
import { createJobRunner } from "../services/kit/jobs.ts";
import { subgraphConfig } from "../services/kit/config.ts";
import { createClient } from "../services/samhandling/data.ts";
import { notificationScheduler } from "../services/samhandling/notifications/scheduler.ts";
import { schedulerBenchConfig } from "./config.ts";

const LIMIT_MS = 10 * 60_000;
const STEADY_PASSES = 9;
const EMPLOYEES = 500;

const config = schedulerBenchConfig();
if (!config.databaseTemplate) {
  console.error("npm run bench:scheduler needs PostgreSQL: DATABASE_URL_TEMPLATE=postgres://hub:hub@127.0.0.1:5432/<prefix>_{service}");
  process.exit(2);
}
const limit = setTimeout(() => {
  console.error(`npm run bench:scheduler: stopped after ${LIMIT_MS / 60_000} minutes.`);
  process.exit(1);
}, LIMIT_MS);
limit.unref();

const url = config.databaseTemplate.replaceAll("{service}", "scheduler_bench");
const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
await admin.connect();
const name = new URL(url).pathname.slice(1);
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scheduler-"));
const database = await openDatabase({ service: "samhandling", databaseUrl: url, databasePoolSize: 4, dataDir });
const db = createClient(database.adapter);
const n = config.persons;

// Every row from generate_series: one statement a table, whatever the size.
const seedStartedAt = Date.now();
const seedSql = [
  `INSERT INTO employee (actor_id, display_name, service, roles, active, source, updated_at)
   SELECT 'bench-emp-' || j, 'Employee ' || j, (ARRAY['NAV','BARNEVERN','SKOLE','HELSE'])[1 + j % 4]::"ServiceName", '{}', true, 'SEED', now()
   FROM generate_series(0, ${EMPLOYEES - 1}) j`,
  `INSERT INTO coordination_case (id, kind, title, status, opened_at, concern_registered_at, level_decided_at, holder_member_id, basis)
   SELECT 'bc-' || i, CASE WHEN i % 2 = 0 THEN 'BTI' ELSE 'ANSVARSGRUPPE' END::"CaseKind", 'Case ' || i,
          CASE WHEN i % 20 = 0 THEN 'CLOSED' ELSE 'OPEN' END::"CaseStatus",
          (now() - (i % 400) * interval '1 day') AT TIME ZONE 'UTC',
          CASE WHEN i % 2 = 0 THEN now() - (i % 400) * interval '1 day' END,
          CASE WHEN i % 2 = 0 AND i % 10 <> 0 THEN now() - (i % 400) * interval '1 day' + interval '5 days' END,
          'bc-' || i || '-h', 'CONCERN'
   FROM generate_series(1, ${n}) i`,
  `INSERT INTO case_subject (case_id, person_id) SELECT 'bc-' || i, 'bp-' || i FROM generate_series(1, ${n}) i`,
  `INSERT INTO case_member (id, case_id, actor_id, person_id, display_name, service, role, joined_at)
   SELECT 'bc-' || i || '-' || r.suffix, 'bc-' || i,
          CASE r.suffix WHEN 'h' THEN 'bench-emp-' || (i % ${EMPLOYEES}) WHEN 'p' THEN 'bench-emp-' || ((i + 7) % ${EMPLOYEES}) END,
          CASE r.suffix WHEN 'g' THEN 'bg-' || i END,
          'Member', CASE r.suffix WHEN 'g' THEN 'FAMILY' ELSE 'SKOLE' END::"ServiceName", r.role::"MemberRole", now() AT TIME ZONE 'UTC'
   FROM generate_series(1, ${n}) i CROSS JOIN (VALUES ('h', 'STAFETTHOLDER'), ('p', 'PROFESSIONAL'), ('g', 'FAMILY')) r(suffix, role)`,
  `INSERT INTO measure (id, case_id, description, responsible_member_id, responsible_service, due_date, status, created_at, created_by)
   SELECT 'bm-' || i || '-' || k, 'bc-' || i, 'Follow-up', 'bc-' || i || '-p', 'SKOLE',
          current_date + ((i * 7 + k * 13) % 121 - 60),
          CASE WHEN k = 2 AND i % 3 = 0 THEN 'DONE' WHEN k = 1 THEN 'ACTIVE' ELSE 'PLANNED' END::"FollowUpStatus",
          now() - interval '90 days', 'bench-emp-0'
   FROM generate_series(1, ${n}) i CROSS JOIN generate_series(0, 2) k`,
  `INSERT INTO consent (id, case_id, subject_person_id, given_by_person_id, capacity, decision, services, categories, valid_from, valid_to, recorded_by, channel, created_at)
   SELECT 'bk-' || i, 'bc-' || i, 'bp-' || i, CASE WHEN i % 3 = 0 THEN 'bp-' || i ELSE 'bg-' || i END,
          CASE WHEN i % 3 = 0 THEN 'SELF' ELSE 'GUARDIAN' END::"ConsentCapacity", 'PERMIT',
          '{NAV,SKOLE}', '{SERVICE_DATA}', now() - interval '100 days', now() + ((i * 11) % 365) * interval '1 day' + interval '1 hour',
          'bp-' || i, 'DIGITAL', now() - interval '100 days'
   FROM generate_series(1, ${n}) i`,
  `ANALYZE`,
];
for (const sql of seedSql) await database.pool.query(sql);
const seedMs = Date.now() - seedStartedAt;

const clock = { now: new Date() };
const samhandling = subgraphConfig("samhandling", { NOTIFICATION_SCHEDULER_INTERVAL: "1min" });
const runner = createJobRunner({ ...notificationScheduler(db, samhandling, () => clock.now), db: database.pool, leaseMs: samhandling.jobs.leaseMs });

interface Measured {
  ms: number;
  statements: number;
  written: number;
}

async function measuredPass(): Promise<Measured> {
  const [statements, rows] = [database.statements(), await db.notification.count()];
  const startedAt = performance.now();
  const outcome = await runner.runOnce();
  const ms = performance.now() - startedAt;
  if (!outcome.ran || !outcome.completed) throw new Error(`the pass did not run: ${JSON.stringify(outcome)}`);
  // The count itself is one statement, sent before the pass's are read.
  return { ms, statements: database.statements() - statements - 1, written: (await db.notification.count()) - rows };
}

const first = await measuredPass();
const steady: Measured[] = [];
for (let i = 0; i < STEADY_PASSES; i++) {
  clock.now = new Date(clock.now.getTime() + 60_000);
  steady.push(await measuredPass());
}
clock.now = new Date(clock.now.getTime() + 86_400_000);
const afterADay = await measuredPass();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const counts = await database.pool.query<{ cases: string; measures: string; consents: string }>(
  `SELECT (SELECT count(*) FROM coordination_case) AS cases, (SELECT count(*) FROM measure) AS measures, (SELECT count(*) FROM consent) AS consents`,
);
const row = (label: string, m: Measured) => `| ${label} | ${m.ms.toFixed(0)} | ${m.statements} | ${m.written.toLocaleString("en")} |`;
console.log(
  [
    `${config.commandLine} — ${n.toLocaleString("en")} persons: ${Number(counts.rows[0]!.cases).toLocaleString("en")} cases, ${Number(counts.rows[0]!.measures).toLocaleString("en")} follow-ups, ${Number(counts.rows[0]!.consents).toLocaleString("en")} consents (seeded in ${(seedMs / 1000).toFixed(1)} s)`,
    "",
    "| pass | ms | SQL statements | notifications written |",
    "|---|---:|---:|---:|",
    row("first pass ever (everything due so far)", first),
    row(`steady: a minute after the last (median of ${STEADY_PASSES})`, { ms: median(steady.map((s) => s.ms)), statements: median(steady.map((s) => s.statements)), written: median(steady.map((s) => s.written)) }),
    row("after a day of downtime", afterADay),
  ].join("\n"),
);

await db.$disconnect();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
clearTimeout(limit);
