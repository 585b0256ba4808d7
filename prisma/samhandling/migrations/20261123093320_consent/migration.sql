-- CreateEnum
CREATE TYPE "ConsentCapacity" AS ENUM ('SELF', 'GUARDIAN');

-- CreateEnum
CREATE TYPE "ConsentDecision" AS ENUM ('PERMIT', 'DENY');

-- CreateTable
CREATE TABLE "consent" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "subject_person_id" TEXT NOT NULL,
    "given_by_person_id" TEXT NOT NULL,
    "capacity" "ConsentCapacity" NOT NULL,
    "decision" "ConsentDecision" NOT NULL,
    "services" "ServiceName"[],
    "categories" TEXT[],
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3),
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by" TEXT,
    "child_view" TEXT,
    "note" TEXT,
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "consent_case_id_subject_person_id_idx" ON "consent"("case_id", "subject_person_id");

-- CreateIndex
CREATE INDEX "consent_subject_person_id_idx" ON "consent"("subject_person_id");

-- CreateIndex
CREATE INDEX "consent_given_by_person_id_idx" ON "consent"("given_by_person_id");

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
