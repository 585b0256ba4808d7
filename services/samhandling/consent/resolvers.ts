// The consent API. A consent is the person's own act: given by them signed in
// (or by a guardian with parental responsibility), or recorded by an employee
// from their signed form and in force only once a second member of the case
// attests it. A refusal counts however it comes in. Withdrawing, and reading
// them (every consent released is logged in samhandling's access log, since
// it is personal data of its subject and giver).
import { GraphQLError } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Consent as ConsentRow } from "../../../prisma/samhandling/generated/client.ts";
import { ServiceName, type ConsentCapacity, type ConsentChannel, type ConsentDecision } from "../../../prisma/samhandling/generated/enums.ts";
import { DATA_CATEGORIES } from "../../kit/categories.ts";
import { PersonRef } from "../../kit/entities.ts";
import { hubError } from "../../kit/errors.ts";
import { requireConsentAssurance } from "../../kit/auth/assurance.ts";
import { callerOf, employee, signedIn, type Context, type Signed } from "../context.ts";
import { listLimit, newId, requiredId, requiredText, text } from "../input.ts";
import type { PersonFacts } from "../person-facts.ts";
import { CoordinationCase } from "../cases/types.ts";
import { caseTakingPart, requireCaseScope, requireNoOtherPurpose, visibleCase, type CaseRow } from "../cases/visibility.ts";
import { ADULT_AGE, ageAt, competenceProblem, inPeriod, isPersonsAct, isStillCompetent, servicesInForce } from "./competence.ts";
import { afterDecisionChange, beforeDecisionChange } from "./decision-change.ts";
import { Consent, GrantConsentInput, RecordConsentFormInput, RefuseConsentInput } from "./types.ts";
import { recordNotifications } from "../notifications/record.ts";
import { basisNaming, type DecidingReason } from "../../kit/access-values.ts";

const NOT_CONSENTABLE: ServiceName[] = ["FAMILY"];

/** Whose records the id in `recordedBy` / `withdrawnBy` names: an employee's actor id or a citizen's person id. */
const recorderId = (who: Signed) => (who.kind === "employee" ? who.actorId : who.personId);

interface ConsentDraft {
  caseId: string;
  subjectId: string;
  givenById: string | null;
  capacity: ConsentCapacity;
  services: ServiceName[];
  categories: string[];
  validFrom: Date;
  validTo: Date | null;
  childView: string | null;
  note: string | null;
}

/** Everything about the input that can be checked without looking anything up. */
function validated(input: GrantConsentInput | RefuseConsentInput, decision: ConsentDecision, now: Date): ConsentDraft {
  listLimit(input.services, "services");
  listLimit(input.categories, "categories");
  const services = [...new Set(input.services)];
  if (services.length === 0) {
    throw hubError("BAD_USER_INPUT", "Name at least one service whose data the consent covers.", { field: "services" });
  }
  const excluded = services.filter((s) => NOT_CONSENTABLE.includes(s));
  if (excluded.length > 0) {
    throw hubError("BAD_USER_INPUT", "FAMILY is not a service with data of its own; remove it from services.", { field: "services" });
  }
  const rawCategories = input.categories ?? (decision === "DENY" ? [...DATA_CATEGORIES] : []);
  const categories = [...new Set(rawCategories.map((c) => c.trim()))];
  if (categories.length === 0) {
    throw hubError("BAD_USER_INPUT", `Name at least one data category: ${DATA_CATEGORIES.join(", ")}.`, { field: "categories" });
  }
  const unknown = categories.filter((c) => !(DATA_CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((c) => `"${c.slice(0, 40)}"`).join(", ") + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : "");
    throw hubError("BAD_USER_INPUT", `Unknown data category ${shown}. Use one of: ${DATA_CATEGORIES.join(", ")}.`, { field: "categories" });
  }
  const validFrom = input.validFrom ?? now;
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo.getTime() <= validFrom.getTime()) {
    throw hubError("BAD_USER_INPUT", "validTo must be after validFrom. Check the dates, or leave validTo out for until withdrawn.", { field: "validTo" });
  }
  if (validTo !== null && validTo.getTime() <= now.getTime()) {
    throw hubError("BAD_USER_INPUT", "validTo is in the past, so the consent would never apply. Give a date in the future, or leave validTo out for until withdrawn.", { field: "validTo" });
  }
  return {
    caseId: requiredId(input.caseId, "caseId"),
    subjectId: requiredId(input.subjectId, "subjectId"),
    givenById: input.givenById?.trim() || null,
    capacity: input.capacity,
    services,
    categories,
    validFrom,
    validTo,
    childView: text(input.childView, "childView"),
    note: text(input.note, "note"),
  };
}

