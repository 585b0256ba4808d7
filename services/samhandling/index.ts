// samhandling: coordination cases (BTI, ansvarsgruppe, investeringsteam), their subjects, members,
// baton, stafettlogg, meetings and plan, consents,
// and the consent decision endpoint every other subgraph asks.
import "reflect-metadata";
import { FamilyRef, PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition, type SubgraphDeps } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient, type SamhandlingLoaders } from "./data.ts";
import { DecisionResolver, localDecisions } from "./decisions.ts";
import { registryPersonFacts, type RequestScopedFacts } from "./registry-facts.ts";
import { CaseMemberResolver, CaseResolver, ConsentResolver, FamilyCasesResolver, PersonCasesResolver } from "./resolvers.ts";
import { BatonResolver, CaseBatonResolver } from "./coordination/baton.ts";
import { CaseWorkResolver } from "./coordination/cases.ts";
import { FollowUpResolver, GoalResolver, MeetingDecisionResolver, MeetingResolver } from "./coordination/meetings.ts";
import { CaseStafettloggResolver, StafettloggResolver } from "./coordination/stafettlogg.ts";

const facts = new WeakMap<object, RequestScopedFacts>();
/** One request-scoped facts source per internal client (i.e. per process). */
const factsFor = (deps: SubgraphDeps) => {
  let found = facts.get(deps.internal);
  if (!found) facts.set(deps.internal, (found = registryPersonFacts(deps.internal)));
  return found;
};

export const samhandling: SubgraphDefinition<SamhandlingClient, SamhandlingLoaders> = {
  service: "samhandling",
  resolvers: [
    CaseResolver,
    CaseMemberResolver,
    PersonCasesResolver,
    FamilyCasesResolver,
    ConsentResolver,
    DecisionResolver,
    CaseWorkResolver,
    BatonResolver,
    CaseBatonResolver,
    StafettloggResolver,
    CaseStafettloggResolver,
    MeetingResolver,
    MeetingDecisionResolver,
    GoalResolver,
    FollowUpResolver,
    accessLogResolver("samhandling", PersonRef),
  ],
  orphanedTypes: [PersonRef, FamilyRef],
  createClient,
  loaders: (db, deps) => samhandlingLoaders(db, factsFor(deps).forRequest(deps.requestId)),
  decisions: (db, deps) => localDecisions(db, factsFor(deps)),
};

main(samhandling, { seed: demoSeed("samhandling") });
