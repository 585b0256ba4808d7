-- CreateTable
CREATE TABLE "retention_tombstone" (
    "id" BIGSERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "cut_off" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_tombstone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "retention_tombstone_rule_deleted_at_idx" ON "retention_tombstone"("rule", "deleted_at");
