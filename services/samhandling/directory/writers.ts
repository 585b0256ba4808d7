// Whether a service's own staff member may write that service's data in the
// hub (the kit's write API, services/kit/writes/staff.ts asks here): issue 17's
// rule for casework holds for writes too — an employee is an active entry of
// the directory, in the service their sign-in names, and not an auditor. The
// write is a verified sign-in like any other, so the directory learns it first
// (a new employee's entry is active; a deactivated one stays deactivated).
import { Arg, Ctx, Directive, Field, ID, InputType, Query, Resolver } from "type-graphql";
import { callerFromClaims } from "../../kit/auth/caller.ts";
import { VIEW_SERVICES } from "../../kit/catalog.ts";
import { hubError } from "../../kit/errors.ts";
import type { Context } from "../context.ts";
import { directoryService, isAuditorEntry, recordClaims } from "./directory.ts";

@Directive("@inaccessible")
@InputType("StaffWriterInput", { description: "Internal: the verified sign-in of a service's staff member who writes that service's data." })
export class StaffWriterInput {
  @Field(() => ID, { description: "Actor id (token subject)." })
  id!: string;

  @Field(() => String, { description: "Their name, as the sign-in gives it." })
  name!: string;

  @Field(() => String, { description: "Their service, as the sign-in gives it." })
  service!: string;

  @Field(() => [String], { description: "Their roles, as the sign-in gives them." })
  roles!: string[];

  @Field(() => String, { nullable: true, description: "Their unit, when the sign-in names one." })
  unit?: string | null;
}

@Resolver()
export class StaffWriterResolver {
  @Directive("@inaccessible")
  @Query(() => Boolean, {
    description:
      "Internal: whether the directory holds the staff member as an active employee of the asking service, not an auditor (after recording their sign-in). Only to that service itself.",
  })
  async _activeStaffWriter(@Arg("actor", () => StaffWriterInput, { description: "The staff member." }) actor: StaffWriterInput, @Ctx() ctx: Context): Promise<boolean> {
    const caller = ctx.caller;
    if (caller.kind !== "service" || caller.service !== actor.service || !(VIEW_SERVICES as readonly string[]).includes(actor.service)) {
      throw hubError("FORBIDDEN", "Only a service itself asks whether its own staff member may write its data, over the hub's signed internal calls.");
    }
    const claims = { sub: actor.id, name: actor.name, service: actor.service, roles: actor.roles, unit: actor.unit ?? undefined };
    await recordClaims(ctx.loaders.directory.upsert, callerFromClaims(claims, undefined));
    const entry = await ctx.loaders.employee.load(actor.id);
    return entry !== null && entry.active && entry.service === directoryService(actor.service) && !isAuditorEntry(entry);
  }
}