/**
 * Whether a recorded consent (not withdrawn) and a new one contradict each
 * other: their periods overlap in the future of `now`, and the recorded one,
 * where its giver is still competent, shares a service and a category.
 */
function overlaps(c: ConsentRow, draft: ConsentDraft, subject: PersonFacts, now: Date): boolean {
  if (c.withdrawnAt != null) return false;
  const never = Number.POSITIVE_INFINITY;
  const start = Math.max(c.validFrom.getTime(), draft.validFrom.getTime(), now.getTime());
  const end = Math.min(c.validTo?.getTime() ?? never, draft.validTo?.getTime() ?? never);
  if (start >= end) return false;
  const on = new Date(start);
  const services = c.services.filter(
    (service) =>
      draft.services.includes(service) && isStillCompetent({ subject, givenBy: c.givenByPersonId, capacity: c.capacity, service, on }),
  );
  return services.length > 0 && c.categories.some((k) => draft.categories.includes(k));
}

/** The services a consent counts for now; reads the subject's facts only for a consent within its period. */
async function servicesInForceNow(c: ConsentRow, ctx: Context): Promise<ServiceName[]> {
  const now = new Date();
  if (!inPeriod(c, now)) return [];
  return servicesInForce(c, await ctx.loaders.personFacts.load(c.subjectPersonId), now);
}

/** How a record comes in: the channel, and for a paper form its reference. */
interface Arrival {
  channel: ConsentChannel;
  formReference: string | null;
}

/** Who may record what, and how it comes in: a citizen gives or refuses their own; an employee records a form or a refusal. */
function arrival(who: Signed, decision: ConsentDecision, formReference: string | null, ctx: Context): Arrival {
  if (who.kind === "citizen") {
    // Giving consent binds the person's data; a refusal only keeps it closed and needs no more than a sign-in.
    if (decision === "PERMIT") requireConsentAssurance(callerOf(ctx));
    if (formReference !== null) throw hubError("FORBIDDEN", "A paper form is recorded by a member of the case. Give your consent yourself with grantConsent.");
    return { channel: "DIGITAL", formReference: null };
  }
  if (decision === "DENY") return { channel: "STAFF_RECORDED", formReference: null };
  if (formReference === null) {
    throw hubError(
      "FORBIDDEN",
      "An employee cannot give a consent on someone's behalf. The person gives it signed in themselves; or record their signed " +
        "paper form with recordConsentForm, and it takes effect once a second member of the case attests it.",
    );
  }
  return { channel: "PAPER_FORM", formReference };
}

