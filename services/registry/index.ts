// registry: owns Person and Family — names, birth dates, households, guardianship.
import "reflect-metadata";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { Person } from "./types.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, registryLoaders, type RegistryClient, type RegistryLoaders } from "./data.ts";
import { PersonSearchResolver } from "./search.ts";
import { SignInResolver } from "./sign-in.ts";
import { FamilyMemberResolver, FamilyResolver, GuardianshipResolver, PersonFactsResolver, PersonResolver, visibleFamily, visiblePerson } from "./resolvers.ts";

export const registry: SubgraphDefinition<RegistryClient, RegistryLoaders> = {
  service: "registry",
  resolvers: [PersonResolver, FamilyResolver, FamilyMemberResolver, GuardianshipResolver, PersonFactsResolver, SignInResolver, PersonSearchResolver, accessLogResolver("registry", Person)],
  references: {
    Person: (ref, ctx) => visiblePerson(ctx, ref.id),
    Family: (ref, ctx) => visibleFamily(ctx, ref.id),
  },
  createClient,
  loaders: registryLoaders,
};

main(registry, { seed: demoSeed("registry") });
