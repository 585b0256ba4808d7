// skole: kindergarten and school — enrolment, contact teacher, PPT, OT, absence.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { skoleWrites } from "./writes.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, skoleLoaders, type SkoleClient, type SkoleLoaders } from "./data.ts";
import { PersonSkoleResolver } from "./resolvers.ts";

export const skole: SubgraphDefinition<SkoleClient, SkoleLoaders> = {
  service: "skole",
  resolvers: [PersonSkoleResolver, accessLogResolver("skole", PersonRef), skoleWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: skoleLoaders,
  writes: skoleWrites,
};

main(skole, { seed: demoSeed("skole") });
