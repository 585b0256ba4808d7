// nav: NAV's follow-up of a person — veileder, social assistance, KVP, IPS, housing.
import "reflect-metadata";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, navLoaders, type NavClient, type NavLoaders } from "./data.ts";
import { PersonNavResolver } from "./resolvers.ts";
import { PersonRef } from "../kit/entities.ts";
import { navWrites } from "./writes.ts";

export const nav: SubgraphDefinition<NavClient, NavLoaders> = {
  service: "nav",
  resolvers: [PersonNavResolver, accessLogResolver("nav", PersonRef), navWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: navLoaders,
  writes: navWrites,
};

main(nav, { seed: demoSeed("nav") });
