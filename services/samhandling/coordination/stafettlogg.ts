// The stafettlogg: append-only (the database refuses edits), and each service's
// entries are read by other services only under a consent covering
// STAFETTLOGG for that service — the information duty to barnevern does not
// open it. Hidden entries are left out, so the log does not reveal them.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import type { StafettloggEntry as EntryRow } from "../../../prisma/samhandling/generated/client.ts";
import { isServiceName } from "../../kit/catalog.ts";
import type { Decision, DecisionQuestion } from "../../kit/decisions.ts";
import { hubError } from "../../kit/errors.ts";
import { connectionType, cursorCodec, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeFromPart, timePart, type Page } from "../../kit/paging.ts";
import { callerOf, type Context } from "../context.ts";
import { newId, requiredId, requiredText } from "../input.ts";
import { actingMember, activeMemberOf, forgetCase, requireOpen } from "../cases/membership.ts";
import { CaseMember, CoordinationCase } from "../cases/types.ts";
import { InCaseScope, type CaseRow } from "../cases/visibility.ts";
import { notBeforeToday } from "./rules.ts";
import { StafettloggEntry, StafettloggEntryInput } from "./types.ts";
import { caseMembersToTell, othersThan, recordNotifications } from "../notifications/record.ts";
import { BASIS_TEXTS } from "../../kit/access-values.ts";

const OWN_SERVICE: Decision = { status: "GRANTED", reason: "OWN_SERVICE", basis: BASIS_TEXTS.OWN_STAFETTLOGG_ENTRIES };

/**
 * The services whose entries the caller may read, of those that wrote in the
 * case: their own service's, and others' where every subject's consent covers
 * them. Each decision is logged, as a look at the subjects' stafettlogg —
 * unless `record` is false: a notification of a new entry asks the same
 * question but shows no entry (notifications/visibility.ts).
 */
export async function readableServices(
  ctx: Context,
  c: Pick<CaseRow, "id">,
  services: readonly EntryRow["authorService"][],
  record = true,
): Promise<Set<EntryRow["authorService"]>> {
  if (services.length === 0) return new Set();
  const caller = callerOf(ctx);
  const ownService = caller.kind === "actor" ? caller.claims.service.toUpperCase() : null;
  const subjects = (await ctx.loaders.subjectsOfCase.load(c.id)).map((s) => s.personId);
  const others = services.filter((s) => s !== ownService);
  const questions: DecisionQuestion[] = others.flatMap((s) => {
    const service = s.toLowerCase();
    return isServiceName(service) ? subjects.map((personId) => ({ personId, service, category: "STAFETTLOGG" as const })) : [];
  });
  // The case itself is the purpose: its log is read inside it.
  const answers = await ctx.access.ask(caller, { caseId: c.id }, questions);
  if (record) await Promise.all(questions.map((q, i) => ctx.access.recordLocal([q.personId], "STAFETTLOGG", answers[i], c.id)));
  const open = new Set(services.filter((s) => s === ownService));
  if (record && open.size > 0) await ctx.access.recordLocal(subjects, "STAFETTLOGG", OWN_SERVICE, c.id);
  for (const s of others) {
    const mine = questions.map((q, i) => ({ q, a: answers[i] })).filter(({ q }) => q.service === s.toLowerCase());
    if (mine.length > 0 && mine.every(({ a }) => a.status === "GRANTED")) open.add(s);
  }
  return open;
}

/** The entries the caller may read, of those given. */
async function readable(ctx: Context, c: CaseRow, entries: EntryRow[]): Promise<EntryRow[]> {
  const open = await readableServices(ctx, c, [...new Set(entries.map((e) => e.authorService))]);
  return entries.filter((e) => open.has(e.authorService));
}

type EntryKey = { at: Date; id: string };

/** A stafettlogg cursor: the entry's time and id, its place in the log's order. */
const stafettloggCursors = cursorCodec<EntryKey>(
  "stafettlogg",
  (k) => [timePart(k.at), k.id],
  ([at, id, ...rest]) => {
    const time = timeFromPart(at);
    return time && id && rest.length === 0 ? { at: time, id } : null;
  },
);

