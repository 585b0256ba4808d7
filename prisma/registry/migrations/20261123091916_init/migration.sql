-- CreateEnum
CREATE TYPE "FamilyRole" AS ENUM ('ADULT', 'CHILD');

-- CreateTable
CREATE TABLE "person" (
    "id" TEXT NOT NULL,
    "national_id" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "preferred_language" TEXT,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,

    CONSTRAINT "family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family_member" (
    "family_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "role" "FamilyRole" NOT NULL,

    CONSTRAINT "family_member_pkey" PRIMARY KEY ("family_id","person_id")
);

-- CreateTable
CREATE TABLE "guardianship" (
    "child_id" TEXT NOT NULL,
    "guardian_id" TEXT NOT NULL,
    "parental_responsibility" BOOLEAN NOT NULL,

    CONSTRAINT "guardianship_pkey" PRIMARY KEY ("child_id","guardian_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "person_national_id_key" ON "person"("national_id");

-- CreateIndex
CREATE INDEX "family_member_person_id_idx" ON "family_member"("person_id");

-- CreateIndex
CREATE INDEX "guardianship_guardian_id_idx" ON "guardianship"("guardian_id");

-- AddForeignKey
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_member" ADD CONSTRAINT "family_member_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_guardian_id_fkey" FOREIGN KEY ("guardian_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
