-- CreateEnum
CREATE TYPE "VoluntaryKind" AS ENUM ('ACTIVITY', 'MENTOR', 'LANGUAGE_MENTOR', 'FRITIDSKORT', 'TRUSTED_PERSON', 'PEER_WORKER');

-- CreateTable
CREATE TABLE "voluntary_activity" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" "VoluntaryKind" NOT NULL,
    "organisation" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "since" DATE NOT NULL,
    "until" DATE,

    CONSTRAINT "voluntary_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "voluntary_activity_person_id_idx" ON "voluntary_activity"("person_id");
