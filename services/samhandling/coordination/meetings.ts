// Meetings, the plan and its follow-ups: what an ansvarsgruppe decides, who
// does what by when, and which goals it serves, and what a case shows of them.
// A meeting is recorded in one transaction — decisions, follow-ups and goal
// evaluations together or not at all.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import type { Goal as GoalRow, Measure as MeasureRow, Meeting as MeetingRow, MeetingDecision as DecisionRow, Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { FollowUpStatus } from "../../../prisma/samhandling/generated/enums.ts";
import { hubError } from "../../kit/errors.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import type { Context } from "../context.ts";
import { newId, requiredId, requiredText, text } from "../input.ts";
import { actingMember, actingOn, forgetCase, requireOpen, type Acting } from "../cases/membership.ts";
import { CaseMember, CoordinationCase } from "../cases/types.ts";
import { InCaseScope, type CaseRow } from "../cases/visibility.ts";
import { caseMembersToTell, memberRecipient, othersThan, recordNotifications } from "../notifications/record.ts";
import { followUpOverdue, isOpenFollowUp, notBeforeToday } from "./rules.ts";
import { FollowUp, FollowUpInput, Goal, GoalEvaluation, GoalInput, Meeting, MeetingDecision, RecordMeetingInput } from "./types.ts";

const MAX_ITEMS = 50;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

function limited<T>(items: readonly T[] | null | undefined, field: string): readonly T[] {
  const list = items ?? [];
  if (list.length > MAX_ITEMS) throw hubError("BAD_USER_INPUT", `${field} has more than ${MAX_ITEMS} items. Split it up.`, { field });
  return list;
}

/** What a follow-up's input says on its own, checked before any transaction: text and a due date not past. */
interface FollowUpDraft {
  input: FollowUpInput;
  description: string;
  responsibleMemberId: string;
  goalId: string | null;
  field: string;
}

function followUpDraft(input: FollowUpInput, field: string): FollowUpDraft {
  const responsibleMemberId = requiredId(input.responsibleMemberId, `${field}.responsibleMemberId`);
  if (!notBeforeToday(input.dueDate)) {
    throw hubError("BAD_USER_INPUT", `${field}.dueDate is in the past. Give the day it is due, today or later.`, { field: `${field}.dueDate` });
  }
  const goalId = input.goalId ? requiredId(input.goalId, `${field}.goalId`) : null;
  return { input, description: requiredText(input.description, `${field}.description`), responsibleMemberId, goalId, field };
}

/**
 * Creates a follow-up inside the case's transaction, checking what can change
 * under it against the locked case: the responsible member is an active
 * professional member now, the goal one of this case's.
 */
async function createFollowUp(tx: Prisma.TransactionClient, acting: Acting, draft: FollowUpDraft, decisionId: string | null): Promise<MeasureRow> {
  const { field } = draft;
  const responsible = await tx.caseMember.findFirst({ where: { id: draft.responsibleMemberId, caseId: acting.caseId, leftAt: null } });
  if (!responsible) {
    throw hubError("BAD_USER_INPUT", `${field}.responsibleMemberId is not an active member of this case. List the case's members and use one of their ids.`, { field: `${field}.responsibleMemberId` });
  }
  if (!responsible.actorId) {
    throw hubError("BAD_USER_INPUT", `${field}.responsibleMemberId must be one of the case's professionals: the family is not made responsible for a service's follow-up.`, { field: `${field}.responsibleMemberId` });
  }
  if (draft.goalId && !(await tx.goal.findFirst({ where: { id: draft.goalId, caseId: acting.caseId }, select: { id: true } }))) {
    throw hubError("BAD_USER_INPUT", `${field}.goalId is not a goal of this case's plan. List the case's goals.`, { field: `${field}.goalId` });
  }
  const measure = await tx.measure.create({
    data: {
      id: newId("ms"),
      caseId: acting.caseId,
      goalId: draft.goalId,
      decisionId,
      description: draft.description,
      responsibleMemberId: responsible.id,
      responsibleService: responsible.service,
      dueDate: draft.input.dueDate,
      status: "PLANNED",
      createdAt: new Date(),
      createdBy: acting.actorId,
    },
  });
  const recipients = othersThan(memberRecipient(responsible), { actorId: acting.actorId });
  await recordNotifications(tx, [{ kind: "FOLLOW_UP_ASSIGNED", caseId: acting.caseId, refId: measure.id, event: measure.id, recipients, at: measure.createdAt }]);
  return measure;
}

