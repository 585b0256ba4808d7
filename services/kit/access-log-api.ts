// The access log as the API shows it. Innsyn: a person sees who has looked at
// their data in each service (`Person.<service>AccessLog`), and so does a
// guardian with parental responsibility until the child is 16 — except what
// an information request still open about the child released. A service's
// auditors read that service's whole log (`Query.<service>AuditLog`) and its
// review list of extraordinary releases (`Query.<service>ReviewList`,
// `Mutation.mark<Service>Reviewed`); every one of their reads is itself
// written to the log, so it shows in the person's innsyn as an audit. One
// factory, so every service exposes it the same way.
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { AccessBasisEnum, AccessCategoryEnum, AccessLogDecisionEnum, AccessReasonEnum, ActorServiceEnum } from "./access-enums.ts";
import type { AccessDecision, AccessLogEntryRow, EntryPosition, ReviewListEntry as ReviewListRow } from "./access-log.ts";
import { auditBasis, shownActorService, shownBasis, shownReason, type AccessBasis, type AccessReason, type ActorServiceValue } from "./access-values.ts";
import type { AccessCategory } from "./categories.ts";
import { AUDITOR_ROLE, isCitizen } from "./auth/caller.ts";
import type { ServiceName } from "./catalog.ts";
import { hubError } from "./errors.ts";
import { connectionType, cursorCodec, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeFromPart, timePart } from "./paging.ts";
import { DateTimeScalar } from "./scalars.ts";
import type { ClassType } from "./federation.ts";
import type { SubgraphContext } from "./subgraph.ts";

@Directive("@shareable")
@ObjectType({ description: "One look at personal data: who, when, what, for which case, and whether it was released." })
export class AccessLogEntry {
  @Field(() => ID, { description: "The log row this entry is part of (one look may be about several persons): what a review names." })
  entryId!: string;

  @Field(() => DateTimeScalar, { description: "When." })
  at!: Date;

  @Field(() => String, { description: "Who looked: the employee's id (or a service, for internal checks)." })
  actorId!: string;

  @Field(() => ActorServiceEnum, { description: "The service the looker acted for (CITIZEN: a member of the public)." })
  actorService!: ActorServiceValue;

  @Field(() => ID, { description: "Whose data." })
  personId!: string;

  @Field(() => [AccessCategoryEnum], { description: "Which data categories (ACCESS_LOG: the person's access log itself, e.g. an audit)." })
  categories!: AccessCategory[];

  @Field(() => ID, { nullable: true, description: "The case (or information request) whose data it was: the declared purpose." })
  caseId?: string | null;

  @Field(() => AccessLogDecisionEnum, { description: "GRANTED (released), RESTRICTED (refused) or WRITE (the service's own system or staff wrote a record about the person)." })
  decision!: AccessDecision;

  @Field(() => AccessReasonEnum, { description: "The rule that decided (AUDIT: an auditor's read of the log)." })
  reason!: AccessReason;

  @Field(() => AccessBasisEnum, { nullable: true, description: "The consent or legal basis that decided it; null when none did (most refusals)." })
  basis?: AccessBasis | null;

  @Field(() => String, {
    nullable: true,
    description: "What the basis names: the consent's, case's or information request's id (CONSENT, CASE, INFORMATION_REQUEST), the audited service (AUDIT), the write operation (WRITE, DRY_RUN), or the basis as recorded (OTHER). null for a legal basis.",
  })
  basisReference?: string | null;

  @Field(() => Boolean, { description: "Released on an extraordinary basis (barnevern's information request): on the auditors' review list." })
  extraordinary!: boolean;

  @Field(() => String, { description: "The request it belonged to, for tracing." })
  requestId!: string;
}

@Directive("@shareable")
@ObjectType({ description: "An extraordinary release on a service's review list, with its review once an auditor has made one." })
export class ReviewListEntry extends AccessLogEntry {
  @Field(() => String, { nullable: true, description: "The auditor who reviewed it; null while it awaits review." })
  reviewedBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was reviewed." })
  reviewedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "The auditor's note." })
  reviewNote?: string | null;
}

