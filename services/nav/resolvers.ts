import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { contact } from "../kit/views.ts";
import type { NavLoaders } from "./data.ts";
import { NavView } from "./types.ts";

type Context = SubgraphContext<NavLoaders>;

@Resolver(() => PersonRef)
export class PersonNavResolver {
  @FieldResolver(() => NavView, { nullable: true, description: "NAV's view of the person, under the consent rules." })
  nav(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.view(person.id, "SERVICE_DATA", async () => {
      const [followUp, measures] = await Promise.all([ctx.loaders.followUp.load(person.id), ctx.loaders.measures.load(person.id)]);
      return {
        involved: (followUp !== null && followUp.endedAt === null) || measures.some((m) => m.status === "ACTIVE"),
        office: followUp?.office ?? null,
        since: followUp?.since ?? null,
        contact: contact(followUp?.veilederName, "veileder", followUp?.veilederPhone),
        measures,
      };
    });
  }
}
