// A service's administrators keep their own service's directory entries:
// list them, register someone before their first sign-in, set a unit,
// deactivate and reactivate. Never another service's staff, never their own
// entry, and never anyone's service (that comes from the identity provider).
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Employee as EmployeeRow } from "../../../prisma/samhandling/generated/client.ts";
import { ADMIN_ROLE } from "../../kit/auth/caller.ts";
import { hubError } from "../../kit/errors.ts";
import { connectionType, cursorCodec, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, refusedCursor, type Page } from "../../kit/paging.ts";
import { callerOf, employee, type Context } from "../context.ts";
import { requiredId, requiredText, text } from "../input.ts";
import { afterDecisionChange, beforeDecisionChange } from "../consent/decision-change.ts";
import { directoryService } from "./directory.ts";
import { Employee, RegisterEmployeeInput } from "./types.ts";

/**
 * An employees cursor: the entry's actor id only. The list is ordered by name, but a name is kept out of
 * cursors (they end up in clients' state and logs); the page looks the name up from the directory.
 */
const employeeCursors = cursorCodec<{ actorId: string }>(
  "employees",
  (k) => [k.actorId],
  ([actorId, ...rest]) => (actorId && rest.length === 0 ? { actorId } : null),
);

const EmployeeConnection = connectionType("Employee", Employee, "A page of your service's employees, by name.");

interface Administrator {
  actorId: string;
  service: EmployeeRow["service"];
}

/** The caller as an active administrator of their service, or FORBIDDEN. */
async function administrator(ctx: Context): Promise<Administrator> {
  const who = employee(ctx);
  const caller = callerOf(ctx);
  const service = directoryService(who.service);
  const own = await ctx.loaders.employee.load(who.actorId);
  if (!service || caller.kind !== "actor" || !caller.claims.roles.includes(ADMIN_ROLE) || !own?.active) {
    throw hubError("FORBIDDEN", "Only an active administrator of a service (role admin) keeps that service's employee directory.");
  }
  return { actorId: who.actorId, service };
}

/** Another employee of the administrator's own service; anyone else answers as unknown. */
async function ownServiceEntry(ctx: Context, admin: Administrator, rawId: string): Promise<EmployeeRow> {
  const actorId = requiredId(rawId, "actorId");
  if (actorId === admin.actorId) {
    throw hubError("FORBIDDEN", "You cannot change your own directory entry. Ask another administrator of your service.", { field: "actorId" });
  }
  const entry = await ctx.loaders.employee.load(actorId);
  if (!entry || entry.service !== admin.service) {
    throw hubError("NOT_FOUND", "No employee of your service has this actor id in the directory. Check the id, or register them.", { field: "actorId" });
  }
  return entry;
}

@Resolver(() => Employee)
export class DirectoryResolver {
  @Query(() => [Employee], {
    description: "For a service's administrators: their own service's employees, inactive ones included, by name.",
    deprecationReason: "Use employeesPage. Removed 2027-03-08.",
  })
  async employees(@Ctx() ctx: Context): Promise<EmployeeRow[]> {
    const admin = await administrator(ctx);
    return ctx.loaders.employeesOfService(admin.service);
  }

  @Query(() => EmployeeConnection, {
    description:
      "employees a page at a time, by name (first, after; at most " + MAX_PAGE_SIZE + " a page): for a service's administrators, " +
      "their own service's employees, inactive ones included.",
  })
  async employeesPage(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<EmployeeRow>> {
    const admin = await administrator(ctx);
    const request = pageRequest(employeeCursors, args.first, args.after);
    const at = request.after && (await ctx.loaders.employee.load(request.after.actorId));
    // A cursor's entry must be one of the administrator's own service: another's would say it exists.
    if (request.after && (!at || at.service !== admin.service)) throw refusedCursor();
    const rows = await ctx.loaders.employeesPage(admin.service, at ? { name: at.displayName, actorId: at.actorId } : null, request.take);
    return pageOf(request, rows, (e) => ({ actorId: e.actorId }), employeeCursors);
  }

  @Mutation(() => Employee, { description: "Registers an employee of your own service before their first sign-in (administrators only)." })
  async registerEmployee(@Arg("input", () => RegisterEmployeeInput, { description: "The employee." }) input: RegisterEmployeeInput, @Ctx() ctx: Context): Promise<EmployeeRow> {
    const admin = await administrator(ctx);
    const actorId = requiredId(input.actorId, "actorId");
    const displayName = requiredText(input.displayName, "displayName");
    const unit = text(input.unit, "unit");
    if (await ctx.loaders.employee.load(actorId)) {
      throw hubError("CONFLICT", "This actor id is already in the directory. List your service's employees, or ask the administrators of the service they work for.", { field: "actorId" });
    }
    return ctx.loaders.directory.create({ actorId, displayName, unit, service: admin.service, roles: [], active: true, source: "ADMIN", updatedAt: new Date(), updatedBy: admin.actorId });
  }

  @Mutation(() => Employee, { description: "Sets the unit of an employee of your own service (administrators only)." })
  async setEmployeeUnit(
    @Arg("actorId", () => ID, { description: "The employee." }) actorId: string,
    @Arg("unit", () => String, { nullable: true, description: "The unit; null for none." }) unit: string | null,
    @Ctx() ctx: Context,
  ): Promise<EmployeeRow> {
    const admin = await administrator(ctx);
    const entry = await ownServiceEntry(ctx, admin, actorId);
    return ctx.loaders.directory.update(entry.actorId, { unit: text(unit, "unit"), updatedAt: new Date(), updatedBy: admin.actorId });
  }

  @Mutation(() => Employee, {
    description:
      "Deactivates or reactivates an employee of your own service (administrators only). An inactive employee takes part in no case " +
      "and sees nothing through one, from the next request on.",
  })
  async setEmployeeActive(
    @Arg("actorId", () => ID, { description: "The employee." }) actorId: string,
    @Arg("active", () => Boolean, { description: "true to reactivate, false to deactivate." }) active: boolean,
    @Ctx() ctx: Context,
  ): Promise<EmployeeRow> {
    const admin = await administrator(ctx);
    const entry = await ownServiceEntry(ctx, admin, actorId);
    // Who takes part in which case changes: decisions cached before must go.
    await beforeDecisionChange(ctx, "The directory change");
    const row = await ctx.loaders.directory.update(entry.actorId, { active, updatedAt: new Date(), updatedBy: admin.actorId });
    await afterDecisionChange(ctx, "The directory change", { actorId: row.actorId });
    return row;
  }
}
