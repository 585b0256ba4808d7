import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import { isCurrent } from "../kit/scalars.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { contact } from "../kit/views.ts";
import type { HelseLoaders } from "./data.ts";
import { HelseView } from "./types.ts";

type Context = SubgraphContext<HelseLoaders>;

@Resolver(() => PersonRef)
export class PersonHelseResolver {
  @FieldResolver(() => HelseView, { nullable: true, description: "Health services' view of the person, under the consent rules." })
  helse(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.view(person.id, "SERVICE_DATA", async () => {
      const rows = await ctx.loaders.contacts.load(person.id);
      return {
        involved: rows.some((r) => isCurrent(r.until)),
        contacts: rows.map((r) => ({ ...r, contact: contact(r.contactName, "kontaktperson", r.contactPhone) })),
      };
    });
  }
}
