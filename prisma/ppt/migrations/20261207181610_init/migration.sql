-- CreateEnum
CREATE TYPE "PptReferralStatus" AS ENUM ('RECEIVED', 'WAITING', 'IN_PROGRESS', 'CONCLUDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PptAssessmentStage" AS ENUM ('ORDERED', 'MAPPING', 'WRITING', 'DELIVERED');

-- CreateEnum
CREATE TYPE "PptRecommendation" AS ENUM ('SPECIAL_EDUCATION', 'SPECIAL_PEDAGOGICAL_HELP', 'ADAPTED_TEACHING', 'NO_SPECIAL_NEEDS');

-- CreateTable
CREATE TABLE "ppt_referral" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "referred_by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "PptReferralStatus" NOT NULL,
    "received_on" DATE NOT NULL,
    "closed_on" DATE,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "ppt_referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ppt_assessment" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "stage" "PptAssessmentStage" NOT NULL,
    "started_on" DATE NOT NULL,
    "delivered_on" DATE,
    "recommendation" "PptRecommendation",
    "recommended_hours" INTEGER,
    "recommendation_summary" TEXT,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "ppt_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ppt_referral_person_id_idx" ON "ppt_referral"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "ppt_referral_source_system_source_id_key" ON "ppt_referral"("source_system", "source_id");

-- CreateIndex
CREATE INDEX "ppt_assessment_person_id_idx" ON "ppt_assessment"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "ppt_assessment_source_system_source_id_key" ON "ppt_assessment"("source_system", "source_id");
