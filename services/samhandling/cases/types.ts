// GraphQL types of a case: its kind, status, members and the inputs that open
// a case and add members. The other rooms add fields to CoordinationCase with
// field resolvers of their own.
import { Field, ID, InputType, Int, ObjectType, registerEnumType, UseMiddleware } from "type-graphql";
import { InCaseScope } from "./visibility.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import { CaseBasis, CaseKind, CaseStatus, MemberRole, ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import "../service-name.ts";

registerEnumType(CaseKind, {
  name: "CaseKind",
  description: "The kind of coordination work.",
  valuesConfig: {
    BTI: { description: "Bedre tverrfaglig innsats: early, coordinated help at levels 0–3, led by a stafettholder." },
    ANSVARSGRUPPE: { description: "A responsibility group of professionals and the family, with a coordinator and meetings." },
    INVESTERINGSTEAM: { description: "An investeringsteam / familielos: one coordinator with a mandate from each service and one family plan." },
  },
});
registerEnumType(CaseStatus, {
  name: "CaseStatus",
  description: "Whether the case is open.",
  valuesConfig: { OPEN: { description: "Work is going on." }, CLOSED: { description: "The case is closed." } },
});
registerEnumType(CaseBasis, {
  name: "CaseBasis",
  description: "The task a case was opened from: what gives its members a reason to work with the person.",
  valuesConfig: {
    CONCERN: { description: "A registered concern (bekymring), for BTI." },
    REFERRAL: { description: "A referral (henvisning), with its reference." },
    DECISION: { description: "A decision (vedtak), with its reference: for an ansvarsgruppe or investeringsteam." },
  },
});
registerEnumType(MemberRole, {
  name: "MemberRole",
  description: "A member's role in the case.",
  valuesConfig: {
    COORDINATOR: { description: "Leads the ansvarsgruppe or investeringsteam." },
    STAFETTHOLDER: { description: "Holds the BTI baton: coordinates and writes the stafettlogg." },
    PROFESSIONAL: { description: "An employee of a service taking part." },
    FAMILY: { description: "The person or a family member." },
    TRUSTED_PERSON: { description: "A trusted person chosen by the family." },
  },
});

@ObjectType({ description: "Someone taking part in a coordination case." })
export class CaseMember {
  @Field(() => ID, { description: "Opaque id of the membership." })
  id!: string;

  @Field(() => String, { description: "The member's name as shown to the group: an employee's from the directory." })
  displayName!: string;

  @Field(() => ServiceName, { description: "The service the member represents (an employee's, from the directory), or FAMILY." })
  service!: ServiceName;

  @Field(() => MemberRole, { description: "The member's role." })
  role!: MemberRole;

  @Field(() => DateTimeScalar, { description: "When the member joined." })
  joinedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the member left; null while active." })
  leftAt?: Date | null;

  personId!: string | null;
}

@ObjectType({ description: "A coordination case: BTI work or an ansvarsgruppe around one or more persons." })
export class CoordinationCase {
  @Field(() => ID, { description: "Opaque id; a request declares it as its purpose." })
  id!: string;

  @Field(() => CaseKind, { description: "BTI, ansvarsgruppe or investeringsteam." })
  kind!: CaseKind;

  @Field(() => String, { description: "A short working title agreed with the family." })
  title!: string;

  @Field(() => Int, { nullable: true, description: "BTI level 0–3, for BTI cases." })
  btiLevel?: number | null;

  @Field(() => CaseStatus, { description: "Open or closed." })
  status!: CaseStatus;

  @Field(() => DateTimeScalar, { description: "When the case was opened." })
  openedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the case was closed." })
  closedAt?: Date | null;

  @UseMiddleware(InCaseScope)
  @Field(() => String, { nullable: true, description: "Why the case was closed." })
  closedReason?: string | null;

  @Field(() => Boolean, { description: "Whether the group works to an individuell plan." })
  individualPlan!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "BTI: when the concern was noticed (or the referral received): level 0 is due 14 days later." })
  concernRegisteredAt?: Date | null;

  @Field(() => CaseBasis, { nullable: true, description: "What the case was opened from; null only for cases older than the rule." })
  basis?: CaseBasis | null;

  @UseMiddleware(InCaseScope)
  @Field(() => String, { nullable: true, description: "The referral's or decision's reference." })
  basisReference?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "BTI: when level 0 was decided (the first move to a level, or closing without concern)." })
  levelDecidedAt?: Date | null;

  @Field(() => [ServiceName], { description: "The services the case's active members represent, each once (FAMILY left out). Services involved with a subject but not here are whom to invite." })
  servicesRepresented?: ServiceName[];

  familyId!: string | null;
  holderMemberId!: string | null;
}

