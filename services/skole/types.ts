import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson, MeasureStatus } from "../kit/views.ts";
import { SchoolLevel, SchoolSupportKind } from "../../prisma/skole/generated/enums.ts";

registerEnumType(SchoolLevel, {
  name: "SchoolLevel",
  description: "Kindergarten, school or adult education.",
  valuesConfig: {
    KINDERGARTEN: { description: "Kindergarten (barnehage)." },
    PRIMARY: { description: "Primary school, years 1–7." },
    LOWER_SECONDARY: { description: "Lower secondary school, years 8–10." },
    UPPER_SECONDARY: { description: "Upper secondary school (videregående)." },
    ADULT_EDUCATION: { description: "Adult education (voksenopplæring)." },
  },
});

registerEnumType(SchoolSupportKind, {
  name: "SchoolSupportKind",
  description: "Support around schooling.",
  valuesConfig: {
    PPT_REFERRAL: { description: "Referred to the educational-psychological service (PPT)." },
    ADAPTED_EDUCATION: { description: "Adapted education within ordinary teaching." },
    SPECIAL_EDUCATION: { description: "Special education by decision (spesialundervisning)." },
    OT_FOLLOW_UP: { description: "Follow-up service for ages 16–21 outside school (oppfølgingstjenesten)." },
    KINDERGARTEN_QUEUE: { description: "Waiting for a kindergarten place." },
    LANGUAGE_SUPPORT: { description: "Extra Norwegian language teaching." },
  },
});

@ObjectType({ description: "Enrolment in a kindergarten, school or adult education." })
export class Enrolment {
  @Field(() => String, { description: "The kindergarten or school." })
  institution!: string;

  @Field(() => SchoolLevel, { description: "Which level." })
  level!: SchoolLevel;

  @Field(() => Int, { nullable: true, description: "School year (trinn), where it applies." })
  grade?: number | null;

  @Field(() => ContactPerson, { nullable: true, description: "The contact teacher (kontaktlærer) or kindergarten contact." })
  contact?: ContactPerson | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if it has ended." })
  until?: Date | null;
}

@ObjectType({ description: "A support measure around schooling." })
export class SchoolSupport {
  @Field(() => SchoolSupportKind, { description: "The kind of support." })
  kind!: SchoolSupportKind;

  @Field(() => String, { description: "What it is, in a line." })
  description!: string;

  @Field(() => MeasureStatus, { description: "Planned, active or ended." })
  status!: MeasureStatus;

  @Field(() => DateScalar, { description: "When it started or starts." })
  startedAt!: Date;
}

export enum AttendanceTrend {
  IMPROVING = "IMPROVING",
  STABLE = "STABLE",
  WORSENING = "WORSENING",
}
registerEnumType(AttendanceTrend, {
  name: "AttendanceTrend",
  description: "How absence has moved over the last months.",
  valuesConfig: {
    IMPROVING: { description: "Absence is going down." },
    STABLE: { description: "No clear change." },
    WORSENING: { description: "Absence is going up." },
  },
});

@ObjectType({ description: "A summary of absence, never single registrations." })
export class AttendanceSummary {
  @Field(() => Float, { description: "Absence in percent of school days over the last three recorded months." })
  recentAbsencePercent!: number;

  @Field(() => AttendanceTrend, { description: "The trend over the recorded months." })
  trend!: AttendanceTrend;

  @Field(() => Int, { description: "How many months the summary is built on." })
  months!: number;
}

@ObjectType({ description: "School and kindergarten's view of a person: enrolment, contact teacher, support and absence. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and `contact` are filled in." })
export class SkoleView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether the person is enrolled now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact at school: the contact teacher of a current enrolment." })
  contact?: ContactPerson | null;

  @Field(() => [Enrolment], { nullable: true, description: "Enrolments, current first." })
  enrolments?: Enrolment[] | null;

  @Field(() => [SchoolSupport], { nullable: true, description: "PPT, adapted education, OT and other support." })
  support?: SchoolSupport[] | null;

  @Field(() => AttendanceSummary, { nullable: true, description: "Absence summary; null when nothing is recorded." })
  attendance?: AttendanceSummary | null;
}
