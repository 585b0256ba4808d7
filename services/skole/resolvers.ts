import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonRef } from "../kit/entities.ts";
import { isCurrent } from "../kit/scalars.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import { contact } from "../kit/views.ts";
import { summariseAttendance } from "./attendance.ts";
import type { SkoleLoaders } from "./data.ts";
import { SkoleView } from "./types.ts";

type Context = SubgraphContext<SkoleLoaders>;

@Resolver(() => PersonRef)
export class PersonSkoleResolver {
  @FieldResolver(() => SkoleView, { nullable: true, description: "School and kindergarten's view of the person, under the consent rules." })
  skole(@Root() person: PersonRef, @Ctx() ctx: Context) {
    return ctx.access.view(person.id, "SERVICE_DATA", async () => {
      const [enrolments, support, attendance] = await Promise.all([
        ctx.loaders.enrolments.load(person.id),
        ctx.loaders.support.load(person.id),
        ctx.loaders.attendance.load(person.id),
      ]);
      return {
        involved: enrolments.some((e) => isCurrent(e.until)),
        enrolments: enrolments.map((e) => ({ ...e, contact: contact(e.contactTeacherName, "kontaktlærer", e.contactTeacherPhone) })),
        support,
        attendance: summariseAttendance(attendance.map((a) => Number(a.absencePercent))),
      };
    });
  }
}
