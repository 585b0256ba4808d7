// The baton (stafettpinne): exactly one holder at a time. The holder proposes
// a handover; it takes effect only when the new holder accepts, and until
// then the old holder keeps the baton. One open proposal per case.
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import type { CaseMember as MemberRow, Handover as HandoverRow } from "../../../prisma/samhandling/generated/client.ts";
import { hubError } from "../../kit/errors.ts";
import type { Context } from "../context.ts";
import { newId, requiredId, requiredText, text } from "../input.ts";
import { actingMember, actingOn, activeMemberOf, forgetCase, holderRole, requireHolder, requireOpen } from "../cases/membership.ts";
import { CaseMember, CoordinationCase } from "../cases/types.ts";
import { InCaseScope, type CaseRow } from "../cases/visibility.ts";
import { memberRecipient, recordNotifications } from "../notifications/record.ts";
import { Handover } from "./types.ts";

type Answer = "ACCEPTED" | "DECLINED" | "CANCELLED";

const alreadyProposed = (handoverId?: string) =>
  hubError("CONFLICT", "A handover is already proposed in this case. Wait for the answer, or cancel it before proposing another.", handoverId ? { handoverId } : {});

/** Prisma's unique-constraint error (P2002), here the partial index handover_one_open_proposal_per_case. */
const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/** Answers a proposal under the case lock, so two answers (or an answer and a cancel) cannot both win. */
async function answer(ctx: Context, id: string, status: Answer, note: string | null): Promise<HandoverRow> {
  const { found, acting } = await actingOn(ctx, id, "handoverId", "handover", ctx.loaders.handoverById);
  const byProposed = status !== "CANCELLED";
  if (byProposed && found.toMemberId !== acting.me.id) {
    throw hubError("FORBIDDEN", "Only the member the baton is offered to can accept or decline it.");
  }
  const row = await ctx.loaders.inCase(found.caseId, async (tx, locked) => {
    requireOpen(locked);
    const current = await tx.handover.findUniqueOrThrow({ where: { id: found.id } });
    if (current.status !== "PROPOSED") {
      throw hubError("CONFLICT", `This handover is already ${current.status.toLowerCase()}. Ask the holder for a new proposal if needed.`);
    }
    if (!byProposed) requireHolder(locked.holderMemberId, acting, "cancel a handover");
    const now = new Date();
    if (status === "ACCEPTED") {
      if (locked.holderMemberId !== current.fromMemberId) {
        throw hubError("CONFLICT", "The baton has moved since this handover was proposed. Ask the current holder for a new proposal.");
      }
      const theCase = await tx.coordinationCase.findUniqueOrThrow({ where: { id: current.caseId } });
      await tx.caseMember.update({ where: { id: current.fromMemberId }, data: { role: "PROFESSIONAL" } });
      await tx.caseMember.update({ where: { id: current.toMemberId }, data: { role: holderRole(theCase.kind) } });
      await tx.coordinationCase.update({ where: { id: current.caseId }, data: { holderMemberId: current.toMemberId } });
    }
    const updated = await tx.handover.update({ where: { id: current.id }, data: { status, respondedAt: now, responseNote: note } });
    if (status !== "CANCELLED") {
      // The one who proposed it learns the answer (a cancel is the proposer's own act).
      const proposer = await tx.caseMember.findUniqueOrThrow({ where: { id: current.fromMemberId } });
      const kind = status === "ACCEPTED" ? "HANDOVER_ACCEPTED" : "HANDOVER_DECLINED";
      await recordNotifications(tx, [{ kind, caseId: current.caseId, refId: current.id, event: current.id, recipients: memberRecipient(proposer), at: now }]);
    }
    return updated;
  });
  forgetCase(ctx, found.caseId);
  return row;
}

