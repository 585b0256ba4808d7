-- CreateEnum
CREATE TYPE "HealthServiceKind" AS ENUM ('HELSESTASJON', 'SCHOOL_HEALTH', 'FASTLEGE', 'MUNICIPAL_MENTAL_HEALTH', 'SUBSTANCE_SERVICE', 'BUP', 'DPS', 'FACT', 'FRISKLIVSSENTRAL');

-- CreateEnum
CREATE TYPE "FollowUpType" AS ENUM ('ROUTINE', 'CONSULTATIONS', 'TREATMENT', 'TEAM_FOLLOW_UP', 'HOME_VISITS');

-- CreateTable
CREATE TABLE "health_contact" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" "HealthServiceKind" NOT NULL,
    "follow_up" "FollowUpType" NOT NULL,
    "unit" TEXT NOT NULL,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "since" DATE NOT NULL,
    "until" DATE,

    CONSTRAINT "health_contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "health_contact_person_id_idx" ON "health_contact"("person_id");
