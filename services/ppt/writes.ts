// What PPT's journal system and staff write to the hub: referrals to PPT with
// the PP-rådgiver following them, and expert assessments (sakkyndige
// vurderinger) with their stage and recommendation. The kit gives them the
// mutation `writePpt`, the involvement register, idempotency, the transaction
// and the access log (services/kit/writes/).
import { randomUUID } from "node:crypto";
import { Field, InputType, Int } from "type-graphql";
import type { Prisma } from "../../prisma/ppt/generated/client.ts";
import { PptAssessmentStage, PptRecommendation, PptReferralStatus } from "../../prisma/ppt/generated/enums.ts";
import { DateScalar } from "../kit/scalars.ts";
import { recordKind, sourceKeysWhere } from "../kit/writes/kinds.ts";
import { serviceWrites, WRITE_TRANSACTION } from "../kit/writes/service.ts";
import { RecordKeyInput } from "../kit/writes/types.ts";
import type { PptClient } from "./data.ts";

type Tx = Prisma.TransactionClient;

@InputType({ description: "A referral to PPT, with the PP-rådgiver following it." })
export class PptReferralInput extends RecordKeyInput {
  @Field(() => String, { description: "Who referred: the school, kindergarten or helsestasjon." })
  referredBy!: string;

  @Field(() => String, { description: "Why, in a line (no test results, no diagnoses)." })
  reason!: string;

  @Field(() => PptReferralStatus, { description: "Where the referral stands." })
  status!: PptReferralStatus;

  @Field(() => DateScalar, { description: "When PPT received it." })
  receivedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it was concluded or withdrawn." })
  closedOn?: Date | null;

  @Field(() => String, { nullable: true, description: "The PP-rådgiver following it." })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: "Their work telephone number." })
  contactPhone?: string | null;
}

@InputType({ description: "An expert assessment (sakkyndig vurdering): its stage and, once delivered, its recommendation." })
export class PptAssessmentInput extends RecordKeyInput {
  @Field(() => String, { description: "What it is about, e.g. the need for special education (no diagnoses)." })
  subject!: string;

  @Field(() => PptAssessmentStage, { description: "How far it has come." })
  stage!: PptAssessmentStage;

  @Field(() => DateScalar, { description: "When PPT started it." })
  startedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it was delivered (with stage DELIVERED)." })
  deliveredOn?: Date | null;

  @Field(() => PptRecommendation, { nullable: true, description: "What it recommends (with stage DELIVERED)." })
  recommendation?: PptRecommendation | null;

  @Field(() => Int, { nullable: true, description: "Recommended hours per school year (årstimer), 1–1000." })
  recommendedHours?: number | null;

  @Field(() => String, { nullable: true, description: "The recommendation in a line." })
  recommendationSummary?: string | null;
}

const referral = recordKind({
  name: "referral",
  description: "A referral to PPT.",
  input: PptReferralInput,
  category: "SERVICE_DATA",
  check(input: PptReferralInput, checks) {
    checks.text("referredBy", input.referredBy, { required: true });
    checks.text("reason", input.reason, { required: true });
    checks.text("contactName", input.contactName);
    checks.phone("contactPhone", input.contactPhone);
    checks.order("receivedOn", input.receivedOn, "closedOn", input.closedOn);
  },
  columns: (input: PptReferralInput) => ({
    referredBy: input.referredBy,
    reason: input.reason,
    status: input.status,
    receivedOn: input.receivedOn,
    closedOn: input.closedOn ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
  }),
  end: (endedOn) => ({ status: PptReferralStatus.CONCLUDED, closedOn: endedOn }),
  find: (tx: Tx, keys) => tx.pptReferral.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.pptReferral.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.pptReferral.update({ where: { id: row.id }, data: changes }),
});

const assessment = recordKind({
  name: "assessment",
  description: "An expert assessment (sakkyndig vurdering).",
  input: PptAssessmentInput,
  category: "SERVICE_DATA",
  check(input: PptAssessmentInput, checks) {
    checks.text("subject", input.subject, { required: true });
    checks.text("recommendationSummary", input.recommendationSummary);
    checks.range("recommendedHours", input.recommendedHours, 1, 1000);
    checks.order("startedOn", input.startedOn, "deliveredOn", input.deliveredOn);
    // A recommendation is what a delivered assessment says; before that there is none to share.
    if (input.stage !== PptAssessmentStage.DELIVERED && input.recommendation != null) {
      checks.fail("recommendation", "assessment.recommendation comes with stage DELIVERED: send it once the assessment is delivered.");
    }
  },
  columns: (input: PptAssessmentInput) => ({
    subject: input.subject,
    stage: input.stage,
    startedOn: input.startedOn,
    deliveredOn: input.deliveredOn ?? null,
    recommendation: input.recommendation ?? null,
    recommendedHours: input.recommendedHours ?? null,
    recommendationSummary: input.recommendationSummary ?? null,
  }),
  find: (tx: Tx, keys) => tx.pptAssessment.findMany({ where: sourceKeysWhere(keys) }),
  create: (tx: Tx, rows) => tx.pptAssessment.createMany({ data: rows.map((row) => ({ id: randomUUID(), ...row })) }),
  update: (tx: Tx, row, changes) => tx.pptAssessment.update({ where: { id: row.id }, data: changes }),
});

export const pptWrites = serviceWrites({
  service: "ppt",
  kinds: [referral, assessment],
  transaction: (db: PptClient) => (work) => db.$transaction(work, WRITE_TRANSACTION),
});
