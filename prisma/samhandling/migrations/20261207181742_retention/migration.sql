-- DropForeignKey
ALTER TABLE "consent" DROP CONSTRAINT "consent_case_id_fkey";

-- AlterTable
ALTER TABLE "consent" ADD COLUMN     "case_deleted_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "consent_case_deleted_at_idx" ON "consent"("case_deleted_at");

-- The stafettlogg stays append-only for everyone but the retention job: it deletes a closed case's
-- entries once their period is over (services/samhandling/retention.ts), and says so for its own
-- transaction only (SET LOCAL hub.retention). Even then an open case's entries are refused.
CREATE OR REPLACE FUNCTION stafettlogg_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('hub.retention', true) = 'on'
     AND EXISTS (SELECT 1 FROM coordination_case c WHERE c.id = OLD.case_id AND c.status = 'CLOSED') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'stafettlogg entries are append-only; record a correction as a new entry';
END $$;
