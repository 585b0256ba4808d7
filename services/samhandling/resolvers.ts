import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { FamilyRef, PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { SamhandlingLoaders } from "./data.ts";
import { CaseMember, CoordinationCase } from "./types.ts";

type Context = SubgraphContext<SamhandlingLoaders>;

function present<T>(values: (T | null | Error)[]): T[] {
  return values.filter((v): v is T => v !== null && !(v instanceof Error));
}

@Resolver(() => CoordinationCase)
export class CaseResolver {
  @Query(() => CoordinationCase, { name: "case", nullable: true, description: "A coordination case by id; null when unknown." })
  coordinationCase(@Arg("id", () => ID, { description: "The case's opaque id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.case.load(id);
  }

  @FieldResolver(() => [PersonRef], { description: "The persons the case is about." })
  async subjects(@Root() found: CoordinationCase, @Ctx() ctx: Context): Promise<PersonRef[]> {
    return (await ctx.loaders.subjectsOfCase.load(found.id)).map((s) => ({ id: s.personId }));
  }

  @FieldResolver(() => FamilyRef, { nullable: true, description: "The household the case concerns, when it concerns one." })
  family(@Root() found: CoordinationCase): FamilyRef | null {
    return found.familyId ? { id: found.familyId } : null;
  }

  @FieldResolver(() => [CaseMember], { description: "Everyone taking part, coordinators first." })
  members(@Root() found: CoordinationCase, @Ctx() ctx: Context) {
    return ctx.loaders.membersOfCase.load(found.id);
  }
}

@Resolver(() => CaseMember)
export class CaseMemberResolver {
  @FieldResolver(() => PersonRef, { nullable: true, description: "The person, when the member is the person or a family member." })
  person(@Root() member: CaseMember): PersonRef | null {
    return member.personId ? { id: member.personId } : null;
  }
}

@Resolver(() => PersonRef)
export class PersonCasesResolver {
  @FieldResolver(() => [CoordinationCase], { description: "Coordination cases the person is a subject of." })
  async cases(@Root() person: PersonRef, @Ctx() ctx: Context) {
    const subjects = await ctx.loaders.casesOfSubject.load(person.id);
    return present(await ctx.loaders.case.loadMany(subjects.map((s) => s.caseId)));
  }
}

@Resolver(() => FamilyRef)
export class FamilyCasesResolver {
  @FieldResolver(() => [CoordinationCase], { description: "Coordination cases concerning the household." })
  cases(@Root() family: FamilyRef, @Ctx() ctx: Context) {
    return ctx.loaders.casesOfFamily.load(family.id);
  }
}
