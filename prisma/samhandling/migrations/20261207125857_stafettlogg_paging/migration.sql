-- DropIndex
DROP INDEX "stafettlogg_entry_case_id_at_idx";

-- CreateIndex
CREATE INDEX "stafettlogg_entry_case_id_at_id_idx" ON "stafettlogg_entry"("case_id", "at", "id");

-- CreateIndex
CREATE INDEX "stafettlogg_entry_case_id_author_service_idx" ON "stafettlogg_entry"("case_id", "author_service");
