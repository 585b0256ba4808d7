// Issue 24: retention by rule (services/kit/retention/, services/samhandling/retention.ts,
// docs/retention.md). On a world whose clock is moved forward rather than waited for, on one
// database per suite (PostgreSQL in the PostgreSQL pass, embedded PGlite otherwise), each rule:
// not due yet → kept; due → gone, with tombstones that name no record and no person; the dry run
// deletes nothing and lists it; two runners on one database run the pass once; an open case's data
// is never deleted; a case's consents outlive it by their own period. Then `npm run retention`,
// and through a gateway: a deleted case answers like one that never existed.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointAnchor, CheckpointFile, checkpointSigner, useCheckpointAnchor } from "../../services/kit/access-log-checkpoint.ts";
import { newCheckpointKey } from "../../services/kit/access-log-checkpoint-keys.ts";
import { subgraphConfig, type DatabaseConfig } from "../../services/kit/config.ts";
import { createJobRunner } from "../../services/kit/jobs.ts";
import { involvementRule, kitRetentionRules } from "../../services/kit/retention/kit-rules.ts";
import { RETENTION_POLICIES } from "../../services/kit/retention/policy.ts";
import { retentionJob, runRetention, tombstones, type RuleReport } from "../../services/kit/retention/run.ts";
import { VIEW_SERVICES, SERVICE_NAMES, type ServiceName } from "../../services/kit/catalog.ts";
import type { SamhandlingClient } from "../../services/samhandling/data.ts";
import { closedCaseRule, SAMHANDLING_RETENTION_RULES } from "../../services/samhandling/retention.ts";
import { ARCHIVE_CLIENT_ID } from "../../identity/clients.ts";
import { devMachineToken } from "../../scripts/lib/dev-machine-token.ts";
import { retentionRulesOf } from "../../scripts/lib/retention-rules.ts";
import { recreatePostgresDatabases, testDatabase } from "../support/database.ts";
import { openSamhandling, type OpenedSamhandling } from "../support/samhandling-database.ts";
import { KARI, OPENER, sofieCaseWithConsent, type CallAs } from "../support/notification-cases.ts";
import { OWN_SETUP_TIMEOUT_MS, startOwnFederation, type OwnFederation } from "../support/own-federation.ts";

const DAY = 86_400_000;
const { periods } = subgraphConfig("samhandling", {}).retention;
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "retention-"));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A fresh, migrated database for `service`, on PostgreSQL or in an embedded folder of its own. */
async function freshDatabase(service: ServiceName, name: string): Promise<DatabaseConfig> {
  const databaseUrl = testDatabase() === "postgresql" ? (await recreatePostgresDatabases([name]))[0] : undefined;
  return { service, databaseUrl, databasePoolSize: 4, dataDir: path.join(scratch, name, service) };
}

type Opened = OpenedSamhandling;
const open = openSamhandling;

/** What a seeded case's rows say about people: none of it may reach a tombstone, a report or the script's output. */
const personal = (caseId: string) => [caseId, `${caseId}-child`, `${caseId}-mother`, `Navn Navnesen ${caseId}`, `Tekst om ${caseId}`];

/**
 * A case with a row in every table that hangs off one: subjects, members, its concern, a BTI level,
 * a handover, the stafettlogg, a meeting with a decision, a goal with an evaluation, a measure, a
 * notification, an involvement signal, and two consents (one withdrawn).
 */
