-- CreateTable
CREATE TABLE "access_log" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_service" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "categories" TEXT[],
    "case_id" TEXT,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "access_log_hash_key" ON "access_log"("hash");

-- CreateIndex
CREATE INDEX "access_log_person_id_at_idx" ON "access_log"("person_id", "at");

-- CreateIndex
CREATE INDEX "access_log_at_idx" ON "access_log"("at");
