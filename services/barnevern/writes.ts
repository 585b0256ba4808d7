// What barnevern's own system (its fagsystem) and caseworkers write to the
// hub: the child's case — its phase and caseworker — and barnevern's measures.
// The kit gives them the mutation `writeBarnevern`, the involvement register,
// idempotency, the transaction and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType } from "type-graphql";
import type { Prisma } from "../../prisma/barnevern/generated/client.ts";
import { BarnevernMeasureKind, BarnevernPhase } from "../../prisma/barnevern/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { MeasureStatus } from "../kit/views.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { BarnevernClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "Barnevern's case on a child or young adult: its phase and caseworker (one per person)." })
export class BarnevernCaseInput extends RecordKeyInput {
  @Field(() => BarnevernPhase, { description: "Where the case stands." })
  phase!: BarnevernPhase;

  @Field(() => DateScalar, { description: "When the case was opened." })
  openedAt!: Date;

  @Field(() => String, { description: "The caseworker's name." })
  caseworkerName!: string;

  @Field(() => String, { nullable: true, description: "The caseworker's work telephone number." })
  caseworkerPhone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When aftercare ends (at the latest the day before the 25th birthday), in phase AFTERCARE." })
  aftercareEndsAt?: Date | null;
}

@InputType({ description: "A measure barnevern has decided for the child." })
export class BarnevernMeasureInput extends RecordKeyInput {
  @Field(() => BarnevernMeasureKind, { description: "The kind of measure." })
  kind!: BarnevernMeasureKind;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it ends, if known." })
  endsAt?: Date | null;
}

const barnevernCase = recordKind({
  name: "case",
  description: "Barnevern's case on the person: its phase and caseworker. Ending it closes it (phase CLOSED).",
  input: BarnevernCaseInput,
  category: "SERVICE_DATA",
  natural: (record) => record.personId,
  check(input: BarnevernCaseInput, checks) {
    checks.text("caseworkerName", input.caseworkerName, { required: true });
    checks.phone("caseworkerPhone", input.caseworkerPhone);
    checks.order("openedAt", input.openedAt, "aftercareEndsAt", input.aftercareEndsAt);
    if (input.aftercareEndsAt && input.phase !== BarnevernPhase.AFTERCARE) checks.fail("aftercareEndsAt", "case.aftercareEndsAt is for a case in phase AFTERCARE. Leave it out, or send the phase.");
  },
  columns: (input: BarnevernCaseInput) => ({
    phase: input.phase,
    openedAt: input.openedAt,
    caseworkerName: input.caseworkerName,
    caseworkerPhone: input.caseworkerPhone ?? null,
    aftercareEndsAt: input.aftercareEndsAt ?? null,
  }),
  end: () => ({ phase: BarnevernPhase.CLOSED }),
  find: (tx: Tx, keys, personIds) => tx.barnevernCase.findMany({ where: { OR: [sourceKeysWhere(keys), { personId: { in: [...personIds] } }] } }),
  create: (tx: Tx, rows) => tx.barnevernCase.createMany({ data: [...rows] }),
  update: (tx: Tx, row, changes) => tx.barnevernCase.update({ where: { personId: row.personId }, data: changes }),
});

const measure = recordKind({
  name: "measure",
  description: "A measure barnevern has decided for the person.",
  input: BarnevernMeasureInput,
  category: "SERVICE_DATA",
  check(input: BarnevernMeasureInput, checks) {
    checks.order("startedAt", input.startedAt, "endsAt", input.endsAt);
  },
  columns: (input: BarnevernMeasureInput) => ({ kind: input.kind, status: input.status, startedAt: input.startedAt, endsAt: input.endsAt ?? null }),
  end: (endedOn) => ({ status: MeasureStatus.ENDED, endsAt: endedOn }),
  find: (tx: Tx, keys) => tx.barnevernMeasure.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.barnevernMeasure.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.barnevernMeasure.update({ where: { id: row.id }, data: changes }),
});

export const barnevernWrites = serviceWrites({
  service: "barnevern",
  kinds: [barnevernCase, measure],
  transaction: (db: BarnevernClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
