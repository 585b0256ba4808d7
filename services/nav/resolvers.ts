import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { NavLoaders } from "./data.ts";
import { navInvolvement } from "./involvement.ts";
import { NavView } from "./types.ts";

type Context = SubgraphContext<NavLoaders>;

@Resolver(() => PersonRef)
export class PersonNavResolver {
  @FieldResolver(() => NavView, { nullable: true, description: "NAV's view of the person, under the consent rules." })
  nav(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => navInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, followUp, measures] = await Promise.all([
          navInvolvement(ctx.loaders, person.id),
          ctx.loaders.followUp.load(person.id),
          ctx.loaders.measures.load(person.id),
        ]);
        return { ...fact, office: followUp?.office ?? null, since: followUp?.since ?? null, measures };
      },
    });
  }
}
