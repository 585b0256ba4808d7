-- DropIndex
DROP INDEX "concern_registered_by_registered_at_idx";

-- DropIndex
DROP INDEX "employee_service_idx";

-- CreateIndex
CREATE INDEX "concern_registered_by_registered_at_id_idx" ON "concern"("registered_by", "registered_at", "id");

-- CreateIndex
CREATE INDEX "employee_service_display_name_actor_id_idx" ON "employee"("service", "display_name", "actor_id");
