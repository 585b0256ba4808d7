// Opening and closing cases and adding and removing their members: the
// changes to a case that change who may see what, so each moves the consent
// epoch (consent/decision-change.ts) before it is written and after its commit.
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { CaseMember as MemberRow, Prisma } from "../../../prisma/samhandling/generated/client.ts";
import { hubError } from "../../kit/errors.ts";
import { employee, type Context } from "../context.ts";
import { listLimit, newId, requiredId, requiredText, text } from "../input.ts";
import type { PersonFacts } from "../person-facts.ts";
import { afterDecisionChange, beforeDecisionChange } from "../consent/decision-change.ts";
import { participant } from "../directory/directory.ts";
import { actingMember, forgetCase, holderRole, requireHolder, requireOpen } from "./membership.ts";
import { caseSubjects, caseTask } from "./task.ts";
import { CaseMember, CoordinationCase, NewMemberInput, OpenCaseInput } from "./types.ts";
import { actsOn, visibleCase, type CaseRow } from "./visibility.ts";
import { recordArchivePackage, renderArchivePackage } from "../archive/package.ts";
import { createLogger, errorFields } from "../../kit/log.ts";

const log = createLogger("samhandling");

/** What registry ids look like (the gateway's X-Case-Id rule): anything else is a typo or an attack. */
const REGISTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The household a new case concerns: a registry household that every subject
 * lives in. An unknown household and one a subject does not live in answer
 * alike, so the check tells nothing about a household the caller names.
 */
function checkedFamilyId(raw: string | null | undefined, subjects: readonly PersonFacts[]): string | null {
  const familyId = raw?.trim() ?? "";
  if (familyId === "") return null;
  if (!REGISTRY_ID.test(familyId)) {
    throw hubError("BAD_USER_INPUT", "familyId is not a household id from the population register (letters, digits, - and _, at most 64). Check it, or leave it out.", { field: "familyId" });
  }
  if (!subjects.every((s) => s.householdIds?.includes(familyId))) {
    throw hubError("BAD_USER_INPUT", "familyId is not the register household of every person in subjectIds. Check the household id, or leave familyId out.", { field: "familyId" });
  }
  return familyId;
}

/** A new case has no id before it is opened, so no request can have declared it. */
const openedInAnotherCase = (declared: string) =>
  hubError(
    "PURPOSE_MISMATCH",
    `openCase opens a new case, but this request declares the case ${declared} (X-Case-Id). Send openCase without X-Case-Id; declare the new case's id from then on.`,
    { field: "X-Case-Id" },
  );

/**
 * A new member's row, validated: an employee is an active directory entry,
 * whose service and name are the directory's; a family member or a person
 * they chose is a registry person.
 */
async function memberDraft(ctx: Context, caseId: string, input: NewMemberInput, now: Date): Promise<Prisma.CaseMemberCreateManyInput> {
  const actorId = input.actorId?.trim() || null;
  const personId = input.personId?.trim() || null;
  if ((actorId === null) === (personId === null)) {
    throw hubError("BAD_USER_INPUT", "Give either actorId (an employee) or personId (a family member or trusted person), not both.", { field: "actorId" });
  }
  if (input.role === "STAFETTHOLDER" || input.role === "COORDINATOR") {
    throw hubError("BAD_USER_INPUT", "The baton is not given by adding a member: add them as PROFESSIONAL, then propose a handover.", { field: "role" });
  }
  const familyChoice = text(input.familyChoice, "familyChoice");
  if (input.role === "TRUSTED_PERSON" && familyChoice === null) {
    throw hubError("BAD_USER_INPUT", "A trusted person is chosen by the family: say who chose them, in their words (familyChoice).", { field: "familyChoice" });
  }
  if (input.role !== "TRUSTED_PERSON" && familyChoice !== null) {
    throw hubError("BAD_USER_INPUT", "familyChoice belongs to a trusted person. Leave it out, or add them with role TRUSTED_PERSON.", { field: "familyChoice" });
  }
  const common = { id: newId("m"), caseId, role: input.role, joinedAt: now, familyChoice };
  if (personId !== null) {
    if (input.role === "PROFESSIONAL") throw hubError("BAD_USER_INPUT", "A registry person takes part as FAMILY or TRUSTED_PERSON.", { field: "role" });
    const displayName = requiredText(input.displayName, "displayName");
    if (!(await ctx.loaders.personFacts.load(requiredId(personId, "personId")))) {
      throw hubError("NOT_FOUND", "No person with this personId is in the population register. Check the id.", { field: "personId" });
    }
    return { ...common, actorId: null, personId, displayName, service: "FAMILY" };
  }
  if (input.role === "FAMILY") {
    throw hubError("BAD_USER_INPUT", "An employee takes part for their service: role PROFESSIONAL or TRUSTED_PERSON.", { field: "role" });
  }
  if (text(input.displayName, "displayName") !== null) {
    throw hubError("BAD_USER_INPUT", "An employee's name comes from the employee directory. Leave displayName out.", { field: "displayName" });
  }
  const entry = await participant(ctx, requiredId(actorId, "actorId"), "actorId");
  return { ...common, actorId: entry.actorId, personId: null, displayName: entry.displayName, service: entry.service };
}

