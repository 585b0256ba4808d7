// "Legg til kollega": an employee looks a colleague up by name to add them to
// a case — in any service, since a case brings services together. The answer
// is what it takes to pick the right person and nothing the directory keeps
// for administrators (roles, inactive entries, history). Colleagues are not
// the citizens the access log is about, so a search is not logged there.
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { Employee as EmployeeRow } from "../../../prisma/samhandling/generated/client.ts";
import { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { hubError } from "../../kit/errors.ts";
import { employee, type Context } from "../context.ts";
import "../service-name.ts";

/** The most a search answers; a longer list means the name asked for is too short to pick from. */
export const COLLEAGUE_LIMIT = 20;
/** Fewer letters than this would list the directory. */
const MIN_LETTERS = 2;
/** A name longer than this is no one's (and keeps the comparison cheap). */
const NAME_LIMIT = 200;

@ObjectType({ description: "An employee found by findColleagues: who they are and where they work, to add them to a case." })
export class Colleague {
  @Field(() => ID, { description: "The employee's actor id: addCaseMember takes it." })
  actorId!: string;

  @Field(() => String, { description: "The name shown to the people in a case." })
  displayName!: string;

  @Field(() => ServiceName, { description: "The service they work for." })
  service!: ServiceName;

  @Field(() => String, { nullable: true, description: "Their unit within the service, where the service keeps one." })
  unit?: string | null;
}

/** The words of a name as asked: each at least MIN_LETTERS long, or BAD_USER_INPUT. */
function wordsOf(name: string): string[] {
  const trimmed = name.trim();
  if (trimmed.length > NAME_LIMIT) throw hubError("BAD_USER_INPUT", `A name is at most ${NAME_LIMIT} characters. Shorten the search.`, { field: "name" });
  const words = trimmed.split(/\s+/).filter((word) => word !== "");
  if (words.length === 0 || words.some((word) => [...word].length < MIN_LETTERS)) {
    throw hubError("BAD_USER_INPUT", `Write at least ${MIN_LETTERS} letters of each name you search for, e.g. "Kjetil" or "Kje Bak".`, { field: "name" });
  }
  return words;
}

@Resolver(() => Colleague)
export class ColleagueResolver {
  @Query(() => [Colleague], {
    description:
      `For employees doing case work: active colleagues in every service whose name holds every word given (at least ${MIN_LETTERS} letters each, ` +
      `any case), by name, at most ${COLLEAGUE_LIMIT} — to add one to a case (addCaseMember). Auditors are not listed; they take part in no case. ` +
      "Citizens, auditors and machines are refused.",
  })
  async findColleagues(@Arg("name", () => String, { description: "The colleague's name, or the start of each of their names." }) name: string, @Ctx() ctx: Context): Promise<EmployeeRow[]> {
    employee(ctx);
    return ctx.loaders.colleaguesNamed(wordsOf(name), COLLEAGUE_LIMIT);
  }
}
