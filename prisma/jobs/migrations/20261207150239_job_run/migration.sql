-- CreateTable
CREATE TABLE "job_run" (
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "watermark" TIMESTAMPTZ(3),
    "passes" INTEGER NOT NULL DEFAULT 0,
    "last_finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("name")
);
