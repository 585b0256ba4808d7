// The involvement signal, after the Dutch Verwijsindex: when a service starts
// an involvement with a person (its write API, services/kit/writes/), it tells
// samhandling — the person, the service and its front door, nothing more —
// and samhandling records a signal in every open case the person is a subject
// of whose consent covers that service's INVOLVEMENT, decided by the same
// rules as every view (decide.ts). The case's stafettholder sees them
// (`CoordinationCase.involvementSignals`), as long as a consent still covers
// them; the notifications deliver them (`deliveredAt`). A signal never says
// what the service does, and the service never learns whether one was made.
import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { Prisma, InvolvementSignal as SignalRow } from "../../../prisma/samhandling/generated/client.ts";
import { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { VIEW_SERVICES, type ViewService } from "../../kit/catalog.ts";
import type { Decision } from "../../kit/decisions.ts";
import { PersonRef } from "../../kit/entities.ts";
import { hubError } from "../../kit/errors.ts";
import { DateScalar, DateTimeScalar } from "../../kit/scalars.ts";
import type { Context } from "../context.ts";
import { newId } from "../input.ts";
import type { PersonFacts } from "../person-facts.ts";
import { CoordinationCase } from "../cases/types.ts";
import { present, type CaseRow } from "../cases/visibility.ts";
import { decide, type ConsentFacts } from "./decide.ts";
import { memberRecipient, recordNotifications } from "../notifications/record.ts";
import { basisNaming, shownBasis } from "../../kit/access-values.ts";

@Directive("@inaccessible")
@InputType("InvolvementStartInput", { description: "Internal: an involvement a service started (services/kit/writes/signals.ts)." })
export class InvolvementStartInput {
  @Field(() => ID, { description: "The involvement's id in the service's register." })
  involvementId!: string;

  @Field(() => ID, { description: "The person." })
  personId!: string;

  @Field(() => DateScalar, { description: "The day it started." })
  startedOn!: Date;

  @Field(() => String, { description: "The service's front door for it." })
  frontDoorName!: string;

  @Field(() => String, { description: "Its telephone number." })
  frontDoorPhone!: string;
}

@ObjectType("FrontDoor", { description: "A service's front door: its reception or the municipality's koordinerende enhet — never a person or a unit." })
export class FrontDoor {
  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => String, { description: "Its telephone number." })
  phone!: string;
}

@ObjectType("InvolvementSignal", {
  description:
    "A service has started an involvement with a subject of the case, and the case's consent covers that service's INVOLVEMENT: invite them through the front door. The fact and whom to call, nothing about what the service does.",
})
export class InvolvementSignal {
  @Field(() => ID, { description: "Opaque id." })
  id!: string;

  @Field(() => ServiceName, { description: "The service now involved." })
  service!: ServiceName;

  @Field(() => PersonRef, { description: "The subject it is involved with." })
  person!: PersonRef;

  @Field(() => FrontDoor, { description: "Whom to call there." })
  frontDoor!: FrontDoor;

  @Field(() => DateTimeScalar, { description: "When the hub learned of it." })
  signalledAt!: Date;
}

/**
 * Asks the consent rules as a member of the case with no legal basis of its
 * own (no service's own records, no duty to inform): so only a consent that
 * covers the service's INVOLVEMENT for the person, given by someone
 * competent for them, in force now, can answer yes.
 */
const CONSENT_ONLY_ACTOR = "samhandling:involvement-signal";

interface CaseConsents {
  caseId: string;
  subjectIds: ReadonlySet<string>;
  consents: readonly ConsentFacts[];
}

/** The consent that lets the case's members know that `service` is involved with the person now, or null. */
function coveringConsent(theCase: CaseConsents, personId: string, service: ViewService, personFacts: ReadonlyMap<string, PersonFacts>, now: Date): string | null {
  const [decision] = decide({
    actor: { id: CONSENT_ONLY_ACTOR, service: "samhandling", roles: [], personId: null },
    caseId: theCase.caseId,
    questions: [{ personId, service, category: "INVOLVEMENT" }],
    now,
    caseFacts: { open: true, activeMemberActorIds: new Set([CONSENT_ONLY_ACTOR]), memberPersonIds: new Set(), subjectIds: theCase.subjectIds },
    consents: theCase.consents,
    personFacts,
  }) as [Decision];
  const { basis, basisReference } = shownBasis(decision.basis);
  return decision.status === "GRANTED" && decision.reason === "CONSENT" && basis === "CONSENT" ? basisReference : null;
}

const isViewService = (value: string): value is ViewService => (VIEW_SERVICES as readonly string[]).includes(value);
const upper = (service: ViewService) => service.toUpperCase() as ServiceName;
const lower = (service: ServiceName) => service.toLowerCase() as ViewService;

async function caseConsents(ctx: Context, theCase: CaseRow): Promise<CaseConsents> {
  const [subjects, consents] = await Promise.all([ctx.loaders.subjectsOfCase.load(theCase.id), ctx.loaders.consentsOfCase.load(theCase.id)]);
  return { caseId: theCase.id, subjectIds: new Set(subjects.map((s) => s.personId)), consents };
}

async function personFactsOf(ctx: Context, personIds: readonly string[]): Promise<Map<string, PersonFacts>> {
  const facts = await ctx.loaders.personFacts.loadMany([...new Set(personIds)]);
  return new Map(present(facts).map((f) => [f.personId, f]));
}

/** At most this many starts in one call (the kit sends 500). */
const MAX_STARTS = 500;

