import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../kit/scalars.ts";
import { CaseKind, CaseStatus, MemberRole, ServiceName } from "../../prisma/samhandling/generated/enums.ts";

registerEnumType(CaseKind, {
  name: "CaseKind",
  description: "The kind of coordination work.",
  valuesConfig: {
    BTI: { description: "Bedre tverrfaglig innsats: early, coordinated help at levels 0–3, led by a stafettholder." },
    ANSVARSGRUPPE: { description: "A responsibility group of professionals and the family, with a coordinator and meetings." },
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
    NAV: { description: "NAV (labour and welfare, social services)." },
    BARNEVERN: { description: "Child welfare." },
    SKOLE: { description: "School and kindergarten." },
    HELSE: { description: "Health services." },
    FRIVILLIGHET: { description: "The voluntary sector." },
    SAMHANDLING: { description: "The municipality's coordination unit." },
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

  @Field(() => CaseKind, { description: "BTI or ansvarsgruppe." })
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

  familyId!: string | null;
}
