-- AlterTable
ALTER TABLE "barnevern_case" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- AlterTable
ALTER TABLE "barnevern_measure" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "barnevern_case_source_system_source_id_key" ON "barnevern_case"("source_system", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "barnevern_measure_source_system_source_id_key" ON "barnevern_measure"("source_system", "source_id");
