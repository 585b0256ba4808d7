-- CreateIndex
CREATE INDEX "access_log_extraordinary_at_seq_idx" ON "access_log"("extraordinary", "at", "seq");
