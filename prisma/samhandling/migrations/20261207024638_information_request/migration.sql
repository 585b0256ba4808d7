-- CreateTable
CREATE TABLE "information_request" (
    "id" TEXT NOT NULL,
    "child_person_id" TEXT NOT NULL,
    "services" "ServiceName"[],
    "reference" TEXT NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "valid_to" TIMESTAMPTZ(3) NOT NULL,
    "requested_by" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by" TEXT,
    "closed_reason" TEXT,

    CONSTRAINT "information_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "information_request_member" (
    "request_id" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,

    CONSTRAINT "information_request_member_pkey" PRIMARY KEY ("request_id","actor_id")
);

-- CreateIndex
CREATE INDEX "information_request_child_person_id_idx" ON "information_request"("child_person_id");

-- CreateIndex
CREATE INDEX "information_request_member_actor_id_idx" ON "information_request_member"("actor_id");

-- AddForeignKey
ALTER TABLE "information_request_member" ADD CONSTRAINT "information_request_member_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "information_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "information_request_member" ADD CONSTRAINT "information_request_member_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "employee"("actor_id") ON DELETE RESTRICT ON UPDATE CASCADE;
