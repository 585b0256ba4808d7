import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson, MeasureStatus } from "../kit/views.ts";
import { BarnevernMeasureKind, BarnevernPhase } from "../../prisma/barnevern/generated/enums.ts";

registerEnumType(BarnevernPhase, {
  name: "BarnevernPhase",
  description: "Where barnevern's case on the person stands.",
  valuesConfig: {
    REPORT_RECEIVED: { description: "A report of concern (bekymringsmelding) is being reviewed." },
    INVESTIGATION: { description: "Barnevern is investigating (undersøkelse)." },
    MEASURES: { description: "Help measures are running." },
    AFTERCARE: { description: "Aftercare (ettervern) for a young adult, up to age 25." },
    CLOSED: { description: "The case is closed." },
  },
});

registerEnumType(BarnevernMeasureKind, {
  name: "BarnevernMeasureKind",
  description: "The kind of measure barnevern runs.",
  valuesConfig: {
    PARENTAL_GUIDANCE: { description: "Guidance for the parents (foreldreveiledning)." },
    RELIEF_MEASURE: { description: "Relief home or relief measures (avlastning)." },
    SUPPORT_CONTACT: { description: "A support contact (støttekontakt)." },
    FOSTER_CARE: { description: "Foster care (fosterhjem)." },
    AFTERCARE_HOUSING: { description: "Housing support in aftercare." },
    AFTERCARE_FINANCIAL: { description: "Financial support in aftercare." },
    AFTERCARE_FOLLOW_UP: { description: "Follow-up by a caseworker in aftercare." },
  },
});

@ObjectType({ description: "A measure barnevern runs. Only the kind and period, never case notes." })
export class BarnevernMeasure {
  @Field(() => BarnevernMeasureKind, { description: "The kind of measure." })
  kind!: BarnevernMeasureKind;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When it ends, if known." })
  endsAt?: Date | null;
}

@ObjectType({ description: "Barnevern's view of a person: whether barnevern is involved, the phase, the caseworker and measures. Data fields are null unless access is granted; a restricted view never tells whether barnevern is involved. With status INVOLVEMENT_ONLY only `involved` and `contact` are filled in." })
export class BarnevernView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether barnevern has an open case on the person (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => BarnevernPhase, { nullable: true, description: "The phase of barnevern's case." })
  phase?: BarnevernPhase | null;

  @Field(() => DateScalar, { nullable: true, description: "When barnevern opened the case." })
  since?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "When aftercare ends, for a young adult in aftercare." })
  aftercareEndsAt?: Date | null;

  @Field(() => ContactPerson, { nullable: true, description: "The caseworker (saksbehandler); under INVOLVEMENT_ONLY only while barnevern is involved." })
  contact?: ContactPerson | null;

  @Field(() => [BarnevernMeasure], { nullable: true, description: "Barnevern's measures, newest first." })
  measures?: BarnevernMeasure[] | null;
}
