-- DropIndex
DROP INDEX "case_member_case_id_idx";

-- CreateIndex
CREATE INDEX "case_member_case_id_role_joined_at_id_idx" ON "case_member"("case_id", "role", "joined_at", "id");

-- CreateIndex
CREATE INDEX "consent_case_id_created_at_id_idx" ON "consent"("case_id", "created_at", "id");
