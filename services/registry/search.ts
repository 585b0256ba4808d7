// "Finn person": an employee looks a person up in the population register to
// start work on them — by national identity number, or by full name and birth
// date. Exact matches only (no partial names, no browsing), and the answer is
// the least that picks the right person: the opaque id, the name and the birth
// date. Everything else about them is read afterwards, within a case, under
// the consent rules.
//
// Deny by default: only employees doing case work (role caseworker, not an
// auditor, never a citizen or a machine) may search, and anyone else is
// refused before the register is read, so the refusal is the same whether or
// not the person exists. Every match is written to the access log as a look
// at that person's identity before the answer leaves.
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { CASEWORKER_ROLE, isAuditor, isCitizen, type Caller } from "../kit/auth/caller.ts";
import { hubError } from "../kit/errors.ts";
import { isNationalId } from "../kit/national-id.ts";
import { DateScalar } from "../kit/scalars.ts";
import type { SubgraphContext } from "../kit/subgraph.ts";
import type { RegistryLoaders } from "./data.ts";
import { PERSON_SEARCH_REASON, SEARCH_BASIS } from "./search-log.ts";

type Context = SubgraphContext<RegistryLoaders>;

/** A name longer than this is no one's (and keeps the comparison cheap). */
const NAME_LIMIT = 200;

@ObjectType({ description: "A person found by findPersons: what it takes to pick the right one, nothing more." })
export class PersonMatch {
  @Field(() => ID, { description: "The person's opaque id (as Person.id): open a case about them with it." })
  id!: string;

  @Field(() => String, { description: "Given name(s)." })
  givenName!: string;

  @Field(() => String, { description: "Family name." })
  familyName!: string;

  @Field(() => DateScalar, { description: "Date of birth." })
  birthDate!: Date;
}

/** An employee doing case work: the only caller a search answers. */
function isCaseworker(caller: Caller): boolean {
  return caller.kind === "actor" && !isCitizen(caller) && !isAuditor(caller) && caller.claims.roles.includes(CASEWORKER_ROLE);
}

/** Whitespace collapsed and case folded: "  sara  HAUGLAND" and "Sara Haugland" are the same name, "Sara" is not. */
const normalName = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");

type Search = { by: "nationalId"; nationalId: string } | { by: "nameAndBirthDate"; name: string; birthDate: Date };

/** The search asked for, checked: one way or the other, each complete and well-formed. */
function searchOf(nationalId: string | null, name: string | null, birthDate: Date | null): Search {
  const id = nationalId?.replace(/\s+/g, "") || null;
  const fullName = name?.trim() || null;
  if (id !== null) {
    if (fullName !== null || birthDate !== null) {
      throw hubError("BAD_USER_INPUT", "Search either by national identity number, or by name and birth date — not both at once.", { field: "nationalId" });
    }
    if (!isNationalId(id)) throw hubError("BAD_USER_INPUT", "A national identity number is 11 digits with valid control digits. Check the number.", { field: "nationalId" });
    return { by: "nationalId", nationalId: id };
  }
  if (fullName === null || birthDate === null) {
    throw hubError("BAD_USER_INPUT", "Give a national identity number, or both the full name and the birth date.", { field: fullName === null ? "name" : "birthDate" });
  }
  if (fullName.length > NAME_LIMIT || !fullName.includes(" ")) {
    throw hubError("BAD_USER_INPUT", "Give the full name: given name and family name, as in the population register.", { field: "name" });
  }
  return { by: "nameAndBirthDate", name: normalName(fullName), birthDate };
}

@Resolver()
export class PersonSearchResolver {
  @Query(() => [PersonMatch], {
    description:
      "For employees doing case work: the persons in the population register with exactly this national identity number, or exactly this full name and birth date " +
      "(give one or the other). Answers only what it takes to pick the right person; each person found is written to the access log as a look at their identity. " +
      "Anyone else (citizens, auditors, machines) is refused with FORBIDDEN before the register is read.",
  })
  async findPersons(
    @Arg("nationalId", () => String, { nullable: true, description: "The national identity number (11 digits)." }) nationalId: string | null,
    @Arg("name", () => String, { nullable: true, description: "Full name, given name(s) and family name, as registered (case and extra spaces do not matter)." }) name: string | null,
    @Arg("birthDate", () => DateScalar, { nullable: true, description: "Date of birth; with name." }) birthDate: Date | null,
    @Ctx() ctx: Context,
  ): Promise<PersonMatch[]> {
    if (!isCaseworker(ctx.caller)) throw hubError("FORBIDDEN", "Only employees doing case work can search the population register.");
    // An argument left out arrives as undefined, one sent as null as null: both mean "not given".
    const search = searchOf(nationalId ?? null, name ?? null, birthDate ?? null);
    const found =
      search.by === "nationalId"
        ? [await ctx.loaders.personByNationalId.load(search.nationalId)].filter((p) => p !== null)
        : (await ctx.loaders.personsBornOn.load(search.birthDate.toISOString().slice(0, 10))).filter((p) => normalName(`${p.givenName} ${p.familyName}`) === search.name);
    // Logged before anything leaves: a failed write withholds the answer (ACCESS_LOG_UNAVAILABLE).
    await ctx.access.recordLocal(
      found.map((p) => p.id),
      "IDENTITY",
      { status: "GRANTED", reason: PERSON_SEARCH_REASON, basis: SEARCH_BASIS[search.by] },
      null,
    );
    return found.map(({ id, givenName, familyName, birthDate: born }) => ({ id, givenName, familyName, birthDate: born }));
  }
}
