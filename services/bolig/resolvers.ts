import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { BoligLoaders } from "./data.ts";
import { applicationContact, boligInvolvement, currentGuide, guideContact } from "./involvement.ts";
import { BoligView } from "./types.ts";

type Context = SubgraphContext<BoligLoaders>;

@Resolver(() => PersonRef)
export class PersonBoligResolver {
  @FieldResolver(() => BoligView, { nullable: true, description: "The housing office's view of the person, under the consent rules." })
  bolig(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => boligInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, applications, allowances, guides, temporaryHousing, evictionRisks] = await Promise.all([
          boligInvolvement(ctx.loaders, person.id),
          ctx.loaders.applications.load(person.id),
          ctx.loaders.allowances.load(person.id),
          ctx.loaders.guides.load(person.id),
          ctx.loaders.temporaryHousing.load(person.id),
          ctx.loaders.evictionRisks.load(person.id),
        ]);
        const guide = currentGuide(guides);
        return {
          ...fact,
          applications: applications.map((a) => ({ ...a, caseworker: applicationContact(a) })),
          housingAllowances: allowances,
          housingGuide: guide && { since: guide.since, until: guide.until, contact: guideContact(guide) },
          temporaryHousing,
          evictionRisks,
        };
      },
    });
  }
}
