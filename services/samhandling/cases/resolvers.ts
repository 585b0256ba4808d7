// Reading cases: a case by id (within its own declared case), the caller's
// cases, a person's and a household's cases, and who takes part.
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import type { CaseMember as MemberRow } from "../../../prisma/samhandling/generated/client.ts";
import { MemberRole, ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { FamilyRef, PersonRef } from "../../kit/entities.ts";
import { connectionType, cursorCodec, MAX_PAGE_SIZE, PageArgs, pageOf, pageRequest, timeFromPart, timePart, type Page } from "../../kit/paging.ts";
import { callerOf, signedIn, type Context } from "../context.ts";
import { CaseMember, CoordinationCase } from "./types.ts";
import { InCaseScope, isActive, present, requirePurpose, visibleCase, visibleCases, type CaseRow } from "./visibility.ts";

/** A myCases cursor: the case's opening time and id, its place in the list. */
const caseCursors = cursorCodec<{ at: Date; id: string }>(
  "my-cases",
  (k) => [timePart(k.at), k.id],
  ([at, id, ...rest]) => {
    const time = timeFromPart(at);
    return time && id && rest.length === 0 ? { at: time, id } : null;
  },
);

/** A members cursor: the member's role, joining time and id, their place in the list. */
const memberCursors = cursorCodec<{ role: MemberRole; joinedAt: Date; id: string }>(
  "case-members",
  (k) => [k.role, timePart(k.joinedAt), k.id],
  ([role, at, id, ...rest]) => {
    const time = timeFromPart(at);
    return role && (Object.values(MemberRole) as string[]).includes(role) && time && id && rest.length === 0 ? { role: role as MemberRole, joinedAt: time, id } : null;
  },
);

const MembersConnection = connectionType("CaseMember", CaseMember, "A page of a case's members, coordinators first.");

const MyCasesConnection = connectionType("CoordinationCase", CoordinationCase, "A page of the cases you take part in, newest first.");

@Resolver(() => CoordinationCase)
export class CaseResolver {
  @Query(() => CoordinationCase, {
    name: "case",
    nullable: true,
    description:
      "A coordination case by id, asked for within that case: the request must declare it (header X-Case-Id: <id>), " +
      "since the subjects' service views are decided under the declared case; otherwise the error PURPOSE_MISMATCH. " +
      "null when the case is unknown or the caller takes no part in it.",
  })
  async coordinationCase(@Arg("id", () => ID, { description: "The case's opaque id; also the request's X-Case-Id." }) id: string, @Ctx() ctx: Context) {
    requirePurpose(ctx, id);
    return visibleCase(ctx, await ctx.loaders.case.load(id));
  }

  @Query(() => [CoordinationCase], {
    deprecationReason: "Use myCasesPage. Removed 2027-03-08.",
    description:
      "The caller's cases, newest first: for an employee those they are an active member of; for a citizen those they are a subject of or take part in. " +
      "Each shows its overdue follow-ups (overdueFollowUpCount).",
  })
  async myCases(@Ctx() ctx: Context): Promise<CaseRow[]> {
    const who = signedIn(callerOf(ctx));
    const ids =
      who.kind === "employee"
        ? (await ctx.loaders.membershipsOfActor.load(who.actorId)).map((m) => m.caseId)
        : [
            ...(await ctx.loaders.membershipsOfPerson.load(who.personId)).map((m) => m.caseId),
            ...(await ctx.loaders.casesOfSubject.load(who.personId)).map((s) => s.caseId),
          ];
    const cases = present(await ctx.loaders.case.loadMany([...new Set(ids)]));
    cases.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
    return visibleCases(ctx, cases);
  }

  @Query(() => MyCasesConnection, {
    description:
      "myCases a page at a time, newest first (first, after; at most " + MAX_PAGE_SIZE + " cases a page): the cases you take part in, " +
      "cut from those only. Each shows its overdue follow-ups (overdueFollowUpCount).",
  })
  async myCasesPage(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<CaseRow>> {
    const who = signedIn(callerOf(ctx));
    const request = pageRequest(caseCursors, args.first, args.after);
    const rows = await ctx.loaders.casesPage(who.kind === "employee" ? { actorId: who.actorId } : { personId: who.personId }, request.after, request.take);
    // The same check and log as myCases: the page's query already keeps to visible cases, so nothing is dropped here.
    const shown = await visibleCases(ctx, rows.slice(0, request.first));
    return pageOf(request, [...shown, ...rows.slice(request.first)], (c) => ({ at: c.openedAt, id: c.id }), caseCursors);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [PersonRef], {
    nullable: "items",
    description:
      "The persons the case is about. null in the place of one the caller may not see (registry decides: e.g. a sibling, for a citizen), so the others still come back.",
  })
  async subjects(@Root() found: CoordinationCase, @Ctx() ctx: Context): Promise<PersonRef[]> {
    return (await ctx.loaders.subjectsOfCase.load(found.id)).map((s) => ({ id: s.personId }));
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => FamilyRef, { nullable: true, description: "The household the case concerns, when it concerns one." })
  family(@Root() found: CoordinationCase): FamilyRef | null {
    return found.familyId ? { id: found.familyId } : null;
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [CaseMember], { description: "Everyone taking part, coordinators first.", deprecationReason: "Use membersPage. Removed 2027-03-08." })
  members(@Root() found: CoordinationCase, @Ctx() ctx: Context) {
    return ctx.loaders.membersOfCase.load(found.id);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => MembersConnection, {
    description:
      "members a page at a time, in its order (first, after; at most " + MAX_PAGE_SIZE + " members a page). The same members: one whose " +
      "employee is inactive in the directory is left out before the page is cut, neither shown nor counted.",
  })
  async membersPage(@Root() found: CoordinationCase, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: Context): Promise<Page<MemberRow>> {
    const request = pageRequest(memberCursors, args.first, args.after);
    const rows = await ctx.loaders.membersPage(found.id, request.after, request.take);
    return pageOf(request, rows, (m) => ({ role: m.role, joinedAt: m.joinedAt, id: m.id }), memberCursors);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [CaseMember], { description: "Active members only, holder first." })
  async activeMembers(@Root() c: CaseRow, @Ctx() ctx: Context): Promise<MemberRow[]> {
    const active = (await ctx.loaders.membersOfCase.load(c.id)).filter(isActive);
    return [...active.filter((m) => m.id === c.holderMemberId), ...active.filter((m) => m.id !== c.holderMemberId)];
  }

  // Issue 4, involvement hints: whom to invite = services involved with a subject (their views' `involved`) minus these.
  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [ServiceName], {
    description: "The services the case's active members represent, each once (FAMILY left out). Services involved with a subject but not here are whom to invite.",
  })
  async servicesRepresented(@Root() found: CoordinationCase, @Ctx() ctx: Context): Promise<ServiceName[]> {
    const active = (await ctx.loaders.membersOfCase.load(found.id)).filter(isActive);
    const represented = new Set(active.map((m) => m.service));
    return Object.values(ServiceName).filter((s) => s !== "FAMILY" && represented.has(s));
  }
}

@Resolver(() => CaseMember)
export class CaseMemberResolver {
  @FieldResolver(() => String, { nullable: true, description: "For an employee: their actor id in the employee directory. null for a registry person." })
  actorId(@Root() member: CaseMember & { actorId?: string | null }): string | null {
    return member.actorId ?? null;
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: "The person, when the member is the person or a family member." })
  person(@Root() member: CaseMember): PersonRef | null {
    return member.personId ? { id: member.personId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "For a trusted person: who in the family chose them, in their words." })
  familyChoice(@Root() member: CaseMember & { familyChoice?: string | null }): string | null {
    return member.familyChoice ?? null;
  }
}

