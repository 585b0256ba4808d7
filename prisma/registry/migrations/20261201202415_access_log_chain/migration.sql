-- DropIndex
DROP INDEX "access_log_hash_key";

-- CreateIndex
CREATE UNIQUE INDEX "access_log_prev_hash_key" ON "access_log"("prev_hash");
