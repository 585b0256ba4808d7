// GraphQL types of coordination work: BTI levels, the baton, the stafettlogg,
// meetings, the plan and its follow-ups. Field resolvers live next to the
// mutations that write them (levels.ts, baton.ts, stafettlogg.ts, meetings.ts).
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  FollowUpStatus,
  GoalStatus,
  GoalTerm,
  HandoverStatus,
  MeetingStatus,
  ServiceName,
  StafettloggKind,
} from "../../../prisma/samhandling/generated/enums.ts";
import { DateScalar, DateTimeScalar } from "../../kit/scalars.ts";
// ServiceName is registered as a GraphQL enum with the case's types.
import "../cases/types.ts";

registerEnumType(HandoverStatus, {
  name: "HandoverStatus",
  description: "Where a proposed handover of the baton stands.",
  valuesConfig: {
    PROPOSED: { description: "Proposed by the holder; the holder keeps the baton until the new holder accepts." },
    ACCEPTED: { description: "Accepted: the new holder has the baton." },
    DECLINED: { description: "Declined by the proposed holder; the baton stayed." },
    CANCELLED: { description: "Taken back by the holder before an answer." },
  },
});
registerEnumType(StafettloggKind, {
  name: "StafettloggKind",
  description: "What a stafettlogg entry records.",
  valuesConfig: {
    CONCERN: { description: "A concern about the child or youth, as it was raised." },
    DECISION: { description: "A decision: level, measure, who is responsible." },
    MEASURE: { description: "A measure started, with who is responsible and when it is evaluated." },
    EVALUATION: { description: "How a measure worked, at its evaluation." },
    NOTE: { description: "Anything else worth keeping, e.g. a correction." },
  },
});
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "Where a meeting stands.",
  valuesConfig: { PLANNED: { description: "Planned." }, HELD: { description: "Held; decisions recorded." }, CANCELLED: { description: "Cancelled." } },
});
registerEnumType(GoalTerm, {
  name: "GoalTerm",
  description: "The horizon of a plan goal.",
  valuesConfig: { SHORT: { description: "Short term: weeks to months." }, LONG: { description: "Long term: a year or more." } },
});
registerEnumType(GoalStatus, {
  name: "GoalStatus",
  description: "Where a plan goal stands.",
  valuesConfig: { OPEN: { description: "Being worked on." }, ACHIEVED: { description: "Reached." }, DROPPED: { description: "Given up or replaced, with the family." } },
});
registerEnumType(FollowUpStatus, {
  name: "FollowUpStatus",
  description: "Where a follow-up (measure) stands.",
  valuesConfig: {
    PLANNED: { description: "Agreed, not started." },
    ACTIVE: { description: "Under way." },
    DONE: { description: "Done." },
    CANCELLED: { description: "Dropped." },
  },
});

@ObjectType({ description: "A decision to move a case between BTI levels 0–3, with its reason. Never edited." })
export class BtiLevelChange {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => Int, { nullable: true, description: "The level before; null when the case was opened with this decision." })
  fromLevel?: number | null;

  @Field(() => Int, { description: "The level decided." })
  toLevel!: number;

  @Field(() => String, { description: "Why, in a sentence the family could read." })
  reason!: string;

  @Field(() => String, { description: "Actor id of the member who decided." })
  decidedBy!: string;

  @Field(() => ServiceName, { description: "Their service." })
  decidedByService!: ServiceName;

  @Field(() => DateTimeScalar, { description: "When it was decided." })
  decidedAt!: Date;
}

@ObjectType({ description: "A proposal to hand the baton (stafettholder or coordinator) to another member, and its answer." })
export class Handover {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => HandoverStatus, { description: "Proposed, accepted, declined or cancelled." })
  status!: HandoverStatus;

  @Field(() => String, { description: "The child's or family's wish about who should hold the baton, in their words." })
  familyWish!: string;

  @Field(() => DateTimeScalar, { description: "When it was proposed." })
  proposedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was answered or cancelled." })
  respondedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was declined or cancelled, when someone said." })
  responseNote?: string | null;

  fromMemberId!: string;
  toMemberId!: string;
  caseId!: string;
}

@ObjectType({ description: "An entry in a BTI case's stafettlogg. Append-only: a correction is a new entry that points to the one it corrects." })
export class StafettloggEntry {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => StafettloggKind, { description: "Concern, decision, measure, evaluation or note." })
  kind!: StafettloggKind;

  @Field(() => String, { description: "What was recorded." })
  text!: string;

  @Field(() => String, { description: "The author's name as shown to the case." })
  authorName!: string;

  @Field(() => ServiceName, { description: "The author's service." })
  authorService!: ServiceName;

  @Field(() => DateTimeScalar, { description: "When it was written." })
  at!: Date;

  @Field(() => DateScalar, { nullable: true, description: "When the measure or decision is to be evaluated." })
  evaluationDate?: Date | null;

  @Field(() => ID, { nullable: true, description: "The entry this one corrects, if it is a correction." })
  correctsId?: string | null;

  responsibleMemberId!: string | null;
  caseId!: string;
}

