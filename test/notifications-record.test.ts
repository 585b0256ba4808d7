// The notification outbox's one entry point (services/samhandling/notifications/
// record.ts) against a real embedded database seeded with the Fjordvik demo:
// one row per recipient with references only; the same event written twice
// (a producer's retry, the scheduler's next run) adds nothing; a kind the
// recipient switched off is not written; a rolled-back change leaves no
// notification behind; the database refuses a row with no recipient or two.
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../services/kit/db/database.ts";
import { seedTables } from "../services/kit/db/seed.ts";
import { demoCaseId, fjordvik } from "../demo/fjordvik.ts";
import { createClient, type SamhandlingClient } from "../services/samhandling/data.ts";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_VALUES } from "../services/samhandling/notifications/kinds.ts";
import { dedupeKey, othersThan, recordNotifications, type NotificationDraft } from "../services/samhandling/notifications/record.ts";
import { committed } from "../services/samhandling/after-commit.ts";

let dataDir: string;
let database: Database;
let db: SamhandlingClient;
const CASE = demoCaseId("haugland");

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "notifications-record-"));
  database = await openDatabase({ service: "samhandling", databaseUrl: undefined, databasePoolSize: 1, dataDir });
  db = createClient(database.adapter);
  await seedTables(db, fjordvik().samhandling);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const draft = (over: Partial<NotificationDraft> = {}): NotificationDraft => ({
  kind: "FOLLOW_UP_OVERDUE",
  caseId: CASE,
  refId: "ms-test",
  event: "ms-test:2026-12-01",
  recipients: [{ actorId: "nav-veileder-1" }, { personId: "p-test" }],
  ...over,
});

describe("recordNotifications", () => {
  it("writes one row per recipient with references only, and the same event again adds nothing", async () => {
    const first = await committed(db, (tx) => recordNotifications(tx, [draft()]));
    expect(first.map((r) => [r.recipientActorId, r.recipientPersonId, r.kind, r.caseId, r.refId, r.readAt])).toEqual([
      ["nav-veileder-1", null, "FOLLOW_UP_OVERDUE", CASE, "ms-test", null],
      [null, "p-test", "FOLLOW_UP_OVERDUE", CASE, "ms-test", null],
    ]);
    expect(first[0]!.dedupeKey).toBe(dedupeKey("FOLLOW_UP_OVERDUE", "ms-test:2026-12-01", { actorId: "nav-veileder-1" }));
    const again = await committed(db, (tx) => recordNotifications(tx, [draft(), draft({ recipients: [{ actorId: "nav-veileder-1" }, { actorId: "nav-veileder-1" }] })]));
    expect(again).toEqual([]);
    expect(await db.notification.count({ where: { refId: "ms-test" } })).toBe(2);
    // Another event about the same thing (the next due date) is another notification.
    expect(await committed(db, (tx) => recordNotifications(tx, [draft({ event: "ms-test:2026-12-08", recipients: [{ actorId: "nav-veileder-1" }] })]))).toHaveLength(1);
  });

  it("leaves out recipients who switched the kind off", async () => {
    await db.notificationPreference.create({ data: { id: "npref-test", recipientActorId: "skole-kontaktlaerer-1", mutedKinds: ["MEETING_MOVED"], email: false, updatedAt: new Date() } });
    const written = await committed(db, (tx) =>
      recordNotifications(tx, [
        draft({ kind: "MEETING_MOVED", refId: "mt-test", event: "mt-test:1-2", recipients: [{ actorId: "skole-kontaktlaerer-1" }, { actorId: "nav-veileder-1" }] }),
        draft({ kind: "MEETING_CANCELLED", refId: "mt-test", event: "mt-test", recipients: [{ actorId: "skole-kontaktlaerer-1" }] }),
      ]),
    );
    expect(written.map((r) => [r.kind, r.recipientActorId])).toEqual([
      ["MEETING_MOVED", "nav-veileder-1"],
      ["MEETING_CANCELLED", "skole-kontaktlaerer-1"],
    ]);
  });

  it("commits with the change or not at all", async () => {
    await expect(
      committed(db, async (tx) => {
        await recordNotifications(tx, [draft({ refId: "ms-rolled-back", event: "ms-rolled-back" })]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notification.count({ where: { refId: "ms-rolled-back" } })).toBe(0);
  });

  it("is refused by the database without exactly one recipient", async () => {
    const row = { kind: "MEETING_SCHEDULED", caseId: CASE, refId: null, createdAt: new Date() };
    await expect(db.notification.create({ data: { ...row, id: "ntf-none", dedupeKey: "none" } })).rejects.toThrow();
    await expect(db.notification.create({ data: { ...row, id: "ntf-two", dedupeKey: "two", recipientActorId: "nav-veileder-1", recipientPersonId: "p-test" } })).rejects.toThrow();
  });

  it("never tells the one who acted, nor anyone twice", () => {
    expect(othersThan([{ actorId: "a" }, { personId: "p" }, { actorId: "a" }, { actorId: "b" }], { actorId: "a" })).toEqual([{ personId: "p" }, { actorId: "b" }]);
  });

  it("describes every kind, event-driven and time-driven", () => {
    for (const kind of NOTIFICATION_KIND_VALUES) expect(NOTIFICATION_KINDS[kind].description.length, kind).toBeGreaterThan(30);
    expect(NOTIFICATION_KIND_VALUES.filter((k) => NOTIFICATION_KINDS[k].source === "time").sort()).toEqual([
      "CASE_CONSENT_EXPIRING",
      "CONSENT_EXPIRING",
      "FOLLOW_UP_DUE_SOON",
      "FOLLOW_UP_OVERDUE",
      "LEVEL_DEADLINE_PASSED",
      "LEVEL_DEADLINE_SOON",
    ]);
  });
});
