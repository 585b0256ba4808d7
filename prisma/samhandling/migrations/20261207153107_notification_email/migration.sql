-- AlterTable
ALTER TABLE "notification_preference" ADD COLUMN     "email_address" TEXT,
ADD COLUMN     "last_email_at" TIMESTAMPTZ(3);
