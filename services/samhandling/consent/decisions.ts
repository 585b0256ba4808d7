// The decision endpoint: every subgraph asks here, once per request, whether
// an actor may see categories of its data about persons for a case. Internal:
// @inaccessible keeps it out of the public graph, and only signed calls from
// another subgraph are answered.
import { Arg, Ctx, Directive, Field, ID, InputType, ObjectType, Query, Resolver } from "type-graphql";
import { AccessStatus } from "../../kit/access.ts";
import { callerFromClaims, type Caller } from "../../kit/auth/caller.ts";
import { isServiceName } from "../../kit/catalog.ts";
import { DATA_CATEGORIES, type AccessCategory } from "../../kit/categories.ts";
import { decisionActor, type Decision, type DecisionQuestion, type DecisionRequest, type DecisionSource } from "../../kit/decisions.ts";
import { hubError } from "../../kit/errors.ts";
import type { SubgraphContext } from "../../kit/subgraph.ts";
import type { SamhandlingClient } from "../data.ts";
import type { PersonFacts } from "../person-facts.ts";
import { decide, type CaseFacts, type ConsentFacts, type DecisionActor, type RequestFacts } from "./decide.ts";
import { isInformationRequestId } from "./information-requests.ts";
import type { RequestScopedFacts } from "./registry-facts.ts";

@Directive("@inaccessible")
@InputType({ description: "The end user a decision is for, as the asking subgraph received them." })
export class DecisionActorInput {
  @Field(() => String, { description: "Actor id (token subject)." })
  id!: string;

  @Field(() => String, { description: "The actor's service, or citizen." })
  service!: string;

  @Field(() => [String], { description: "The actor's roles." })
  roles!: string[];

  @Field(() => ID, { nullable: true, description: "For a citizen: the registry person id." })
  personId?: string | null;
}

@Directive("@inaccessible")
@InputType({ description: "One question: may the actor see this category of this service's data about this person?" })
export class DecisionQuestionInput {
  @Field(() => ID, { description: "The person the data is about." })
  personId!: string;

  @Field(() => String, { description: "The service holding the data (registry, nav, …)." })
  service!: string;

  @Field(() => String, { description: "The data category." })
  category!: string;
}

@Directive("@inaccessible")
@ObjectType({ description: "Internal: a decision as the decision endpoint answers it, with how long it may be cached." })
export class DecisionAnswer {
  @Field(() => AccessStatus, { description: "Granted or restricted." })
  status!: AccessStatus;

  @Field(() => String, { description: "The rule that decided, as a stable code." })
  reason!: string;

  @Field(() => String, { nullable: true, description: "The consent or legal basis that decided it." })
  basis?: string | null;

  @Field(() => String, { nullable: true, description: "ISO instant after which time alone may change the answer; caches stop there." })
  validUntil?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Granted on an extraordinary basis (an information request): flag the release for review." })
  extraordinary?: boolean | null;

  @Field(() => [ID], { nullable: true, description: "Innsyn (ACCESS_LOG) by a guardian: the open information requests whose releases are withheld until they close." })
  withhold?: string[] | null;
}

async function caseFacts(db: SamhandlingClient, caseId: string): Promise<CaseFacts | null> {
  const found = await db.coordinationCase.findUnique({
    where: { id: caseId },
    select: {
      status: true,
      subjects: { select: { personId: true } },
      // An employee deactivated in the directory is no active member.
      members: { where: { leftAt: null, OR: [{ actorId: null }, { employee: { active: true } }] }, select: { actorId: true, personId: true } },
    },
  });
  if (!found) return null;
  return {
    open: found.status === "OPEN",
    activeMemberActorIds: new Set(found.members.flatMap((m) => (m.actorId ? [m.actorId] : []))),
    memberPersonIds: new Set(found.members.flatMap((m) => (m.personId ? [m.personId] : []))),
    subjectIds: new Set(found.subjects.map((s) => s.personId)),
  };
}

async function requestFacts(db: SamhandlingClient, id: string): Promise<RequestFacts | null> {
  const found = await db.informationRequest.findUnique({
    where: { id },
    include: { members: { where: { employee: { active: true } }, select: { actorId: true } } },
  });
  if (!found) return null;
  const { members, ...request } = found;
  return { ...request, memberActorIds: new Set(members.map((m) => m.actorId)) };
}

interface CaseState {
  theCase: CaseFacts | null;
  consents: ConsentFacts[];
  request: RequestFacts | null;
}

/** The declared purpose's state: an information request's, or a case's with every consent recorded in it. */
async function purposeState(db: SamhandlingClient, id: string): Promise<CaseState> {
  if (isInformationRequestId(id)) return { theCase: null, consents: [], request: await requestFacts(db, id) };
  const [theCase, consents] = await Promise.all([caseFacts(db, id), db.consent.findMany({ where: { caseId: id } })]);
  return { theCase, consents, request: null };
}

