import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { summariseAttendance } from "./attendance.ts";
import type { SkoleLoaders } from "./data.ts";
import { enrolmentContact, skoleInvolvement } from "./involvement.ts";
import { SkoleView } from "./types.ts";

type Context = SubgraphContext<SkoleLoaders>;

@Resolver(() => PersonRef)
export class PersonSkoleResolver {
  @FieldResolver(() => SkoleView, { nullable: true, description: "School and kindergarten's view of the person, under the consent rules." })
  skole(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.serviceView(person.id, {
      involvement: () => skoleInvolvement(ctx.loaders, person.id),
      full: async () => {
        const [fact, enrolments, support, attendance] = await Promise.all([
          skoleInvolvement(ctx.loaders, person.id),
          ctx.loaders.enrolments.load(person.id),
          ctx.loaders.support.load(person.id),
          ctx.loaders.attendance.load(person.id),
        ]);
        return {
          ...fact,
          enrolments: enrolments.map((e) => ({ ...e, contact: enrolmentContact(e) })),
          support,
          attendance: summariseAttendance(attendance.map((a) => Number(a.absencePercent))),
        };
      },
    });
  }
}