async function record(decision: ConsentDecision, input: GrantConsentInput | RefuseConsentInput, ctx: Context, formReference: string | null = null): Promise<ConsentRow> {
  const now = new Date();
  const who = signedIn(callerOf(ctx));
  const how = arrival(who, decision, formReference, ctx);
  const draft = validated(input, decision, now);

  let givenBy = draft.givenById;
  if (who.kind === "citizen") {
    if (givenBy !== null && givenBy !== who.personId) {
      throw hubError("FORBIDDEN", "You can only record a consent or refusal you give yourself. Leave givenById out, or ask a case member to record someone else's.");
    }
    givenBy = who.personId;
  } else if (givenBy === null) {
    throw hubError("BAD_USER_INPUT", "Say who gave or refused it (givenById): the person themselves, or a guardian with parental responsibility.", { field: "givenById" });
  }

  const found = await caseTakingPart(ctx, who, draft.caseId);
  if (who.kind === "employee") requireNoOtherPurpose(ctx, draft.caseId);
  if (found.status === "CLOSED") {
    throw hubError("CONFLICT", "The case is closed, so no new consent or refusal can be recorded in it. Open a new case if cooperation continues.");
  }

  const [subject, giver] = await ctx.loaders.personFacts.loadMany([draft.subjectId, givenBy]);
  if (subject instanceof Error) throw subject;
  if (giver instanceof Error) throw giver;
  if (!subject) throw hubError("NOT_FOUND", "No person with this subjectId is in the population register. Check the id.", { field: "subjectId" });
  if (!giver) throw hubError("NOT_FOUND", "No person with this givenById is in the population register. Check the id.", { field: "givenById" });

  const subjects = await ctx.loaders.subjectsOfCase.load(draft.caseId);
  if (!subjects.some((s) => s.personId === draft.subjectId)) {
    throw hubError("BAD_USER_INPUT", "The person is not a subject of this case. A consent in a case can only be about the persons the case is about.", { field: "subjectId" });
  }

  const problem = competenceProblem({
    subject,
    givenBy,
    capacity: draft.capacity,
    services: draft.services,
    childView: draft.childView,
    on: draft.validFrom.getTime() > now.getTime() ? draft.validFrom : now,
  });
  if (problem) throw hubError(problem.code, problem.message);

  const label = decision === "PERMIT" ? "The consent" : "The refusal";
  await beforeDecisionChange(ctx, label);
  const row = await ctx.loaders.write.recordConsent(
    {
      id: newId("cn"),
      caseId: draft.caseId,
      subjectPersonId: draft.subjectId,
      givenByPersonId: givenBy,
      capacity: draft.capacity,
      decision,
      services: draft.services,
      categories: draft.categories,
      validFrom: draft.validFrom,
      validTo: draft.validTo,
      childView: draft.childView,
      note: draft.note,
      recordedBy: recorderId(who),
      channel: how.channel,
      formReference: how.formReference,
    },
    // Inside the transaction, with the case locked: no opposite decision in force (now or later) may overlap.
    (opposite) => {
      const clash = opposite.find((c) => overlaps(c, draft, subject, now));
      if (!clash) return;
      const what = decision === "PERMIT" ? "refusal" : "consent";
      throw hubError(
        "CONFLICT",
        `A ${what} (id ${clash.id}) already covers some of these services and categories for this person in this case, ` +
          "for an overlapping period. Withdraw it first if the decision has changed, then record the new one.",
        { conflictingConsentId: clash.id },
      );
    },
    // Recorded by an employee, on the person's behalf or their child's: the one who gave it is told, to check it.
    (tx, row) =>
      who.kind === "employee"
        ? recordNotifications(tx, [
            { kind: "CONSENT_RECORDED", caseId: row.caseId, refId: row.id, consentId: row.id, event: row.id, recipients: [{ personId: row.givenByPersonId }], at: row.createdAt },
          ])
        : Promise.resolve(),
  );
  ctx.loaders.consentsOfCase.clear(row.caseId);
  ctx.loaders.consent.clear(row.id).prime(row.id, row);
  await afterDecisionChange(ctx, `${label} ${row.id}`, { consentId: row.id, caseId: row.caseId });
  // The answer carries the stored record (note, child's view): a release like a read, logged after the write as for a withdrawal.
  const [answer] = await released(ctx, who, [row]);
  return answer!;
}

/** Per request: each case is checked (and its look logged) once, however many consents name it. */
const casesSeen = new WeakMap<Context, Map<string, Promise<CaseRow | null>>>();

