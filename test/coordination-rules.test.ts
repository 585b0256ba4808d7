// The date rules of coordination work, and the database's refusal to edit the stafettlogg.
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

describe("the stafettlogg in the database", () => {
  it("refuses UPDATE and DELETE: corrections are new entries", async () => {
    const db = await PGlite.create();
    try {
      const dir = path.join(ROOT_DIR, "prisma", "samhandling", "migrations");
      for (const m of fs.readdirSync(dir).filter((d) => /^\d{14}_/.test(d)).sort()) await db.exec(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
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
