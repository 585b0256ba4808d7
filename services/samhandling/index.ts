// samhandling: coordination cases (BTI, ansvarsgruppe), their subjects and members.
import "reflect-metadata";
import { FamilyRef, PersonRef } from "../kit/entities.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { createClient, samhandlingLoaders, type SamhandlingClient, type SamhandlingLoaders } from "./data.ts";
import { CaseMemberResolver, CaseResolver, FamilyCasesResolver, PersonCasesResolver } from "./resolvers.ts";

export const samhandling: SubgraphDefinition<SamhandlingClient, SamhandlingLoaders> = {
  service: "samhandling",
  resolvers: [CaseResolver, CaseMemberResolver, PersonCasesResolver, FamilyCasesResolver],
  orphanedTypes: [PersonRef, FamilyRef],
  createClient,
  loaders: samhandlingLoaders,
  seed: (world) => world.samhandling,
};

main(samhandling);
