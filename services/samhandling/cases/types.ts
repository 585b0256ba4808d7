// GraphQL types of a case: its kind, status, members and the inputs that open
// a case and add members. The other rooms add fields to CoordinationCase with
// field resolvers of their own.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CASEWORK_SERVICES, serviceEntry } from "../../kit/catalog.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import { CaseKind, CaseStatus, MemberRole, ServiceName } from "../../../prisma/samhandling/generated/enums.ts";

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
registerEnumType(ServiceName, {
  name: "ServiceName",
  description: "A municipal service taking part in coordination, or the family itself.",
  valuesConfig: {
    ...Object.fromEntries(CASEWORK_SERVICES.map((s) => [s.toUpperCase(), { description: serviceEntry(s).description.en }])),
    FAMILY: { description: "The person or family the case is about, or someone they chose." },
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

  @Field(() => String, { description: "The member's name as shown to the group." })
  displayName!: string;

  @Field(() => ServiceName, { description: "The service the member represents, or FAMILY." })
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

  @Field(() => String, { nullable: true, description: "Why the case was closed." })
  closedReason?: string | null;

  @Field(() => Boolean, { description: "Whether the group works to an individuell plan." })
  individualPlan!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: "BTI: when the concern was registered." })
  concernRegisteredAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "BTI: when level 0 was decided (the first move to a level, or closing without concern)." })
  levelDecidedAt?: Date | null;

  @Field(() => [ServiceName], { description: "The services the case's active members represent, each once (FAMILY left out). Services involved with a subject but not here are whom to invite." })
  servicesRepresented?: ServiceName[];

  familyId!: string | null;
  holderMemberId!: string | null;
}

@InputType({ description: "A new member of a case: an employee (actorId) or a registry person (personId)." })
export class NewMemberInput {
  @Field(() => String, { nullable: true, description: "The employee's actor id (their sign-in subject); give this or personId." })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The registry person (family member or trusted person); give this or actorId." })
  personId?: string | null;

  @Field(() => String, { description: "Name as shown to the group." })
  displayName!: string;

  @Field(() => ServiceName, { description: "The service represented; FAMILY for the family and persons they chose." })
  service!: ServiceName;

  @Field(() => MemberRole, { description: "PROFESSIONAL, FAMILY or TRUSTED_PERSON. The baton moves only by handover." })
  role!: MemberRole;

  @Field(() => String, {
    nullable: true,
    description: "For a TRUSTED_PERSON (required then, refused otherwise): who in the family chose them, in their words.",
  })
  familyChoice?: string | null;
}

@InputType({ description: "A new coordination case. The one who opens it holds the baton." })
export class OpenCaseInput {
  @Field(() => CaseKind, { description: "BTI, ANSVARSGRUPPE or INVESTERINGSTEAM." })
  kind!: CaseKind;

  @Field(() => String, { description: "A short working title agreed with the family." })
  title!: string;

  @Field(() => [ID], { description: "The persons the case is about (registry ids); at least one." })
  subjectIds!: string[];

  @Field(() => ID, { nullable: true, description: "The household, when the case concerns one: a register household every subject lives in." })
  familyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "An ansvarsgruppe working to an individuell plan; default false." })
  individualPlan?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "BTI: when the concern was registered; default now. Level 0 is due 14 days later." })
  concernRegisteredAt?: Date | null;

  @Field(() => String, { nullable: true, description: "BTI: the concern, as the first stafettlogg entry." })
  concern?: string | null;

  @Field(() => String, { description: "Your name as shown to the group." })
  holderDisplayName!: string;

  @Field(() => [NewMemberInput], { nullable: true, description: "Others to add at once." })
  members?: NewMemberInput[] | null;
}