/** Every service's audit log pages alike: one type, answered by each subgraph. */
const AccessLogEntryConnection = connectionType("AccessLogEntry", AccessLogEntry, "A page of an access log, newest first.");

/** A service's review list pages alike in every service. (A person's access log pages as AccessLogEntryConnection.) */
const ReviewListConnection = connectionType("ReviewListEntry", ReviewListEntry, "A page of a service's review list (extraordinary releases), newest first.");

/**
 * Cursors of one of a service's log lists (`list`: audit log, person's log,
 * review list): an entry's place in the log (its row's time and seq, the
 * person's place in the row).
 */
const entryCursors = (service: ServiceName, list: string) =>
  cursorCodec<EntryPosition>(
    `${service}-${list}`,
    (p) => [timePart(p.at), p.seq, String(p.look)],
    ([at, seq, look, ...rest]) => {
      const time = timeFromPart(at);
      return time && seq && /^\d{1,18}$/.test(seq) && look && /^\d{1,9}$/.test(look) && rest.length === 0 ? { at: time, seq, look: Number(look) } : null;
    },
  );

const MAX_ENTRIES = 1000;
const NOTE_LIMIT = 2000;

/** An entry as the API shows it: the row's seq is its id; the stored codes and texts read as the enums' values. */
const shown = (e: AccessLogEntryRow) => ({
  ...e,
  entryId: e.seq,
  actorService: shownActorService(e.actorService),
  reason: shownReason(e.reason),
  ...shownBasis(e.basis),
});

const capitalized = (service: string) => service[0]!.toUpperCase() + service.slice(1);

/**
 * @param person the class this subgraph uses for the Person entity (registry
 *   its own, the others the kit's PersonRef).
 */