function visibleCaseOnce(ctx: Context, caseId: string): Promise<CaseRow | null> {
  let seen = casesSeen.get(ctx);
  if (!seen) casesSeen.set(ctx, (seen = new Map()));
  let found = seen.get(caseId);
  if (!found) seen.set(caseId, (found = ctx.loaders.case.load(caseId).then((row) => visibleCase(ctx, row))));
  return found;
}

/**
 * `caseTakingPart` for reading a case's consents, with the refusal logged for
 * the case's subjects (as `case(id)` logs it): a consent is their personal data.
 * An unknown case has no one to log for.
 */
async function consentsCaseTakingPart(ctx: Context, who: Signed, caseId: string): Promise<void> {
  try {
    await caseTakingPart(ctx, who, caseId);
  } catch (refusal) {
    const code = refusal instanceof GraphQLError ? refusal.extensions.code : undefined;
    if (code !== "NOT_FOUND" && code !== "FORBIDDEN") throw refusal;
    const subjects = (await ctx.loaders.case.load(caseId)) ? await ctx.loaders.subjectsOfCase.load(caseId) : [];
    await ctx.access.recordLocal(
      subjects.map((s) => s.personId),
      "CASE",
      { status: "RESTRICTED", reason: "NOT_A_MEMBER", basis: null },
      caseId,
    );
    throw refusal;
  }
}

/**
 * Why a consent record may be shown to the caller, as the access log names it.
 * The caller was checked before: an active member of its case (employee), or
 * for a citizen its subject, its giver, or the subject's guardian.
 */
function releaseReason(who: Signed, c: ConsentRow): DecidingReason {
  if (who.kind === "employee") return "CASE_MEMBERSHIP";
  if (c.subjectPersonId === who.personId) return "SELF";
  if (c.givenByPersonId === who.personId) return "CONSENT_GIVER";
  return "PARENTAL_RESPONSIBILITY";
}

/**
 * Logs the release of consent records before they leave the service (who
 * consented to what, the child's view and the note are personal data of the
 * subject and of the giver): one entry per person, case and reason, in
 * samhandling's access log under the category CASE. Throws
 * ACCESS_LOG_UNAVAILABLE, releasing nothing, when the log cannot be written.
 */
