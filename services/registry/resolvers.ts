import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { ageOn } from "../kit/scalars.ts";
import type { RegistryLoaders } from "./data.ts";
import { Family, FamilyMember, Guardianship, Person } from "./types.ts";

type Context = SubgraphContext<RegistryLoaders>;

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "A person by id; null when no such person is known." })
  person(@Arg("id", () => ID, { description: "The person's opaque id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(id);
  }

  @FieldResolver(() => Int, { description: "Age in whole years today (Norwegian time)." })
  age(@Root() person: Person): number {
    return ageOn(person.birthDate);
  }

  @FieldResolver(() => [Family], { description: "The households the person belongs to." })
  async families(@Root() person: Person, @Ctx() ctx: Context) {
    const memberships = await ctx.loaders.membershipsOfPerson.load(person.id);
    const families = await ctx.loaders.family.loadMany(memberships.map((m) => m.familyId));
    return families.filter((f): f is NonNullable<typeof f> => f !== null && !(f instanceof Error));
  }

  @FieldResolver(() => [Guardianship], { description: "The person's guardians (for a child), with parental responsibility." })
  guardians(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.guardiansOfChild.load(person.id);
  }

  @FieldResolver(() => [Guardianship], { description: "The children this person is guardian of." })
  guardianOf(@Root() person: Person, @Ctx() ctx: Context) {
    return ctx.loaders.wardsOfGuardian.load(person.id);
  }
}

@Resolver(() => Family)
export class FamilyResolver {
  @Query(() => Family, { nullable: true, description: "A household by id; null when no such household is known." })
  family(@Arg("id", () => ID, { description: "The household's opaque id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.family.load(id);
  }

  @FieldResolver(() => [FamilyMember], { description: "Everyone in the household, adults first." })
  members(@Root() family: Family, @Ctx() ctx: Context) {
    return ctx.loaders.membersOfFamily.load(family.id);
  }
}

@Resolver(() => FamilyMember)
export class FamilyMemberResolver {
  @FieldResolver(() => Person, { nullable: true, description: "The member." })
  person(@Root() member: FamilyMember, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(member.personId);
  }
}

@Resolver(() => Guardianship)
export class GuardianshipResolver {
  @FieldResolver(() => Person, { nullable: true, description: "The guardian." })
  guardian(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(g.guardianId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "The child." })
  child(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return ctx.loaders.person.load(g.childId);
  }
}
