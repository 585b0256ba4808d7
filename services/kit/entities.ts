// The shared entities as the extending subgraphs see them: only the key.
// registry owns every other field of Person and Family.
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive('@key(fields: "id")')
@ObjectType("Person", { description: "A person known to the municipality, identified by an opaque id." })
export class PersonRef {
  @Field(() => ID, { description: "Opaque, stable id. Never the national identity number." })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Family", { description: "A household as registered in the population register." })
export class FamilyRef {
  @Field(() => ID, { description: "Opaque, stable id." })
  id!: string;
}