/** Tells the case's members (not the one who did it) that a meeting was scheduled, moved or cancelled; `event` tells two moves apart. */
async function tellOfMeeting(tx: Prisma.TransactionClient, acting: Acting, kind: "MEETING_SCHEDULED" | "MEETING_MOVED" | "MEETING_CANCELLED", meeting: MeetingRow, event: string) {
  const recipients = othersThan(await caseMembersToTell(tx, meeting.caseId), { actorId: acting.actorId });
  await recordNotifications(tx, [{ kind, caseId: meeting.caseId, refId: meeting.id, event, recipients }]);
}

/** A meeting's start must be a plausible date. */
function checkStart(startsAt: Date): void {
  if (startsAt.getTime() < EARLIEST || startsAt.getTime() > LATEST) {
    throw hubError("BAD_USER_INPUT", "startsAt is out of range. Give a date between 2000 and 2100.", { field: "startsAt" });
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Mutation(() => Meeting, { description: "Plans a meeting of the case (any active professional member)." })
  async scheduleMeeting(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("title", () => String, { description: "E.g. Ansvarsgruppemøte desember." }) title: string,
    @Arg("startsAt", () => DateTimeScalar, { description: "When it starts." }) startsAt: Date,
    @Ctx() ctx: Context,
  ): Promise<MeetingRow> {
    const acting = await actingMember(ctx, caseId);
    const name = requiredText(title, "title");
    checkStart(startsAt);
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      const created = await tx.meeting.create({ data: { id: newId("mt"), caseId, title: name, startsAt, status: "PLANNED", participantIds: [], createdBy: acting.actorId } });
      await tellOfMeeting(tx, acting, "MEETING_SCHEDULED", created, created.id);
      return created;
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @Mutation(() => Meeting, { description: "Moves a planned meeting to another time (any active professional member); the case's members are told." })
  async rescheduleMeeting(
    @Arg("meetingId", () => ID, { description: "The planned meeting." }) meetingId: string,
    @Arg("startsAt", () => DateTimeScalar, { description: "When it starts now." }) startsAt: Date,
    @Ctx() ctx: Context,
  ): Promise<MeetingRow> {
    const { found: meeting, acting } = await actingOn(ctx, meetingId, "meetingId", "meeting", ctx.loaders.meetingById);
    checkStart(startsAt);
    const row = await ctx.loaders.inCase(meeting.caseId, async (tx, locked) => {
      requireOpen(locked);
      const current = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      if (current.status !== "PLANNED") throw hubError("CONFLICT", `Only a planned meeting can be moved; this one is ${current.status.toLowerCase()}.`);
      if (current.startsAt.getTime() === startsAt.getTime()) return current;
      const moved = await tx.meeting.update({ where: { id: meeting.id }, data: { startsAt } });
      // Each move is its own event (from one time to another): moved twice, told twice.
      await tellOfMeeting(tx, acting, "MEETING_MOVED", moved, `${moved.id}:${current.startsAt.getTime()}-${startsAt.getTime()}`);
      return moved;
    });
    forgetCase(ctx, meeting.caseId);
    return row;
  }

  @Mutation(() => Meeting, {
    description:
      "Records a held meeting: who was there, the decisions (each may create a follow-up with a responsible member and a due date) " +
      "and how the plan's goals stand. All of it is saved together, or nothing is.",
  })
  async recordMeeting(
    @Arg("meetingId", () => ID, { description: "The planned meeting." }) meetingId: string,
    @Arg("input", () => RecordMeetingInput, { description: "What happened." }) input: RecordMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingRow> {
    const { found: meeting, acting } = await actingOn(ctx, meetingId, "meetingId", "meeting", ctx.loaders.meetingById);
    const caseId = meeting.caseId;
    const participantIds = [...new Set(limited(input.participantIds, "participantIds").map((id, i) => requiredId(id, `participantIds[${i}]`)))];
    if (participantIds.length === 0) throw hubError("BAD_USER_INPUT", "Name who was at the meeting (participantIds).", { field: "participantIds" });
    const decisions = limited(input.decisions, "decisions").map((d, i) => ({
      text: requiredText(d.text, `decisions[${i}].text`),
      followUp: d.followUp ? followUpDraft(d.followUp, `decisions[${i}].followUp`) : null,
    }));
    const evaluations = limited(input.evaluations, "evaluations").map((e, i) => ({
      goalId: requiredId(e.goalId, `evaluations[${i}].goalId`),
      status: e.status,
      note: text(e.note, `evaluations[${i}].note`),
      field: `evaluations[${i}].goalId`,
    }));
    const summary = text(input.summary, "summary");
    // Everything that depends on the case is checked under its lock, in the order it is written:
    // a problem anywhere (the second decision's follow-up, say) leaves none of it saved.
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      const current = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      if (current.status !== "PLANNED") throw hubError("CONFLICT", `This meeting is already ${current.status.toLowerCase()}. Plan a new meeting to record another.`);
      const members = await tx.caseMember.findMany({ where: { caseId }, select: { id: true } });
      if (participantIds.some((id) => !members.some((m) => m.id === id))) {
        throw hubError("BAD_USER_INPUT", "A participant is not a member of this case. Add them to the case first.", { field: "participantIds" });
      }
      for (const [position, d] of decisions.entries()) {
        const decision = await tx.meetingDecision.create({ data: { id: newId("md"), meetingId: meeting.id, text: d.text, position } });
        if (d.followUp) await createFollowUp(tx, acting, d.followUp, decision.id);
      }
      for (const e of evaluations) {
        if (!(await tx.goal.findFirst({ where: { id: e.goalId, caseId }, select: { id: true } }))) {
          throw hubError("BAD_USER_INPUT", `${e.field} is not a goal of this case's plan.`, { field: e.field });
        }
        await tx.goalEvaluation.create({ data: { id: newId("ge"), goalId: e.goalId, meetingId: meeting.id, status: e.status, note: e.note } });
        await tx.goal.update({ where: { id: e.goalId }, data: { status: e.status } });
      }
      return tx.meeting.update({ where: { id: meeting.id }, data: { status: "HELD", summary, participantIds } });
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @Mutation(() => Meeting, { description: "Cancels a planned meeting." })
  async cancelMeeting(@Arg("meetingId", () => ID, { description: "The planned meeting." }) meetingId: string, @Ctx() ctx: Context): Promise<MeetingRow> {
    const { found: meeting, acting } = await actingOn(ctx, meetingId, "meetingId", "meeting", ctx.loaders.meetingById);
    const row = await ctx.loaders.inCase(meeting.caseId, async (tx, locked) => {
      requireOpen(locked);
      const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, status: "PLANNED" }, data: { status: "CANCELLED" } });
      if (count !== 1) throw hubError("CONFLICT", "Only a planned meeting can be cancelled; this one is held or already cancelled.");
      const cancelled = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      await tellOfMeeting(tx, acting, "MEETING_CANCELLED", cancelled, cancelled.id);
      return cancelled;
    });
    forgetCase(ctx, meeting.caseId);
    return row;
  }

  @FieldResolver(() => [CaseMember], { description: "Who was there, once held." })
  async participants(@Root() m: MeetingRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.membersOfCase.load(m.caseId)).filter((member) => m.participantIds.includes(member.id));
  }

  @FieldResolver(() => [MeetingDecision], { description: "Decisions made at the meeting." })
  decisions(@Root() m: MeetingRow, @Ctx() ctx: Context) {
    return ctx.loaders.decisionsOfMeeting.load(m.id);
  }
}

