// Issue 21: the time-driven notifications and the job runner under them
// (services/kit/jobs.ts, services/samhandling/notifications/scheduler.ts).
// On one samhandling database (PostgreSQL in the PostgreSQL pass, embedded
// PGlite otherwise): two runners produce each notification once; the
// recipients are right (the responsible member, the stafettholder, the person
// or the guardian who gave the consent); a pass after downtime covers all of
// it, with the clock moved rather than waited for; and a samhandling process
// SIGKILLed in the middle of a pass (HUB_TEST_JOB_CHECKPOINT_DELAY holds it
// there) and started again writes what was missing and nothing twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnProcess, type HubProcess } from "../../scripts/lib/federation.ts";
import { subgraphConfig, type DatabaseConfig } from "../../services/kit/config.ts";
import type { Database } from "../../services/kit/db/database.ts";
import { createJobRunner, type JobRunner } from "../../services/kit/jobs.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import type { SamhandlingClient } from "../../services/samhandling/data.ts";
import { NOTIFICATION_JOB, notificationScheduler } from "../../services/samhandling/notifications/scheduler.ts";
import { freshDatabase, openSamhandling, type OpenedSamhandling } from "../support/samhandling-database.ts";
import { KARI, HEALTH, OPENER, SOFIE, type CallAs } from "../support/notification-cases.ts";
import { OWN_SETUP_TIMEOUT_MS, startOwnFederation, type OwnFederation } from "../support/own-federation.ts";
import { subscribeThroughGateway } from "../support/sse.ts";

const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A date-only column's value: the Oslo day `days` after today's (UTC midnight, as Prisma writes @db.Date). */
const day = (now: Date, days: number) => new Date(Date.parse(`${todayInOslo(now)}T00:00:00.000Z`) + days * DAY);

const PORT_BASE = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 2300;

let scratch: string;

/**
 * Cases around `now`, each made to be told (or not) of one thing. Recipients by name: prof-1 is
 * responsible for the follow-ups, holder-1 and holder-2 hold the batons, the guardian and the youth gave
 * consents.
 */
async function seed(db: SamhandlingClient, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 3_600_000);
  await db.employee.createMany({
    data: ["holder-1", "holder-2", "prof-1", "prof-2"].map((actorId) => ({ actorId, displayName: actorId, service: "SKOLE", roles: [], source: "SEED", updatedAt: before })),
  });
  const bti = (id: string, concernDaysAgo: number, extra: { status?: "OPEN" | "CLOSED"; levelDecidedAt?: Date } = {}) => ({
    id,
    kind: "BTI" as const,
    title: id,
    openedAt: new Date(now.getTime() - concernDaysAgo * DAY),
    concernRegisteredAt: new Date(now.getTime() - concernDaysAgo * DAY),
    holderMemberId: `${id}-holder`,
    ...extra,
  });
  await db.coordinationCase.createMany({
    data: [
      bti("case-1", 12), // level 0 due in 2 days: soon
      bti("case-2", 20), // deadline passed
      bti("case-3", 20, { levelDecidedAt: before }), // decided: nothing
      bti("case-4", 20, { status: "CLOSED" }), // closed: nothing at all
    ],
  });
  const member = (caseId: string, actorId: string, role: "STAFETTHOLDER" | "PROFESSIONAL", id = `${caseId}-${role === "STAFETTHOLDER" ? "holder" : actorId}`) => ({
    id,
    caseId,
    actorId,
    displayName: actorId,
    service: "SKOLE" as const,
    role,
    joinedAt: before,
  });
  await db.caseMember.createMany({
    data: [
      member("case-1", "holder-1", "STAFETTHOLDER"),
      member("case-1", "prof-1", "PROFESSIONAL"),
      member("case-2", "holder-2", "STAFETTHOLDER"),
      member("case-3", "holder-2", "STAFETTHOLDER"),
      member("case-4", "holder-2", "STAFETTHOLDER"),
      member("case-4", "prof-2", "PROFESSIONAL"),
    ],
  });
  const followUp = (id: string, caseId: string, responsible: string, dueInDays: number, status: "PLANNED" | "ACTIVE" | "DONE" = "PLANNED") => ({
    id,
    caseId,
    description: id,
    responsibleMemberId: `${caseId}-${responsible}`,
    responsibleService: "SKOLE" as const,
    dueDate: day(now, dueInDays),
    status,
    createdAt: before,
    createdBy: "holder-1",
  });
  await db.measure.createMany({
    data: [
      followUp("fu-soon", "case-1", "prof-1", 2), // due within 3 days
      followUp("fu-overdue", "case-1", "prof-1", -1, "ACTIVE"), // overdue
      followUp("fu-later", "case-1", "prof-1", 10), // not yet
      followUp("fu-done", "case-1", "prof-1", -1, "DONE"), // done: nothing
      followUp("fu-closed", "case-4", "prof-2", -1), // closed case: nothing
    ],
  });
  const consent = (id: string, givenBy: string, capacity: "SELF" | "GUARDIAN", endsInDays: number, extra: Record<string, unknown> = {}) => ({
    id,
    caseId: "case-1",
    subjectPersonId: "child",
    givenByPersonId: givenBy,
    capacity,
    decision: "PERMIT" as const,
    services: ["SKOLE" as const],
    categories: ["SERVICE_DATA"],
    validFrom: before,
    validTo: new Date(now.getTime() + endsInDays * DAY),
    recordedBy: givenBy,
    channel: "DIGITAL" as const,
    createdAt: before,
    ...extra,
  });
  await db.consent.createMany({
    data: [
      consent("consent-guardian", "guardian", "GUARDIAN", 20), // expiring: holder-1 and the guardian
      consent("consent-self", "youth", "SELF", 10), // expiring: holder-1 and the youth
      consent("consent-later", "guardian", "GUARDIAN", 60), // not yet
      consent("consent-withdrawn", "guardian", "GUARDIAN", 10, { withdrawnAt: before, withdrawnBy: "guardian" }),
      consent("consent-unattested", "guardian", "GUARDIAN", 10, { channel: "PAPER_FORM", formReference: "form-1" }),
    ],
  });
}

