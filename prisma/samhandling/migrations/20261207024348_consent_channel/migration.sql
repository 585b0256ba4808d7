-- CreateEnum
CREATE TYPE "ConsentChannel" AS ENUM ('DIGITAL', 'PAPER_FORM', 'STAFF_RECORDED');

-- AlterTable
ALTER TABLE "consent" ADD COLUMN     "attested_at" TIMESTAMPTZ(3),
ADD COLUMN     "attested_by" TEXT,
ADD COLUMN     "channel" "ConsentChannel",
ADD COLUMN     "form_reference" TEXT;

-- Consents older than the rule: one the person entered themselves was given digitally; a refusal
-- an employee entered still refuses; a consent an employee entered becomes an unattested form,
-- which counts for nothing until a second member of its case attests it (attestConsent).
UPDATE "consent" SET "channel" = CASE
  WHEN "recorded_by" = "given_by_person_id" THEN 'DIGITAL'::"ConsentChannel"
  WHEN "decision" = 'DENY' THEN 'STAFF_RECORDED'::"ConsentChannel"
  ELSE 'PAPER_FORM'::"ConsentChannel"
END;

ALTER TABLE "consent" ALTER COLUMN "channel" SET NOT NULL;