@Resolver(() => Handover)
export class BatonResolver {
  @Mutation(() => Handover, {
    description:
      "The holder proposes handing the baton to another professional member, with the child's or family's wish. " +
      "The holder keeps it until the new holder accepts; only one proposal can be open at a time.",
  })
  async proposeHandover(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("toMemberId", () => ID, { description: "The member to take over (an active professional member)." }) toMemberId: string,
    @Arg("familyWish", () => String, { description: "What the child or family wished about who holds the baton, in their words." }) familyWish: string,
    @Ctx() ctx: Context,
  ): Promise<HandoverRow> {
    const acting = await actingMember(ctx, caseId);
    const wish = requiredText(familyWish, "familyWish");
    const to = await activeMemberOf(ctx, caseId, requiredId(toMemberId, "toMemberId"), "toMemberId", true);
    const row = await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      requireHolder(locked.holderMemberId, acting, "propose a handover");
      if (to.id === locked.holderMemberId) throw hubError("BAD_USER_INPUT", "You already hold the baton. Propose another member.", { field: "toMemberId" });
      const open = await tx.handover.findFirst({ where: { caseId, status: "PROPOSED" } });
      if (open) throw alreadyProposed(open.id);
      const created = await tx.handover.create({
        data: { id: newId("hd"), caseId, fromMemberId: locked.holderMemberId!, toMemberId: to.id, status: "PROPOSED", familyWish: wish, proposedAt: new Date() },
      });
      await recordNotifications(tx, [{ kind: "HANDOVER_PROPOSED", caseId, refId: created.id, event: created.id, recipients: memberRecipient(to), at: created.proposedAt }]);
      return created;
    }).catch((error: unknown) => {
      // The database's own guarantee (one open proposal per case), should a writer ever get past the case lock.
      if (isUniqueViolation(error)) throw alreadyProposed();
      throw error;
    });
    forgetCase(ctx, caseId);
    return row;
  }

  @Mutation(() => Handover, { description: "The proposed member accepts: from now on they hold the baton." })
  acceptHandover(@Arg("handoverId", () => ID, { description: "The proposal." }) handoverId: string, @Ctx() ctx: Context) {
    return answer(ctx, handoverId, "ACCEPTED", null);
  }

  @Mutation(() => Handover, { description: "The proposed member declines; the holder keeps the baton." })
  declineHandover(
    @Arg("handoverId", () => ID, { description: "The proposal." }) handoverId: string,
    @Arg("note", () => String, { nullable: true, description: "Why, for the holder." }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return answer(ctx, handoverId, "DECLINED", text(note, "note"));
  }

  @Mutation(() => Handover, { description: "The holder takes a proposal back before it is answered." })
  cancelHandover(
    @Arg("handoverId", () => ID, { description: "The proposal." }) handoverId: string,
    @Arg("note", () => String, { nullable: true, description: "Why, for the proposed member." }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return answer(ctx, handoverId, "CANCELLED", text(note, "note"));
  }

  @FieldResolver(() => CaseMember, { description: "Who proposed it: the holder at the time." })
  async from(@Root() h: HandoverRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.membersOfCase.load(h.caseId)).find((m) => m.id === h.fromMemberId);
  }

  @FieldResolver(() => CaseMember, { description: "Who the baton is offered to." })
  async to(@Root() h: HandoverRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.membersOfCase.load(h.caseId)).find((m) => m.id === h.toMemberId);
  }
}

@Resolver(() => CoordinationCase)
export class CaseBatonResolver {
  // Part of a work list's summary, as the level and the deadline are: whom to ask, and whether the baton waits for someone.
  @FieldResolver(() => CaseMember, { nullable: true, description: "The member holding the baton: the stafettholder (BTI) or coordinator." })
  async holder(@Root() c: CaseRow, @Ctx() ctx: Context): Promise<MemberRow | null> {
    return (await ctx.loaders.membersOfCase.load(c.id)).find((m) => m.id === c.holderMemberId) ?? null;
  }

  @FieldResolver(() => Handover, { nullable: true, description: "A handover proposed and not yet answered, if any." })
  async pendingHandover(@Root() c: CaseRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.handoversOfCase.load(c.id)).find((h) => h.status === "PROPOSED") ?? null;
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [Handover], { description: "Every handover proposal, newest first." })
  handovers(@Root() c: CaseRow, @Ctx() ctx: Context) {
    return ctx.loaders.handoversOfCase.load(c.id);
  }
}
