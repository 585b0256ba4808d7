-- CreateEnum
CREATE TYPE "CaseBasis" AS ENUM ('CONCERN', 'REFERRAL', 'DECISION');

-- AlterTable
ALTER TABLE "coordination_case" ADD COLUMN     "basis" "CaseBasis",
ADD COLUMN     "basis_reference" TEXT;

-- CreateTable
CREATE TABLE "concern" (
    "id" TEXT NOT NULL,
    "subject_person_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "noticed_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_by" TEXT NOT NULL,
    "service" "ServiceName" NOT NULL,
    "case_id" TEXT,

    CONSTRAINT "concern_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "concern_case_id_key" ON "concern"("case_id");

-- CreateIndex
CREATE INDEX "concern_registered_by_registered_at_idx" ON "concern"("registered_by", "registered_at");

-- CreateIndex
CREATE INDEX "concern_subject_person_id_idx" ON "concern"("subject_person_id");

-- AddForeignKey
ALTER TABLE "concern" ADD CONSTRAINT "concern_registered_by_fkey" FOREIGN KEY ("registered_by") REFERENCES "employee"("actor_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "concern" ADD CONSTRAINT "concern_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
