// bolig: the municipality's housing office (boligkontoret) — applications for municipal housing, bostøtte,
// the boveileder, temporary housing and the risk of eviction.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { boligLoaders, createClient, type BoligClient, type BoligLoaders } from "./data.ts";
import { PersonBoligResolver } from "./resolvers.ts";
import { boligWrites } from "./writes.ts";

export const bolig: SubgraphDefinition<BoligClient, BoligLoaders> = {
  service: "bolig",
  resolvers: [PersonBoligResolver, accessLogResolver("bolig", PersonRef), boligWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: boligLoaders,
  writes: boligWrites,
};

main(bolig, { seed: demoSeed("bolig") });
