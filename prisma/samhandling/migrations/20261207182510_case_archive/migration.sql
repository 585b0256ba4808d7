-- CreateTable
CREATE TABLE "case_archive" (
    "case_id" TEXT NOT NULL,
    "system_id" TEXT NOT NULL,
    "holder_member_id" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "record" JSONB NOT NULL,
    "pdf" BYTEA,
    "metadata_json" BYTEA,
    "rendered_at" TIMESTAMPTZ(3),
    "fetched_at" TIMESTAMPTZ(3),
    "fetched_by" TEXT,

    CONSTRAINT "case_archive_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_archive_system_id_key" ON "case_archive"("system_id");

-- CreateIndex
CREATE INDEX "case_archive_fetched_at_closed_at_case_id_idx" ON "case_archive"("fetched_at", "closed_at", "case_id");

-- AddForeignKey
ALTER TABLE "case_archive" ADD CONSTRAINT "case_archive_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
