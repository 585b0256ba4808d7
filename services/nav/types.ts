import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson, MeasureStatus } from "../kit/views.ts";
import { NavMeasureKind } from "../../prisma/nav/generated/enums.ts";

registerEnumType(NavMeasureKind, {
  name: "NavMeasureKind",
  description: "What NAV does for the person.",
  valuesConfig: {
    SOCIAL_ASSISTANCE: { description: "Financial social assistance (økonomisk sosialhjelp)." },
    KVP: { description: "The qualification programme (kvalifiseringsprogrammet)." },
    IPS: { description: "Individual placement and support with a jobbspesialist." },
    HOUSING_FOLLOW_UP: { description: "Follow-up in one's own home (bo-/boligveileder)." },
    TEMPORARY_HOUSING: { description: "Temporary housing arranged by NAV." },
    FAMILY_COORDINATOR: { description: "A family coordinator following up the whole household." },
    DEBT_ADVICE: { description: "Financial and debt advice (økonomisk rådgivning)." },
    YOUTH_TEAM: { description: "Follow-up by the NAV youth team." },
    WORK_TRAINING: { description: "Work training with an employer." },
    INTRODUCTION_PROGRAMME: { description: "Follow-up alongside the refugee introduction programme." },
    RELEASE_FOLLOW_UP: { description: "Preparation for release from prison (benefits, housing)." },
  },
});

@ObjectType({ description: "A measure NAV runs for the person." })
export class NavMeasure {
  @Field(() => NavMeasureKind, { description: "The kind of measure." })
  kind!: NavMeasureKind;

  @Field(() => String, { description: "What the measure is, in a line." })
  description!: string;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it ends, if known." })
  endsAt?: Date | null;
}

@ObjectType({ description: "NAV's view of a person: whether NAV follows them up, who the veileder is and which measures run. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and `contact` are filled in." })
export class NavView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether NAV follows the person up now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => String, { nullable: true, description: "The NAV office following the person up." })
  office?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Since when NAV has followed the person up." })
  since?: Date | null;

  @Field(() => ContactPerson, { nullable: true, description: "The person's veileder at NAV (under INVOLVEMENT_ONLY: only while NAV is involved)." })
  contact?: ContactPerson | null;

  @Field(() => [NavMeasure], { nullable: true, description: "NAV's measures for the person, newest first." })
  measures?: NavMeasure[] | null;
}
