// ppt: PP-tjenesten (the educational-psychological service) — referrals, expert assessments and what they recommend.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, pptLoaders, type PptClient, type PptLoaders } from "./data.ts";
import { PersonPptResolver } from "./resolvers.ts";
import { pptWrites } from "./writes.ts";

export const ppt: SubgraphDefinition<PptClient, PptLoaders> = {
  service: "ppt",
  resolvers: [PersonPptResolver, accessLogResolver("ppt", PersonRef), pptWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: pptLoaders,
  writes: pptWrites,
};

main(ppt, { seed: demoSeed("ppt") });
