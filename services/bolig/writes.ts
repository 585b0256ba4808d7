// What the housing office's case system and staff write to the hub:
// applications for municipal housing, housing allowance (bostøtte), the
// boveileder, temporary housing and the risk of eviction with its date. The
// kit gives them the mutation `writeBolig`, the involvement register,
// idempotency, the transaction and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType, Int } from "type-graphql";
import type { Prisma } from "../../prisma/bolig/generated/client.ts";
import { EvictionStage, HousingAllowanceStatus, HousingApplicationStatus } from "../../prisma/bolig/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { BoligClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "An application for municipal housing, with the housing office's caseworker." })
export class HousingApplicationInput extends RecordKeyInput {
  @Field(() => String, { description: "What is applied for, e.g. the size of the dwelling." })
  applyingFor!: string;

  @Field(() => HousingApplicationStatus, { description: "Where the application stands." })
  status!: HousingApplicationStatus;

  @Field(() => DateScalar, { description: "When it was submitted." })
  submittedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it was decided, if it has been." })
  decidedOn?: Date | null;

  @Field(() => String, { nullable: true, description: "The caseworker's name." })
  caseworkerName?: string | null;

  @Field(() => String, { nullable: true, description: "Their work telephone number." })
  caseworkerPhone?: string | null;
}

@InputType({ description: "A housing allowance (bostøtte)." })
export class HousingAllowanceInput extends RecordKeyInput {
  @Field(() => HousingAllowanceStatus, { description: "Where it stands." })
  status!: HousingAllowanceStatus;

  @Field(() => Int, { nullable: true, description: "The monthly amount in NOK, once granted (0–100000)." })
  monthlyAmount?: number | null;

  @Field(() => DateScalar, { description: "The first month it applies to: its first day." })
  fromMonth!: Date;

  @Field(() => DateScalar, { nullable: true, description: "The last month it applies to, if known: its first day." })
  untilMonth?: Date | null;
}

@InputType({ description: "A boveileder following the person up at home." })
export class HousingGuideInput extends RecordKeyInput {
  @Field(() => String, { description: "The boveileder's name." })
  guideName!: string;

  @Field(() => String, { nullable: true, description: "Their work telephone number." })
  guidePhone?: string | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended or its end is known." })
  until?: Date | null;
}

@InputType({ description: "Temporary housing arranged by the housing office: the kind of place, never the address." })
export class TemporaryHousingInput extends RecordKeyInput {
  @Field(() => String, { description: "The kind of place, e.g. a municipal training flat (no address)." })
  kindOfPlace!: string;

  @Field(() => DateScalar, { description: "From when." })
  fromDate!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if known." })
  untilDate?: Date | null;
}

@InputType({ description: "A risk of eviction, with the date set for it." })
export class EvictionRiskInput extends RecordKeyInput {
  @Field(() => EvictionStage, { description: "How far it has gone." })
  stage!: EvictionStage;

  @Field(() => DateScalar, { description: "When the housing office learnt of it." })
  notedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "The date set for the eviction, or the landlord's deadline." })
  evictionDate?: Date | null;

  @Field(() => String, { description: "What is being done, in a line (no case text)." })
  description!: string;
}

const firstOfMonth = (day: Date | null | undefined) => day == null || day.getUTCDate() === 1;

const application = recordKind({
  name: "application",
  description: "An application for municipal housing.",
  input: HousingApplicationInput,
  category: "SERVICE_DATA",
  check(input: HousingApplicationInput, checks) {
    checks.text("applyingFor", input.applyingFor, { required: true });
    checks.text("caseworkerName", input.caseworkerName);
    checks.phone("caseworkerPhone", input.caseworkerPhone);
    checks.order("submittedOn", input.submittedOn, "decidedOn", input.decidedOn);
  },
  columns: (input: HousingApplicationInput) => ({
    applyingFor: input.applyingFor,
    status: input.status,
    submittedOn: input.submittedOn,
    decidedOn: input.decidedOn ?? null,
    caseworkerName: input.caseworkerName ?? null,
    caseworkerPhone: input.caseworkerPhone ?? null,
  }),
  find: (tx: Tx, keys) => tx.housingApplication.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.housingApplication.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.housingApplication.update({ where: { id: row.id }, data: changes }),
});

