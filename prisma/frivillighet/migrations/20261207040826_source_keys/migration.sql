-- AlterTable
ALTER TABLE "voluntary_activity" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "voluntary_activity_source_system_source_id_key" ON "voluntary_activity"("source_system", "source_id");
