-- CreateEnum
CREATE TYPE "BarnevernPhase" AS ENUM ('REPORT_RECEIVED', 'INVESTIGATION', 'MEASURES', 'AFTERCARE', 'CLOSED');

-- CreateEnum
CREATE TYPE "BarnevernMeasureKind" AS ENUM ('PARENTAL_GUIDANCE', 'RELIEF_MEASURE', 'SUPPORT_CONTACT', 'FOSTER_CARE', 'AFTERCARE_HOUSING', 'AFTERCARE_FINANCIAL', 'AFTERCARE_FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "barnevern_case" (
    "person_id" TEXT NOT NULL,
    "phase" "BarnevernPhase" NOT NULL,
    "opened_at" DATE NOT NULL,
    "caseworker_name" TEXT NOT NULL,
    "caseworker_phone" TEXT,
    "aftercare_ends_at" DATE,

    CONSTRAINT "barnevern_case_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "barnevern_measure" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" "BarnevernMeasureKind" NOT NULL,
    "status" "MeasureStatus" NOT NULL,
    "started_at" DATE NOT NULL,
    "ends_at" DATE,

    CONSTRAINT "barnevern_measure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "barnevern_measure_person_id_idx" ON "barnevern_measure"("person_id");
