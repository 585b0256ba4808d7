// Turns a type-graphql schema into an Apollo Federation 2 subgraph schema.
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { buildSubgraphSchema, type GraphQLResolverMap } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import { errorCodeSdl } from "./error-code-enum.ts";

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])';

// type-graphql wants a class constructor; its own type is not exported.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ClassType = Function;

export interface FederatedSchemaOptions<Context> {
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  /** `__resolveReference` per entity type this subgraph can resolve by key. */
  references?: Record<string, (reference: { id: string }, context: Context) => unknown>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it (checked in under schema/). */
  sdl: string;
}

const noTopics = {
  publish(): never {
    throw new Error("The hub's subscriptions publish through their service's live bus (kit/live-bus.ts), not type-graphql topics.");
  },
  subscribe(): never {
    throw new Error("The hub's subscriptions subscribe through their own `subscribe` (kit/live-bus.ts), not type-graphql topics.");
  },
};

export async function buildFederatedSchema<Context>(options: FederatedSchemaOptions<Context>): Promise<FederatedSchema> {
  const local = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    // Every @Subscription of the hub brings its own `subscribe` (an iterator over its service's
    // live bus, kit/live-bus.ts); type-graphql still wants a pubSub, which no topic may reach.
    pubSub: noTopics,
  });
  // The error codes every service raises, published with the schema (error-code-enum.ts).
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(local)}\n\n${errorCodeSdl()}`;
  const resolvers = createResolversMap(local) as GraphQLResolverMap<Context>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as GraphQLResolverMap<Context>[string];
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}
