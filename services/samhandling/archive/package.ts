// The archive package's life: written in the transaction that closes the case
// (the record, an outbox row), rendered right after the commit (the PDF/A copy
// and the machine-readable file), and — if the process died in between —
// rendered by the archive job, which picks up every package still without its
// files. Rendering takes up to a few seconds for a long case, too long to hold
// the case's lock and a transaction open for; the record itself is read in the
// closing transaction, so the package is the case exactly as it closed, and
// nothing is lost whenever the process dies.
//
// This file is the room's door: cases/changes.ts calls `recordArchivePackage`
// and `renderArchivePackage`; index.ts runs `archiveJob`.
import type { Prisma } from "../../../prisma/samhandling/generated/client.ts";
import type { ScheduledJob } from "../../kit/subgraph.ts";
import { createLogger, errorFields } from "../../kit/log.ts";
import { sha256Hex } from "../../kit/downloadable-file.ts";
import { renderPdf } from "../../kit/pdf/render.ts";
import type { SamhandlingClient } from "../data.ts";
import { archiveDocument } from "./document.ts";
import { readRecord, type ArchiveRecord } from "./record.ts";
import { ARCHIVE_FILES } from "./files.ts";

const log = createLogger("samhandling");

/** The job's name (its lease row) and how often an instance looks for packages left unrendered. */
export const ARCHIVE_JOB = "archive-packages";
const ARCHIVE_JOB_INTERVAL_MS = 30_000;

/** In the closing transaction: the case's record, as the package to render. */
export async function recordArchivePackage(tx: Prisma.TransactionClient, caseId: string, holderMemberId: string, closedAt: Date): Promise<void> {
  const record = await readRecord(tx, caseId);
  await tx.caseArchive.create({
    data: { caseId, systemId: record.systemID, holderMemberId, closedAt, record: record as unknown as Prisma.InputJsonValue },
  });
}

/** The machine-readable file: the record with the PDF listed by name, format and checksum (Noark dokumentobjekt). */
export function metadataFile(record: ArchiveRecord, caseId: string, pdf: Buffer, createdAt: Date): Buffer {
  const dokumenter = [
    {
      tittel: `Arkivkopi: ${record.saksmappe.tittel}`,
      filnavn: ARCHIVE_FILES.pdf(caseId),
      mimeType: "application/pdf",
      format: "PDF/A-2b",
      sjekksum: sha256Hex(pdf),
      sjekksumAlgoritme: "SHA-256",
      filstoerrelse: pdf.byteLength,
      opprettetDato: createdAt.toISOString(),
    },
  ];
  return Buffer.from(`${JSON.stringify({ ...record, dokumenter }, null, 2)}\n`, "utf8");
}

/**
 * Renders a package that has no files yet; one that has is left as it is, so
 * the request that closed the case and the job may both try. Returns whether
 * this call wrote the files.
 */
export async function renderArchivePackage(db: SamhandlingClient, caseId: string, now = new Date()): Promise<boolean> {
  const row = await db.caseArchive.findUnique({ where: { caseId }, select: { record: true, pdf: true } });
  if (!row || row.pdf !== null) return false;
  const record = row.record as unknown as ArchiveRecord;
  const pdf = await renderPdf(archiveDocument(record, now));
  const json = metadataFile(record, caseId, pdf, now);
  const { count } = await db.caseArchive.updateMany({ where: { caseId, pdf: null }, data: { pdf: new Uint8Array(pdf), metadataJson: new Uint8Array(json), renderedAt: now } });
  return count === 1;
}

/** Every package still without its files (a process died between close and render): rendered, oldest first. */
export function archiveJob(db: SamhandlingClient): ScheduledJob {
  return {
    name: ARCHIVE_JOB,
    intervalMs: ARCHIVE_JOB_INTERVAL_MS,
    run: async (pass) => {
      const pending = await db.caseArchive.findMany({ where: { pdf: null }, select: { caseId: true }, orderBy: [{ closedAt: "asc" }, { caseId: "asc" }] });
      for (const { caseId } of pending) {
        try {
          if (await renderArchivePackage(db, caseId)) log.info("archive package rendered by the job", { caseId });
        } catch (error) {
          // One package that will not render must not hold up the others; it is tried again next pass.
          log.error("archive package could not be rendered", { caseId, ...errorFields(error) });
        }
        await pass.checkpoint("archive package");
      }
    },
  };
}