@InputType({
  description:
    "A new member of a case: an active employee in the directory (actorId; their service and name come from the directory) " +
    "or a registry person (personId; they take part for the family).",
})
export class NewMemberInput {
  @Field(() => String, { nullable: true, description: "The employee's actor id in the directory; give this or personId." })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The registry person (family member or trusted person); give this or actorId." })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "For a registry person: the name shown to the group (required). An employee's comes from the directory." })
  displayName?: string | null;

  @Field(() => MemberRole, { description: "PROFESSIONAL, FAMILY or TRUSTED_PERSON. The baton moves only by handover." })
  role!: MemberRole;

  @Field(() => String, {
    nullable: true,
    description: "For a TRUSTED_PERSON (required then, refused otherwise): who in the family chose them, in their words.",
  })
  familyChoice?: string | null;
}

@InputType({ description: "A referral or decision a case is opened from, with its reference." })
export class ReferralInput {
  @Field(() => CaseBasis, { description: "REFERRAL or DECISION (a DECISION opens an ansvarsgruppe or investeringsteam, not a BTI case)." })
  kind!: CaseBasis;

  @Field(() => String, { description: "Its reference: the journal or archive number where the referral or decision is kept." })
  reference!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was received; default now. A BTI case's level 0 is due 14 days later." })
  receivedAt?: Date | null;
}

@InputType({
  description:
    "A new coordination case, opened from a task: a concern you registered (BTI), or a referral or decision with its reference. " +
    "The one who opens it holds the baton. Opening a case releases no one's data by itself.",
})
export class OpenCaseInput {
  @Field(() => CaseKind, { description: "BTI, ANSVARSGRUPPE or INVESTERINGSTEAM." })
  kind!: CaseKind;

  @Field(() => String, { description: "A short working title agreed with the family." })
  title!: string;

  @Field(() => ID, { nullable: true, description: "BTI: the concern you registered (registerConcern). Give this or referral." })
  concernId?: string | null;

  @Field(() => ReferralInput, { nullable: true, description: "The referral or decision the case is opened from. Give this or concernId." })
  referral?: ReferralInput | null;

  @Field(() => [ID], {
    description:
      "The persons the case is about (registry ids): the task's person — the concern's subject, or for a referral or decision the first id — " +
      "and people who live in a registered household with them. Anyone else is refused.",
  })
  subjectIds!: string[];

  @Field(() => ID, { nullable: true, description: "The household, when the case concerns one: a register household every subject lives in." })
  familyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "An ansvarsgruppe working to an individuell plan; default false." })
  individualPlan?: boolean | null;

  @Field(() => [NewMemberInput], { nullable: true, description: "Others to add at once." })
  members?: NewMemberInput[] | null;
}

@ObjectType({ description: "A concern (bekymring) you registered: what you noticed about whom, and when." })
export class Concern {
  @Field(() => ID, { description: "Opaque id; open a BTI case from it with openCase(input: { concernId })." })
  id!: string;

  @Field(() => String, { description: "What was noticed, in the registrant's words." })
  text!: string;

  @Field(() => DateTimeScalar, { description: "When it was noticed." })
  noticedAt!: Date;

  @Field(() => DateTimeScalar, { description: "When it was registered." })
  registeredAt!: Date;

  @Field(() => ServiceName, { description: "The registrant's service." })
  service!: ServiceName;

  subjectPersonId!: string;
  caseId!: string | null;
}

@InputType({ description: "A concern (bekymring) to register: about whom, what you noticed, and when." })
export class RegisterConcernInput {
  @Field(() => ID, { description: "The person (registry id) the concern is about." })
  subjectId!: string;

  @Field(() => String, { description: "What you noticed, in your own words." })
  text!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When you noticed it; default now, never in the future. A BTI case's level 0 is due 14 days later." })
  noticedAt?: Date | null;
}