function sameMember(a: { actorId: string | null; personId: string | null }, b: { actorId?: string | null; personId?: string | null }): boolean {
  return (a.actorId !== null && a.actorId === b.actorId) || (a.personId !== null && a.personId === b.personId);
}

@Resolver(() => CoordinationCase)
export class CaseChangeResolver {
  @Mutation(() => CoordinationCase, {
    description:
      "Opens a coordination case from a task — a concern you registered (BTI) or a referral or decision with its reference — " +
      "about its person and people of their household; you hold the baton (stafettholder in BTI, coordinator otherwise). " +
      "A BTI case starts at level 0: level 0 is to be decided within 14 days of the concern. Opening a case releases no one's data.",
  })
  async openCase(@Arg("input", () => OpenCaseInput, { description: "The new case." }) input: OpenCaseInput, @Ctx() ctx: Context): Promise<CaseRow> {
    const who = employee(ctx);
    if (ctx.purpose) throw openedInAnotherCase(ctx.purpose.caseId);
    const me = await participant(ctx, who.actorId, "your sign-in");
    if (me.service !== who.service.toUpperCase()) {
      throw hubError("FORBIDDEN", "The employee directory has you in another service than your sign-in. Sign in again; your entry follows your sign-in.");
    }
    const now = new Date();
    const title = requiredText(input.title, "title");
    listLimit(input.members, "members");
    const task = await caseTask(ctx, me.actorId, input, now);
    const subjects = await caseSubjects(ctx, task, input.subjectIds);
    const familyId = checkedFamilyId(input.familyId, subjects);
    const bti = input.kind === "BTI";
    const id = newId("c");
    const holder: Prisma.CaseMemberCreateManyInput = {
      id: newId("m"),
      caseId: id,
      actorId: me.actorId,
      personId: null,
      displayName: me.displayName,
      service: me.service,
      role: holderRole(input.kind),
      joinedAt: now,
    };
    const others = await Promise.all((input.members ?? []).map((m) => memberDraft(ctx, id, m, now)));
    const all = [holder, ...others];
    if (all.some((m, i) => all.findIndex((n) => sameMember({ actorId: n.actorId ?? null, personId: n.personId ?? null }, m)) !== i)) {
      throw hubError("BAD_USER_INPUT", "The same person is listed twice among the members (you are added as holder yourself).", { field: "members" });
    }
    await beforeDecisionChange(ctx, "Opening the case");
    await ctx.loaders.inNewCase(async (tx) => {
      await tx.coordinationCase.create({
        data: {
          id,
          kind: input.kind,
          title,
          familyId,
          btiLevel: bti ? 0 : null,
          openedAt: now,
          individualPlan: input.individualPlan ?? false,
          concernRegisteredAt: bti ? task.clockStartsAt : null,
          basis: task.basis,
          basisReference: task.basisReference,
        },
      });
      await tx.caseSubject.createMany({ data: subjects.map((s) => ({ caseId: id, personId: s.personId })) });
      await tx.caseMember.createMany({ data: all });
      await tx.coordinationCase.update({ where: { id }, data: { holderMemberId: holder.id } });
      if (task.concern) {
        // One case per concern, even when two requests race for it.
        const { count } = await tx.concern.updateMany({ where: { id: task.concern.id, caseId: null }, data: { caseId: id } });
        if (count !== 1) throw hubError("CONFLICT", "A case is already opened from this concern. Ask its stafettholder to add you.", { field: "concernId" });
        await tx.stafettloggEntry.create({
          data: { id: newId("sl"), caseId: id, kind: "CONCERN", text: task.concern.text, authorActorId: me.actorId, authorName: me.displayName, authorService: me.service, at: task.concern.noticedAt },
        });
      }
    });
    // Committed: from here on the answer says the case exists, whatever happens next.
    actsOn(ctx, id);
    await afterDecisionChange(ctx, `The case ${id}`, { caseId: id });
    return (await visibleCase(ctx, await ctx.loaders.case.load(id)))!;
  }

