// Barnevern's information request under barnevernsloven § 13-2: a request,
// not a key. A barnevern employee records it — the child, the services asked,
// the investigation's reference, the barnevern employees on the
// investigation — and declares its id as X-Case-Id. For a fixed period
// (INFORMATION_REQUEST_PERIOD) the asked services release their data about the
// child to those employees only (decide.ts), each release flagged for the
// releasing service's auditors to review. No other path gives barnevern
// another service's data without consent.
import { GraphQLError } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { InformationRequest as RequestRow } from "../../../prisma/samhandling/generated/client.ts";
import { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { PersonRef } from "../../kit/entities.ts";
import { hubError } from "../../kit/errors.ts";
import { connectionType, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeAndIdCursors, type Page } from "../../kit/paging.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import { employee, type Context } from "../context.ts";
import { listLimit, newId, requiredId, requiredText } from "../input.ts";
import "../service-name.ts";
import { participant } from "../directory/directory.ts";
import { ADULT_AGE, ageAt } from "./competence.ts";
import { afterDecisionChange, beforeDecisionChange } from "./decision-change.ts";
import { basisNaming } from "../../kit/access-values.ts";

/** Information request ids start with this (cases' with `c-`): the decision endpoint tells the two apart by it. */
const PREFIX = "ir";
export const isInformationRequestId = (id: string) => id.startsWith(`${PREFIX}-`);

/** The services barnevern may ask: those with data of their own about the child, barnevern itself aside. */
const ASKABLE: readonly ServiceName[] = ["NAV", "SKOLE", "HELSE", "FRIVILLIGHET"];

type RequestWithMembers = RequestRow & { members: { actorId: string }[] };

@ObjectType({
  description:
    "Barnevern's information request under barnevernsloven § 13-2: declared as X-Case-Id, it releases the asked services' data about the child " +
    "to the barnevern employees on the investigation, during its period only, each release flagged for review.",
})
export class InformationRequest {
  @Field(() => ID, { description: "Opaque id; declare it as X-Case-Id to read under the request." })
  id!: string;

  @Field(() => [ServiceName], { description: "The services asked." })
  services!: ServiceName[];

  @Field(() => String, { description: "The investigation's reference." })
  reference!: string;

  @Field(() => DateTimeScalar, { description: "From when it releases." })
  validFrom!: Date;

  @Field(() => DateTimeScalar, { description: "Until when it releases, at the latest." })
  validTo!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was closed before its period ended." })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was closed." })
  closedReason?: string | null;
}

@InputType({ description: "An information request under barnevernsloven § 13-2." })
export class RequestInformationInput {
  @Field(() => ID, { description: "The child (registry id, under 18)." })
  childId!: string;

  @Field(() => [ServiceName], { description: "The services asked: NAV, SKOLE, HELSE, FRIVILLIGHET (at least one)." })
  services!: ServiceName[];

  @Field(() => String, { description: "The investigation's reference (barnevern's journal number)." })
  reference!: string;

  @Field(() => [ID], { nullable: true, description: "The other barnevern employees on the investigation (actor ids); you are on it yourself." })
  memberActorIds?: string[] | null;
}

/** Whether the request releases at `now`: not closed, within its period. */
export const isOpenRequest = (r: Pick<RequestRow, "closedAt" | "validFrom" | "validTo">, now = new Date()) =>
  r.closedAt === null && r.validFrom <= now && now < r.validTo;

const requestNotFound = () => hubError("NOT_FOUND", "No information request you are on has this id. Check the id.", { field: "id" });

/** The request, when the caller is on it (active in the directory); NOT_FOUND otherwise, alike for an unknown id. */
async function onRequest(ctx: Context, rawId: string): Promise<{ request: RequestWithMembers; actorId: string }> {
  const who = employee(ctx);
  const request = await ctx.loaders.informationRequest.load(requiredId(rawId, "id"));
  if (!request || !request.members.some((m) => m.actorId === who.actorId)) throw requestNotFound();
  const me = await ctx.loaders.employee.load(who.actorId);
  if (!me?.active) throw requestNotFound();
  return { request, actorId: who.actorId };
}

/** A request is personal data of its child: every release of one is logged under the request itself. */
async function released(ctx: Context, rows: RequestRow[]): Promise<RequestRow[]> {
  await Promise.all(
    rows.map((r) => ctx.access.recordLocal([r.childPersonId], "CASE", { status: "GRANTED", reason: "INFORMATION_REQUEST", basis: basisNaming("INFORMATION_REQUEST", r.id) }, r.id)),
  );
  return rows;
}

/** A myInformationRequests cursor: the request's start and id, its place in the list. */
const requestCursors = timeAndIdCursors("my-information-requests");

const InformationRequestConnection = connectionType("InformationRequest", InformationRequest, "A page of the information requests you are on, newest first.");