@Resolver(() => PersonRef)
export class PersonCasesResolver {
  @FieldResolver(() => [CoordinationCase], { description: "Coordination cases the person is a subject of, as far as the caller takes part in them." })
  async cases(@Root() person: PersonRef, @Ctx() ctx: Context) {
    const subjects = await ctx.loaders.casesOfSubject.load(person.id);
    return visibleCases(ctx, present(await ctx.loaders.case.loadMany(subjects.map((s) => s.caseId))));
  }

  // Issue 24: the citizen's copy holds the cases a person takes part in without being their subject (a parent in their child's case).
  @FieldResolver(() => [CoordinationCase], {
    description:
      "Coordination cases the person is an active member of — for the family, or as a trusted person — whether or not they are also a subject, " +
      "as far as the caller takes part in them (the same check and log as cases). A case the person has left is not listed.",
  })
  async casesTakingPart(@Root() person: PersonRef, @Ctx() ctx: Context) {
    const memberships = await ctx.loaders.membershipsOfPerson.load(person.id);
    const cases = present(await ctx.loaders.case.loadMany([...new Set(memberships.map((m) => m.caseId))]));
    cases.sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
    return visibleCases(ctx, cases);
  }
}

@Resolver(() => FamilyRef)
export class FamilyCasesResolver {
  @FieldResolver(() => [CoordinationCase], { description: "Coordination cases concerning the household, as far as the caller takes part in them." })
  async cases(@Root() family: FamilyRef, @Ctx() ctx: Context) {
    return visibleCases(ctx, await ctx.loaders.casesOfFamily.load(family.id));
  }
}
