import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { isCitizen } from "../kit/auth/caller.ts";
import { ageOn, DateScalar } from "../kit/scalars.ts";
import type { RegistryLoaders } from "./data.ts";
import { Family, FamilyMember, Guardianship, Person } from "./types.ts";
import { BASIS_TEXTS } from "../kit/access-values.ts";

type Context = SubgraphContext<RegistryLoaders>;

/**
 * Every path to a person goes through here: the person, or null when the
 * caller may not see them — the same null as for an unknown id.
 */
export function visiblePerson(ctx: Context, id: string) {
  return ctx.access.ifGranted(id, "IDENTITY", () => ctx.loaders.person.load(id));
}

async function visibleMembers(ctx: Context, familyId: string) {
  const members = await ctx.loaders.membersOfFamily.load(familyId);
  const visible = await Promise.all(members.map((m) => visiblePerson(ctx, m.personId)));
  return members.filter((_, i) => visible[i] !== null);
}

export async function visibleFamily(ctx: Context, id: string) {
  // A household is visible through its members: with none visible it is null, as if unknown.
  const [family, members] = await Promise.all([ctx.loaders.family.load(id), visibleMembers(ctx, id)]);
  return family && members.length > 0 ? family : null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "A person by id; null when unknown or not visible to the caller for the declared case. An employee declares the case (header X-Case-Id) or gets the error PURPOSE_REQUIRED; a citizen needs none for themself and their children." })
  person(@Arg("id", () => ID, { description: "The person's opaque id." }) id: string, @Ctx() ctx: Context) {
    return visiblePerson(ctx, id);
  }

  @Query(() => Person, { nullable: true, description: "For a signed-in citizen: themself. Null for anyone else." })
  me(@Ctx() ctx: Context) {
    return isCitizen(ctx.caller) ? visiblePerson(ctx, ctx.caller.claims.personId) : null;
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
  @Query(() => Family, { nullable: true, description: "A household by id; null when unknown or when none of its members is visible to the caller. An employee declares the case (header X-Case-Id) or gets the error PURPOSE_REQUIRED; a citizen needs none for their own household." })
  family(@Arg("id", () => ID, { description: "The household's opaque id." }) id: string, @Ctx() ctx: Context) {
    return visibleFamily(ctx, id);
  }

  @FieldResolver(() => [FamilyMember], { description: "The members visible to the caller, adults first." })
  members(@Root() family: Family, @Ctx() ctx: Context) {
    return visibleMembers(ctx, family.id);
  }
}

@Resolver(() => FamilyMember)
export class FamilyMemberResolver {
  @FieldResolver(() => Person, { nullable: true, description: "The member." })
  person(@Root() member: FamilyMember, @Ctx() ctx: Context) {
    return visiblePerson(ctx, member.personId);
  }
}

@Resolver(() => Guardianship)
export class GuardianshipResolver {
  @FieldResolver(() => Person, { nullable: true, description: "The guardian; null when not visible to the caller." })
  guardian(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return visiblePerson(ctx, g.guardianId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "The child; null when not visible to the caller." })
  child(@Root() g: Guardianship, @Ctx() ctx: Context) {
    return visiblePerson(ctx, g.childId);
  }
}

@Directive("@inaccessible")
@ObjectType({ description: "Internal: what the consent competence rules need to know about a person." })
export class PersonFactsRow {
  @Field(() => ID, { description: "The person." })
  personId!: string;

  @Field(() => DateScalar, { description: "Date of birth." })
  birthDate!: Date;

  @Field(() => [GuardianFact], { description: "Guardians and whether they hold parental responsibility." })
  guardians!: GuardianFact[];

  @Field(() => [ID], { description: "The households the person lives in (samhandling checks a new case's household against them)." })
  householdIds!: string[];

}

@Directive("@inaccessible")
@ObjectType({ description: "Internal: one guardian of a person." })
export class GuardianFact {
  @Field(() => ID, { description: "The guardian." })
  guardianId!: string;

  @Field(() => Boolean, { description: "Whether the guardian has parental responsibility." })
  parentalResponsibility!: boolean;
}

export const COMPETENCE_CHECK_BASIS = BASIS_TEXTS.CONSENT_COMPETENCE_CHECK;

@Resolver(() => PersonFactsRow)
export class PersonFactsResolver {
  @Directive("@inaccessible")
  @Query(() => [PersonFactsRow], { description: "Internal, for samhandling only: birth dates and guardians of the given persons; unknown ids are left out." })
  async _personFacts(@Arg("ids", () => [ID], { description: "Person ids." }) ids: string[], @Ctx() ctx: Context): Promise<PersonFactsRow[]> {
    if (!(await ctx.access.internalRelease(ids, "IDENTITY", ["samhandling"], COMPETENCE_CHECK_BASIS))) return [];
    const [persons, guardians, households] = await Promise.all([
      ctx.loaders.person.loadMany(ids),
      ctx.loaders.guardiansOfChild.loadMany(ids),
      ctx.loaders.membershipsOfPerson.loadMany(ids),
    ]);
    return persons.flatMap((p, i) => {
      if (!p || p instanceof Error) return [];
      const g = guardians[i];
      const h = households[i];
      return [{
        personId: p.id,
        birthDate: p.birthDate,
        guardians: g instanceof Error ? [] : g.map(({ guardianId, parentalResponsibility }) => ({ guardianId, parentalResponsibility })),
        householdIds: h instanceof Error || !h ? [] : h.map((m) => m.familyId),
      }];
    });
  }

  // Asked only where a guardian's view of their children's consents needs it: the competence facts stay one statement fewer.
  @FieldResolver(() => [ID], { description: "The children the person holds parental responsibility for (what a guardian sees of a child's consents)." })
  async wardIds(@Root() row: PersonFactsRow, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.wardsOfGuardian.load(row.personId)).filter((g) => g.parentalResponsibility).map((g) => g.childId);
  }
}
