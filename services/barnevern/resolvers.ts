import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { contact } from "../kit/views.ts";
import type { BarnevernLoaders } from "./data.ts";
import { BarnevernView } from "./types.ts";

type Context = SubgraphContext<BarnevernLoaders>;

@Resolver(() => PersonRef)
export class PersonBarnevernResolver {
  @FieldResolver(() => BarnevernView, { nullable: true, description: "Barnevern's view of the person, under the consent rules." })
  barnevern(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.view(person.id, "SERVICE_DATA", async () => {
      const [found, measures] = await Promise.all([ctx.loaders.case.load(person.id), ctx.loaders.measures.load(person.id)]);
      return {
        involved: found !== null && found.phase !== "CLOSED",
        phase: found?.phase ?? null,
        since: found?.openedAt ?? null,
        aftercareEndsAt: found?.aftercareEndsAt ?? null,
        contact: contact(found?.caseworkerName, "saksbehandler", found?.caseworkerPhone),
        measures,
      };
    });
  }
}
