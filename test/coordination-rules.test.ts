// The date rules of coordination work, and what the database itself guarantees:
// no edits of the stafettlogg, one open handover proposal per case.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { followUpOverdue, levelDeadline, levelOverdue, notBeforeToday } from "../services/samhandling/coordination/rules.ts";

describe("BTI level 0 deadline", () => {
  const concern = new Date("2026-11-01T10:00:00Z");
  it("is 14 days after the concern was registered, on the Oslo calendar", () => {
    expect(levelDeadline(concern).toISOString().slice(0, 10)).toBe("2026-11-15");
    // 23:30 UTC on 31 October is already 1 November in Oslo.
    expect(levelDeadline(new Date("2026-10-31T23:30:00Z")).toISOString().slice(0, 10)).toBe("2026-11-15");
  });
  it("is overdue only after the deadline day, while undecided and open", () => {
    const open = { concernRegisteredAt: concern, levelDecidedAt: null, status: "OPEN" };
    expect(levelOverdue(open, new Date("2026-11-15T20:00:00Z"))).toBe(false);
    expect(levelOverdue(open, new Date("2026-11-16T08:00:00Z"))).toBe(true);
    expect(levelOverdue({ ...open, levelDecidedAt: new Date("2026-11-10T08:00:00Z") }, new Date("2026-12-01T08:00:00Z"))).toBe(false);
    expect(levelOverdue({ ...open, status: "CLOSED" }, new Date("2026-12-01T08:00:00Z"))).toBe(false);
    expect(levelOverdue({ ...open, concernRegisteredAt: null }, new Date("2026-12-01T08:00:00Z"))).toBe(false);
  });
});

describe("follow-ups", () => {
  const due = new Date("2026-11-20T00:00:00Z");
  it("are overdue after their due day unless done or cancelled", () => {
    expect(followUpOverdue({ status: "ACTIVE", dueDate: due }, new Date("2026-11-20T21:00:00Z"))).toBe(false);
    expect(followUpOverdue({ status: "ACTIVE", dueDate: due }, new Date("2026-11-21T08:00:00Z"))).toBe(true);
    expect(followUpOverdue({ status: "PLANNED", dueDate: due }, new Date("2026-11-21T08:00:00Z"))).toBe(true);
    expect(followUpOverdue({ status: "DONE", dueDate: due }, new Date("2026-12-21T08:00:00Z"))).toBe(false);
    expect(followUpOverdue({ status: "CANCELLED", dueDate: due }, new Date("2026-12-21T08:00:00Z"))).toBe(false);
  });
  it("cannot be given a due date in the past", () => {
    expect(notBeforeToday(new Date("2026-11-22T00:00:00Z"), new Date("2026-11-23T08:00:00Z"))).toBe(false);
    expect(notBeforeToday(new Date("2026-11-23T00:00:00Z"), new Date("2026-11-23T08:00:00Z"))).toBe(true);
  });
});

/** A fresh samhandling database with every migration applied. */
async function migrated(): Promise<PGlite> {
  const db = await PGlite.create();
  const dir = path.join(ROOT_DIR, "prisma", "samhandling", "migrations");
  for (const m of fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort()) await db.exec(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  return db;
}

describe("the stafettlogg in the database", () => {
  it("refuses UPDATE and DELETE: corrections are new entries", async () => {
    const db = await migrated();
    try {
      await db.exec(`INSERT INTO coordination_case (id, kind, title, status, opened_at) VALUES ('c-1', 'BTI', 't', 'OPEN', now());
        INSERT INTO stafettlogg_entry (id, case_id, kind, text, author_actor_id, author_name, author_service, at) VALUES ('sl-1', 'c-1', 'NOTE', 'first', 'a', 'A', 'SKOLE', now());
        INSERT INTO stafettlogg_entry (id, case_id, kind, text, author_actor_id, author_name, author_service, at, corrects_id) VALUES ('sl-2', 'c-1', 'NOTE', 'fixed', 'a', 'A', 'SKOLE', now(), 'sl-1');`);
      await expect(db.exec(`UPDATE stafettlogg_entry SET text = 'edited' WHERE id = 'sl-1'`)).rejects.toThrow(/append-only/);
      await expect(db.exec(`DELETE FROM stafettlogg_entry WHERE id = 'sl-1'`)).rejects.toThrow(/append-only/);
      const rows = await db.query<{ text: string }>(`SELECT text FROM stafettlogg_entry ORDER BY id`);
      expect(rows.rows.map((r) => r.text)).toEqual(["first", "fixed"]);
    } finally {
      await db.close();
    }
  });
});

describe("handover proposals in the database", () => {
  it("allows one open proposal per case, whatever the application does, and any number of answered ones", async () => {
    const db = await migrated();
    const proposal = (id: string, caseId: string, status: string) =>
      `INSERT INTO handover (id, case_id, from_member_id, to_member_id, status, family_wish, proposed_at) VALUES ('${id}', '${caseId}', 'm-1', 'm-2', '${status}', 'w', now())`;
    try {
      await db.exec(`INSERT INTO coordination_case (id, kind, title, status, opened_at) VALUES ('c-1', 'BTI', 't', 'OPEN', now()), ('c-2', 'BTI', 't', 'OPEN', now());`);
      await db.exec(proposal("hd-1", "c-1", "PROPOSED"));
      await expect(db.exec(proposal("hd-2", "c-1", "PROPOSED"))).rejects.toThrow(/handover_one_open_proposal_per_case/);
      await db.exec(proposal("hd-3", "c-2", "PROPOSED"));
      for (const [id, status] of [["hd-4", "DECLINED"], ["hd-5", "CANCELLED"], ["hd-6", "ACCEPTED"]]) await db.exec(proposal(id!, "c-1", status!));
      // Once answered, the case may have a new open proposal.
      await db.exec(`UPDATE handover SET status = 'DECLINED' WHERE id = 'hd-1'`);
      await db.exec(proposal("hd-7", "c-1", "PROPOSED"));
      const open = await db.query<{ id: string }>(`SELECT id FROM handover WHERE status = 'PROPOSED' ORDER BY id`);
      expect(open.rows.map((r) => r.id)).toEqual(["hd-3", "hd-7"]);
    } finally {
      await db.close();
    }
  });
});
