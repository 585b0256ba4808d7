import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { BarnevernLoaders } from "./data.ts";
import { barnevernInvolvement } from "./involvement.ts";
import { BarnevernView } from "./types.ts";

type Context = SubgraphContext<BarnevernLoaders>;

@Resolver(() => PersonRef)
export class PersonBarnevernResolver {
  @FieldResolver(() => BarnevernView, { nullable: true, description: "Barnevern's view of the person, under the consent rules." })
  barnevern(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => barnevernInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, found, measures] = await Promise.all([
          barnevernInvolvement(ctx.loaders, person.id),
          ctx.loaders.case.load(person.id),
          ctx.loaders.measures.load(person.id),
        ]);
        return {
          ...fact,
          phase: found?.phase ?? null,
          since: found?.openedAt ?? null,
          aftercareEndsAt: found?.aftercareEndsAt ?? null,
          measures,
        };
      },
    });
  }
}
