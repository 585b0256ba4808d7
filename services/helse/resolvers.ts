import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { HelseLoaders } from "./data.ts";
import { healthContactPerson, helseInvolvement } from "./involvement.ts";
import { HelseView } from "./types.ts";

type Context = SubgraphContext<HelseLoaders>;

@Resolver(() => PersonRef)
export class PersonHelseResolver {
  @FieldResolver(() => HelseView, { nullable: true, description: "Health services' view of the person, under the consent rules." })
  helse(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => helseInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, rows] = await Promise.all([helseInvolvement(ctx.loaders, person.id), ctx.loaders.contacts.load(person.id)]);
        return { ...fact, contacts: rows.map((r) => ({ ...r, contact: healthContactPerson(r) })) };
      },
    });
  }
}
