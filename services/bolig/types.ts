import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson } from "../kit/views.ts";
import { EvictionStage, HousingAllowanceStatus, HousingApplicationStatus } from "../../prisma/bolig/generated/enums.ts";

registerEnumType(HousingApplicationStatus, {
  name: "HousingApplicationStatus",
  description: "Where an application for municipal housing stands.",
  valuesConfig: {
    SUBMITTED: { description: "Received by the housing office, not yet reviewed." },
    IN_REVIEW: { description: "Being reviewed, or waiting for the allocation meeting (tildelingsmøtet)." },
    APPROVED: { description: "Approved: the person qualifies and waits for a suitable dwelling." },
    ALLOCATED: { description: "A dwelling is allocated (tildelt)." },
    REJECTED: { description: "Rejected (avslag)." },
    WITHDRAWN: { description: "Withdrawn by the applicant." },
  },
});

registerEnumType(HousingAllowanceStatus, {
  name: "HousingAllowanceStatus",
  description: "Where a housing allowance (bostøtte) stands.",
  valuesConfig: {
    APPLIED: { description: "Applied for, not yet decided." },
    GRANTED: { description: "Granted, paid monthly." },
    REJECTED: { description: "Rejected." },
    ENDED: { description: "Ended." },
  },
});

registerEnumType(EvictionStage, {
  name: "EvictionStage",
  description: "How far a risk of eviction has gone.",
  valuesConfig: {
    RENT_ARREARS: { description: "Rent arrears (husleierestanse) the landlord has warned about." },
    NOTICE: { description: "Notice of eviction (varsel om tvangsfravikelse) from the landlord." },
    PETITION: { description: "The landlord has petitioned the enforcement officer (namsmannen) for eviction." },
    EVICTION_SET: { description: "The enforcement officer has set a date for the eviction." },
    AVERTED: { description: "Averted: a repayment plan, a settlement or a new home." },
    EVICTED: { description: "The eviction was carried out." },
  },
});

@ObjectType({ description: "An application for municipal housing (kommunal utleiebolig)." })
export class HousingApplication {
  @Field(() => String, { description: "What is applied for, e.g. the size of the dwelling." })
  applyingFor!: string;

  @Field(() => HousingApplicationStatus, { description: "Where the application stands." })
  status!: HousingApplicationStatus;

  @Field(() => DateScalar, { description: "When it was submitted." })
  submittedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it was decided, if it has been." })
  decidedOn?: Date | null;

  @Field(() => ContactPerson, { nullable: true, description: "The housing office's caseworker." })
  caseworker?: ContactPerson | null;
}

@ObjectType({ description: "A housing allowance (bostøtte)." })
export class HousingAllowance {
  @Field(() => HousingAllowanceStatus, { description: "Where it stands." })
  status!: HousingAllowanceStatus;

  @Field(() => Int, { nullable: true, description: "The monthly amount in NOK, once granted." })
  monthlyAmount?: number | null;

  @Field(() => DateScalar, { description: "The first month it applies to (its first day)." })
  fromMonth!: Date;

  @Field(() => DateScalar, { nullable: true, description: "The last month it applies to, if known." })
  untilMonth?: Date | null;
}

@ObjectType({ description: "A housing guide (boveileder) following the person up at home." })
export class HousingGuide {
  @Field(() => ContactPerson, { nullable: true, description: "The boveileder." })
  contact?: ContactPerson | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if known." })
  until?: Date | null;
}

@ObjectType({ description: "Temporary housing (midlertidig botilbud) arranged by the housing office — the kind of place, never the address." })
export class TemporaryHousing {
  @Field(() => String, { description: "The kind of place, e.g. a municipal training flat." })
  kindOfPlace!: string;

  @Field(() => DateScalar, { description: "From when." })
  fromDate!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if known." })
  untilDate?: Date | null;
}

@ObjectType({ description: "A risk of eviction the housing office works to avert." })
export class EvictionRisk {
  @Field(() => EvictionStage, { description: "How far it has gone." })
  stage!: EvictionStage;

  @Field(() => DateScalar, { description: "When the housing office learnt of it." })
  notedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "The date set for the eviction, or the landlord's deadline." })
  evictionDate?: Date | null;

  @Field(() => String, { description: "What is being done, in a line." })
  description!: string;
}

@ObjectType({
  description:
    "The housing office's view of a person: applications for municipal housing, housing allowance, the boveileder, temporary housing " +
    "and the risk of eviction. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and " +
    "`contact` (the housing office's reception, whatever the matter) are filled in.",
})
export class BoligView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether the housing office works with the person now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact: the boveileder, else the caseworker of an open application (under INVOLVEMENT_ONLY: the reception)." })
  contact?: ContactPerson | null;

  @Field(() => [HousingApplication], { nullable: true, description: "Applications for municipal housing, newest first." })
  applications?: HousingApplication[] | null;

  @Field(() => [HousingAllowance], { nullable: true, description: "Housing allowances (bostøtte), newest first." })
  housingAllowances?: HousingAllowance[] | null;

  @Field(() => HousingGuide, { nullable: true, description: "The boveileder now, or the one planned next; null when there is none." })
  housingGuide?: HousingGuide | null;

  @Field(() => [TemporaryHousing], { nullable: true, description: "Temporary housing, newest first." })
  temporaryHousing?: TemporaryHousing[] | null;

  @Field(() => [EvictionRisk], { nullable: true, description: "Risks of eviction, newest first, with the date set." })
  evictionRisks?: EvictionRisk[] | null;
}
