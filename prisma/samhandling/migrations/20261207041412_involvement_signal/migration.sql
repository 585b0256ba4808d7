-- CreateTable
CREATE TABLE "involvement_signal" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "service" "ServiceName" NOT NULL,
    "front_door_name" TEXT NOT NULL,
    "front_door_phone" TEXT NOT NULL,
    "consent_id" TEXT NOT NULL,
    "involvement_id" TEXT NOT NULL,
    "started_on" DATE NOT NULL,
    "signalled_at" TIMESTAMPTZ(3) NOT NULL,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "involvement_signal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "involvement_signal_case_id_signalled_at_idx" ON "involvement_signal"("case_id", "signalled_at");

-- CreateIndex
CREATE UNIQUE INDEX "involvement_signal_case_id_service_involvement_id_started_o_key" ON "involvement_signal"("case_id", "service", "involvement_id", "started_on");
