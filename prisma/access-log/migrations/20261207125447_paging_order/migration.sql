-- DropIndex
DROP INDEX "access_log_at_idx";

-- CreateIndex
CREATE INDEX "access_log_at_seq_idx" ON "access_log"("at", "seq");
