-- AlterTable
ALTER TABLE "case_member" ADD COLUMN     "family_choice" TEXT;

-- AlterTable
ALTER TABLE "meeting_decision" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- One open handover proposal per case, whatever the application does: a
-- partial unique index (Prisma's schema cannot express it, so it lives here).
CREATE UNIQUE INDEX "handover_one_open_proposal_per_case" ON "handover"("case_id") WHERE "status" = 'PROPOSED';