@ObjectType({ description: "A follow-up: a measure with a responsible member and a due date, under a plan goal or from a meeting decision." })
export class FollowUp {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { description: "What is to be done." })
  description!: string;

  @Field(() => ServiceName, { description: "The service responsible." })
  responsibleService!: ServiceName;

  @Field(() => DateScalar, { description: "When it is due." })
  dueDate!: Date;

  @Field(() => FollowUpStatus, { description: "Planned, active, done or cancelled." })
  status!: FollowUpStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was marked done." })
  completedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: "The plan goal it serves, if any." })
  goalId?: string | null;

  @Field(() => ID, { nullable: true, description: "The meeting decision that created it, if any." })
  decisionId?: string | null;

  responsibleMemberId!: string;
  caseId!: string;
}

@ObjectType({ description: "A decision made at a meeting." })
export class MeetingDecision {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { description: "What was decided." })
  text!: string;

  meetingId!: string;
}

@ObjectType({ description: "How a plan goal stood when it was evaluated at a meeting." })
export class GoalEvaluation {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => GoalStatus, { description: "The goal's status as evaluated." })
  status!: GoalStatus;

  @Field(() => String, { nullable: true, description: "What was said about it." })
  note?: string | null;

  @Field(() => ID, { description: "The meeting it was evaluated at." })
  meetingId!: string;
}

@ObjectType({ description: "A meeting of the ansvarsgruppe or BTI team: planned, then held with participants, decisions and goal evaluations." })
export class Meeting {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { description: "Title, e.g. Ansvarsgruppemøte desember." })
  title!: string;

  @Field(() => DateTimeScalar, { description: "When it starts." })
  startsAt!: Date;

  @Field(() => MeetingStatus, { description: "Planned, held or cancelled." })
  status!: MeetingStatus;

  @Field(() => String, { nullable: true, description: "A short summary, once held." })
  summary?: string | null;

  participantIds!: string[];
  caseId!: string;
}

@ObjectType({ description: "A goal in the case's plan (individuell plan or family plan), with measures under it." })
export class Goal {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => String, { description: "The goal, in the family's words." })
  text!: string;

  @Field(() => GoalTerm, { description: "Short or long term." })
  term!: GoalTerm;

  @Field(() => Int, { description: "The family's priority: 1 is most important." })
  familyPriority!: number;

  @Field(() => GoalStatus, { description: "Open, achieved or dropped." })
  status!: GoalStatus;

  caseId!: string;
}

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

@InputType({ description: "A stafettlogg entry to append." })
export class StafettloggEntryInput {
  @Field(() => StafettloggKind, { description: "Concern, decision, measure, evaluation or note." })
  kind!: StafettloggKind;

  @Field(() => String, { description: "What to record; the journal itself stays in your service's system." })
  text!: string;

  @Field(() => ID, { nullable: true, description: "The member responsible for the measure or decision." })
  responsibleMemberId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When to evaluate it; today or later." })
  evaluationDate?: Date | null;

  @Field(() => ID, { nullable: true, description: "The entry this one corrects (entries are never edited)." })
  correctsId?: string | null;
}

@InputType({ description: "A follow-up to create: what, who is responsible, by when." })
export class FollowUpInput {
  @Field(() => String, { description: "What is to be done." })
  description!: string;

  @Field(() => ID, { description: "The member responsible (an employee member)." })
  responsibleMemberId!: string;

  @Field(() => DateScalar, { description: "When it is due; today or later." })
  dueDate!: Date;

  @Field(() => ID, { nullable: true, description: "The plan goal it serves." })
  goalId?: string | null;
}

@InputType({ description: "A decision made at a meeting, optionally creating a follow-up." })
export class MeetingDecisionInput {
  @Field(() => String, { description: "What was decided." })
  text!: string;

  @Field(() => FollowUpInput, { nullable: true, description: "The measure it creates, if any." })
  followUp?: FollowUpInput | null;
}

@InputType({ description: "How a plan goal stood at the meeting." })
export class GoalEvaluationInput {
  @Field(() => ID, { description: "The goal." })
  goalId!: string;

  @Field(() => GoalStatus, { description: "Its status now." })
  status!: GoalStatus;

  @Field(() => String, { nullable: true, description: "What was said about it." })
  note?: string | null;
}

@InputType({ description: "What happened at a meeting: who was there, what was decided, how the goals stand." })
export class RecordMeetingInput {
  @Field(() => [ID], { description: "Member ids of those present." })
  participantIds!: string[];

  @Field(() => String, { nullable: true, description: "A short summary." })
  summary?: string | null;

  @Field(() => [MeetingDecisionInput], { description: "Decisions made." })
  decisions!: MeetingDecisionInput[];

  @Field(() => [GoalEvaluationInput], { nullable: true, description: "Plan goals evaluated." })
  evaluations?: GoalEvaluationInput[] | null;
}

@InputType({ description: "A plan goal to add." })
export class GoalInput {
  @Field(() => String, { description: "The goal, in the family's words." })
  text!: string;

  @Field(() => GoalTerm, { description: "Short or long term." })
  term!: GoalTerm;

  @Field(() => Int, { description: "The family's priority, 1 = most important." })
  familyPriority!: number;
}