@Resolver(() => MeetingDecision)
export class MeetingDecisionResolver {
  @FieldResolver(() => [FollowUp], { description: "The follow-ups the decision created." })
  async followUps(@Root() d: DecisionRow, @Ctx() ctx: Context) {
    const meeting = await ctx.loaders.meeting.load(d.meetingId);
    return meeting ? (await ctx.loaders.measuresOfCase.load(meeting.caseId)).filter((m) => m.decisionId === d.id) : [];
  }
}

@Resolver(() => Goal)
export class GoalResolver {
  @Mutation(() => Goal, { description: "Adds a goal to the case's plan, as the family put it and prioritised it." })
  async addGoal(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("input", () => GoalInput, { description: "The goal." }) input: GoalInput,
    @Ctx() ctx: Context,
  ): Promise<GoalRow> {
    await actingMember(ctx, caseId);
    if (!Number.isInteger(input.familyPriority) || input.familyPriority < 1 || input.familyPriority > 99) {
      throw hubError("BAD_USER_INPUT", "familyPriority is 1 (most important) to 99.", { field: "familyPriority" });
    }
    const body = requiredText(input.text, "text");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      return tx.goal.create({ data: { id: newId("gl"), caseId, text: body, term: input.term, familyPriority: input.familyPriority, createdAt: new Date() } });
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @FieldResolver(() => [FollowUp], { description: "The measures under the goal." })
  async measures(@Root() g: GoalRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.measuresOfCase.load(g.caseId)).filter((m) => m.goalId === g.id);
  }

