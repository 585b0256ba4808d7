-- CreateEnum
CREATE TYPE "SchoolLevel" AS ENUM ('KINDERGARTEN', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'ADULT_EDUCATION');

-- CreateEnum
CREATE TYPE "SchoolSupportKind" AS ENUM ('PPT_REFERRAL', 'ADAPTED_EDUCATION', 'SPECIAL_EDUCATION', 'OT_FOLLOW_UP', 'KINDERGARTEN_QUEUE', 'LANGUAGE_SUPPORT');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "enrolment" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "level" "SchoolLevel" NOT NULL,
    "grade" INTEGER,
    "contact_teacher_name" TEXT,
    "contact_teacher_phone" TEXT,
    "since" DATE NOT NULL,
    "until" DATE,

    CONSTRAINT "enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "school_support" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "kind" "SchoolSupportKind" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "MeasureStatus" NOT NULL,
    "started_at" DATE NOT NULL,

    CONSTRAINT "school_support_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_month" (
    "person_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "absence_percent" DECIMAL(5,2) NOT NULL,

    CONSTRAINT "attendance_month_pkey" PRIMARY KEY ("person_id","month")
);

-- CreateIndex
CREATE INDEX "enrolment_person_id_idx" ON "enrolment"("person_id");

-- CreateIndex
CREATE INDEX "school_support_person_id_idx" ON "school_support"("person_id");