export function accessLogResolver(service: ServiceName, person: ClassType): ClassType {
  /** The caller as one of this service's auditors, or FORBIDDEN. */
  const auditor = (ctx: SubgraphContext<unknown>): string => {
    const caller = ctx.caller;
    if (caller.kind !== "actor" || caller.claims.service !== service || !caller.claims.roles.includes(AUDITOR_ROLE)) {
      throw hubError("FORBIDDEN", `Only ${service}'s auditors may read ${service}'s access log.`);
    }
    return caller.claims.sub;
  };
  const limited = (limit: number | null) => {
    if (limit !== null && (limit < 1 || limit > MAX_ENTRIES)) throw hubError("BAD_USER_INPUT", `limit must be between 1 and ${MAX_ENTRIES}.`);
    return limit ?? MAX_ENTRIES;
  };
  /**
   * An audit read is a look at the persons whose entries it returned (and at
   * the one searched for): logged before the answer leaves, or withheld.
   */
  const cursors = entryCursors(service, "audit-log");
  const personCursors = entryCursors(service, "access-log");
  const reviewCursors = entryCursors(service, "review-list");
  const positionOf = (e: AccessLogEntryRow): EntryPosition => ({ at: e.at, seq: e.seq, look: e.look });
  const withReview = (e: ReviewListRow) => ({ ...shown(e), reviewedBy: e.review?.reviewedBy ?? null, reviewedAt: e.review?.reviewedAt ?? null, reviewNote: e.review?.note ?? null });
  /**
   * What a person's innsyn leaves out: null when the caller may not read the
   * person's log at all, else the cases (open information requests) whose
   * releases stay hidden until they close.
   */
  const innsyn = async (personId: string, ctx: SubgraphContext<unknown>): Promise<string[] | null> => {
    if (!isCitizen(ctx.caller)) return null;
    const decision = await ctx.access.decide(personId, "ACCESS_LOG");
    return decision.status === "GRANTED" ? [...(decision.withhold ?? [])] : null;
  };
  const audited = async <Entry extends AccessLogEntryRow>(ctx: SubgraphContext<unknown>, searched: string | null, entries: Entry[]): Promise<Entry[]> => {
    const persons = new Set(entries.map((e) => e.personId));
    if (searched) persons.add(searched);
    await ctx.access.recordLocal([...persons], "ACCESS_LOG", { status: "GRANTED", reason: "AUDIT", basis: auditBasis(service) }, null);
    return entries;
  };

  @Resolver(() => person)
  class AccessLogResolver {
    @FieldResolver(() => [AccessLogEntry], {
      name: `${service}AccessLog`,
      nullable: true,
      deprecationReason: `Use ${service}AccessLogPage. Removed 2027-03-08.`,
      description:
        `Who has looked at this person's data in ${service}, newest first: for the person themself, and for a guardian with parental responsibility ` +
        "until the child is 16 (releases under an information request still open about the child show once it has closed). null for anyone else.",
    })
    async personLog(@Root() root: { id: string }, @Ctx() ctx: SubgraphContext<unknown>) {
      const withheld = await innsyn(root.id, ctx);
      if (withheld === null) return null;
      return (await ctx.accessLog.entriesForPerson(root.id, { limit: MAX_ENTRIES, withoutCases: withheld })).map(shown);
    }

    @FieldResolver(() => AccessLogEntryConnection, {
      name: `${service}AccessLogPage`,
      nullable: true,
      description:
        `${service}AccessLog a page at a time, newest first (first, after; at most ${MAX_PAGE_SIZE} entries a page), for the same readers. ` +
        "Entries still withheld (an information request open about the child) are left out before the page is cut: neither shown nor counted. null for anyone else.",
    })
    async personLogPage(@Root() root: { id: string }, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SubgraphContext<unknown>) {
      const request = pageRequest(personCursors, page.first, page.after);
      const withheld = await innsyn(root.id, ctx);
      if (withheld === null) return null;
      const entries = await ctx.accessLog.entriesForPerson(root.id, { after: request.after ?? undefined, limit: request.take, withoutCases: withheld });
      return pageOf(request, entries, positionOf, personCursors, shown);
    }

    @Query(() => [AccessLogEntry], {
      name: `${service}AuditLog`,
      deprecationReason: `Use ${service}AuditLogPage. Removed 2027-03-08.`,
      description: `${service}'s access log, newest first. For ${service}'s auditors only; every read is itself logged.`,
    })
    async auditLog(
      @Arg("personId", () => ID, { nullable: true, description: "Only entries about this person." }) personId: string | null,
      @Arg("actorId", () => String, { nullable: true, description: "Only entries by this actor." }) actorId: string | null,
      @Arg("from", () => DateTimeScalar, { nullable: true, description: "From this time (inclusive)." }) from: Date | null,
      @Arg("to", () => DateTimeScalar, { nullable: true, description: "Until this time (exclusive)." }) to: Date | null,
      @Arg("limit", () => Int, { nullable: true, description: `At most this many entries (default and maximum ${MAX_ENTRIES}).` }) limit: number | null,
      @Ctx() ctx: SubgraphContext<unknown>,
    ) {
      auditor(ctx);
      const entries = await ctx.accessLog.entries({ personId: personId ?? undefined, actorId: actorId ?? undefined, from: from ?? undefined, to: to ?? undefined, limit: limited(limit) });
      return (await audited(ctx, personId, entries)).map(shown);
    }

    @Query(() => AccessLogEntryConnection, {
      name: `${service}AuditLogPage`,
      description:
        `${service}'s access log a page at a time, newest first (first, after; at most ${MAX_PAGE_SIZE} entries a page), with the filters of ${service}AuditLog. ` +
        `For ${service}'s auditors only; every read is itself logged, for the persons on the page.`,
    })
    async auditLogPage(
      @Arg("personId", () => ID, { nullable: true, description: "Only entries about this person." }) personId: string | null,
      @Arg("actorId", () => String, { nullable: true, description: "Only entries by this actor." }) actorId: string | null,
      @Arg("from", () => DateTimeScalar, { nullable: true, description: "From this time (inclusive)." }) from: Date | null,
      @Arg("to", () => DateTimeScalar, { nullable: true, description: "Until this time (exclusive)." }) to: Date | null,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: SubgraphContext<unknown>,
    ) {
      auditor(ctx);
      const request = pageRequest(cursors, page.first, page.after);
      const entries = await ctx.accessLog.entries({
        personId: personId ?? undefined,
        actorId: actorId ?? undefined,
        from: from ?? undefined,
        to: to ?? undefined,
        after: request.after ?? undefined,
        limit: request.take,
      });
      // Only the page is released (and logged): the one entry read beyond it only says that another page follows.
      const shownEntries = await audited(ctx, personId, entries.slice(0, request.first));
      return pageOf(request, [...shownEntries, ...entries.slice(request.first)], positionOf, cursors, shown);
    }

    @Query(() => [ReviewListEntry], {
      name: `${service}ReviewList`,
      deprecationReason: `Use ${service}ReviewListPage. Removed 2027-03-08.`,
      description: `${service}'s extraordinary releases (information requests), newest first, with their reviews. For ${service}'s auditors only; every read is itself logged.`,
    })
    async reviewList(
      @Arg("reviewed", () => Boolean, { nullable: true, description: "true: only reviewed ones; false: only those awaiting review; left out: all." }) reviewed: boolean | null,
      @Arg("from", () => DateTimeScalar, { nullable: true, description: "From this time (inclusive)." }) from: Date | null,
      @Arg("limit", () => Int, { nullable: true, description: `At most this many entries (default and maximum ${MAX_ENTRIES}).` }) limit: number | null,
      @Ctx() ctx: SubgraphContext<unknown>,
    ) {
      auditor(ctx);
      const entries = await ctx.accessLog.reviewList({ reviewed: reviewed ?? undefined, from: from ?? undefined, limit: limited(limit) });
      return (await audited(ctx, null, entries)).map(withReview);
    }

    @Query(() => ReviewListConnection, {
      name: `${service}ReviewListPage`,
      description:
        `${service}ReviewList a page at a time, newest first (first, after; at most ${MAX_PAGE_SIZE} entries a page), with its filters. ` +
        `For ${service}'s auditors only; every read is itself logged, for the persons on the page.`,
    })
    async reviewListPage(
      @Arg("reviewed", () => Boolean, { nullable: true, description: "true: only reviewed ones; false: only those awaiting review; left out: all." }) reviewedOnly: boolean | null,
      @Arg("from", () => DateTimeScalar, { nullable: true, description: "From this time (inclusive)." }) from: Date | null,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: SubgraphContext<unknown>,
    ) {
      auditor(ctx);
      const request = pageRequest(reviewCursors, page.first, page.after);
      const entries = await ctx.accessLog.reviewList({ reviewed: reviewedOnly ?? undefined, from: from ?? undefined, after: request.after ?? undefined, limit: request.take });
      // As for the audit log's page: only the page is released and logged.
      const released = await audited(ctx, null, entries.slice(0, request.first));
      return pageOf(request, [...released, ...entries.slice(request.first)], positionOf, reviewCursors, withReview);
    }

    @Mutation(() => Boolean, {
      name: `mark${capitalized(service)}Reviewed`,
      description: `Marks one of ${service}'s extraordinary releases reviewed, with a note (${service}'s auditors only). Once per entry; the log row itself is never changed.`,
    })
    async markReviewed(
      @Arg("entryId", () => ID, { description: "The entry (entryId on the review list)." }) entryId: string,
      @Arg("note", () => String, { description: "What the review found." }) note: string,
      @Ctx() ctx: SubgraphContext<unknown>,
    ): Promise<boolean> {
      const by = auditor(ctx);
      const text = note.trim();
      if (!text || text.length > NOTE_LIMIT) throw hubError("BAD_USER_INPUT", `Write a note of 1 to ${NOTE_LIMIT} characters: what the review found.`, { field: "note" });
      if (!/^\d{1,18}$/.test(entryId)) throw hubError("BAD_USER_INPUT", "entryId is not an entry id from the review list.", { field: "entryId" });
      if (!(await ctx.accessLog.markReviewed(entryId, by, text))) {
        throw hubError("CONFLICT", "No release awaiting review has this entry id: it is reviewed already, or no extraordinary release. Reload the review list.");
      }
      return true;
    }
  }
  return AccessLogResolver;
}
