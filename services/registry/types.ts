import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../kit/scalars.ts";
import { FamilyRole } from "../../prisma/registry/generated/enums.ts";

registerEnumType(FamilyRole, {
  name: "FamilyRole",
  description: "A member's place in the household.",
  valuesConfig: { ADULT: { description: "An adult in the household." }, CHILD: { description: "A child in the household." } },
});

@Directive('@key(fields: "id")')
@ObjectType({ description: "A person known to the municipality, identified by an opaque id." })
export class Person {
  @Field(() => ID, { description: "Opaque, stable id. Never the national identity number." })
  id!: string;

  @Field(() => String, { description: "Given name(s)." })
  givenName!: string;

  @Field(() => String, { description: "Family name." })
  familyName!: string;

  @Field(() => DateScalar, { description: "Date of birth." })
  birthDate!: Date;

  @Field(() => String, { nullable: true, description: "Preferred language for meetings and letters, when it is not Norwegian (e.g. Dari, Northern Sami)." })
  preferredLanguage?: string | null;
}

@ObjectType({ description: "A household as registered in the population register." })
@Directive('@key(fields: "id")')
export class Family {
  @Field(() => ID, { description: "Opaque, stable id." })
  id!: string;

  @Field(() => String, { description: "The household's name as the family uses it (usually a family name)." })
  name!: string;

  @Field(() => String, { description: "The municipality the household lives in." })
  municipality!: string;
}

@ObjectType({ description: "A person's membership of a household." })
export class FamilyMember {
  @Field(() => FamilyRole, { description: "Adult or child in this household." })
  role!: FamilyRole;

  personId!: string;
  familyId!: string;
}

@ObjectType({ description: "A guardian of a child, and whether they hold parental responsibility (foreldreansvar)." })
export class Guardianship {
  @Field(() => Boolean, { description: "Whether this guardian has parental responsibility, and so may consent on the child's behalf." })
  parentalResponsibility!: boolean;

  childId!: string;
  guardianId!: string;
}
