// skole: kindergarten and school — enrolment, contact teacher, PPT, OT, absence.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, skoleLoaders, type SkoleClient, type SkoleLoaders } from "./data.ts";
import { PersonSkoleResolver } from "./resolvers.ts";

export const skole: SubgraphDefinition<SkoleClient, SkoleLoaders> = {
  service: "skole",
  resolvers: [PersonSkoleResolver, accessLogResolver("skole", PersonRef)],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: skoleLoaders,
};

main(skole, { seed: demoSeed("skole") });
