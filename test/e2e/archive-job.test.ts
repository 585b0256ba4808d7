// The archive job (services/samhandling/archive/package.ts) on a samhandling
// database of its own (PostgreSQL in the PostgreSQL pass, embedded PGlite
// otherwise): a case closed by a process that died before rendering its
// package — the record written in the closing transaction, no files — gets its
// PDF and JSON from the next pass, and a second pass writes nothing again.
import "reflect-metadata";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphConfig } from "../../services/kit/config.ts";
import { createJobRunner } from "../../services/kit/jobs.ts";
import { archiveJob, recordArchivePackage } from "../../services/samhandling/archive/package.ts";
import { freshDatabase, openSamhandling, type OpenedSamhandling } from "../support/samhandling-database.ts";
import { pdfText } from "../support/pdf-text.ts";

const CASE = "c-archivejob01";
const config = subgraphConfig("samhandling", { JOB_LEASE: "30s" });
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("the archive job", () => {
  let scratch: string;
  let opened: OpenedSamhandling;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "archive-job-"));
    opened = await openSamhandling(await freshDatabase("archive_job", scratch));
    const { db } = opened;
    const at = new Date("2026-03-02T09:00:00Z");
    await db.coordinationCase.create({ data: { id: CASE, kind: "BTI", title: "BTI – jobbtest", btiLevel: 1, openedAt: at, basis: "REFERRAL", basisReference: "Henvisning 2026/9" } });
    await db.caseSubject.create({ data: { caseId: CASE, personId: "p-child" } });
    await db.caseMember.createMany({
      data: [
        { id: "m-holder", caseId: CASE, displayName: "Ánde Šuoŋŋa", service: "SKOLE", role: "STAFETTHOLDER", joinedAt: at },
        { id: "m-family", caseId: CASE, personId: "p-child", displayName: "Máret Čoalmmi", service: "FAMILY", role: "FAMILY", joinedAt: at },
      ],
    });
    await db.stafettloggEntry.create({ data: { id: "sl-1", caseId: CASE, kind: "NOTE", text: "Samtale med Máret om skolen.", authorActorId: "a-1", authorName: "Ánde Šuoŋŋa", authorService: "SKOLE", at } });
    // The closing transaction of a process that then died: closed, the record written, no files.
    await db.$transaction(async (tx) => {
      const closedAt = new Date("2026-06-01T12:00:00Z");
      await tx.coordinationCase.update({ where: { id: CASE }, data: { status: "CLOSED", closedAt, closedReason: "Flyttet.", holderMemberId: "m-holder" } });
      await recordArchivePackage(tx, CASE, "m-holder", closedAt);
    });
  }, 120_000);
  afterAll(async () => {
    await opened?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("renders a package a dead process left without files, once", async () => {
    const { db, database } = opened;
    expect(await db.caseArchive.findUniqueOrThrow({ where: { caseId: CASE } })).toMatchObject({ pdf: null, metadataJson: null, renderedAt: null });
    let clock = new Date();
    const runner = createJobRunner({ ...archiveJob(db), now: () => clock, db: database.pool, leaseMs: config.jobs.leaseMs });
    expect(await runner.runOnce()).toMatchObject({ ran: true, completed: true });

    const row = await db.caseArchive.findUniqueOrThrow({ where: { caseId: CASE } });
    expect(row.pdf).not.toBeNull();
    const pdf = Buffer.from(row.pdf!);
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const expected of ["Arkivkopi: BTI – jobbtest", "Samtale med Máret om skolen.", "Ánde Šuoŋŋa", "Máret Čoalmmi", "Flyttet."]) expect(text, expected).toContain(expected.replace(/\s+/g, ""));
    const record = JSON.parse(Buffer.from(row.metadataJson!).toString("utf8"));
    expect(record.dokumenter[0].sjekksum).toBe(sha256(pdf));
    expect(record.saksmappe).toMatchObject({ avsluttetAv: "Ánde Šuoŋŋa", avslutningsgrunn: "Flyttet.", grunnlag: { type: "REFERRAL", referanse: "Henvisning 2026/9" } });

    // The next pass finds nothing to do: the files stay as they were.
    clock = new Date(clock.getTime() + 60_000);
    expect(await runner.runOnce()).toMatchObject({ ran: true, completed: true });
    const again = await db.caseArchive.findUniqueOrThrow({ where: { caseId: CASE } });
    expect(again.renderedAt).toEqual(row.renderedAt);
    expect(sha256(again.pdf!)).toBe(sha256(pdf));
  });
});
