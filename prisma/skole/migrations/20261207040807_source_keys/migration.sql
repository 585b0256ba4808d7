-- AlterTable
ALTER TABLE "attendance_month" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- AlterTable
ALTER TABLE "enrolment" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- AlterTable
ALTER TABLE "school_support" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_system" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "attendance_month_source_system_source_id_key" ON "attendance_month"("source_system", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "enrolment_source_system_source_id_key" ON "enrolment"("source_system", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "school_support_source_system_source_id_key" ON "school_support"("source_system", "source_id");