/** What the seed makes due at its `now`: kind, the thing, the recipient. */
const EXPECTED = [
  "CASE_CONSENT_EXPIRING consent-guardian actor:holder-1",
  "CASE_CONSENT_EXPIRING consent-self actor:holder-1",
  "CONSENT_EXPIRING consent-guardian person:guardian",
  "CONSENT_EXPIRING consent-self person:youth",
  "FOLLOW_UP_DUE_SOON fu-soon actor:prof-1",
  "FOLLOW_UP_OVERDUE fu-overdue actor:prof-1",
  "LEVEL_DEADLINE_PASSED case-2 actor:holder-2",
  "LEVEL_DEADLINE_SOON case-1 actor:holder-1",
];

/** Every notification, one line each, sorted; repeats stay (there must be none). */
async function notifications(db: SamhandlingClient): Promise<string[]> {
  const rows = await db.notification.findMany();
  return rows
    .map((n) => `${n.kind} ${n.refId ?? n.caseId} ${n.recipientActorId ? `actor:${n.recipientActorId}` : `person:${n.recipientPersonId}`}`)
    .sort();
}

async function watermark(db: SamhandlingClient): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<{ watermark: Date | null }[]>(`SELECT watermark FROM job_run WHERE name = $1`, NOTIFICATION_JOB);
  return rows[0]?.watermark ?? null;
}

const config = subgraphConfig("samhandling", { NOTIFICATION_SCHEDULER_INTERVAL: "1min", JOB_LEASE: "30s" });

