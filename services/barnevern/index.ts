// barnevern: child welfare's involvement — case phase, caseworker, measures.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { barnevernWrites } from "./writes.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { barnevernLoaders, createClient, type BarnevernClient, type BarnevernLoaders } from "./data.ts";
import { PersonBarnevernResolver } from "./resolvers.ts";

export const barnevern: SubgraphDefinition<BarnevernClient, BarnevernLoaders> = {
  service: "barnevern",
  resolvers: [PersonBarnevernResolver, accessLogResolver("barnevern", PersonRef), barnevernWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: barnevernLoaders,
  writes: barnevernWrites,
};

main(barnevern, { seed: demoSeed("barnevern") });