const StafettloggConnection = connectionType(
  "StafettloggEntry",
  StafettloggEntry,
  "A page of a case's stafettlogg, oldest first: only entries you may read, so a page neither shows nor counts the others.",
);

@Resolver(() => StafettloggEntry)
export class StafettloggResolver {
  @Mutation(() => StafettloggEntry, {
    description:
      "Appends an entry to the case's stafettlogg (any active professional member). Entries are never edited: " +
      "to correct one, append a new entry with correctsId.",
  })
  async appendStafettlogg(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("input", () => StafettloggEntryInput, { description: "The entry." }) input: StafettloggEntryInput,
    @Ctx() ctx: Context,
  ): Promise<EntryRow> {
    const acting = await actingMember(ctx, caseId);
    const body = requiredText(input.text, "text");
    const responsible = input.responsibleMemberId ? await activeMemberOf(ctx, caseId, requiredId(input.responsibleMemberId, "responsibleMemberId"), "responsibleMemberId") : null;
    if (input.evaluationDate && !notBeforeToday(input.evaluationDate)) {
      throw hubError("BAD_USER_INPUT", "evaluationDate is in the past. Give the day it will be evaluated.", { field: "evaluationDate" });
    }
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      if (input.correctsId) {
        const corrected = await tx.stafettloggEntry.findFirst({ where: { id: requiredId(input.correctsId, "correctsId"), caseId } });
        if (!corrected) throw hubError("NOT_FOUND", "correctsId names no entry in this case's stafettlogg. Check the id.", { field: "correctsId" });
      }
      const entry = await tx.stafettloggEntry.create({
        data: {
          id: newId("sl"),
          caseId,
          kind: input.kind,
          text: body,
          authorActorId: acting.actorId,
          authorName: acting.me.displayName,
          // The verified sign-in's service (equal to the membership's, actingMember checks): it decides who may read the entry.
          authorService: acting.service,
          at: new Date(),
          responsibleMemberId: responsible?.id ?? null,
          evaluationDate: input.evaluationDate ?? null,
          correctsId: input.correctsId?.trim() || null,
        },
      });
      // The case's professionals, not its author; each sees it only while their consent decisions let them read the author's service's entries.
      const recipients = othersThan(await caseMembersToTell(tx, caseId, true), { actorId: acting.actorId });
      await recordNotifications(tx, [{ kind: "STAFETTLOGG_ENTRY", caseId, refId: entry.id, event: entry.id, recipients, at: entry.at }]);
      return entry;
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @FieldResolver(() => CaseMember, { nullable: true, description: "The member responsible for what the entry records." })
  async responsible(@Root() e: EntryRow, @Ctx() ctx: Context) {
    if (!e.responsibleMemberId) return null;
    return (await ctx.loaders.membersOfCase.load(e.caseId)).find((m) => m.id === e.responsibleMemberId) ?? null;
  }
}

@Resolver(() => CoordinationCase)
export class CaseStafettloggResolver {
  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [StafettloggEntry], {
    description:
      "The stafettlogg, oldest first: your own service's entries, and other services' entries where a consent covering " +
      "STAFETTLOGG for that service is in force for every subject of the case. Entries you may not read are left out.",
  })
  async stafettlogg(@Root() c: CaseRow, @Ctx() ctx: Context): Promise<EntryRow[]> {
    return readable(ctx, c, await ctx.loaders.stafettloggOfCase.load(c.id));
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => StafettloggConnection, {
    description:
      "The stafettlogg a page at a time, oldest first (first, after; at most " + MAX_PAGE_SIZE + " entries a page). The same entries as " +
      "stafettlogg: which you may read is decided before the page is cut, so entries you may not read are neither shown nor counted.",
  })
  async stafettloggPage(@Root() c: CaseRow, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<EntryRow>> {
    const request = pageRequest(stafettloggCursors, args.first, args.after);
    const wrote = await ctx.loaders.authorServicesOfCase(c.id);
    const open = await readableServices(ctx, c, wrote);
    const rows = open.size === 0 ? [] : await ctx.loaders.stafettloggPage(c.id, open.size === wrote.length ? null : [...open], request.after, request.take);
    return pageOf(request, rows, (e) => ({ at: e.at, id: e.id }), stafettloggCursors);
  }
}
