// What NAV's own systems (Modia, the journal) and staff write to the hub:
// a person's follow-up (office, veileder, since) and NAV's measures. The kit
// gives them the mutation `writeNav`, the involvement register, idempotency,
// the transaction and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType } from "type-graphql";
import type { Prisma } from "../../prisma/nav/generated/client.ts";
import { NavMeasureKind } from "../../prisma/nav/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { MeasureStatus } from "../kit/views.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { NavClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "NAV's follow-up of a person: the office, the veileder and since when (one per person)." })
export class NavFollowUpInput extends RecordKeyInput {
  @Field(() => String, { description: "The NAV office following the person up." })
  office!: string;

  @Field(() => String, { description: "The veileder's name." })
  veilederName!: string;

  @Field(() => String, { nullable: true, description: "The veileder's work telephone number." })
  veilederPhone?: string | null;

  @Field(() => DateScalar, { description: "Since when NAV follows the person up." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When the follow-up ended, if it has." })
  endedAt?: Date | null;
}

@InputType({ description: "A measure NAV runs for the person." })
export class NavMeasureInput extends RecordKeyInput {
  @Field(() => NavMeasureKind, { description: "The kind of measure." })
  kind!: NavMeasureKind;

  @Field(() => String, { description: "What the measure is, in a line (no diagnoses, no case text)." })
  description!: string;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it ends, if known." })
  endsAt?: Date | null;
}

const followUp = recordKind({
  name: "followUp",
  description: "NAV's follow-up of the person.",
  input: NavFollowUpInput,
  category: "SERVICE_DATA",
  natural: (record) => record.personId,
  check(input: NavFollowUpInput, checks) {
    checks.text("office", input.office, { required: true });
    checks.text("veilederName", input.veilederName, { required: true });
    checks.phone("veilederPhone", input.veilederPhone);
    checks.order("since", input.since, "endedAt", input.endedAt);
  },
  columns: (input: NavFollowUpInput) => ({
    office: input.office,
    veilederName: input.veilederName,
    veilederPhone: input.veilederPhone ?? null,
    since: input.since,
    endedAt: input.endedAt ?? null,
  }),
  end: (endedOn) => ({ endedAt: endedOn }),
  find: (tx: Tx, keys, personIds) => tx.navFollowUp.findMany({ where: { OR: [sourceKeysWhere(keys), { personId: { in: [...personIds] } }] } }),
  create: (tx: Tx, rows) => tx.navFollowUp.createMany({ data: [...rows] }),
  update: (tx: Tx, row, changes) => tx.navFollowUp.update({ where: { personId: row.personId }, data: changes }),
});

const measure = recordKind({
  name: "measure",
  description: "A measure NAV runs for the person.",
  input: NavMeasureInput,
  category: "SERVICE_DATA",
  check(input: NavMeasureInput, checks) {
    checks.text("description", input.description, { required: true });
    checks.order("startedAt", input.startedAt, "endsAt", input.endsAt);
  },
  columns: (input: NavMeasureInput) => ({
    kind: input.kind,
    description: input.description,
    status: input.status,
    startedAt: input.startedAt,
    endsAt: input.endsAt ?? null,
  }),
  end: (endedOn) => ({ status: MeasureStatus.ENDED, endsAt: endedOn }),
  find: (tx: Tx, keys) => tx.navMeasure.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.navMeasure.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.navMeasure.update({ where: { id: row.id }, data: changes }),
});

export const navWrites = serviceWrites({
  service: "nav",
  kinds: [followUp, measure],
  transaction: (db: NavClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
