-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('BTI', 'ANSVARSGRUPPE');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ServiceName" AS ENUM ('NAV', 'BARNEVERN', 'SKOLE', 'HELSE', 'FRIVILLIGHET', 'SAMHANDLING', 'FAMILY');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('COORDINATOR', 'STAFETTHOLDER', 'PROFESSIONAL', 'FAMILY', 'TRUSTED_PERSON');

-- CreateTable
CREATE TABLE "coordination_case" (
    "id" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "title" TEXT NOT NULL,
    "family_id" TEXT,
    "bti_level" INTEGER,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMP(3) NOT NULL,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "coordination_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_subject" (
    "case_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,

    CONSTRAINT "case_subject_pkey" PRIMARY KEY ("case_id","person_id")
);

-- CreateTable
CREATE TABLE "case_member" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "person_id" TEXT,
    "display_name" TEXT NOT NULL,
    "service" "ServiceName" NOT NULL,
    "role" "MemberRole" NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL,
    "left_at" TIMESTAMP(3),

    CONSTRAINT "case_member_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "coordination_case_family_id_idx" ON "coordination_case"("family_id");

-- CreateIndex
CREATE INDEX "case_subject_person_id_idx" ON "case_subject"("person_id");

-- CreateIndex
CREATE INDEX "case_member_case_id_idx" ON "case_member"("case_id");

-- CreateIndex
CREATE INDEX "case_member_actor_id_idx" ON "case_member"("actor_id");

-- AddForeignKey
ALTER TABLE "case_subject" ADD CONSTRAINT "case_subject_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
