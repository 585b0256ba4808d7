// GraphQL types of consents: a consent or refusal as recorded, and the inputs
// that record one.
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DataCategoryEnum } from "../../kit/access-enums.ts";
import { DATA_CATEGORIES, type DataCategory } from "../../kit/categories.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import { ConsentCapacity, ConsentChannel, ConsentDecision, ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import "../service-name.ts";

registerEnumType(ConsentCapacity, {
  name: "ConsentCapacity",
  description: "In what capacity the giver decided.",
  valuesConfig: {
    SELF: {
      description: "For themselves: a person of 18 or more, or a youth of 16 or 17 for health data (HELSE) only.",
    },
    GUARDIAN: { description: "As a guardian with parental responsibility, for a child under 18." },
  },
});
registerEnumType(ConsentDecision, {
  name: "ConsentDecision",
  description: "What was decided (FHIR Consent provision type). Nothing is shared without a PERMIT.",
  valuesConfig: {
    PERMIT: { description: "Consent given: the case's members may see the covered data while it is active." },
    DENY: { description: "Consent refused, recorded with the reason as the person said it." },
  },
});

registerEnumType(ConsentChannel, {
  name: "ConsentChannel",
  description: "How a consent or refusal came in.",
  valuesConfig: {
    DIGITAL: { description: "Given (or refused) by the person signed in themselves: in force at once." },
    PAPER_FORM: { description: "Recorded by an employee from the person's signed form: in force only once a second member of the case has attested it." },
    STAFF_RECORDED: { description: "A refusal an employee recorded as the person said it: a refusal only ever keeps data back." },
  },
});

const CATEGORY_LIST = DATA_CATEGORIES.join(", ");

@ObjectType({
  description:
    "A consent given or refused for the members of one coordination case (after FHIR Consent and Altinn's consent): " +
    "who decided, about whom, which services' data, which categories, for which period.",
})
export class Consent {
  @Field(() => ID, { description: "Opaque id of the consent." })
  id!: string;

  @Field(() => ConsentDecision, { description: "PERMIT (given) or DENY (refused)." })
  decision!: ConsentDecision;

  @Field(() => ConsentCapacity, { description: "SELF (the person themselves) or GUARDIAN (a guardian with parental responsibility)." })
  capacity!: ConsentCapacity;

  @Field(() => [ServiceName], { description: "The services whose data it covers." })
  services!: ServiceName[];

  @Field(() => [DataCategoryEnum], { description: `The data categories it covers, among ${CATEGORY_LIST}.` })
  categories!: DataCategory[];

  @Field(() => DateTimeScalar, { description: "From when it applies." })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "Until when it applies; null = until withdrawn." })
  validTo?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was withdrawn; null while not withdrawn." })
  withdrawnAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Who recorded the withdrawal: an employee's actor id, or the registry person id of a citizen who withdrew it themselves.",
  })
  withdrawnBy?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The child's own view, in the child's words; recorded with a guardian's consent from the child's age 7.",
  })
  childView?: string | null;

  @Field(() => String, { nullable: true, description: "A note, e.g. the reason for a refusal as the person said it." })
  note?: string | null;

  @Field(() => String, {
    description: "Who entered it: an employee's actor id, or the registry person id of a citizen who gave it themselves.",
  })
  recordedBy!: string;

  @Field(() => ConsentChannel, { description: "How it came in: given by the person, from a signed paper form, or a refusal an employee recorded." })
  channel!: ConsentChannel;

  @Field(() => String, { nullable: true, description: "For a paper form: its reference (where the signed form is kept)." })
  formReference?: string | null;

  @Field(() => String, { nullable: true, description: "For a paper form: the actor id of the member who attested it; null until attested." })
  attestedBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "For a paper form: when it was attested, and from when it counts." })
  attestedAt?: Date | null;

  @Field(() => DateTimeScalar, { description: "When it was entered." })
  createdAt!: Date;

  caseId!: string;
  subjectPersonId!: string;
  givenByPersonId!: string;
}

@InputType({ description: "A consent to record: who gives it, about whom, for which services and data, for which period." })
export class GrantConsentInput {
  @Field(() => ID, { description: "The coordination case whose members the consent is for." })
  caseId!: string;

  @Field(() => ID, { description: "The person the consent is about; must be a subject of the case." })
  subjectId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The person giving it: the subject, or a guardian with parental responsibility. A citizen may leave it out (it is then themselves).",
  })
  givenById?: string | null;

  @Field(() => ConsentCapacity, { description: "SELF or GUARDIAN." })
  capacity!: ConsentCapacity;

  @Field(() => [ServiceName], { description: "The services whose data it covers (not FAMILY); at least one." })
  services!: ServiceName[];

  @Field(() => [DataCategoryEnum], { description: `The data categories it covers; at least one of ${CATEGORY_LIST}.` })
  categories!: DataCategory[];

  @Field(() => DateTimeScalar, { nullable: true, description: "From when it applies; default now." })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Until when it applies: after validFrom and not in the past. Leave out for until withdrawn.",
  })
  validTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The child's own view, in the child's words; required with a guardian's consent for a child aged 7 or more.",
  })
  childView?: string | null;

  @Field(() => String, { nullable: true, description: "A note about the consent, e.g. conditions the person set." })
  note?: string | null;
}

@InputType({ description: "A refusal to record: who refused, about whom, which services and data." })
export class RefuseConsentInput {
  @Field(() => ID, { description: "The coordination case whose members the refusal concerns." })
  caseId!: string;

  @Field(() => ID, { description: "The person the refusal is about; must be a subject of the case." })
  subjectId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The person refusing: the subject, or a guardian with parental responsibility. A citizen may leave it out (it is then themselves).",
  })
  givenById?: string | null;

  @Field(() => ConsentCapacity, { description: "SELF or GUARDIAN." })
  capacity!: ConsentCapacity;

  @Field(() => [ServiceName], { description: "The services whose data may not be shared (not FAMILY); at least one." })
  services!: ServiceName[];

  @Field(() => [DataCategoryEnum], { nullable: true, description: `The data categories refused; default all (${CATEGORY_LIST}).` })
  categories?: DataCategory[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "From when the refusal applies; default now." })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Until when it applies; leave out for until withdrawn." })
  validTo?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The child's own view, in the child's words; required with a guardian's refusal for a child aged 7 or more.",
  })
  childView?: string | null;

  @Field(() => String, { nullable: true, description: "The reason for the refusal, as the person said it." })
  note?: string | null;
}

@InputType({ description: "A consent recorded from the person's signed paper form: what the form says, and where it is kept." })
export class RecordConsentFormInput extends GrantConsentInput {
  @Field(() => String, { description: "The signed form's reference: where the paper is archived (journal or archive number)." })
  formReference!: string;
}