async function seedCase(
  db: SamhandlingClient,
  id: string,
  { openedAt, closedAt, archiveFetched = true }: { openedAt: Date; closedAt: Date | null; archiveFetched?: boolean },
): Promise<void> {
  const [, child, mother, name, text] = personal(id);
  const holder = `${id}-holder-actor`;
  await db.employee.create({ data: { actorId: holder, displayName: name!, service: "SKOLE", roles: [], source: "SEED", updatedAt: openedAt } });
  await db.coordinationCase.create({
    data: { id, kind: "BTI", title: text!, openedAt, status: closedAt ? "CLOSED" : "OPEN", closedAt, closedReason: closedAt ? text : null, holderMemberId: `${id}-m1`, concernRegisteredAt: openedAt },
  });
  await db.caseSubject.create({ data: { caseId: id, personId: child! } });
  await db.caseMember.createMany({
    data: [
      { id: `${id}-m1`, caseId: id, actorId: holder, displayName: name!, service: "SKOLE", role: "STAFETTHOLDER", joinedAt: openedAt },
      { id: `${id}-m2`, caseId: id, personId: mother, displayName: name!, service: "FAMILY", role: "FAMILY", joinedAt: openedAt },
    ],
  });
  await db.concern.create({ data: { id: `${id}-concern`, subjectPersonId: child!, text: text!, noticedAt: openedAt, registeredAt: openedAt, registeredBy: holder, service: "SKOLE", caseId: id } });
  await db.btiLevelChange.create({ data: { id: `${id}-level`, caseId: id, toLevel: 1, reason: text!, decidedBy: holder, decidedByService: "SKOLE", decidedAt: openedAt } });
  await db.handover.create({ data: { id: `${id}-handover`, caseId: id, fromMemberId: `${id}-m1`, toMemberId: `${id}-m1`, status: "DECLINED", familyWish: text!, proposedAt: openedAt } });
  await db.stafettloggEntry.create({ data: { id: `${id}-log`, caseId: id, kind: "NOTE", text: text!, authorActorId: holder, authorName: name!, authorService: "SKOLE", at: openedAt } });
  await db.meeting.create({ data: { id: `${id}-meeting`, caseId: id, title: text!, startsAt: openedAt, status: "HELD", summary: text, participantIds: [`${id}-m1`], createdBy: holder } });
  await db.meetingDecision.create({ data: { id: `${id}-decision`, meetingId: `${id}-meeting`, text: text! } });
  await db.goal.create({ data: { id: `${id}-goal`, caseId: id, text: text!, term: "SHORT", familyPriority: 1, createdAt: openedAt } });
  await db.goalEvaluation.create({ data: { id: `${id}-evaluation`, goalId: `${id}-goal`, meetingId: `${id}-meeting`, status: "OPEN", note: text } });
  await db.measure.create({
    data: {
      id: `${id}-measure`,
      caseId: id,
      goalId: `${id}-goal`,
      decisionId: `${id}-decision`,
      description: text!,
      responsibleMemberId: `${id}-m1`,
      responsibleService: "SKOLE",
      dueDate: openedAt,
      createdAt: openedAt,
      createdBy: holder,
    },
  });
  const consent = (suffix: string, extra: Record<string, unknown> = {}) => ({
    id: `${id}-${suffix}`,
    caseId: id,
    subjectPersonId: child!,
    givenByPersonId: mother!,
    capacity: "GUARDIAN" as const,
    decision: "PERMIT" as const,
    services: ["HELSE" as const],
    categories: ["INVOLVEMENT"],
    validFrom: openedAt,
    note: text,
    recordedBy: mother!,
    channel: "DIGITAL" as const,
    createdAt: openedAt,
    ...extra,
  });
  await db.consent.createMany({ data: [consent("consent"), consent("withdrawn", { withdrawnAt: openedAt, withdrawnBy: mother })] });
  await db.notification.create({ data: { id: `${id}-notification`, recipientActorId: holder, kind: "CONSENT_RECORDED", caseId: id, refId: `${id}-consent`, consentId: `${id}-consent`, dedupeKey: `${id}-notification`, createdAt: openedAt } });
  await db.involvementSignal.create({
    data: { id: `${id}-signal`, caseId: id, personId: child!, service: "HELSE", frontDoorName: name!, frontDoorPhone: "+47 00 00 00 00", consentId: `${id}-consent`, involvementId: `${id}-inv`, startedOn: openedAt, signalledAt: openedAt },
  });
  // Closing writes the archive package (archive/); the municipality's archive acknowledges it, or not yet.
  if (closedAt) {
    await db.caseArchive.create({
      data: { caseId: id, systemId: `${id}-archive`, holderMemberId: `${id}-m1`, closedAt, record: { title: text }, ...(archiveFetched ? { fetchedAt: closedAt, fetchedBy: "samhandling-archive" } : {}) },
    });
  }
}

/** The tables whose rows belong to a case (all those with a case_id, and those hanging off its meetings and goals), but the kit's access log. */
const CASE_TABLES = ["coordination_case", "case_subject", "case_member", "concern", "bti_level_change", "handover", "stafettlogg_entry", "meeting", "meeting_decision", "goal", "goal_evaluation", "measure", "notification", "involvement_signal", "case_archive", "consent"];

