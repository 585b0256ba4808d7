-- CreateTable
CREATE TABLE "notification" (
    "id" TEXT NOT NULL,
    "recipient_actor_id" TEXT,
    "recipient_person_id" TEXT,
    "kind" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "ref_id" TEXT,
    "consent_id" TEXT,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    "emailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "id" TEXT NOT NULL,
    "recipient_actor_id" TEXT,
    "recipient_person_id" TEXT,
    "muted_kinds" TEXT[],
    "email" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_recipient_actor_id_created_at_id_idx" ON "notification"("recipient_actor_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "notification_recipient_person_id_created_at_id_idx" ON "notification"("recipient_person_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "notification_case_id_idx" ON "notification"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preference_recipient_actor_id_key" ON "notification_preference"("recipient_actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preference_recipient_person_id_key" ON "notification_preference"("recipient_person_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "coordination_case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Exactly one recipient: an employee or a citizen (written by hand; Prisma does not model CHECK constraints).
ALTER TABLE "notification" ADD CONSTRAINT "notification_one_recipient" CHECK (("recipient_actor_id" IS NULL) <> ("recipient_person_id" IS NULL));
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_one_recipient" CHECK (("recipient_actor_id" IS NULL) <> ("recipient_person_id" IS NULL));
