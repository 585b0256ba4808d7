-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StafettloggKind" AS ENUM ('CONCERN', 'DECISION', 'MEASURE', 'EVALUATION', 'NOTE');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GoalTerm" AS ENUM ('SHORT', 'LONG');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('OPEN', 'ACHIEVED', 'DROPPED');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('PLANNED', 'ACTIVE', 'DONE', 'CANCELLED');

-- AlterEnum
ALTER TYPE "CaseKind" ADD VALUE 'INVESTERINGSTEAM';

-- AlterTable
ALTER TABLE "coordination_case" ADD COLUMN     "closed_reason" TEXT,
ADD COLUMN     "concern_registered_at" TIMESTAMPTZ(3),
ADD COLUMN     "holder_member_id" TEXT,
ADD COLUMN     "individual_plan" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "level_decided_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "bti_level_change" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "from_level" INTEGER,
    "to_level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_by_service" "ServiceName" NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bti_level_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handover" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "from_member_id" TEXT NOT NULL,
    "to_member_id" TEXT NOT NULL,
    "status" "HandoverStatus" NOT NULL,
    "family_wish" TEXT NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    "response_note" TEXT,

    CONSTRAINT "handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stafettlogg_entry" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "kind" "StafettloggKind" NOT NULL,
    "text" TEXT NOT NULL,
    "author_actor_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "author_service" "ServiceName" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "responsible_member_id" TEXT,
    "evaluation_date" DATE,
    "corrects_id" TEXT,

    CONSTRAINT "stafettlogg_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "summary" TEXT,
    "participant_ids" TEXT[],
    "created_by" TEXT NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_decision" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "meeting_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "term" "GoalTerm" NOT NULL,
    "family_priority" INTEGER NOT NULL,
    "status" "GoalStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goal_evaluation" (
    "id" TEXT NOT NULL,
    "goal_id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "status" "GoalStatus" NOT NULL,
    "note" TEXT,

    CONSTRAINT "goal_evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "goal_id" TEXT,
    "decision_id" TEXT,
    "description" TEXT NOT NULL,
    "responsible_member_id" TEXT NOT NULL,
    "responsible_service" "ServiceName" NOT NULL,
    "due_date" DATE NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'PLANNED',
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT NOT NULL,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bti_level_change_case_id_decided_at_idx" ON "bti_level_change"("case_id", "decided_at");

-- CreateIndex
CREATE INDEX "handover_case_id_proposed_at_idx" ON "handover"("case_id", "proposed_at");

-- CreateIndex
CREATE INDEX "stafettlogg_entry_case_id_at_idx" ON "stafettlogg_entry"("case_id", "at");

-- CreateIndex
CREATE INDEX "meeting_case_id_starts_at_idx" ON "meeting"("case_id", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_decision_meeting_id_idx" ON "meeting_decision"("meeting_id");

-- CreateIndex
CREATE INDEX "goal_case_id_idx" ON "goal"("case_id");

-- CreateIndex
CREATE INDEX "goal_evaluation_goal_id_idx" ON "goal_evaluation"("goal_id");

-- CreateIndex
CREATE INDEX "goal_evaluation_meeting_id_idx" ON "goal_evaluation"("meeting_id");

-- CreateIndex
CREATE INDEX "measure_case_id_status_due_date_idx" ON "measure"("case_id", "status", "due_date");

-- CreateIndex
CREATE INDEX "measure_goal_id_idx" ON "measure"("goal_id");

-- AddForeignKey
ALTER TABLE "bti_level_change" ADD CONSTRAINT "bti_level_change_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "handover" ADD CONSTRAINT "handover_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stafettlogg_entry" ADD CONSTRAINT "stafettlogg_entry_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal" ADD CONSTRAINT "goal_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_evaluation" ADD CONSTRAINT "goal_evaluation_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goal_evaluation" ADD CONSTRAINT "goal_evaluation_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "meeting_decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The stafettlogg is append-only: a correction is a new entry referencing the old one.
CREATE FUNCTION stafettlogg_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stafettlogg entries are append-only; record a correction as a new entry';
END $$;
CREATE TRIGGER stafettlogg_entry_append_only BEFORE UPDATE OR DELETE ON "stafettlogg_entry"
  FOR EACH ROW EXECUTE FUNCTION stafettlogg_append_only();

-- Cases opened before this migration: the active stafettholder or coordinator holds the baton.
UPDATE "coordination_case" c SET "holder_member_id" = (
  SELECT m."id" FROM "case_member" m
  WHERE m."case_id" = c."id" AND m."left_at" IS NULL AND m."role" IN ('STAFETTHOLDER', 'COORDINATOR')
  ORDER BY m."joined_at" LIMIT 1
);