/** How many rows of each case table belong to `caseId`. */
async function rowsOf(opened: Opened, caseId: string): Promise<Record<string, number>> {
  const of = "case_id = $1";
  const where: Record<string, string> = {
    coordination_case: "id = $1",
    meeting_decision: "meeting_id IN (SELECT id FROM meeting WHERE case_id = $1)",
    goal_evaluation: "goal_id IN (SELECT id FROM goal WHERE case_id = $1)",
  };
  const counts: Record<string, number> = {};
  for (const table of CASE_TABLES) {
    const { rows } = await opened.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where[table] ?? of}`, [caseId]);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/** Rows a seeded case has in each table (two members, two consents, one of everything else), `times` over. */
const seeded = (times = 1): Record<string, number> => Object.fromEntries(CASE_TABLES.map((t) => [t, (t === "case_member" || t === "consent" ? 2 : 1) * times]));
/** An open case has no archive package yet. */
const openSeeded = (): Record<string, number> => ({ ...seeded(), case_archive: 0 });
/** What the closed-case rule deletes of a seeded case: all of it but the consents. */
const deletedOfCase = () => Object.fromEntries(Object.entries(seeded()).filter(([t]) => t !== "consent"));

const reportOf = (reports: readonly RuleReport[], rule: string) => reports.find((r) => r.rule === rule)!;
const counted = (report: RuleReport) => Object.fromEntries(report.kinds.filter((k) => k.count > 0).map((k) => [k.kind, k.count]));

describe("the rules cover what they say", () => {
  it("every rule of the schedule runs where it says, and nowhere else", () => {
    for (const service of SERVICE_NAMES) {
      const names = retentionRulesOf(service).map((r) => r.name).sort();
      const expected = RETENTION_POLICIES.filter(
        (p) => p.where === "every service" || p.where === service || (p.where === "view services" && (VIEW_SERVICES as readonly string[]).includes(service)),
      ).map((p) => p.rule);
      expect(names, service).toEqual([...expected].sort());
    }
    expect(SAMHANDLING_RETENTION_RULES[0]).toBe(closedCaseRule);
  });
});

describe("samhandling's rules on one database", () => {
  let opened: Opened;
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const caseDue = at(t0, periods["closed-case"]);

  beforeAll(async () => {
    opened = await open(await freshDatabase("samhandling", "r24_retention_rules"));
    await seedCase(opened.db, "closed-case-1", { openedAt: at(t0, -30 * DAY), closedAt: t0 });
    // Open for ten years: its rows are older than any period, and it stays.
    await seedCase(opened.db, "open-case-1", { openedAt: at(t0, -3650 * DAY), closedAt: null });
    // Closed with the first, but the archive has not yet acknowledged its package.
    await seedCase(opened.db, "unarchived-case-1", { openedAt: at(t0, -30 * DAY), closedAt: t0, archiveFetched: false });
    const registrant = "open-case-1-holder-actor";
    await opened.db.concern.create({ data: { id: "unopened-1", subjectPersonId: "unopened-child", text: "Tekst om unopened-1", noticedAt: t0, registeredAt: t0, registeredBy: registrant, service: "SKOLE" } });
    await opened.db.employee.create({ data: { actorId: "bv-1", displayName: "Navn Navnesen bv-1", service: "BARNEVERN", roles: [], source: "SEED", updatedAt: t0 } });
    await opened.db.informationRequest.create({
      data: { id: "ir-1", childPersonId: "ir-child", services: ["HELSE"], reference: "2026/1", validFrom: at(t0, -30 * DAY), validTo: at(t0, 30 * DAY), requestedBy: "bv-1", closedAt: t0, closedBy: "bv-1", closedReason: "done", members: { create: [{ actorId: "bv-1" }] } },
    });
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
  });

  it("seeds a row in every table that has a case_id (so a new one cannot be forgotten by the closed-case rule)", async () => {
    const { rows } = await opened.database.pool.query<{ table: string }>(
      `SELECT DISTINCT table_name AS table FROM information_schema.columns WHERE column_name = 'case_id' AND table_schema = current_schema() ORDER BY 1`,
    );
    // The access log is the kit's, pruned by its own rule.
    expect(rows.map((r) => r.table).filter((t) => t !== "access_log").every((t) => CASE_TABLES.includes(t))).toBe(true);
    expect(await rowsOf(opened, "closed-case-1")).toEqual(seeded());
  });

  it("not due yet: a day before its period from closing, the closed case is kept whole", async () => {
    const reports = await runRetention(opened.database.pool, SAMHANDLING_RETENTION_RULES, periods, { at: at(caseDue, -DAY) });
    expect(counted(reportOf(reports, "closed-case"))).toEqual({});
    expect(await rowsOf(opened, "closed-case-1")).toEqual(seeded());
    expect((await tombstones(opened.database.pool)).filter((t) => t.rule === "closed-case")).toEqual([]);
  });

  it("the dry run lists what would go and why, deletes nothing, and names no record or person", async () => {
    const before = await tombstones(opened.database.pool);
    const reports = await runRetention(opened.database.pool, SAMHANDLING_RETENTION_RULES, periods, { at: at(caseDue, DAY), dryRun: true });
    const closed = reportOf(reports, "closed-case");
    // Every table of the case but its consents, which stay.
    expect(counted(closed)).toEqual(deletedOfCase());
    expect(closed.cutOff).toEqual(at(caseDue, DAY - periods["closed-case"]));
    expect(closed.reason).toMatch(/archive/);
    expect(await rowsOf(opened, "closed-case-1")).toEqual(seeded());
    expect(await tombstones(opened.database.pool)).toEqual(before);
    const text = JSON.stringify(reports);
    for (const value of [...personal("closed-case-1"), ...personal("open-case-1")]) expect(text).not.toContain(value);
  });

  it("two runners on one database: one runs the pass; the closed case is gone, tombstoned once per kind; the open case and the consents stay", async () => {
    const clock = { now: at(caseDue, DAY) };
    const runner = () => createJobRunner({ ...retentionJob(opened.database.pool, SAMHANDLING_RETENTION_RULES, { intervalMs: DAY, periods }, () => clock.now), db: opened.database.pool, leaseMs: 30_000 });
    const outcomes = await Promise.all([runner().runOnce(), runner().runOnce()]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);

    expect(await rowsOf(opened, "closed-case-1")).toEqual({ ...seeded(0), consent: 2 });
    expect(await rowsOf(opened, "open-case-1")).toEqual(openSeeded());
    const stamped = await opened.db.consent.findMany({ where: { caseId: "closed-case-1" } });
    expect(stamped.map((c) => c.caseDeletedAt)).toEqual([clock.now, clock.now]);

    const written = await tombstones(opened.database.pool);
    const closed = written.filter((t) => t.rule === "closed-case");
    expect(Object.fromEntries(closed.map((t) => [t.kind, t.count]))).toEqual(deletedOfCase());
    expect(closed.every((t) => t.cutOff.getTime() === clock.now.getTime() - periods["closed-case"])).toBe(true);
    const text = JSON.stringify(written);
    for (const value of [...personal("closed-case-1"), ...personal("open-case-1")]) expect(text).not.toContain(value);
  });

  it("a closed case the municipality's archive has not yet acknowledged stays whole, however old; once acknowledged, it goes", async () => {
    await runRetention(opened.database.pool, [closedCaseRule], periods, { at: at(t0, 100 * 365 * DAY) });
    expect(await rowsOf(opened, "unarchived-case-1")).toEqual(seeded());
    await opened.db.caseArchive.update({ where: { caseId: "unarchived-case-1" }, data: { fetchedAt: at(t0, DAY), fetchedBy: "samhandling-archive" } });
    await runRetention(opened.database.pool, [closedCaseRule], periods, { at: at(t0, 100 * 365 * DAY) });
    expect(await rowsOf(opened, "unarchived-case-1")).toEqual({ ...seeded(0), consent: 2 });
  });

  it("an open case's data is never deleted, however old, and the database refuses to delete its stafettlogg even for the retention job", async () => {
    await runRetention(opened.database.pool, [closedCaseRule], periods, { at: at(t0, 100 * 365 * DAY) });
    expect(await rowsOf(opened, "open-case-1")).toEqual(openSeeded());
    const client = await opened.database.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('hub.retention', 'on', true)`);
      await expect(client.query(`DELETE FROM stafettlogg_entry WHERE case_id = 'open-case-1'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("a case's consents outlive the case by their own period: kept a day before it ends, gone (and tombstoned) a day after", async () => {
    const deletedAt = at(caseDue, DAY);
    const consentDue = at(deletedAt, periods.consent);
    await runRetention(opened.database.pool, SAMHANDLING_RETENTION_RULES, periods, { at: at(consentDue, -DAY) });
    expect((await rowsOf(opened, "closed-case-1")).consent).toBe(2);
    const reports = await runRetention(opened.database.pool, SAMHANDLING_RETENTION_RULES, periods, { at: at(consentDue, DAY) });
    expect(counted(reportOf(reports, "consent"))).toEqual({ consent: 2 });
    expect((await rowsOf(opened, "closed-case-1")).consent).toBe(0);
    expect((await tombstones(opened.database.pool)).find((t) => t.rule === "consent")).toMatchObject({ kind: "consent", count: 2 });
    // The open case's consents are not the rule's: its case is there.
    expect((await rowsOf(opened, "open-case-1")).consent).toBe(2);
  });

  it("a concern no case was opened from, and an ended information request: kept until their periods end, then gone", async () => {
    // By now (the runs above reach far beyond t0) both are long gone; on a fresh pair, test the edges.
    await opened.db.concern.create({ data: { id: "unopened-2", subjectPersonId: "c2", text: "Tekst", noticedAt: t0, registeredAt: t0, registeredBy: "open-case-1-holder-actor", service: "SKOLE" } });
    await opened.db.informationRequest.create({ data: { id: "ir-2", childPersonId: "c2", services: ["HELSE"], reference: "2026/2", validFrom: at(t0, -DAY), validTo: t0, requestedBy: "bv-1", members: { create: [{ actorId: "bv-1" }] } } });
    const edge = async (rule: "unopened-concern" | "information-request", offset: number) =>
      counted(reportOf(await runRetention(opened.database.pool, SAMHANDLING_RETENTION_RULES, periods, { at: at(t0, periods[rule] + offset) }), rule));
    expect(await edge("unopened-concern", -DAY)).toEqual({});
    expect(await opened.db.concern.count({ where: { id: "unopened-2" } })).toBe(1);
    expect(await edge("unopened-concern", DAY)).toEqual({ concern: 1 });
    expect(await opened.db.concern.count({ where: { id: "unopened-2" } })).toBe(0);
    // The concern a case was opened from stays with its open case.
    expect(await opened.db.concern.count({ where: { caseId: "open-case-1" } })).toBe(1);

    expect(await edge("information-request", -DAY)).toEqual({});
    expect(await opened.db.informationRequest.count({ where: { id: "ir-2" } })).toBe(1);
    expect(await edge("information-request", DAY)).toEqual({ information_request_member: 1, information_request: 1 });
    expect(await opened.db.informationRequest.count()).toBe(0);
  });
});

describe("the kit's rules: a view service's ended involvements and every service's access log", () => {
  let opened: Opened;
  let checkpoints: CheckpointFile | undefined;
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const ids = async () => (await opened.database.pool.query<{ id: string }>(`SELECT id FROM involvement ORDER BY id`)).rows.map((r) => r.id);
  const logged = async () => (await opened.database.pool.query<{ request_id: string }>(`SELECT request_id FROM access_log ORDER BY seq`)).rows.map((r) => r.request_id);

  beforeAll(async () => {
    opened = await open(await freshDatabase("helse", "r24_retention_kit"));
    const insert = `INSERT INTO involvement (id, person_id, source_system, source_id, started_on, ended_on, contact_name, updated_at) VALUES ($1, $2, 'journal', $1, $3, $4, 'Navn Navnesen', now())`;
    await opened.database.pool.query(insert, ["ended", "person-ended", day(at(t0, -400 * DAY)), day(t0)]);
    await opened.database.pool.query(insert, ["running", "person-running", day(at(t0, -4000 * DAY)), null]);
    const log = `INSERT INTO access_log (at, request_id, actor_id, actor_service, categories, decision, reason, prev_hash, hash, person_ids) VALUES ($1, $2, 'actor', 'helse', '{}', 'GRANTED', 'r', $2, 'h', '{}')`;
    await opened.database.pool.query(log, [t0, "old"]);
    await opened.database.pool.query(log, [at(t0, 30 * DAY), "newer"]);
    // As server.ts does at start-up: the process's anchor, which every prune writes its signed boundary to.
    checkpoints = new CheckpointFile(fs.mkdtempSync(path.join(os.tmpdir(), "retention-checkpoints-")), "helse");
    useCheckpointAnchor(checkpointAnchor(await checkpointSigner("helse", await newCheckpointKey()), checkpoints));
  }, 60_000);
  afterAll(async () => {
    useCheckpointAnchor(undefined);
    if (checkpoints) fs.rmSync(path.dirname(checkpoints.file), { recursive: true, force: true });
    await opened?.close();
  });

  it("an ended involvement stays for its period from the day it ended, then goes; one not ended never does", async () => {
    expect(kitRetentionRules("helse")).toContain(involvementRule);
    const edge = (offset: number) => runRetention(opened.database.pool, [involvementRule], periods, { at: at(t0, periods.involvement + offset) });
    // Its day ended at the end of t0's Oslo day: two days' margin either side.
    await edge(-2 * DAY);
    expect(await ids()).toEqual(["ended", "running"]);
    expect(counted(reportOf(await runRetention(opened.database.pool, [involvementRule], periods, { at: at(t0, periods.involvement + 2 * DAY), dryRun: true }), "involvement"))).toEqual({ involvement: 1 });
    expect(await ids()).toEqual(["ended", "running"]);
    await edge(2 * DAY);
    expect(await ids()).toEqual(["running"]);
    await edge(100 * 365 * DAY);
    expect(await ids()).toEqual(["running"]);
    expect((await tombstones(opened.database.pool)).map(({ rule, kind, count }) => ({ rule, kind, count }))).toEqual([{ rule: "involvement", kind: "involvement", count: 1 }]);
  });

  it("the access log: entries older than its period are pruned, newer ones stay; the dry run deletes none", async () => {
    const rules = kitRetentionRules("helse").filter((r) => r.name === "access-log");
    const dry = await runRetention(opened.database.pool, rules, periods, { at: at(t0, periods["access-log"] + DAY), dryRun: true });
    expect(counted(reportOf(dry, "access-log"))).toEqual({ access_log: 1 });
    expect(await logged()).toEqual(["old", "newer"]);
    await runRetention(opened.database.pool, rules, periods, { at: at(t0, periods["access-log"] - DAY) });
    expect(await logged()).toEqual(["old", "newer"]);
    expect(await checkpoints!.read()).toEqual([]);
    await runRetention(opened.database.pool, rules, periods, { at: at(t0, periods["access-log"] + DAY) });
    expect(await logged()).toEqual(["newer"]);
    // Never pruned without a signed boundary outside the database (audit:verify starts from it).
    expect((await checkpoints!.read()).length).toBeGreaterThan(0);
    expect((await tombstones(opened.database.pool))[0]).toMatchObject({ rule: "access-log", kind: "access_log", count: 1 });
  });
});

describe("npm run retention", () => {
  const run = promisify(execFile);
  let config: DatabaseConfig;

  beforeAll(async () => {
    config = await freshDatabase("samhandling", "r24_retention_script");
    const opened = await open(config);
    try {
      // Closed four years ago: due now by the default period.
      await seedCase(opened.db, "script-case", { openedAt: at(new Date(), -1500 * DAY), closedAt: at(new Date(), -4 * 365 * DAY) });
    } finally {
      // The script opens an embedded database itself: it must not be open here.
      await opened.close();
    }
  }, 60_000);

  const script = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/retention.ts", ...args, "samhandling"], {
      env: {
        ...process.env,
        // Its log lines go to the output too: they may hold no personal data either.
        LOG_LEVEL: "info",
        DATA_DIR: path.dirname(config.dataDir),
        DATABASE_URL_TEMPLATE: "",
        DATABASE_URL_SAMHANDLING: config.databaseUrl ?? "",
      },
    });

  it("--dry-run prints per rule what would go and why, deletes nothing and names no record or person; without it, deletes", async () => {
    const dry = await script("--dry-run");
    expect(dry.stdout).toContain("samhandling (dry run: nothing deleted):");
    expect(dry.stdout).toMatch(/closed-case: would delete .*stafettlogg_entry 1.* \(older than \d{4}-\d{2}-\d{2}\)/);
    expect(dry.stdout).toMatch(/closed-case: would delete .*coordination_case 1/);
    expect(dry.stdout).toMatch(/why: The case is archived when it closes/);
    expect(dry.stdout).toMatch(/access-log: would delete nothing due/);
    for (const value of personal("script-case")) expect(dry.stdout + dry.stderr).not.toContain(value);

    const done = await script();
    expect(done.stdout).toMatch(/closed-case: deleted .*coordination_case 1/);
    for (const value of personal("script-case")) expect(done.stdout + done.stderr).not.toContain(value);
    const again = await script("--dry-run");
    expect(again.stdout).toMatch(/closed-case: would delete nothing due/);
  }, 120_000);
});

// Through a gateway: a federation of its own whose retention job runs every 2 s with periods of
// seconds, so a case closed through the API is deleted by the job as the running process runs it.
// Its databases are embedded in either pass (an own federation's always are): run once, in the
// embedded pass; the rules' SQL is tested on PostgreSQL above.
describe.skipIf(testDatabase() === "postgresql")("a deleted case through the gateway", () => {
  let hub: OwnFederation;
  const ask: CallAs = async (user, query, variables = {}) => {
    const res = await hub.gateway(query, variables, await hub.asUser(user));
    if (res.errors) throw new Error(`${user}: ${JSON.stringify(res.errors)}`);
    return res.data as Record<string, any>;
  };
  const CASE = `query ($id: ID!) { case(id: $id) { id title } }`;

  beforeAll(async () => {
    hub = await startOwnFederation(1, { JOBS_ENABLED: "true", RETENTION_INTERVAL: "2s", RETENTION_CLOSED_CASE: "3s", RETENTION_ACCESS_LOG: "3s" });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  type Packages = { archivePackages: { caseId: string; pdf: { sha256: string }; metadata: { sha256: string } }[] };
  const PACKAGES = `{ archivePackages(first: 20) { caseId pdf { sha256 } metadata { sha256 } } }`;
  const ACK = `mutation ($caseId: ID!, $pdf: String!, $json: String!) { acknowledgeArchivePackage(caseId: $caseId, pdfSha256: $pdf, metadataSha256: $json) { caseId } }`;

  it("answers like a case that never existed once the archive has its package (not before), and the citizen still sees the consent she gave in it", async () => {
    const { caseId, consentId } = await sofieCaseWithConsent("Sak som slettes etter regel", ask);
    await ask(OPENER, `mutation ($id: ID!) { closeCase(caseId: $id, reason: "Målene er nådd.") { id status } }`, { id: caseId });
    // A case is read with the request declaring it (X-Case-Id); the answer, the case's id aside, compared whole.
    const read = async (id: string) => (await hub.gateway(CASE, { id }, await hub.asUser(OPENER, id))).raw.replaceAll(id, "<id>");
    expect(JSON.parse(await read(caseId))).toMatchObject({ data: { case: { id: "<id>" } } });

    // Deleted only once the municipality's archive has its package: fetched and acknowledged by the archive's client.
    const archive = { authorization: `Bearer ${await devMachineToken(hub.federation.identityIssuer!, hub.dataDir, ARCHIVE_CLIENT_ID)}` };
    let listed: Packages["archivePackages"][number] | undefined;
    const lookUp = async () => (listed = (await hub.gateway<Packages>(PACKAGES, {}, archive)).data?.archivePackages.find((p) => p.caseId === caseId));
    await expect.poll(lookUp, { timeout: 30_000, interval: 500 }).toBeDefined();
    // Past its period (3 s here) and a few passes of the job (every 2 s): still there, as the archive has not acknowledged it.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await read(caseId)).not.toBe(await read("c-neverexisted1"));
    const ack = await hub.gateway(ACK, { caseId, pdf: listed!.pdf.sha256, json: listed!.metadata.sha256 }, archive);
    expect(ack.errors).toBeUndefined();

    const never = await read("c-neverexisted1");
    await expect.poll(() => read(caseId), { timeout: 60_000, interval: 1_000 }).toBe(never);

    // The consent stays (its own period runs from now); its case is null, as for a case she may not see.
    const consents = await ask(KARI, `{ myConsentsPage(first: 100) { edges { node { id case { id } } } } }`);
    expect(consents.myConsentsPage.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id: consentId, case: null });
  }, 180_000);
});
