// frivillighet: the voluntary sector — activities, mentors, fritidskort, trusted persons.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { frivillighetWrites } from "./writes.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, frivillighetLoaders, type FrivillighetClient, type FrivillighetLoaders } from "./data.ts";
import { PersonFrivillighetResolver } from "./resolvers.ts";

export const frivillighet: SubgraphDefinition<FrivillighetClient, FrivillighetLoaders> = {
  service: "frivillighet",
  resolvers: [PersonFrivillighetResolver, accessLogResolver("frivillighet", PersonRef), frivillighetWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: frivillighetLoaders,
  writes: frivillighetWrites,
};

main(frivillighet, { seed: demoSeed("frivillighet") });
