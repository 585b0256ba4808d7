-- CreateEnum
CREATE TYPE "EmployeeSource" AS ENUM ('SIGN_IN', 'SEED', 'ADMIN', 'MIGRATION');

-- CreateTable
CREATE TABLE "employee" (
    "actor_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "service" "ServiceName" NOT NULL,
    "unit" TEXT,
    "roles" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "source" "EmployeeSource" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "employee_pkey" PRIMARY KEY ("actor_id")
);

-- CreateIndex
CREATE INDEX "employee_service_idx" ON "employee"("service");

-- Every employee who is or was a case member becomes a directory entry, so the memberships
-- below keep their meaning: active, their latest name and service, no roles until they sign in.
INSERT INTO "employee" ("actor_id", "display_name", "service", "unit", "roles", "active", "source", "updated_at")
SELECT DISTINCT ON ("actor_id") "actor_id", "display_name", "service", NULL, '{}', true, 'MIGRATION', CURRENT_TIMESTAMP
FROM "case_member" WHERE "actor_id" IS NOT NULL
ORDER BY "actor_id", "joined_at" DESC;

-- AddForeignKey
ALTER TABLE "case_member" ADD CONSTRAINT "case_member_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "employee"("actor_id") ON DELETE RESTRICT ON UPDATE CASCADE;
