// What school and kindergarten systems (the school administration system,
// the kindergarten's) and their staff write to the hub: enrolments with the
// contact teacher, support around schooling, and absence per month (the view
// summarises the trend). The kit gives them the mutation `writeSkole`, the
// involvement register, idempotency, the transaction and the access log
// (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, Float, InputType, Int } from "type-graphql";
import type { Prisma } from "../../prisma/skole/generated/client.ts";
import { SchoolLevel, SchoolSupportKind } from "../../prisma/skole/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { MeasureStatus } from "../kit/views.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { SkoleClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "Enrolment in a kindergarten, school or adult education, with the contact teacher." })
export class EnrolmentInput extends RecordKeyInput {
  @Field(() => String, { description: "The kindergarten or school." })
  institution!: string;

  @Field(() => SchoolLevel, { description: "Which level." })
  level!: SchoolLevel;

  @Field(() => Int, { nullable: true, description: "School year (trinn), 1–13, where it applies." })
  grade?: number | null;

  @Field(() => String, { nullable: true, description: "The contact teacher (kontaktlærer) or kindergarten contact." })
  contactTeacherName?: string | null;

  @Field(() => String, { nullable: true, description: "Their work telephone number." })
  contactTeacherPhone?: string | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended or its end is known." })
  until?: Date | null;
}

@InputType({ description: "Support around schooling: PPT, adapted or special education, and the like." })
export class SchoolSupportInput extends RecordKeyInput {
  @Field(() => SchoolSupportKind, { description: "The kind of support." })
  kind!: SchoolSupportKind;

  @Field(() => String, { description: "What it is, in a line (no diagnoses, no case text)." })
  description!: string;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;
}

@InputType({ description: "Absence in one month, in percent of school days (one per person and month)." })
export class AttendanceInput extends RecordKeyInput {
  @Field(() => DateScalar, { description: "The month: its first day, e.g. 2026-10-01." })
  month!: Date;

  @Field(() => Float, { description: "Absence that month, in percent of school days (0–100, two decimals)." })
  absencePercent!: number;
}

const enrolment = recordKind({
  name: "enrolment",
  description: "An enrolment in a kindergarten, school or adult education.",
  input: EnrolmentInput,
  category: "SERVICE_DATA",
  check(input: EnrolmentInput, checks) {
    checks.text("institution", input.institution, { required: true });
    checks.range("grade", input.grade, 1, 13);
    checks.text("contactTeacherName", input.contactTeacherName);
    checks.phone("contactTeacherPhone", input.contactTeacherPhone);
    checks.order("since", input.since, "until", input.until);
  },
  columns: (input: EnrolmentInput) => ({
    institution: input.institution,
    level: input.level,
    grade: input.grade ?? null,
    contactTeacherName: input.contactTeacherName ?? null,
    contactTeacherPhone: input.contactTeacherPhone ?? null,
    since: input.since,
    until: input.until ?? null,
  }),
  end: (endedOn) => ({ until: endedOn }),
  find: (tx: Tx, keys) => tx.enrolment.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.enrolment.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.enrolment.update({ where: { id: row.id }, data: changes }),
});

const support = recordKind({
  name: "support",
  description: "A support measure around schooling.",
  input: SchoolSupportInput,
  category: "SERVICE_DATA",
  check(input: SchoolSupportInput, checks) {
    checks.text("description", input.description, { required: true });
  },
  columns: (input: SchoolSupportInput) => ({ kind: input.kind, description: input.description, status: input.status, startedAt: input.startedAt }),
  end: () => ({ status: MeasureStatus.ENDED }),
  find: (tx: Tx, keys) => tx.schoolSupport.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.schoolSupport.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.schoolSupport.update({ where: { id: row.id }, data: changes }),
});

const firstOfMonth = (day: Date) => day.getUTCDate() === 1;

const attendance = recordKind({
  name: "attendance",
  description: "Absence in one month; the view summarises the trend of the last six.",
  input: AttendanceInput,
  category: "SERVICE_DATA",
  natural: (record) => `${record.personId}\u0000${record.month instanceof Date ? record.month.toISOString().slice(0, 10) : ""}`,
  check(input: AttendanceInput, checks) {
    if (!firstOfMonth(input.month)) checks.fail("month", "attendance.month is a month: send its first day (e.g. 2026-10-01).");
    checks.range("absencePercent", input.absencePercent, 0, 100);
  },
  // Stored with two decimals: compared as stored, so the same export twice is UNCHANGED.
  columns: (input: AttendanceInput) => ({ month: input.month, absencePercent: Math.round(input.absencePercent * 100) / 100 }),
  find: (tx: Tx, keys, personIds) => tx.attendanceMonth.findMany({ where: { OR: [sourceKeysWhere(keys), { personId: { in: [...personIds] } }] } }),
  create: (tx: Tx, rows) => tx.attendanceMonth.createMany({ data: [...rows] }),
  update: (tx: Tx, row, changes) => tx.attendanceMonth.update({ where: { personId_month: { personId: row.personId, month: row.month } }, data: changes }),
});

export const skoleWrites = serviceWrites({
  service: "skole",
  kinds: [enrolment, support, attendance],
  transaction: (db: SkoleClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
