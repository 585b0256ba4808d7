// What the voluntary sector's systems (the volunteer centre's, a club's) and
// its staff write to the hub: activities, mentors, fritidskort and trusted
// persons — one kind of record, `activity`, whose `kind` says which (a mentor
// is kind MENTOR or LANGUAGE_MENTOR). The kit gives them the mutation
// `writeFrivillighet`, the involvement register, idempotency, the transaction
// and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType } from "type-graphql";
import type { Prisma } from "../../prisma/frivillighet/generated/client.ts";
import { VoluntaryKind } from "../../prisma/frivillighet/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { FrivillighetClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "An activity, mentor or other voluntary support the person takes part in." })
export class VoluntaryActivityInput extends RecordKeyInput {
  @Field(() => VoluntaryKind, { description: "Which kind: an activity, a mentor, a language mentor, fritidskort, a trusted person, a peer worker." })
  kind!: VoluntaryKind;

  @Field(() => String, { description: "The organisation running it." })
  organisation!: string;

  @Field(() => String, { description: "What it is, in a few words (e.g. Fotball G14, Leksehjelp)." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The contact's name (the mentor, the coach)." })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: "Their telephone number." })
  contactPhone?: string | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended or its end is known." })
  until?: Date | null;
}

const activity = recordKind({
  name: "activity",
  description: "An activity, mentor or other voluntary support.",
  input: VoluntaryActivityInput,
  category: "SERVICE_DATA",
  check(input: VoluntaryActivityInput, checks) {
    checks.text("organisation", input.organisation, { required: true });
    checks.text("title", input.title, { required: true });
    checks.text("contactName", input.contactName);
    checks.phone("contactPhone", input.contactPhone);
    checks.order("since", input.since, "until", input.until);
  },
  columns: (input: VoluntaryActivityInput) => ({
    kind: input.kind,
    organisation: input.organisation,
    title: input.title,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    since: input.since,
    until: input.until ?? null,
  }),
  end: (endedOn) => ({ until: endedOn }),
  find: (tx: Tx, keys) => tx.voluntaryActivity.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.voluntaryActivity.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.voluntaryActivity.update({ where: { id: row.id }, data: changes }),
});

export const frivillighetWrites = serviceWrites({
  service: "frivillighet",
  kinds: [activity],
  transaction: (db: FrivillighetClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
