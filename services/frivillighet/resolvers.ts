import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import { isCurrent } from "../kit/scalars.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { contact } from "../kit/views.ts";
import type { FrivillighetLoaders } from "./data.ts";
import { FrivillighetView } from "./types.ts";

type Context = SubgraphContext<FrivillighetLoaders>;

@Resolver(() => PersonRef)
export class PersonFrivillighetResolver {
  @FieldResolver(() => FrivillighetView, { nullable: true, description: "The voluntary sector's view of the person, under the consent rules." })
  frivillighet(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.view(person.id, "SERVICE_DATA", async () => {
      const rows = await ctx.loaders.activities.load(person.id);
      return {
        involved: rows.some((r) => isCurrent(r.until)),
        activities: rows.map((r) => ({ ...r, contact: contact(r.contactName, "kontaktperson", r.contactPhone) })),
      };
    });
  }
}
