// The running subgraph process: database and migrations, demo seed,
// federated schema, HTTP, graceful shutdown.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { AccessGuard, openPolicy } from "./access.ts";
import { subgraphConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { seedTables } from "./db/seed.ts";
import { buildFederatedSchema } from "./federation.ts";
import { createRequestListener, type IncomingGraphQL } from "./http.ts";
import { createLogger } from "./log.ts";
import { onShutdown } from "./lifecycle.ts";
import { demoWorld } from "./demo/index.ts";
import type { Disconnectable, SubgraphContext, SubgraphDefinition } from "./subgraph.ts";

export async function runSubgraph<Client extends Disconnectable, Loaders>(
  definition: SubgraphDefinition<Client, Loaders>,
): Promise<void> {
  const config = subgraphConfig(definition.service);
  const log = createLogger(definition.service);
  const startedAt = Date.now();

  const database = await openDatabase(config);
  const client = definition.createClient(database.adapter);
  if (config.seedDemo) {
    const counts = await seedTables(client, definition.seed(demoWorld(config)));
    log.info("demo data seeded", counts);
  }

  const { schema } = await buildFederatedSchema(definition);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (below): readiness first, then drain, then the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  let ready = false;
  let requests = 0;
  const server = http.createServer(
    createRequestListener<SubgraphContext<Loaders>>({
      apollo,
      isReady: () => ready,
      async context(request: IncomingGraphQL) {
        requests += 1;
        return {
          requestId: request.requestId,
          loaders: definition.loaders(client),
          access: new AccessGuard(definition.service, openPolicy),
        };
      },
      metrics: () =>
        [
          `# HELP hub_sql_statements_total SQL statements sent to this service's database.`,
          `# TYPE hub_sql_statements_total counter`,
          `hub_sql_statements_total{service="${definition.service}"} ${database.statements()}`,
          `# HELP hub_graphql_requests_total GraphQL requests received.`,
          `# TYPE hub_graphql_requests_total counter`,
          `hub_graphql_requests_total{service="${definition.service}"} ${requests}`,
          `# HELP hub_database_info Which database this service runs on.`,
          `# TYPE hub_database_info gauge`,
          `hub_database_info{service="${definition.service}",kind="${database.kind}"} 1`,
          "",
        ].join("\n"),
    }),
  );
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  ready = true;
  log.info("subgraph ready", { port: config.port, database: database.kind, startupMs: Date.now() - startedAt });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness goes false first so load balancers stop sending; in-flight requests finish.
    ready = false;
    log.info("shutting down", { signal });
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await apollo.stop();
    await client.$disconnect();
    await database.close();
    log.info("stopped");
    process.exit(0);
  };
  onShutdown(stop);
}

