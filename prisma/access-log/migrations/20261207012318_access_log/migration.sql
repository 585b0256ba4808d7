-- The access log as the per-service migrations had left it in every service database
-- (<ts>_access_log, <ts>_access_log_chain and 20261202021511_access_log_person_ids in each
-- prisma/<service>/migrations/ until the kit took the table over). A database that has those
-- gets this migration recorded as applied instead of run: services/kit/db/migration-sets.ts.

-- CreateTable
CREATE TABLE "access_log" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "request_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_service" TEXT NOT NULL,
    "categories" TEXT[],
    "case_id" TEXT,
    "decision" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "person_ids" TEXT[],

    CONSTRAINT "access_log_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "access_log_prev_hash_key" ON "access_log"("prev_hash");

-- CreateIndex
CREATE INDEX "access_log_person_ids_idx" ON "access_log" USING GIN ("person_ids");

-- CreateIndex
CREATE INDEX "access_log_at_idx" ON "access_log"("at");
