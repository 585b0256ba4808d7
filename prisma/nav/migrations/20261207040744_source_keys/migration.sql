-- AlterTable
ALTER TABLE "nav_follow_up" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- AlterTable
ALTER TABLE "nav_measure" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "nav_follow_up_source_system_source_id_key" ON "nav_follow_up"("source_system", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "nav_measure_source_system_source_id_key" ON "nav_measure"("source_system", "source_id");