const allowance = recordKind({
  name: "allowance",
  description: "A housing allowance (bostøtte).",
  input: HousingAllowanceInput,
  category: "SERVICE_DATA",
  check(input: HousingAllowanceInput, checks) {
    checks.range("monthlyAmount", input.monthlyAmount, 0, 100_000);
    if (!firstOfMonth(input.fromMonth)) checks.fail("fromMonth", "allowance.fromMonth is a month: send its first day (e.g. 2026-12-01).");
    if (!firstOfMonth(input.untilMonth)) checks.fail("untilMonth", "allowance.untilMonth is a month: send its first day (e.g. 2027-06-01).");
    checks.order("fromMonth", input.fromMonth, "untilMonth", input.untilMonth);
  },
  columns: (input: HousingAllowanceInput) => ({
    status: input.status,
    monthlyAmount: input.monthlyAmount ?? null,
    fromMonth: input.fromMonth,
    untilMonth: input.untilMonth ?? null,
  }),
  end: () => ({ status: HousingAllowanceStatus.ENDED }),
  find: (tx: Tx, keys) => tx.housingAllowance.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.housingAllowance.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.housingAllowance.update({ where: { id: row.id }, data: changes }),
});

const guide = recordKind({
  name: "guide",
  description: "A boveileder following the person up.",
  input: HousingGuideInput,
  category: "SERVICE_DATA",
  check(input: HousingGuideInput, checks) {
    checks.text("guideName", input.guideName, { required: true });
    checks.phone("guidePhone", input.guidePhone);
    checks.order("since", input.since, "until", input.until);
  },
  columns: (input: HousingGuideInput) => ({ guideName: input.guideName, guidePhone: input.guidePhone ?? null, since: input.since, until: input.until ?? null }),
  end: (endedOn) => ({ until: endedOn }),
  find: (tx: Tx, keys) => tx.housingGuide.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.housingGuide.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.housingGuide.update({ where: { id: row.id }, data: changes }),
});

const temporaryHousing = recordKind({
  name: "temporaryHousing",
  description: "Temporary housing arranged by the housing office.",
  input: TemporaryHousingInput,
  category: "SERVICE_DATA",
  check(input: TemporaryHousingInput, checks) {
    checks.text("kindOfPlace", input.kindOfPlace, { required: true });
    checks.order("fromDate", input.fromDate, "untilDate", input.untilDate);
  },
  columns: (input: TemporaryHousingInput) => ({ kindOfPlace: input.kindOfPlace, fromDate: input.fromDate, untilDate: input.untilDate ?? null }),
  end: (endedOn) => ({ untilDate: endedOn }),
  find: (tx: Tx, keys) => tx.temporaryHousing.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.temporaryHousing.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.temporaryHousing.update({ where: { id: row.id }, data: changes }),
});

const eviction = recordKind({
  name: "eviction",
  description: "A risk of eviction, with the date set for it.",
  input: EvictionRiskInput,
  category: "SERVICE_DATA",
  check(input: EvictionRiskInput, checks) {
    checks.text("description", input.description, { required: true });
  },
  columns: (input: EvictionRiskInput) => ({ stage: input.stage, notedOn: input.notedOn, evictionDate: input.evictionDate ?? null, description: input.description }),
  find: (tx: Tx, keys) => tx.evictionRisk.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.evictionRisk.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.evictionRisk.update({ where: { id: row.id }, data: changes }),
});

export const boligWrites = serviceWrites({
  service: "bolig",
  kinds: [application, allowance, guide, temporaryHousing, eviction],
  transaction: (db: BoligClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