@Resolver(() => InformationRequest)
export class InformationRequestResolver {
  @Mutation(() => InformationRequest, {
    description:
      "Records an information request under barnevernsloven § 13-2 (barnevern employees): the child, the services asked, the investigation's reference " +
      "and the barnevern employees on it. Declared as X-Case-Id, it releases those services' data about the child to them for INFORMATION_REQUEST_PERIOD (30 days unless the municipality set another).",
  })
  async requestInformation(@Arg("input", () => RequestInformationInput, { description: "The request." }) input: RequestInformationInput, @Ctx() ctx: Context): Promise<RequestRow> {
    const who = employee(ctx);
    if (ctx.purpose) throw hubError("PURPOSE_MISMATCH", "requestInformation records a new request: send it without X-Case-Id, then declare the request's id.", { field: "X-Case-Id" });
    const me = await participant(ctx, who.actorId, "your sign-in");
    if (me.service !== "BARNEVERN" || who.service !== "barnevern") {
      throw hubError("FORBIDDEN", "Information requests under barnevernsloven § 13-2 are made by barnevern. Other services ask for the person's consent.");
    }
    const childId = requiredId(input.childId, "childId");
    listLimit(input.services, "services");
    listLimit(input.memberActorIds, "memberActorIds");
    const services = [...new Set(input.services)];
    if (services.length === 0 || services.some((s) => !ASKABLE.includes(s))) {
      throw hubError("BAD_USER_INPUT", `Ask at least one of ${ASKABLE.join(", ")}, and only those.`, { field: "services" });
    }
    const reference = requiredText(input.reference, "reference");
    const child = await ctx.loaders.personFacts.load(childId);
    if (!child) throw hubError("NOT_FOUND", "No person with this childId is in the population register. Check the id.", { field: "childId" });
    const now = new Date();
    if (ageAt(child, now) >= ADULT_AGE) throw hubError("BAD_USER_INPUT", "barnevernsloven § 13-2 concerns children: the person is 18 or older.", { field: "childId" });
    const others = [...new Set((input.memberActorIds ?? []).map((id, i) => requiredId(id, `memberActorIds[${i}]`)))].filter((id) => id !== me.actorId);
    for (const actorId of others) {
      const entry = await participant(ctx, actorId, "memberActorIds");
      if (entry.service !== "BARNEVERN") throw hubError("BAD_USER_INPUT", "memberActorIds names someone outside barnevern: only barnevern's employees on the investigation are on it.", { field: "memberActorIds" });
    }
    const validTo = new Date(now.getTime() + ctx.config.informationRequestMs);
    await beforeDecisionChange(ctx, "The information request");
    const row = await ctx.loaders.informationRequests.create(
      { id: newId(PREFIX), childPersonId: childId, services, reference, validFrom: now, validTo, requestedBy: me.actorId },
      [me.actorId, ...others],
    );
    await afterDecisionChange(ctx, `The information request ${row.id}`, { informationRequestId: row.id });
    return (await released(ctx, [row]))[0]!;
  }

  @Mutation(() => InformationRequest, { description: "Closes an information request before its period ends (its barnevern employees): from the next request on it releases nothing." })
  async closeInformationRequest(
    @Arg("id", () => ID, { description: "The request." }) id: string,
    @Arg("reason", () => String, { description: "Why, e.g. the investigation is concluded." }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<RequestRow> {
    const { request, actorId } = await onRequest(ctx, id);
    const why = requiredText(reason, "reason");
    if (request.closedAt !== null) throw hubError("CONFLICT", "This information request is already closed.");
    await beforeDecisionChange(ctx, "Closing the information request");
    const row = await ctx.loaders.informationRequests.close(request.id, actorId, why, new Date());
    if (!row) throw hubError("CONFLICT", "This information request is already closed.");
    await afterDecisionChange(ctx, `Closing the information request ${row.id}`, { informationRequestId: row.id });
    return (await released(ctx, [row]))[0]!;
  }

  @Query(() => InformationRequest, { nullable: true, description: "An information request you are on; null for any other id." })
  async informationRequest(@Arg("id", () => ID, { description: "The request." }) id: string, @Ctx() ctx: Context): Promise<RequestRow | null> {
    try {
      const { request } = await onRequest(ctx, id);
      return (await released(ctx, [request]))[0]!;
    } catch (error) {
      // As case(id): an id the caller is not on answers null, like an unknown one.
      if (error instanceof GraphQLError && error.extensions.code === "NOT_FOUND") return null;
      throw error;
    }
  }

  @Query(() => [InformationRequest], {
    description: "The information requests you are on, newest first.",
    deprecationReason: "Use myInformationRequestsPage. Removed 2027-03-08.",
  })
  async myInformationRequests(@Ctx() ctx: Context): Promise<RequestRow[]> {
    const who = employee(ctx);
    return released(ctx, await ctx.loaders.requestsOfMember(who.actorId));
  }

  @Query(() => InformationRequestConnection, {
    description: "myInformationRequests a page at a time, newest first (first, after; at most " + MAX_PAGE_SIZE + " a page): the information requests you are on.",
  })
  async myInformationRequestsPage(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<RequestRow>> {
    const who = employee(ctx);
    const request = pageRequest(requestCursors, args.first, args.after);
    const rows = await ctx.loaders.requestsPage(who.actorId, request.after, request.take);
    // Logged as myInformationRequests logs them: only the page shown.
    const shown = await released(ctx, rows.slice(0, request.first));
    return pageOf(request, [...shown, ...rows.slice(request.first)], (r) => ({ at: r.validFrom, id: r.id }), requestCursors);
  }

  @FieldResolver(() => Boolean, { description: "Whether it releases now: not closed, and within its period." })
  open(@Root() r: RequestRow): boolean {
    return isOpenRequest(r);
  }

  @FieldResolver(() => PersonRef, { description: "The child." })
  child(@Root() r: RequestRow): PersonRef {
    return { id: r.childPersonId };
  }

  @FieldResolver(() => [String], { description: "The actor ids of the barnevern employees on the investigation." })
  async memberActorIds(@Root() r: RequestRow, @Ctx() ctx: Context): Promise<string[]> {
    return (await ctx.loaders.informationRequest.load(r.id))?.members.map((m) => m.actorId) ?? [];
  }
}
