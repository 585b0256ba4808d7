-- AlterTable
ALTER TABLE "health_contact" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "health_contact_source_system_source_id_key" ON "health_contact"("source_system", "source_id");
