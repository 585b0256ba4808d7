-- One row per (request, decision) naming everyone the look was about, instead of one row per person:
-- an overview of a family of five wrote five rows per service. Existing rows keep their one person
-- (and their hashes: a row about one person hashes exactly as before, services/kit/access-log.ts).

-- AlterTable
ALTER TABLE "access_log" ADD COLUMN "person_ids" TEXT[];
UPDATE "access_log" SET "person_ids" = ARRAY["person_id"];

-- DropIndex
DROP INDEX "access_log_person_id_at_idx";

-- AlterTable
ALTER TABLE "access_log" DROP COLUMN "person_id";

-- CreateIndex
CREATE INDEX "access_log_person_ids_idx" ON "access_log" USING GIN ("person_ids");
