-- CreateTable
CREATE TABLE "involvement" (
    "id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "source_system" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "started_on" DATE NOT NULL,
    "ended_on" DATE,
    "front_door_name" TEXT,
    "front_door_phone" TEXT,
    "contact_name" TEXT,
    "contact_role" TEXT,
    "contact_phone" TEXT,
    "signal_pending" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "involvement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "involvement_person_id_idx" ON "involvement"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "involvement_source_system_source_id_key" ON "involvement"("source_system", "source_id");