@Resolver()
export class InvolvementSignalResolver {
  @Directive("@inaccessible")
  @Mutation(() => Int, {
    description:
      "Internal: a service tells of involvements it started; a signal is recorded in each open case the person is a subject of whose consent covers the service's INVOLVEMENT. Answers how many were recorded, to the service itself only.",
  })
  async _involvementStarted(
    @Arg("service", () => String, { description: "The service, as the caller." }) service: string,
    @Arg("starts", () => [InvolvementStartInput], { description: "The starts." }) starts: InvolvementStartInput[],
    @Ctx() ctx: Context,
  ): Promise<number> {
    const caller = ctx.caller;
    if (caller.kind !== "service" || caller.service !== service || !isViewService(service)) {
      throw hubError("FORBIDDEN", "Only a service itself tells of the involvements it started, over the hub's signed internal calls.");
    }
    if (starts.length > MAX_STARTS) throw hubError("BAD_USER_INPUT", `At most ${MAX_STARTS} starts in one call.`, { field: "starts" });
    const personIds = [...new Set(starts.map((s) => s.personId))];
    const subjectOf = present(await ctx.loaders.casesOfSubject.loadMany(personIds)).flat();
    const cases = present(await ctx.loaders.case.loadMany([...new Set(subjectOf.map((s) => s.caseId))])).filter((c) => c.status === "OPEN");
    if (cases.length === 0) return 0;
    const [facts, consents] = await Promise.all([personFactsOf(ctx, personIds), Promise.all(cases.map((c) => caseConsents(ctx, c)))]);
    const now = new Date();
    const rows = consents.flatMap((theCase) =>
      starts.flatMap((start) => {
        if (!theCase.subjectIds.has(start.personId)) return [];
        const consentId = coveringConsent(theCase, start.personId, service, facts, now);
        if (!consentId) return [];
        const { frontDoorName, frontDoorPhone, involvementId, personId, startedOn } = start;
        return [{ id: newId("signal"), caseId: theCase.caseId, personId, service: upper(service), frontDoorName, frontDoorPhone, consentId, involvementId, startedOn, signalledAt: now }];
      }),
    );
    if (rows.length === 0) return 0;
    const created = await ctx.loaders.recordSignals(rows, (tx, signals) => tellHolders(tx, signals, now));
    const count = created.length;
    // Each signal names the consent that let the service's involvement into the case: the person and the auditors see it.
    await Promise.all(rows.map((r) => ctx.access.recordLocal([r.personId], "INVOLVEMENT", { status: "GRANTED", reason: "INVOLVEMENT_SIGNAL", basis: basisNaming("CONSENT", r.consentId) })));
    return count;
  }
}

/**
 * Tells each new signal's case holder (the stafettholder or coordinator), in the signals' transaction,
 * and marks the signals delivered. A case whose baton no one holds keeps its signals undelivered.
 */
async function tellHolders(tx: Prisma.TransactionClient, signals: readonly SignalRow[], now: Date): Promise<void> {
  if (signals.length === 0) return;
  const cases = await tx.coordinationCase.findMany({ where: { id: { in: [...new Set(signals.map((s) => s.caseId))] } }, select: { id: true, holderMemberId: true } });
  const holderIds = cases.flatMap((c) => (c.holderMemberId ? [c.holderMemberId] : []));
  const holders = await tx.caseMember.findMany({ where: { id: { in: holderIds }, leftAt: null, employee: { active: true } }, select: { id: true, caseId: true, actorId: true, personId: true } });
  const holderOf = new Map(holders.map((h) => [h.caseId, h]));
  const told = signals.filter((s) => holderOf.has(s.caseId));
  await recordNotifications(
    tx,
    told.map((s) => ({ kind: "INVOLVEMENT_SIGNAL", caseId: s.caseId, refId: s.id, consentId: s.consentId, event: s.id, recipients: memberRecipient(holderOf.get(s.caseId)!), at: s.signalledAt })),
  );
  if (told.length > 0) await tx.involvementSignal.updateMany({ where: { id: { in: told.map((s) => s.id) } }, data: { deliveredAt: now } });
}

@Resolver(() => CoordinationCase)
export class CaseInvolvementSignalsResolver {
  @FieldResolver(() => [InvolvementSignal], {
    nullable: true,
    description:
      "Services that started an involvement with a subject while the case's consent covered their INVOLVEMENT, newest first — while a consent still covers it. For the case's stafettholder (the holder of the baton) only; null for everyone else.",
  })
  async involvementSignals(@Root() theCase: CaseRow, @Ctx() ctx: Context): Promise<InvolvementSignal[] | null> {
    const caller = ctx.caller;
    if (caller.kind !== "actor" || theCase.status !== "OPEN" || !theCase.holderMemberId) return null;
    const holder = (await ctx.loaders.membersOfCase.load(theCase.id)).find((m) => m.id === theCase.holderMemberId && m.leftAt === null);
    if (!holder || holder.actorId !== caller.claims.sub) return null;
    const signals = await ctx.loaders.signalsOfCase.load(theCase.id);
    if (signals.length === 0) return [];
    const [consents, facts] = await Promise.all([caseConsents(ctx, theCase), personFactsOf(ctx, signals.map((s) => s.personId))]);
    const now = new Date();
    const covered = signals.flatMap((s) => {
      const consentId = coveringConsent(consents, s.personId, lower(s.service), facts, now);
      return consentId ? [{ signal: s, consentId }] : [];
    });
    await Promise.all(covered.map(({ signal, consentId }) => ctx.access.recordLocal([signal.personId], "INVOLVEMENT", { status: "GRANTED", reason: "CONSENT", basis: basisNaming("CONSENT", consentId) })));
    return covered.map(({ signal }) => shown(signal));
  }
}

function shown(row: SignalRow): InvolvementSignal {
  return { id: row.id, service: row.service, person: { id: row.personId }, frontDoor: { name: row.frontDoorName, phone: row.frontDoorPhone }, signalledAt: row.signalledAt };
}