  @Mutation(() => CaseMember, { description: "Adds a member to a case (any active professional member may). The baton moves only by handover." })
  async addCaseMember(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("input", () => NewMemberInput, { description: "The new member." }) input: NewMemberInput,
    @Ctx() ctx: Context,
  ): Promise<MemberRow> {
    await actingMember(ctx, caseId);
    const draft = await memberDraft(ctx, caseId, input, new Date());
    await beforeDecisionChange(ctx, "The new member");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      const existing = await tx.caseMember.findFirst({
        where: { caseId, leftAt: null, OR: [...(draft.actorId ? [{ actorId: draft.actorId }] : []), ...(draft.personId ? [{ personId: draft.personId }] : [])] },
      });
      if (existing) throw hubError("CONFLICT", "This person is already an active member of the case.", { memberId: existing.id });
      return tx.caseMember.create({ data: draft });
    });
    forgetCase(ctx, caseId);
    await afterDecisionChange(ctx, `The new member ${row.id}`, { caseId, memberId: row.id });
    return row;
  }

  @Mutation(() => CaseMember, {
    description: "Ends a membership (the member leaves; the record stays). The holder of the baton must hand it over first.",
  })
  async removeCaseMember(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("memberId", () => ID, { description: "The membership to end." }) memberId: string,
    @Ctx() ctx: Context,
  ): Promise<MemberRow> {
    const acting = await actingMember(ctx, caseId);
    await beforeDecisionChange(ctx, "The member leaving");
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      const target = await tx.caseMember.findFirst({ where: { id: memberId, caseId, leftAt: null } });
      if (!target) throw hubError("NOT_FOUND", "No active member of this case has this id. List the case's members.", { field: "memberId" });
      if (target.id === locked.holderMemberId) throw hubError("CONFLICT", "This member holds the baton. Hand it over first, then they can leave.");
      if (target.id !== acting.me.id) requireHolder(locked.holderMemberId, acting, "remove other members");
      await tx.handover.updateMany({ where: { caseId, toMemberId: target.id, status: "PROPOSED" }, data: { status: "CANCELLED", respondedAt: new Date(), responseNote: "The member left the case." } });
      return tx.caseMember.update({ where: { id: target.id }, data: { leftAt: new Date() } });
    });
    forgetCase(ctx, caseId);
    await afterDecisionChange(ctx, `The member ${row.id} leaving`, { caseId, memberId: row.id });
    return row;
  }

  @Mutation(() => CoordinationCase, {
    description:
      "Closes a case. Only the holder of the baton closes it; a pending handover is cancelled, and nobody sees others' data through it any more. " +
      "The case's record is kept as an archive package (caseArchive) for the stafettholder and the municipality's archive.",
  })
  async closeCase(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("reason", () => String, { description: "Why, e.g. no reason for concern, goals reached, moved." }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CaseRow> {
    const acting = await actingMember(ctx, caseId);
    const why = requiredText(reason, "reason");
    await beforeDecisionChange(ctx, "Closing the case");
    await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      requireHolder(locked.holderMemberId, acting, "close the case");
      const now = new Date();
      const current = await tx.coordinationCase.findUniqueOrThrow({ where: { id: caseId } });
      await tx.handover.updateMany({ where: { caseId, status: "PROPOSED" }, data: { status: "CANCELLED", respondedAt: now, responseNote: "The case was closed." } });
      await tx.coordinationCase.update({
        where: { id: caseId },
        data: { status: "CLOSED", closedAt: now, closedReason: why, ...(current.concernRegisteredAt && !current.levelDecidedAt ? { levelDecidedAt: now } : {}) },
      });
      // The record as it closed, in the same transaction: the package exists exactly when the case is closed.
      await recordArchivePackage(tx, caseId, acting.me.id, now);
    });
    // Its files are rendered outside the lock and after the answer (a long case takes seconds to lay out; the
    // close is done). If this fails or the process dies, the archive job — or the first download — renders them (archive/package.ts).
    void renderArchivePackage(ctx.loaders.archiveDb, caseId).catch((error: unknown) => log.error("archive package left to the archive job", { caseId, ...errorFields(error) }));
    forgetCase(ctx, caseId);
    await afterDecisionChange(ctx, `Closing the case ${caseId}`, { caseId });
    return (await ctx.loaders.case.load(caseId))!;
  }
}
