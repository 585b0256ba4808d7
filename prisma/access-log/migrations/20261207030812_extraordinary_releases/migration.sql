-- AlterTable
ALTER TABLE "access_log" ADD COLUMN     "extraordinary" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "access_review" (
    "entry_seq" BIGINT NOT NULL,
    "reviewed_by" TEXT NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL,

    CONSTRAINT "access_review_pkey" PRIMARY KEY ("entry_seq")
);
