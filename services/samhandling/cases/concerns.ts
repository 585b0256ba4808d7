// Registering a concern (bekymring): the first step of BTI work. Only the one
// who registered it sees it here and opens a case from it; from then on its
// text is the case's first stafettlogg entry.
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Concern as ConcernRow } from "../../../prisma/samhandling/generated/client.ts";
import { PersonRef } from "../../kit/entities.ts";
import { hubError } from "../../kit/errors.ts";
import { employee, type Context } from "../context.ts";
import { newId, requiredId, requiredText } from "../input.ts";
import { participant } from "../directory/directory.ts";
import { Concern, RegisterConcernInput } from "./types.ts";
import { BASIS_TEXTS } from "../../kit/access-values.ts";
import { connectionType, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeAndIdCursors, type Page } from "../../kit/paging.ts";

/** A myConcerns cursor: the concern's registration time and id, its place in the list. */
const concernCursors = timeAndIdCursors("my-concerns");

const ConcernConnection = connectionType("Concern", Concern, "A page of the concerns you registered, newest first.");

/** What a concern releases: what its registrant wrote about its subject, to that registrant. */
async function released(ctx: Context, rows: ConcernRow[]): Promise<ConcernRow[]> {
  await ctx.access.recordLocal([...new Set(rows.map((c) => c.subjectPersonId))], "CASE", { status: "GRANTED", reason: "REGISTRANT", basis: BASIS_TEXTS.REGISTRANT });
  return rows;
}

@Resolver(() => Concern)
export class ConcernResolver {
  @Mutation(() => Concern, {
    description:
      "Registers a concern (bekymring) about a person: what you noticed, and when. Open a BTI case from it with openCase; " +
      "level 0 is to be decided within 14 days of when it was noticed. Registering it releases no one's data.",
  })
  async registerConcern(@Arg("input", () => RegisterConcernInput, { description: "The concern." }) input: RegisterConcernInput, @Ctx() ctx: Context): Promise<ConcernRow> {
    const who = employee(ctx);
    const me = await participant(ctx, who.actorId, "your sign-in");
    const now = new Date();
    const subjectId = requiredId(input.subjectId, "subjectId");
    const text = requiredText(input.text, "text");
    const noticedAt = input.noticedAt ?? now;
    if (noticedAt.getTime() > now.getTime()) throw hubError("BAD_USER_INPUT", "noticedAt is in the future. Give when you noticed it, or leave it out for now.", { field: "noticedAt" });
    if (!(await ctx.loaders.personFacts.load(subjectId))) {
      throw hubError("NOT_FOUND", "No person with this subjectId is in the population register. Check the id.", { field: "subjectId" });
    }
    const row = await ctx.loaders.concerns.create({ id: newId("bk"), subjectPersonId: subjectId, text, noticedAt, registeredAt: now, registeredBy: me.actorId, service: me.service });
    return (await released(ctx, [row]))[0]!;
  }

  @Query(() => [Concern], {
    description: "The concerns you registered, newest first, with the case opened from each, if any.",
    deprecationReason: "Use myConcernsPage. Removed 2027-03-08.",
  })
  async myConcerns(@Ctx() ctx: Context): Promise<ConcernRow[]> {
    const who = employee(ctx);
    return released(ctx, await ctx.loaders.concernsOfRegistrant(who.actorId));
  }

  @Query(() => ConcernConnection, {
    description:
      "myConcerns a page at a time, newest first (first, after; at most " + MAX_PAGE_SIZE + " a page): the concerns you registered, " +
      "with the case opened from each, if any. For employees.",
  })
  async myConcernsPage(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<ConcernRow>> {
    const who = employee(ctx);
    const request = pageRequest(concernCursors, args.first, args.after);
    const rows = await ctx.loaders.concernsPage(who.actorId, request.after, request.take);
    // Logged as myConcerns logs them: only the page shown, not the row read to know another follows.
    const shown = await released(ctx, rows.slice(0, request.first));
    return pageOf(request, [...shown, ...rows.slice(request.first)], (c) => ({ at: c.registeredAt, id: c.id }), concernCursors);
  }

  @FieldResolver(() => PersonRef, { description: "The person it is about." })
  subject(@Root() c: ConcernRow): PersonRef {
    return { id: c.subjectPersonId };
  }

  @FieldResolver(() => String, { nullable: true, description: "The id of the case opened from it; null until one is." })
  caseId(@Root() c: ConcernRow): string | null {
    return c.caseId;
  }
}
