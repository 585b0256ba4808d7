-- CreateEnum
CREATE TYPE "HousingApplicationStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'ALLOCATED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HousingAllowanceStatus" AS ENUM ('APPLIED', 'GRANTED', 'REJECTED', 'ENDED');

-- CreateEnum
CREATE TYPE "EvictionStage" AS ENUM ('RENT_ARREARS', 'NOTICE', 'PETITION', 'EVICTION_SET', 'AVERTED', 'EVICTED');

-- CreateTable
CREATE TABLE "housing_application" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "applying_for" TEXT NOT NULL,
    "status" "HousingApplicationStatus" NOT NULL,
    "submitted_on" DATE NOT NULL,
    "decided_on" DATE,
    "caseworker_name" TEXT,
    "caseworker_phone" TEXT,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "housing_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "housing_allowance" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "status" "HousingAllowanceStatus" NOT NULL,
    "monthly_amount" INTEGER,
    "from_month" DATE NOT NULL,
    "until_month" DATE,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "housing_allowance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "housing_guide" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "guide_name" TEXT NOT NULL,
    "guide_phone" TEXT,
    "since" DATE NOT NULL,
    "until" DATE,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "housing_guide_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "temporary_housing" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind_of_place" TEXT NOT NULL,
    "from_date" DATE NOT NULL,
    "until_date" DATE,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "temporary_housing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "eviction_risk" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "stage" "EvictionStage" NOT NULL,
    "noted_on" DATE NOT NULL,
    "eviction_date" DATE,
    "description" TEXT NOT NULL,
    "source_system" TEXT,
    "source_id" TEXT,

    CONSTRAINT "eviction_risk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "housing_application_person_id_idx" ON "housing_application"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "housing_application_source_system_source_id_key" ON "housing_application"("source_system", "source_id");

-- CreateIndex
CREATE INDEX "housing_allowance_person_id_idx" ON "housing_allowance"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "housing_allowance_source_system_source_id_key" ON "housing_allowance"("source_system", "source_id");

-- CreateIndex
CREATE INDEX "housing_guide_person_id_idx" ON "housing_guide"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "housing_guide_source_system_source_id_key" ON "housing_guide"("source_system", "source_id");

-- CreateIndex
CREATE INDEX "temporary_housing_person_id_idx" ON "temporary_housing"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "temporary_housing_source_system_source_id_key" ON "temporary_housing"("source_system", "source_id");

-- CreateIndex
CREATE INDEX "eviction_risk_person_id_idx" ON "eviction_risk"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "eviction_risk_source_system_source_id_key" ON "eviction_risk"("source_system", "source_id");
