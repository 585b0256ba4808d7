import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { FrivillighetLoaders } from "./data.ts";
import { activityContact, frivillighetInvolvement } from "./involvement.ts";
import { FrivillighetView } from "./types.ts";

type Context = SubgraphContext<FrivillighetLoaders>;

@Resolver(() => PersonRef)
export class PersonFrivillighetResolver {
  @FieldResolver(() => FrivillighetView, { nullable: true, description: "The voluntary sector's view of the person, under the consent rules." })
  frivillighet(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => frivillighetInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, rows] = await Promise.all([frivillighetInvolvement(ctx.loaders, person.id), ctx.loaders.activities.load(person.id)]);
        return { ...fact, activities: rows.map((r) => ({ ...r, contact: activityContact(r) })) };
      },
    });
  }
}
