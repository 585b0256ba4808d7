-- CreateEnum
CREATE TYPE "NavMeasureKind" AS ENUM ('SOCIAL_ASSISTANCE', 'KVP', 'IPS', 'HOUSING_FOLLOW_UP', 'TEMPORARY_HOUSING', 'FAMILY_COORDINATOR', 'DEBT_ADVICE', 'YOUTH_TEAM', 'WORK_TRAINING', 'INTRODUCTION_PROGRAMME', 'RELEASE_FOLLOW_UP');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "nav_follow_up" (
    "person_id" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "veileder_name" TEXT NOT NULL,
    "veileder_phone" TEXT,
    "since" DATE NOT NULL,
    "ended_at" DATE,

    CONSTRAINT "nav_follow_up_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "nav_measure" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" "NavMeasureKind" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "MeasureStatus" NOT NULL,
    "started_at" DATE NOT NULL,
    "ends_at" DATE,

    CONSTRAINT "nav_measure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "nav_measure_person_id_idx" ON "nav_measure"("person_id");
