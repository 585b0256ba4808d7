// The citizen's copy of their data (GDPR art. 15): the gateway assembles it
// as the citizen, through every service's own rules (gateway/data-copy/), and
// before it leaves records it here — one entry in samhandling's access log,
// about the person the copy is of, by the citizen who asked, so it shows on
// their "Hvem har sett" and in any later copy. samhandling keeps it because it
// holds the hub's record of who may act for whom; the copy itself is stored
// nowhere.
import { Arg, Ctx, Mutation, registerEnumType, Resolver, ID } from "type-graphql";
import { hasConsentAssurance } from "../kit/auth/assurance.ts";
import { isCitizen } from "../kit/auth/caller.ts";
import { basisNaming } from "../kit/access-values.ts";
import { hubError } from "../kit/errors.ts";
import { callerOf, type Context } from "./context.ts";

export enum DataCopyFormat {
  JSON = "JSON",
  PDF = "PDF",
}

registerEnumType(DataCopyFormat, {
  name: "DataCopyFormat",
  description: "The form a copy of a person's data is made in.",
  valuesConfig: {
    JSON: { description: "Machine-readable: the versioned JSON of docs/data-copy.md." },
    PDF: { description: "Readable: a PDF in bokmål with the same content." },
  },
});

/** One answer for a person the caller may not have a copy of and one that does not exist: the answer says nothing about either. */
export const dataCopyNotFound = () => hubError("NOT_FOUND", "No person with this id whose copy you may have: yourself, or a child you have parental responsibility for.");

@Resolver()
export class DataCopyResolver {
  @Mutation(() => Boolean, {
    description:
      "Records that a copy of everything the hub holds about the person was made for the signed-in citizen (themself, or a child under 18 they have " +
      "parental responsibility for): one entry in samhandling's access log, basis DATA_COPY. The gateway sends it, as the citizen, before the copy leaves " +
      "(a POST of gateway/data-copy/route.ts's content type); it needs a sign-in at the high level of assurance (ASSURANCE_TOO_LOW), and anyone else gets NOT_FOUND, as for an unknown person.",
  })
  async recordDataCopy(
    @Arg("personId", () => ID, { description: "Whose copy: the citizen's own person id or their child's." }) personId: string,
    @Arg("format", () => DataCopyFormat, { description: "The copy's form." }) format: DataCopyFormat,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    if (!isCitizen(caller)) throw dataCopyNotFound();
    if (!hasConsentAssurance(caller)) {
      throw hubError("ASSURANCE_TOO_LOW", "A copy of your data needs a sign-in at the high level of assurance. Sign in again with BankID (or another high-level eID).");
    }
    // The same rule as reading the person's case records: the person, or a guardian with parental responsibility of a child under 18.
    const decision = await ctx.access.decide(personId, "CASE");
    // The rules could not be asked: say so, rather than "not found" to the person it is about.
    if (decision.reason === "DECISION_UNAVAILABLE") throw hubError("SERVICE_UNAVAILABLE", "The copy could not be recorded just now. Try again in a moment.");
    if (decision.status !== "GRANTED") throw dataCopyNotFound();
    await ctx.access.recordLocal([personId], "ACCESS_LOG", { ...decision, basis: basisNaming("DATA_COPY", format) }, null);
    return true;
  }
}
