import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { PptLoaders } from "./data.ts";
import { pptInvolvement, referralContact } from "./involvement.ts";
import { PptView } from "./types.ts";

type Context = SubgraphContext<PptLoaders>;

@Resolver(() => PersonRef)
export class PersonPptResolver {
  @FieldResolver(() => PptView, { nullable: true, description: "PPT's (the educational-psychological service's) view of the person, under the consent rules." })
  ppt(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => pptInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, referrals, assessments] = await Promise.all([
          pptInvolvement(ctx.loaders, person.id),
          ctx.loaders.referrals.load(person.id),
          ctx.loaders.assessments.load(person.id),
        ]);
        return { ...fact, referrals: referrals.map((r) => ({ ...r, contact: referralContact(r) })), assessments };
      },
    });
  }
}
