import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson } from "../kit/views.ts";
import { PptAssessmentStage, PptRecommendation, PptReferralStatus } from "../../prisma/ppt/generated/enums.ts";

registerEnumType(PptReferralStatus, {
  name: "PptReferralStatus",
  description: "Where a referral to PPT stands.",
  valuesConfig: {
    RECEIVED: { description: "Received by PPT, not yet taken up." },
    WAITING: { description: "Accepted, on PPT's waiting list." },
    IN_PROGRESS: { description: "PPT is working on it: observation, mapping or an expert assessment." },
    CONCLUDED: { description: "Concluded: PPT has given its assessment or advice." },
    WITHDRAWN: { description: "Withdrawn by the referrer or the guardians, or closed without work." },
  },
});

registerEnumType(PptAssessmentStage, {
  name: "PptAssessmentStage",
  description: "How far an expert assessment (sakkyndig vurdering) has come.",
  valuesConfig: {
    ORDERED: { description: "Ordered (bestilt) by the school or kindergarten, with the guardians' consent." },
    MAPPING: { description: "PPT observes and maps (kartlegging) the child's needs." },
    WRITING: { description: "PPT writes the assessment." },
    DELIVERED: { description: "Delivered to the school or kindergarten, which decides (enkeltvedtak)." },
  },
});

registerEnumType(PptRecommendation, {
  name: "PptRecommendation",
  description: "What an expert assessment recommends.",
  valuesConfig: {
    SPECIAL_EDUCATION: { description: "Special education (spesialundervisning) at school." },
    SPECIAL_PEDAGOGICAL_HELP: { description: "Special pedagogical help (spesialpedagogisk hjelp) before school age." },
    ADAPTED_TEACHING: { description: "No special education: adapted teaching (tilpasset opplæring) within ordinary teaching is enough." },
    NO_SPECIAL_NEEDS: { description: "No need for measures beyond ordinary teaching." },
  },
});

@ObjectType({ description: "A referral to PPT, with the PPT contact who follows it." })
export class PptReferral {
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

  @Field(() => ContactPerson, { nullable: true, description: "The PPT contact (PP-rådgiver) following the referral." })
  contact?: ContactPerson | null;
}

@ObjectType({ description: "An expert assessment (sakkyndig vurdering) and what it recommends — never test results or diagnoses." })
export class PptAssessment {
  @Field(() => String, { description: "What the assessment is about, e.g. the need for special education." })
  subject!: string;

  @Field(() => PptAssessmentStage, { description: "How far it has come." })
  stage!: PptAssessmentStage;

  @Field(() => DateScalar, { description: "When PPT started it." })
  startedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it was delivered." })
  deliveredOn?: Date | null;

  @Field(() => PptRecommendation, { nullable: true, description: "What it recommends, once delivered." })
  recommendation?: PptRecommendation | null;

  @Field(() => Int, { nullable: true, description: "Recommended hours of special education or help per school year (årstimer)." })
  recommendedHours?: number | null;

  @Field(() => String, { nullable: true, description: "The recommendation in a line, as the school will act on it." })
  recommendationSummary?: string | null;
}

@ObjectType({
  description:
    "PPT's (the educational-psychological service's) view of a person: referrals, expert assessments and what they recommend. " +
    "Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and `contact` (PPT's reception) are filled in.",
})
export class PptView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether PPT works with the person now: a referral not yet concluded (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact at PPT: the PP-rådgiver of an open referral (under INVOLVEMENT_ONLY: PPT's reception)." })
  contact?: ContactPerson | null;

  @Field(() => [PptReferral], { nullable: true, description: "Referrals to PPT, newest first." })
  referrals?: PptReferral[] | null;

  @Field(() => [PptAssessment], { nullable: true, description: "Expert assessments (sakkyndige vurderinger), newest first." })
  assessments?: PptAssessment[] | null;
}
