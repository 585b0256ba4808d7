import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson } from "../kit/views.ts";
import { FollowUpType, HealthServiceKind } from "../../prisma/helse/generated/enums.ts";

registerEnumType(HealthServiceKind, {
  name: "HealthServiceKind",
  description: "Which health service the person is in contact with.",
  valuesConfig: {
    HELSESTASJON: { description: "Health centre for children under school age." },
    SCHOOL_HEALTH: { description: "School health service (skolehelsetjenesten)." },
    FASTLEGE: { description: "Regular general practitioner." },
    MUNICIPAL_MENTAL_HEALTH: { description: "Municipal mental health service." },
    SUBSTANCE_SERVICE: { description: "Municipal substance-use service (rustjeneste)." },
    BUP: { description: "Child and adolescent psychiatry (specialist)." },
    DPS: { description: "District psychiatric centre (specialist)." },
    FACT: { description: "Flexible assertive community treatment team." },
    FRISKLIVSSENTRAL: { description: "Healthy-life centre." },
  },
});

registerEnumType(FollowUpType, {
  name: "FollowUpType",
  description: "The kind of follow-up — never a diagnosis.",
  valuesConfig: {
    ROUTINE: { description: "Routine check-ups." },
    CONSULTATIONS: { description: "Regular consultations." },
    TREATMENT: { description: "Ongoing treatment." },
    TEAM_FOLLOW_UP: { description: "Follow-up by a team." },
    HOME_VISITS: { description: "Home visits." },
  },
});

@ObjectType({ description: "A contact with a health service: which service, what kind of follow-up and whom to call. Never a diagnosis." })
export class HealthContact {
  @Field(() => HealthServiceKind, { description: "The health service." })
  kind!: HealthServiceKind;

  @Field(() => FollowUpType, { description: "The kind of follow-up." })
  followUp!: FollowUpType;

  @Field(() => String, { description: "The unit, e.g. the health centre or GP office." })
  unit!: string;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact there." })
  contact?: ContactPerson | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if the contact has ended or has an end date." })
  until?: Date | null;
}

@ObjectType({ description: "Health services' view of a person: which services follow them up and how. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and `contact` are filled in." })
export class HelseView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether any health service follows the person up now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact: the contact person of a current health contact. Never which service or unit." })
  contact?: ContactPerson | null;

  @Field(() => [HealthContact], { nullable: true, description: "Contacts with health services, current first." })
  contacts?: HealthContact[] | null;
}