/** How long one request's case state is shared by the decision calls of its subgraphs. */
const REQUEST_MEMO_MS = 5_000;

/**
 * The declared case's state — members, subjects, every consent recorded in
 * it — read once per request: the five view services and registry each ask
 * for decisions during the same gateway request, and all of them are then
 * decided from one snapshot with one pair of queries.
 */
function caseStatePerRequest(db: SamhandlingClient) {
  const memo = new Map<string, { expires: number; state: Promise<CaseState> }>();
  return (requestId: string, caseId: string): Promise<CaseState> => {
    const now = Date.now();
    for (const [key, entry] of memo) if (entry.expires < now) memo.delete(key);
    const key = `${requestId}\u0000${caseId}`;
    let entry = memo.get(key);
    if (!entry) {
      const state = purposeState(db, caseId);
      // A failed read is forgotten, so the next asker tries again.
      state.catch(() => memo.delete(key));
      memo.set(key, (entry = { expires: now + REQUEST_MEMO_MS, state }));
    }
    return entry.state;
  };
}

/** Decides from samhandling's own database and registry's person facts. */
export function localDecisions(db: SamhandlingClient, facts: RequestScopedFacts): DecisionSource {
  const caseState = caseStatePerRequest(db);
  return {
    async decide(request: DecisionRequest, questions: readonly DecisionQuestion[]): Promise<Decision[]> {
      if (questions.length === 0) return [];
      const actor = decisionActor(request.caller) as DecisionActor | null;
      const caseId = request.purpose?.caseId ?? null;
      const personIds = [...new Set(questions.map((q) => q.personId))];
      const { theCase, consents: all, request: declaredRequest } = caseId ? await caseState(request.requestId, caseId) : { theCase: null, consents: [], request: null };
      const asked = new Set(personIds);
      const consents = all.filter((c) => asked.has(c.subjectPersonId));
      // Registry facts are needed only where age or guardianship can change the answer.
      const needsFacts = actor !== null && (actor.service === "citizen" || declaredRequest !== null || consents.length > 0);
      // A guardian's innsyn withholds what open information requests about the child released.
      const innsyn = actor?.service === "citizen" && questions.some((q) => q.category === "ACCESS_LOG");
      const [personFacts, openRequests] = await Promise.all([
        needsFacts ? facts.forRequest(request.requestId).load(personIds) : new Map<string, PersonFacts>(),
        innsyn ? db.informationRequest.findMany({ where: { childPersonId: { in: personIds }, closedAt: null, validTo: { gt: new Date() } }, select: { id: true, childPersonId: true, validTo: true } }) : [],
      ]);
      return decide({ actor, caseId, questions, now: new Date(), caseFacts: theCase, consents, personFacts, request: declaredRequest, openRequests });
    },
  };
}

type Context = SubgraphContext<unknown>;

const ACCESS_CATEGORIES: readonly AccessCategory[] = [...DATA_CATEGORIES, "ACCESS_LOG"];

function validQuestion(q: DecisionQuestionInput): DecisionQuestion {
  if (!isServiceName(q.service) || !(ACCESS_CATEGORIES as readonly string[]).includes(q.category)) {
    throw hubError("BAD_USER_INPUT", "A decision question names an unknown service or data category.");
  }
  return { personId: q.personId, service: q.service, category: q.category as AccessCategory };
}

function actorCaller(actor: DecisionActorInput | null): Caller {
  if (!actor) return { kind: "anonymous" };
  const claims = { sub: actor.id, name: actor.id, service: actor.service, roles: actor.roles, personId: actor.personId ?? undefined };
  return callerFromClaims(claims, undefined);
}

@Resolver()
export class DecisionResolver {
  @Directive("@inaccessible")
  @Query(() => [DecisionAnswer], { description: "Internal: consent decisions for many questions at once, in order. Only for other subgraphs." })
  _decide(
    @Arg("actor", () => DecisionActorInput, { nullable: true, description: "The end user; null when anonymous." }) actor: DecisionActorInput | null,
    @Arg("caseId", () => ID, { nullable: true, description: "The declared purpose." }) caseId: string | null,
    @Arg("questions", () => [DecisionQuestionInput], { description: "The questions." }) questions: DecisionQuestionInput[],
    @Ctx() ctx: Context,
  ): Promise<Decision[]> {
    if (ctx.caller.kind !== "service") throw hubError("FORBIDDEN", "Decisions are answered only to the hub's own services.");
    return ctx.access.ask(actorCaller(actor), caseId ? { caseId } : null, questions.map(validQuestion));
  }
}