function runner(opened: { database: Database; db: SamhandlingClient }, clock: { now: Date }): JobRunner {
  const job = notificationScheduler(opened.db, config, () => clock.now);
  return createJobRunner({ ...job, db: opened.database.pool, leaseMs: config.jobs.leaseMs });
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "notification-scheduler-"));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the notification scheduler on one database", () => {
  let opened: OpenedSamhandling;
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = { now: t0 };

  beforeAll(async () => {
    opened = await openSamhandling(await freshDatabase("scheduler", path.join(scratch, "one")));
    await seed(opened.db, t0);
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
  });

  it("two runners on one database: one runs each pass, each notification is written once, to the right recipients", async () => {
    const [a, b] = [runner(opened, clock), runner(opened, clock)];
    const outcomes = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ran)).toMatchObject({ ran: false });
    expect(await notifications(opened.db)).toEqual(EXPECTED);
    expect(await watermark(opened.db)).toEqual(t0);

    // Not due again until an interval has passed on the job's clock; then either may run it, once.
    clock.now = new Date(t0.getTime() + 30_000);
    expect(await Promise.all([a.runOnce(), b.runOnce()])).toEqual([
      { ran: false, reason: "not due" },
      { ran: false, reason: "not due" },
    ]);
    clock.now = new Date(t0.getTime() + 61_000);
    expect((await Promise.all([a.runOnce(), b.runOnce()])).filter((o) => o.ran)).toHaveLength(1);
    expect(await notifications(opened.db)).toEqual(EXPECTED);
    expect(await watermark(opened.db)).toEqual(clock.now);
  });

  it("a pass redone over a window already covered (a holder that died before completing) writes nothing twice", async () => {
    await opened.db.$executeRawUnsafe(`UPDATE job_run SET watermark = NULL WHERE name = $1`, NOTIFICATION_JOB);
    expect(await runner(opened, clock).runOnce()).toMatchObject({ ran: true, completed: true, window: { from: null } });
    expect(await notifications(opened.db)).toEqual(EXPECTED);
  });

  it("after downtime, one pass covers the whole time missed: what came due meanwhile is told, at its latest stage only", async () => {
    const before = new Date(clock.now.getTime() - DAY);
    await opened.db.measure.createMany({
      data: [
        // Due in 5 days: nothing now; after 10 days down, overdue (and not also "due soon").
        { id: "fu-while-down", caseId: "case-1", description: "x", responsibleMemberId: "case-1-prof-1", responsibleService: "SKOLE", dueDate: day(clock.now, 5), createdAt: before, createdBy: "holder-1" },
        // Due in 12 days: after 10 days down, due soon.
        { id: "fu-soon-after", caseId: "case-1", description: "x", responsibleMemberId: "case-1-prof-1", responsibleService: "SKOLE", dueDate: day(clock.now, 12), createdAt: before, createdBy: "holder-1" },
      ],
    });
    const job = runner(opened, clock);
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    expect(await job.runOnce()).toMatchObject({ ran: true, completed: true });
    expect(await notifications(opened.db)).toEqual(EXPECTED);

    const last = clock.now;
    clock.now = new Date(last.getTime() + 10 * DAY);
    expect(await job.runOnce()).toMatchObject({ ran: true, completed: true, window: { from: last, to: clock.now } });
    const told = await notifications(opened.db);
    expect(told.filter((n) => n.includes("fu-while-down"))).toEqual(["FOLLOW_UP_OVERDUE fu-while-down actor:prof-1"]);
    expect(told.filter((n) => n.includes("fu-soon-after"))).toEqual(["FOLLOW_UP_DUE_SOON fu-soon-after actor:prof-1"]);
    expect(told).toEqual([...new Set(told)]);
    expect(await watermark(opened.db)).toEqual(clock.now);
  });
});

describe("a samhandling process killed in the middle of a pass", () => {
  const dataRoot = () => path.join(scratch, "process");
  let dbConfig: DatabaseConfig;
  let child: HubProcess | undefined;
  let logFile: string;

  beforeAll(async () => {
    dbConfig = await freshDatabase("scheduler_process", dataRoot());
    const opened = await openSamhandling(dbConfig);
    try {
      await seed(opened.db, new Date());
    } finally {
      await opened.close();
    }
  }, 60_000);
  afterAll(async () => {
    await child?.stop("SIGKILL");
  });

  const start = (checkpointDelay: string) => {
    logFile = path.join(scratch, `samhandling-${Date.now()}.log`);
    const out = fs.openSync(logFile, "a");
    child = spawnProcess({
      name: "samhandling",
      entry: "services/samhandling/index.ts",
      output: out,
      env: {
        NODE_ENV: "test",
        DATA_DIR: dataRoot(),
        DATABASE_URL_TEMPLATE: "",
        ...(dbConfig.databaseUrl ? { DATABASE_URL_SAMHANDLING: dbConfig.databaseUrl } : {}),
        REDIS_URL: "",
        SEED_DEMO: "false",
        SEED_SYNTHETIC_FAMILIES: "0",
        GATEWAY_PORT: String(PORT_BASE),
        PORT: String(PORT_BASE + 1),
        NOTIFICATION_SCHEDULER_INTERVAL: "1s",
        JOB_LEASE: "3s",
        HUB_TEST_JOB_CHECKPOINT_DELAY: checkpointDelay,
      },
    });
    fs.closeSync(out);
  };
  /** Log lines of the current process with this message, as they come. */
  const lines = (msg: string) =>
    fs
      .readFileSync(logFile, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === msg);
  async function until<T>(what: string, found: () => T | undefined, timeoutMs = 120_000): Promise<T> {
    for (const end = Date.now() + timeoutMs; Date.now() < end; await sleep(100)) {
      const value = found();
      if (value) return value;
    }
    throw new Error(`waited in vain for ${what}; log: ${fs.readFileSync(logFile, "utf8").slice(-3_000)}`);
  }

  it("SIGKILLed after the first step, started again: what was missing is written, nothing twice, the watermark moves", async () => {
    start("60s");
    // The follow-ups are written; the pass waits at its checkpoint before the level deadlines.
    await until("the first step", () => lines("time-driven notifications recorded").find((l) => l.step === "follow-ups"));
    await child!.stop("SIGKILL");

    let opened = await openSamhandling(dbConfig);
    try {
      expect(await notifications(opened.db)).toEqual(["FOLLOW_UP_DUE_SOON fu-soon actor:prof-1", "FOLLOW_UP_OVERDUE fu-overdue actor:prof-1"]);
      expect(await watermark(opened.db)).toBeNull();
    } finally {
      await opened.close();
    }

    // Started again: once the dead holder's lease has run out, the pass is redone from the old watermark.
    start("0");
    // The scheduler's pass (samhandling runs other jobs too, e.g. the archive job).
    await until("a completed pass", () => lines("job pass completed").find((l) => l.job === NOTIFICATION_JOB));
    expect(lines("time-driven notifications recorded").find((l) => l.step === "follow-ups")).toMatchObject({ events: 2, written: 0 });
    expect(await child!.stop("SIGTERM", 15_000)).toBe(0);

    opened = await openSamhandling(dbConfig);
    try {
      expect(await notifications(opened.db)).toEqual(EXPECTED);
      expect(await watermark(opened.db)).not.toBeNull();
    } finally {
      await opened.close();
    }
  }, 240_000);
});