  @FieldResolver(() => [GoalEvaluation], { description: "Evaluations at meetings, oldest first." })
  evaluations(@Root() g: GoalRow, @Ctx() ctx: Context) {
    return ctx.loaders.evaluationsOfGoal.load(g.id);
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @Mutation(() => FollowUp, { description: "Adds a follow-up (measure) outside a meeting, optionally under a plan goal." })
  async addFollowUp(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("input", () => FollowUpInput, { description: "The follow-up." }) input: FollowUpInput,
    @Ctx() ctx: Context,
  ): Promise<MeasureRow> {
    const acting = await actingMember(ctx, caseId);
    const draft = followUpDraft(input, "input");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      return createFollowUp(tx, acting, draft, null);
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @Mutation(() => FollowUp, { description: "Sets a follow-up's status. The responsible member or the holder of the baton may." })
  async setFollowUpStatus(
    @Arg("followUpId", () => ID, { description: "The follow-up." }) followUpId: string,
    @Arg("status", () => FollowUpStatus, { description: "The new status." }) status: FollowUpStatus,
    @Ctx() ctx: Context,
  ): Promise<MeasureRow> {
    const { found, acting } = await actingOn(ctx, followUpId, "followUpId", "follow-up", ctx.loaders.measureById);
    const row = await ctx.loaders.inCase(found.caseId, async (tx, locked) => {
      requireOpen(locked);
      if (acting.me.id !== found.responsibleMemberId && acting.me.id !== locked.holderMemberId) {
        throw hubError("FORBIDDEN", "Only the member responsible for this follow-up, or the holder of the baton, can change its status.");
      }
      return tx.measure.update({ where: { id: found.id }, data: { status, completedAt: status === "DONE" ? new Date() : null } });
    });
    forgetCase(ctx, found.caseId);
    return row;
  }

  @FieldResolver(() => CaseMember, { nullable: true, description: "The member responsible." })
  async responsible(@Root() m: MeasureRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.membersOfCase.load(m.caseId)).find((member) => member.id === m.responsibleMemberId) ?? null;
  }

  @FieldResolver(() => Boolean, { description: "Past its due date and not done." })
  overdue(@Root() m: MeasureRow): boolean {
    return followUpOverdue(m);
  }
}

@Resolver(() => CoordinationCase)
export class CasePlanResolver {
  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [FollowUp], { description: "Follow-ups (measures) of the case by due date; openOnly leaves out done and cancelled ones." })
  async followUps(
    @Root() c: CaseRow,
    @Arg("openOnly", () => Boolean, { nullable: true, description: "Only planned and active ones; default false." }) openOnly: boolean | null,
    @Ctx() ctx: Context,
  ) {
    const all = await ctx.loaders.measuresOfCase.load(c.id);
    return openOnly ? all.filter(isOpenFollowUp) : all;
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [FollowUp], { description: "Follow-ups past their due date and not done: what drifts between meetings." })
  async overdueFollowUps(@Root() c: CaseRow, @Ctx() ctx: Context) {
    const now = new Date();
    return (await ctx.loaders.measuresOfCase.load(c.id)).filter((m) => followUpOverdue(m, now));
  }

  @FieldResolver(() => Int, { description: "How many follow-ups are overdue." })
  async overdueFollowUpCount(@Root() c: CaseRow, @Ctx() ctx: Context): Promise<number> {
    const now = new Date();
    return (await ctx.loaders.measuresOfCase.load(c.id)).filter((m) => followUpOverdue(m, now)).length;
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [Meeting], { description: "Every meeting, oldest first." })
  meetings(@Root() c: CaseRow, @Ctx() ctx: Context) {
    return ctx.loaders.meetingsOfCase.load(c.id);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [Meeting], { description: "Planned meetings from now on, soonest first." })
  async upcomingMeetings(@Root() c: CaseRow, @Ctx() ctx: Context) {
    const now = Date.now();
    return (await ctx.loaders.meetingsOfCase.load(c.id)).filter((m) => m.status === "PLANNED" && m.startsAt.getTime() >= now);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [Goal], { description: "The plan's goals in the family's order of priority." })
  goals(@Root() c: CaseRow, @Ctx() ctx: Context) {
    return ctx.loaders.goalsOfCase.load(c.id);
  }
}