async function released(ctx: Context, who: Signed, rows: ConsentRow[]): Promise<ConsentRow[]> {
  const groups = new Map<string, { caseId: string; reason: DecidingReason; persons: Set<string> }>();
  for (const c of rows) {
    const reason = releaseReason(who, c);
    const key = `${c.caseId}\u0000${reason}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { caseId: c.caseId, reason, persons: new Set() }));
    group.persons.add(c.subjectPersonId).add(c.givenByPersonId);
  }
  await Promise.all(
    [...groups.values()].map((g) => ctx.access.recordLocal([...g.persons], "CASE", { status: "GRANTED", reason: g.reason, basis: basisNaming("CASE", g.caseId) }, g.caseId)),
  );
  return rows;
}

const consentNotFound = () => hubError("NOT_FOUND", "No consent has this id. Check the id, or list the case's consents.");

/** A consent of a case the employee takes part in; outside it, answered like an unknown id (the case's own NOT_FOUND would say it exists). */
async function consentInOwnCase(ctx: Context, who: Signed, id: string): Promise<ConsentRow> {
  const found = await ctx.loaders.consent.load(requiredId(id, "id"));
  if (!found) throw consentNotFound();
  await caseTakingPart(ctx, who, found.caseId).catch((refusal: unknown) => {
    throw refusal instanceof GraphQLError && refusal.extensions.code === "NOT_FOUND" ? consentNotFound() : refusal;
  });
  return found;
}

/** The children a citizen holds parental responsibility for and who are under 18 today. */
async function wardsOf(ctx: Context, personId: string): Promise<string[]> {
  const wards = await ctx.loaders.wards.load(personId);
  if (wards.length === 0) return [];
  const facts = await ctx.loaders.personFacts.loadMany([...wards]);
  const now = new Date();
  return facts.flatMap((f) => (f && !(f instanceof Error) && ageAt(f, now) < ADULT_AGE && f.guardians.some((g) => g.guardianId === personId && g.parentalResponsibility) ? [f.personId] : []));
}

/**
 * A consent a citizen may withdraw: one about them, one they gave, or one a
 * guardian gave about their child (under 18, with parental responsibility).
 * Anyone else's answers like an unknown id.
 */
async function consentOfCitizen(ctx: Context, personId: string, id: string): Promise<ConsentRow> {
  const found = await ctx.loaders.consent.load(requiredId(id, "id"));
  if (!found) throw consentNotFound();
  if (found.subjectPersonId === personId || found.givenByPersonId === personId) return found;
  if (found.capacity === "GUARDIAN" && (await wardsOf(ctx, personId)).includes(found.subjectPersonId)) return found;
  throw consentNotFound();
}

/** A directory name for an actor id (an employee's); null for a citizen's person id or an unknown id. */
async function employeeName(ctx: Context, actorId: string | null): Promise<string | null> {
  if (!actorId) return null;
  return (await ctx.loaders.employee.load(actorId))?.displayName ?? null;
}

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => [Consent], {
    description:
      "Every consent and refusal recorded in a case, newest first, withdrawn and expired ones included. " +
      "For the case's active members, asked within the case (X-Case-Id: the case's id, else PURPOSE_MISMATCH); " +
      "a citizen sees those about them, given by them, or given as guardian for their child.",
  })
  async consents(@Arg("caseId", () => ID, { description: "The coordination case." }) caseId: string, @Ctx() ctx: Context): Promise<ConsentRow[]> {
    const who = signedIn(callerOf(ctx));
    // Asked within another case, an employee gets nothing: the look would be logged under the wrong case.
    requireCaseScope(ctx, caseId);
    await consentsCaseTakingPart(ctx, who, caseId);
    const all = await ctx.loaders.consentsOfCase.load(caseId);
    if (who.kind === "employee") return released(ctx, who, all);
    const mine = all.filter((c) => c.subjectPersonId === who.personId || c.givenByPersonId === who.personId);
    const asGuardian = all.filter((c) => c.capacity === "GUARDIAN" && !mine.includes(c));
    if (asGuardian.length === 0) return released(ctx, who, mine);
    const facts = await ctx.loaders.personFacts.loadMany([...new Set(asGuardian.map((c) => c.subjectPersonId))]);
    const wards = new Set(
      facts.flatMap((f) =>
        f && !(f instanceof Error) && f.guardians.some((g) => g.guardianId === who.personId && g.parentalResponsibility) ? [f.personId] : [],
      ),
    );
    return released(ctx, who, all.filter((c) => mine.includes(c) || (c.capacity === "GUARDIAN" && wards.has(c.subjectPersonId))));
  }

  @Query(() => [Consent], {
    description:
      "For a citizen: every consent and refusal about them or given by them, and those given as guardian about a child they hold parental " +
      "responsibility for, in every case, newest first — with who recorded and who attested each. Any of them can be withdrawn.",
  })
  async myConsents(@Ctx() ctx: Context): Promise<ConsentRow[]> {
    const who = signedIn(callerOf(ctx));
    if (who.kind !== "citizen") {
      throw hubError("FORBIDDEN", "myConsents is for citizens signed in as themselves. As an employee, use consents(caseId) for a case you take part in.");
    }
    const wards = await wardsOf(ctx, who.personId);
    const [own, ...theirs] = await ctx.loaders.consentsOfPerson.loadMany([who.personId, ...wards]);
    const rows = [own, ...theirs.map((list) => (list instanceof Error ? list : list.filter((c) => c.capacity === "GUARDIAN" && wards.includes(c.subjectPersonId))))];
    const failed = rows.find((r): r is Error => r instanceof Error);
    if (failed) throw failed;
    const all = [...new Map((rows as ConsentRow[][]).flat().map((c) => [c.id, c])).values()];
    all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    return released(ctx, who, all);
  }

  @Mutation(() => Consent, {
    description:
      "Gives a consent (PERMIT) for the members of a case, as a citizen signed in: about yourself, or as a guardian with parental responsibility " +
      "for your child. It takes effect at once. Checks that you are competent: the person at 18+; a guardian with parental responsibility for a child, " +
      "with the child's own view from 7; the youth alone for HELSE from 16. An employee records a signed form with recordConsentForm instead.",
  })
  grantConsent(@Arg("input", () => GrantConsentInput, { description: "The consent." }) input: GrantConsentInput, @Ctx() ctx: Context) {
    return record("PERMIT", input, ctx);
  }

  @Mutation(() => Consent, {
    description:
      "Records a consent (PERMIT) from the person's signed paper form, with the form's reference (active members of the case). " +
      "It counts for nothing until a second active member of the case, not you, attests it (attestConsent); the person sees it at once among their consents.",
  })
  recordConsentForm(@Arg("input", () => RecordConsentFormInput, { description: "The consent on the form." }) input: RecordConsentFormInput, @Ctx() ctx: Context) {
    return record("PERMIT", input, ctx, requiredText(input.formReference, "formReference"));
  }

  @Mutation(() => Consent, {
    description:
      "Attests a consent recorded from a paper form: you have seen the signed form and it says what was recorded. From now on it counts. " +
      "Any active member of the case but the one who recorded it.",
  })
  async attestConsent(@Arg("id", () => ID, { description: "The consent recorded from a form." }) id: string, @Ctx() ctx: Context): Promise<ConsentRow> {
    const who = employee(ctx);
    const found = await consentInOwnCase(ctx, who, id);
    requireNoOtherPurpose(ctx, found.caseId);
    if (found.channel !== "PAPER_FORM") throw hubError("CONFLICT", "Only a consent recorded from a paper form is attested; this one was given by the person or is a refusal, and counts as it is.");
    if (found.recordedBy === who.actorId) {
      throw hubError("FORBIDDEN", "You recorded this form, so you cannot attest it too. Ask another active member of the case who has seen the signed form.");
    }
    if (found.withdrawnAt !== null) throw hubError("CONFLICT", "This consent has been withdrawn; there is nothing to attest.");
    if (found.attestedAt !== null) throw hubError("CONFLICT", "This consent is already attested.");
    await beforeDecisionChange(ctx, "The attestation");
    const row = await ctx.loaders.write.attestConsent(id, who.actorId, new Date());
    if (!row) throw hubError("CONFLICT", "The consent changed meanwhile (attested or withdrawn). Reload it.");
    ctx.loaders.consentsOfCase.clear(row.caseId);
    ctx.loaders.consent.clear(row.id).prime(row.id, row);
    await afterDecisionChange(ctx, `The attestation of ${row.id}`, { consentId: row.id, caseId: row.caseId });
    const [answer] = await released(ctx, who, [row]);
    return answer!;
  }

  @Mutation(() => Consent, {
    description:
      "Records a refusal (DENY) and its reason as the person said it: a citizen their own (or as guardian), an active member of the case the person's. " +
      "The same competence rules apply as for giving consent; a refusal takes effect at once.",
  })
  refuseConsent(@Arg("input", () => RefuseConsentInput, { description: "The refusal." }) input: RefuseConsentInput, @Ctx() ctx: Context) {
    return record("DENY", input, ctx);
  }

  @Mutation(() => Consent, {
    description:
      "Withdraws a consent or refusal; it stops applying from the next request. The person it is about, whoever gave it, and a guardian with " +
      "parental responsibility (for a consent given as guardian) may withdraw it; an active member of the case may record a withdrawal on the person's behalf.",
  })
  async withdrawConsent(@Arg("id", () => ID, { description: "The consent's id." }) id: string, @Ctx() ctx: Context): Promise<ConsentRow> {
    const caller = callerOf(ctx);
    const who = signedIn(caller);
    requireConsentAssurance(caller);
    const found = who.kind === "citizen" ? await consentOfCitizen(ctx, who.personId, id) : await consentInOwnCase(ctx, who, id);
    if (who.kind !== "citizen") requireNoOtherPurpose(ctx, found.caseId);
    const alreadyWithdrawn = () =>
      hubError("CONFLICT", "This consent has already been withdrawn. Nothing more to do; record a new consent if the person wants to share again.");
    if (found.withdrawnAt != null) throw alreadyWithdrawn();
    await beforeDecisionChange(ctx, "The withdrawal");
    const row = await ctx.loaders.write.withdrawConsent(id, recorderId(who), new Date());
    if (!row) throw alreadyWithdrawn();
    ctx.loaders.consentsOfCase.clear(row.caseId);
    ctx.loaders.consent.clear(row.id).prime(row.id, row);
    await afterDecisionChange(ctx, `The withdrawal of ${row.id}`, { consentId: row.id, caseId: row.caseId });
    // Logged after the withdrawal, not before: an unwritable log must never keep a consent in force.
    // The answer carries the stored record (note, child's view), so it is a release like a read.
    const [answer] = await released(ctx, who, [row]);
    return answer!;
  }

  @FieldResolver(() => CoordinationCase, {
    nullable: true,
    description: "The case whose members the consent is for; null when the caller no longer takes part in it (as `case(id)`).",
  })
  async case(@Root() c: ConsentRow, @Ctx() ctx: Context): Promise<CaseRow | null> {
    // A consent outlives the caller's part in its case (removed from it, parental responsibility ended):
    // the consent may still be theirs to see, the case's members, meetings and plan are not.
    return visibleCaseOnce(ctx, c.caseId);
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: "The person the consent is about; null when the caller may not see them in the register." })
  subject(@Root() c: ConsentRow): PersonRef {
    return { id: c.subjectPersonId };
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: "The person who gave or refused it: the subject, or a guardian; null when the caller may not see them in the register." })
  givenBy(@Root() c: ConsentRow): PersonRef {
    return { id: c.givenByPersonId };
  }

  @FieldResolver(() => [ServiceName], {
    description:
      "The services it counts for now: none unless active; otherwise its services the giver is still competent for " +
      "(a guardian's consent stops counting for HELSE when the youth turns 16, and altogether at 18).",
  })
  effectiveServices(@Root() c: ConsentRow, @Ctx() ctx: Context): Promise<ServiceName[]> {
    return servicesInForceNow(c, ctx);
  }

  @FieldResolver(() => Boolean, {
    description: "Recorded from a paper form and not yet attested by a second member of the case: until then it counts for nothing.",
  })
  pending(@Root() c: ConsentRow): boolean {
    return !isPersonsAct(c);
  }

  @FieldResolver(() => String, { nullable: true, description: "The directory name of the employee who recorded it; null when the person gave it themselves." })
  recordedByName(@Root() c: ConsentRow, @Ctx() ctx: Context): Promise<string | null> {
    return c.channel === "DIGITAL" ? Promise.resolve(null) : employeeName(ctx, c.recordedBy);
  }

  @FieldResolver(() => String, { nullable: true, description: "The directory name of the member who attested the form; null until attested." })
  attestedByName(@Root() c: ConsentRow, @Ctx() ctx: Context): Promise<string | null> {
    return employeeName(ctx, c.attestedBy);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether it applies now: the person's own act (given by them, or an attested form), started, not expired, not withdrawn, " +
      "and its giver still competent for at least one of its services.",
  })
  async active(@Root() c: ConsentRow, @Ctx() ctx: Context): Promise<boolean> {
    return (await servicesInForceNow(c, ctx)).length > 0;
  }
}