// Through a gateway: a federation of its own with the scheduler on (the shared one runs no jobs),
// a pass every 2 s. What the scheduler writes is shown like any notification (the stafettholder's
// CASE_CONSENT_EXPIRING, the citizen's CONSENT_EXPIRING), told live (its batches commit through
// committed(), which announces them), and hidden once the consent behind it is withdrawn.
describe("the scheduler's notifications through the gateway", () => {
  const SLOT = 1;
  let hub: OwnFederation;
  const on: CallAs = async (user, query, variables = {}) => {
    const res = await hub.gateway(query, variables, await hub.asUser(user));
    if (res.errors) throw new Error(`${user}: ${JSON.stringify(res.errors)}`);
    return res.data as Record<string, any>;
  };
  const kindsIn = async (user: string, caseId: string): Promise<string[]> =>
    (await on(user, `{ myNotifications(first: 100) { edges { node { kind caseId } } } }`)).myNotifications.edges
      .map((e: { node: { kind: string; caseId: string } }) => e.node)
      .filter((n: { caseId: string }) => n.caseId === caseId)
      .map((n: { kind: string }) => n.kind);

  beforeAll(async () => {
    hub = await startOwnFederation(SLOT, { JOBS_ENABLED: "true", NOTIFICATION_SCHEDULER_INTERVAL: "2s" });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
  });

  it("shows a consent running out to the stafettholder and the citizen who gave it, tells it live, and hides it once withdrawn", async () => {
    const concernId = (await on(OPENER, `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId: SOFIE, text: "Bekymring (planlagte varsler)." } })).registerConcern.id;
    const caseId = (await on(OPENER, `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { kind: "BTI", title: "Samtykke som går ut", subjectIds: [SOFIE], concernId } })).openCase.id as string;
    const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
    await on(OPENER, ADD, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
    await on(OPENER, ADD, { caseId, input: { personId: KARI, displayName: "Kari Sandvik", role: "FAMILY" } });
    // The stafettholder listens before the consent exists.
    const stream = subscribeThroughGateway<{ notificationsUpdated: { added: { kind: string; caseId: string }[] } }>(
      `subscription { notificationsUpdated { added { kind caseId } } }`,
      await hub.asUser(OPENER),
      hub.federation.gatewayUrl,
    );
    try {
      const validTo = new Date(day(new Date(), 20).getTime() + 10 * 3_600_000).toISOString();
      const input = { caseId, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services: ["HELSE"], categories: ["INVOLVEMENT"], childView: "Det er greit.", validTo };
      const consentId = (await on(KARI, `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, { input })).grantConsent.id as string;

      await expect.poll(() => kindsIn(OPENER, caseId), { timeout: 60_000, interval: 1_000 }).toContain("CASE_CONSENT_EXPIRING");
      await expect.poll(() => kindsIn(KARI, caseId), { timeout: 10_000, interval: 1_000 }).toContain("CONSENT_EXPIRING");
      // Only the stafettholder and the citizen: another member is told nothing of it.
      expect(await kindsIn(HEALTH, caseId)).not.toContain("CASE_CONSENT_EXPIRING");
      // Told live, like the notifications a change makes.
      await expect
        .poll(() => stream.results.flatMap((r) => r.data?.notificationsUpdated.added ?? []).filter((n) => n.caseId === caseId).map((n) => n.kind), { timeout: 15_000 })
        .toContain("CASE_CONSENT_EXPIRING");

      await on(KARI, `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: consentId });
      expect(await kindsIn(OPENER, caseId)).not.toContain("CASE_CONSENT_EXPIRING");
      expect(await kindsIn(KARI, caseId)).not.toContain("CONSENT_EXPIRING");
    } finally {
      stream.close();
    }
  }, 120_000);
});
