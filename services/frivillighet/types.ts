import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AccessDecision } from "../kit/access.ts";
import { DateScalar } from "../kit/scalars.ts";
import { ContactPerson } from "../kit/views.ts";
import { VoluntaryKind } from "../../prisma/frivillighet/generated/enums.ts";

registerEnumType(VoluntaryKind, {
  name: "VoluntaryKind",
  description: "The kind of voluntary support.",
  valuesConfig: {
    ACTIVITY: { description: "A leisure activity (sports club, choir, youth club)." },
    MENTOR: { description: "A mentor or buddy." },
    LANGUAGE_MENTOR: { description: "A language mentor or language café." },
    FRITIDSKORT: { description: "Leisure card paying for activities." },
    TRUSTED_PERSON: { description: "A trusted adult the person or family has chosen." },
    PEER_WORKER: { description: "A peer worker (erfaringskonsulent)." },
  },
});

@ObjectType({ description: "An activity or support from a voluntary organisation." })
export class VoluntaryActivity {
  @Field(() => VoluntaryKind, { description: "The kind of support." })
  kind!: VoluntaryKind;

  @Field(() => String, { description: "The organisation, e.g. Frivilligsentralen, Røde Kors, a sports club." })
  organisation!: string;

  @Field(() => String, { description: "What it is, in a few words." })
  title!: string;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact." })
  contact?: ContactPerson | null;

  @Field(() => DateScalar, { description: "Since when." })
  since!: Date;

  @Field(() => DateScalar, { nullable: true, description: "Until when, if known." })
  until?: Date | null;
}

@ObjectType({ description: "The voluntary sector's view of a person: activities, mentors, fritidskort and trusted persons. Data fields are null unless access is granted. With status INVOLVEMENT_ONLY only `involved` and `contact` are filled in." })
export class FrivillighetView {
  @Field(() => AccessDecision, { description: "How access to this view was decided." })
  access!: AccessDecision;

  @Field(() => Boolean, { nullable: true, description: "Whether the person takes part in any voluntary activity now (also under INVOLVEMENT_ONLY)." })
  involved?: boolean | null;

  @Field(() => ContactPerson, { nullable: true, description: "Whom to contact: the contact person of a current activity." })
  contact?: ContactPerson | null;

  @Field(() => [VoluntaryActivity], { nullable: true, description: "Activities and support, newest first." })
  activities?: VoluntaryActivity[] | null;
}
