// A case starts from a task: a concern the opener registered (BTI), or a
// referral or decision with its reference. The task names the person; the
// case may take in people of that person's registered household, no one
// else. The rules here are checked before anything is written.
import type { Concern as ConcernRow } from "../../../prisma/samhandling/generated/client.ts";
import type { CaseBasis, CaseKind } from "../../../prisma/samhandling/generated/enums.ts";
import { hubError } from "../../kit/errors.ts";
import type { Context } from "../context.ts";
import { listLimit, requiredId, requiredText } from "../input.ts";
import type { PersonFacts } from "../person-facts.ts";
import type { OpenCaseInput } from "./types.ts";

const MAX_SUBJECTS = 20;

export interface CaseTask {
  basis: CaseBasis;
  basisReference: string | null;
  /** The concern it is opened from, when it is. */
  concern: ConcernRow | null;
  /** The person the task is about. */
  personId: string;
  /** BTI: when the 14-day level-0 clock starts (the concern noticed, or the referral received). */
  clockStartsAt: Date;
}

const notYours = () =>
  hubError("NOT_FOUND", "No concern you registered has this id. A BTI case is opened from your own concern (registerConcern), or from a referral.", { field: "concernId" });

/** Not in the future: a concern noticed or a referral received later than now is a typo. */
function notFuture(at: Date | null | undefined, now: Date, field: string): Date {
  const when = at ?? now;
  if (when.getTime() > now.getTime()) throw hubError("BAD_USER_INPUT", `${field} is in the future. Give when it happened, or leave it out for now.`, { field });
  return when;
}

/** The task a new case is opened from, checked: a concern of the opener's own (BTI), or a referral or decision with a reference. */
export async function caseTask(ctx: Context, opener: string, input: OpenCaseInput, now: Date): Promise<CaseTask> {
  const kind: CaseKind = input.kind;
  const concernId = input.concernId?.trim() || null;
  if ((concernId === null) === !input.referral) {
    throw hubError("BAD_USER_INPUT", "Open a case from one task: a concern you registered (concernId) or a referral or decision (referral).", { field: "concernId" });
  }
  if (concernId !== null) {
    if (kind !== "BTI") {
      throw hubError("BAD_USER_INPUT", "A concern opens a BTI case. An ansvarsgruppe or investeringsteam is opened from a referral or decision with its reference.", { field: "concernId" });
    }
    const concern = await ctx.loaders.concern.load(requiredId(concernId, "concernId"));
    // Someone else's concern answers as an unknown one: a concern id reveals nothing.
    if (!concern || concern.registeredBy !== opener) throw notYours();
    if (concern.caseId !== null) throw hubError("CONFLICT", "A case is already opened from this concern. Ask its stafettholder to add you.", { field: "concernId" });
    return { basis: "CONCERN", basisReference: null, concern, personId: concern.subjectPersonId, clockStartsAt: concern.noticedAt };
  }
  const referral = input.referral!;
  if (referral.kind === "CONCERN") {
    throw hubError("BAD_USER_INPUT", "A concern is registered with registerConcern and named by concernId; referral.kind is REFERRAL or DECISION.", { field: "referral.kind" });
  }
  if (referral.kind === "DECISION" && kind === "BTI") {
    throw hubError("BAD_USER_INPUT", "A BTI case starts from a concern or a referral; a decision opens an ansvarsgruppe or investeringsteam.", { field: "referral.kind" });
  }
  const reference = requiredText(referral.reference, "referral.reference");
  const personId = requiredId(input.subjectIds?.[0], "subjectIds[0]");
  return { basis: referral.kind, basisReference: reference, concern: null, personId, clockStartsAt: notFuture(referral.receivedAt, now, "referral.receivedAt") };
}

const outsideHousehold = () =>
  hubError(
    "BAD_USER_INPUT",
    "Everyone in subjectIds must be the task's person or live in a registered household with them. Check the ids; " +
      "a case about someone else needs its own concern or referral.",
    { field: "subjectIds" },
  );

/**
 * The case's subjects: the task's person and people of their registered
 * household. An unknown id and someone from another household answer alike,
 * and the answer names neither, so it says nothing about who lives with whom.
 */
export async function caseSubjects(ctx: Context, task: CaseTask, raw: readonly string[] | null | undefined): Promise<PersonFacts[]> {
  listLimit(raw, "subjectIds");
  const ids = [...new Set([task.personId, ...(raw ?? []).map((id, i) => requiredId(id, `subjectIds[${i}]`))])];
  if (!(raw ?? []).includes(task.personId)) {
    throw hubError("BAD_USER_INPUT", "subjectIds must include the person the concern is about.", { field: "subjectIds" });
  }
  if (ids.length > MAX_SUBJECTS) throw hubError("BAD_USER_INPUT", `A case is about at most ${MAX_SUBJECTS} persons.`, { field: "subjectIds" });
  const loaded = await ctx.loaders.personFacts.loadMany(ids);
  const failed = loaded.find((f): f is Error => f instanceof Error);
  if (failed) throw failed;
  const [person, ...others] = loaded as (PersonFacts | null)[];
  if (!person) throw hubError("NOT_FOUND", "The task's person is not in the population register. Check the id.", { field: "subjectIds" });
  const households = new Set(person.householdIds ?? []);
  if (others.some((o) => !o || !(o.householdIds ?? []).some((h) => households.has(h)))) throw outsideHousehold();
  return [person, ...(others as PersonFacts[])];
}
