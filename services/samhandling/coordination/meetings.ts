// Meetings, the plan and its follow-ups: what an ansvarsgruppe decides, who
// does what by when, and which goals it serves. A meeting is recorded in one
// transaction — decisions, follow-ups and goal evaluations together or not at all.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Goal as GoalRow, Measure as MeasureRow, Meeting as MeetingRow, MeetingDecision as DecisionRow, Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { FollowUpStatus } from "../../../prisma/samhandling/generated/enums.ts";
import { hubError } from "../../kit/errors.ts";
import { DateTimeScalar } from "../../kit/scalars.ts";
import type { Context } from "../context.ts";
import { newId, requiredId, requiredText, text } from "../input.ts";
import { CaseMember } from "../types.ts";
import { actingMember, actingOn, activeMemberOf, forgetCase, type Acting } from "./membership.ts";
import { followUpOverdue, notBeforeToday } from "./rules.ts";
import { FollowUp, FollowUpInput, Goal, GoalEvaluation, GoalInput, Meeting, MeetingDecision, RecordMeetingInput } from "./types.ts";
import { requireOpen } from "./writes.ts";

const MAX_ITEMS = 50;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

function limited<T>(items: readonly T[] | null | undefined, field: string): readonly T[] {
  const list = items ?? [];
  if (list.length > MAX_ITEMS) throw hubError("BAD_USER_INPUT", `${field} has more than ${MAX_ITEMS} items. Split it up.`, { field });
  return list;
}

/** A follow-up's row, checked against the case: an active professional responsible, a due date not past, a goal of this case. */
async function followUpDraft(ctx: Context, acting: Acting, input: FollowUpInput, decisionId: string | null, field: string): Promise<Prisma.MeasureCreateManyInput> {
  const responsible = await activeMemberOf(ctx, acting.caseId, requiredId(input.responsibleMemberId, `${field}.responsibleMemberId`), `${field}.responsibleMemberId`, true);
  if (!notBeforeToday(input.dueDate)) {
    throw hubError("BAD_USER_INPUT", `${field}.dueDate is in the past. Give the day it is due, today or later.`, { field: `${field}.dueDate` });
  }
  if (input.goalId && !(await ctx.loaders.goalsOfCase.load(acting.caseId)).some((g) => g.id === input.goalId)) {
    throw hubError("BAD_USER_INPUT", `${field}.goalId is not a goal of this case's plan. List the case's goals.`, { field: `${field}.goalId` });
  }
  return {
    id: newId("ms"),
    caseId: acting.caseId,
    goalId: input.goalId ?? null,
    decisionId,
    description: requiredText(input.description, `${field}.description`),
    responsibleMemberId: responsible.id,
    responsibleService: responsible.service,
    dueDate: input.dueDate,
    status: "PLANNED",
    createdAt: new Date(),
    createdBy: acting.actorId,
  };
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
    if (startsAt.getTime() < EARLIEST || startsAt.getTime() > LATEST) {
      throw hubError("BAD_USER_INPUT", "startsAt is out of range. Give a date between 2000 and 2100.", { field: "startsAt" });
    }
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      return tx.meeting.create({ data: { id: newId("mt"), caseId, title: name, startsAt, status: "PLANNED", participantIds: [], createdBy: acting.actorId } });
    });
    forgetCase(ctx, caseId);
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
    const members = await ctx.loaders.membersOfCase.load(caseId);
    const participantIds = [...new Set(limited(input.participantIds, "participantIds"))];
    if (participantIds.length === 0) throw hubError("BAD_USER_INPUT", "Name who was at the meeting (participantIds).", { field: "participantIds" });
    if (participantIds.some((id) => !members.some((m) => m.id === id))) {
      throw hubError("BAD_USER_INPUT", "A participant is not a member of this case. Add them to the case first.", { field: "participantIds" });
    }
    const decisions = await Promise.all(
      limited(input.decisions, "decisions").map(async (d, i) => {
        const id = newId("md");
        return {
          row: { id, meetingId: meeting.id, text: requiredText(d.text, `decisions[${i}].text`) },
          followUp: d.followUp ? await followUpDraft(ctx, acting, d.followUp, id, `decisions[${i}].followUp`) : null,
        };
      }),
    );
    const goals = await ctx.loaders.goalsOfCase.load(caseId);
    const evaluations = limited(input.evaluations, "evaluations").map((e, i) => {
      if (!goals.some((g) => g.id === e.goalId)) {
        throw hubError("BAD_USER_INPUT", `evaluations[${i}].goalId is not a goal of this case's plan.`, { field: `evaluations[${i}].goalId` });
      }
      return { id: newId("ge"), goalId: e.goalId, meetingId: meeting.id, status: e.status, note: text(e.note, `evaluations[${i}].note`) };
    });
    const summary = text(input.summary, "summary");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      const current = await tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      if (current.status !== "PLANNED") throw hubError("CONFLICT", `This meeting is already ${current.status.toLowerCase()}. Plan a new meeting to record another.`);
      if (decisions.length > 0) await tx.meetingDecision.createMany({ data: decisions.map((d) => d.row) });
      const followUps = decisions.flatMap((d) => (d.followUp ? [d.followUp] : []));
      if (followUps.length > 0) await tx.measure.createMany({ data: followUps });
      if (evaluations.length > 0) await tx.goalEvaluation.createMany({ data: evaluations });
      for (const e of evaluations) await tx.goal.update({ where: { id: e.goalId }, data: { status: e.status } });
      return tx.meeting.update({ where: { id: meeting.id }, data: { status: "HELD", summary, participantIds } });
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @Mutation(() => Meeting, { description: "Cancels a planned meeting." })
  async cancelMeeting(@Arg("meetingId", () => ID, { description: "The planned meeting." }) meetingId: string, @Ctx() ctx: Context): Promise<MeetingRow> {
    const { found: meeting } = await actingOn(ctx, meetingId, "meetingId", "meeting", ctx.loaders.meetingById);
    const row = await ctx.loaders.inCase(meeting.caseId, async (tx, locked) => {
      requireOpen(locked);
      const { count } = await tx.meeting.updateMany({ where: { id: meeting.id, status: "PLANNED" }, data: { status: "CANCELLED" } });
      if (count !== 1) throw hubError("CONFLICT", "Only a planned meeting can be cancelled; this one is held or already cancelled.");
      return tx.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
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
    const draft = await followUpDraft(ctx, acting, input, null, "input");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      return tx.measure.create({ data: draft });
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
