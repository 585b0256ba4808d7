// What the health services' journal systems (helsestasjon, school health,
// the municipality's mental health and substance services) and their staff
// write to the hub: contacts and the kind of follow-up — never diagnoses.
// The kit gives them the mutation `writeHelse`, the involvement register,
// idempotency, the transaction and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType } from "type-graphql";
import type { Prisma } from "../../prisma/helse/generated/client.ts";
import { FollowUpType, HealthServiceKind } from "../../prisma/helse/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { HelseClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "A contact with a health service: the service, the kind of follow-up, the unit and whom to call — never a diagnosis." })
export class HealthContactInput extends RecordKeyInput {
  @Field(() => HealthServiceKind, { description: "Which health service." })
  kind!: HealthServiceKind;

  @Field(() => FollowUpType, { description: "The kind of follow-up." })
  followUp!: FollowUpType;

  @Field(() => String, { description: "The unit following the person up." })
  unit!: string;

  @Field(() => String, { nullable: true, description: "The contact's name (helsesykepleier, fastlege, behandler)." })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: "Their work telephone number." })
  contactPhone?: string | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended or its end is known." })
  until?: Date | null;
}

const contact = recordKind({
  name: "contact",
  description: "A contact with a health service and its kind of follow-up.",
  input: HealthContactInput,
  category: "SERVICE_DATA",
  check(input: HealthContactInput, checks) {
    checks.text("unit", input.unit, { required: true });
    checks.text("contactName", input.contactName);
    checks.phone("contactPhone", input.contactPhone);
    checks.order("since", input.since, "until", input.until);
  },
  columns: (input: HealthContactInput) => ({
    kind: input.kind,
    followUp: input.followUp,
    unit: input.unit,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    since: input.since,
    until: input.until ?? null,
  }),
  end: (endedOn) => ({ until: endedOn }),
  find: (tx: Tx, keys) => tx.healthContact.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.healthContact.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.healthContact.update({ where: { id: row.id }, data: changes }),
});

export const helseWrites = serviceWrites({
  service: "helse",
  kinds: [contact],
  transaction: (db: HelseClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
