// BTI levels 0–3: the stafettholder's decisions to move a case between
// levels, and what a case shows about them (the level-0 deadline, overdue or
// not, the history). The date rules are in rules.ts.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import { hubError } from "../../kit/errors.ts";
import { DateScalar } from "../../kit/scalars.ts";
import type { Context } from "../context.ts";
import { newId, requiredText } from "../input.ts";
import { actingMember, forgetCase, requireHolder, requireOpen } from "../cases/membership.ts";
import { CoordinationCase } from "../cases/types.ts";
import { InCaseScope, type CaseRow } from "../cases/visibility.ts";
import { levelDeadline, levelOverdue, MAX_BTI_LEVEL } from "./rules.ts";
import { BtiLevelChange } from "./types.ts";

@Resolver(() => CoordinationCase)
export class CaseLevelResolver {
  @Mutation(() => CoordinationCase, {
    description: "Moves a case to BTI level 0–3: a decision with a reason, logged in the level history. Only the stafettholder decides.",
  })
  async changeBtiLevel(
    @Arg("caseId", () => ID, { description: "The case." }) caseId: string,
    @Arg("level", () => Int, { description: "The new level, 0–3." }) level: number,
    @Arg("reason", () => String, { description: "Why, in words the family could read." }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<CaseRow> {
    const acting = await actingMember(ctx, caseId);
    if (!Number.isInteger(level) || level < 0 || level > MAX_BTI_LEVEL) {
      throw hubError("BAD_USER_INPUT", `BTI levels are 0 to ${MAX_BTI_LEVEL}.`, { field: "level" });
    }
    const why = requiredText(reason, "reason");
    await ctx.loaders.inCase(caseId, async (tx, locked) => {
      requireOpen(locked);
      requireHolder(locked.holderMemberId, acting, "change the BTI level");
      const current = await tx.coordinationCase.findUniqueOrThrow({ where: { id: caseId } });
      if (current.btiLevel === null) throw hubError("BAD_USER_INPUT", "This case has no BTI level. Levels belong to BTI work.", { field: "level" });
      if (current.btiLevel === level) throw hubError("CONFLICT", `The case is already at level ${level}.`);
      const now = new Date();
      await tx.btiLevelChange.create({
        data: { id: newId("lv"), caseId, fromLevel: current.btiLevel, toLevel: level, reason: why, decidedBy: acting.actorId, decidedByService: acting.service, decidedAt: now },
      });
      await tx.coordinationCase.update({
        where: { id: caseId },
        data: { btiLevel: level, ...(current.levelDecidedAt === null && level > 0 ? { levelDecidedAt: now } : {}) },
      });
    });
    forgetCase(ctx, caseId);
    return (await ctx.loaders.case.load(caseId))!;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "BTI: the day by which level 0 must be decided (14 days after the concern)." })
  levelDeadline(@Root() c: CaseRow): Date | null {
    return c.concernRegisteredAt ? levelDeadline(c.concernRegisteredAt) : null;
  }

  @FieldResolver(() => Boolean, { description: "BTI: whether level 0 is still undecided after its deadline." })
  levelOverdue(@Root() c: CaseRow): boolean {
    return levelOverdue(c);
  }

  @UseMiddleware(InCaseScope)
  @FieldResolver(() => [BtiLevelChange], { description: "Every level decision, oldest first." })
  levelHistory(@Root() c: CaseRow, @Ctx() ctx: Context) {
    return ctx.loaders.levelChangesOfCase.load(c.id);
  }
}
