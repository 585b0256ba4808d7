// helse: helsestasjon, school health, fastlege, mental health and substance services — contacts, never diagnoses.
import "reflect-metadata";
import { PersonRef } from "../kit/entities.ts";
import { helseWrites } from "./writes.ts";
import { accessLogResolver } from "../kit/access-log-api.ts";
import { main, type SubgraphDefinition } from "../kit/subgraph.ts";
import { demoSeed } from "../../demo/seed.ts";
import { createClient, helseLoaders, type HelseClient, type HelseLoaders } from "./data.ts";
import { PersonHelseResolver } from "./resolvers.ts";

export const helse: SubgraphDefinition<HelseClient, HelseLoaders> = {
  service: "helse",
  resolvers: [PersonHelseResolver, accessLogResolver("helse", PersonRef), helseWrites.resolver],
  orphanedTypes: [PersonRef],
  createClient,
  loaders: helseLoaders,
  writes: helseWrites,
};

main(helse, { seed: demoSeed("helse") });
