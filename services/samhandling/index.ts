// samhandling: coordination cases (BTI, ansvarsgruppe), their subjects and members, consents,
// and the consent decision endpoint every other subgraph asks.
import "reflect-metadata";
import { FamilyRef, PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition, type SubgraphDeps } from "../kit/subgraph.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient, type SamhandlingLoaders } from "./data.ts";
import { DecisionResolver, localDecisions } from "./decisions.ts";
import { registryPersonFacts, type RequestScopedFacts } from "./registry-facts.ts";
import { CaseMemberResolver, CaseResolver, ConsentResolver, FamilyCasesResolver, PersonCasesResolver } from "./resolvers.ts";

const facts = new WeakMap<object, RequestScopedFacts>();
/** One request-scoped facts source per internal client (i.e. per process). */
const factsFor = (deps: SubgraphDeps) => {
  let found = facts.get(deps.internal);
  if (!found) facts.set(deps.internal, (found = registryPersonFacts(deps.internal)));
  return found;
};

export const samhandling: SubgraphDefinition<SamhandlingClient, SamhandlingLoaders> = {
  service: "samhandling",
  resolvers: [CaseResolver, CaseMemberResolver, PersonCasesResolver, FamilyCasesResolver, ConsentResolver, DecisionResolver, accessLogResolver("samhandling", PersonRef)],
  orphanedTypes: [PersonRef, FamilyRef],
  createClient,
  loaders: (db, deps) => samhandlingLoaders(db, factsFor(deps).forRequest(deps.requestId)),
  decisions: (db, deps) => localDecisions(db, factsFor(deps)),
  seed: (world) => world.samhandling,
};

main(samhandling);
