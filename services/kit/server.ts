// The running subgraph process: database and migrations, the seed it is handed,
// federated schema, request verification, the access guard, HTTP and
// graceful shutdown.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { AccessGuard } from "./access.ts";
import { AccessLog, BatchingAccessLog } from "./access-log.ts";
import { accessLogCheckpointJob, checkpointAnchor, CheckpointFile, checkpointSigner, useCheckpointAnchor } from "./access-log-checkpoint.ts";
import { devCheckpointKey } from "./access-log-checkpoint-keys.ts";
import { grantEverything, recordNothing } from "./bench-switch.ts";
import { callerFromClaims, type HubClaims } from "./auth/caller.ts";
import { loadSecrets } from "./auth/secrets.ts";
import { HUB_EXTENSION, JWT_EXTENSION, type HubExtension } from "./auth/signing.ts";
import { LocalNonces, redisNonces } from "./auth/nonces.ts";
import { requestVerifier, type RequestProblem } from "./auth/verification.ts";
import { subgraphConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { createJobRunner } from "./jobs.ts";
import { kitRetentionRules } from "./retention/kit-rules.ts";
import { retentionJob } from "./retention/run.ts";
import { seedTables } from "./db/seed.ts";
import { LeadingEpoch, redisEpoch, type EpochAuthority } from "./consent-epoch.ts";
import { cachedDecisions, remoteDecisions } from "./decisions.ts";
import { buildFederatedSchema } from "./federation.ts";
import { createRequestListener, type IncomingGraphQL } from "./http.ts";
import { hubHttpServer } from "./http-server.ts";
import { SubscriptionStreams } from "./subscriptions.ts";
import { liveBus } from "./live-bus.ts";
import { internalClient } from "./internal.ts";
import { Drain, onShutdown, reportStartup } from "./lifecycle.ts";
import { configureLogs, createLogger } from "./log.ts";
import type { Disconnectable, ServerOptions, SubgraphContext, SubgraphDefinition } from "./subgraph.ts";

const SIGNATURE_MESSAGES: Record<RequestProblem, string> = {
  UNSIGNED_REQUEST: "This subgraph answers only requests signed by the hub's gateway. Send your query to the gateway.",
  BAD_SIGNATURE: "The request signature does not match its content. Send your query to the gateway.",
  STALE_SIGNATURE: "The request signature has expired. Send your query to the gateway.",
  REPLAYED_SIGNATURE: "This signed request has been answered already; a signed request is good once. Send your query to the gateway.",
  MISDIRECTED_SIGNATURE: "This request is signed for another service. Send your query to the gateway.",
};

export async function runSubgraph<Client extends Disconnectable, Loaders>(definition: SubgraphDefinition<Client, Loaders>, options: ServerOptions = {}): Promise<void> {
  const config = subgraphConfig(definition.service);
  configureLogs({ level: config.logLevel, production: config.production });
  const log = createLogger(definition.service);
  const startedAt = Date.now();
  const secrets = loadSecrets(path.dirname(config.dataDir), config.secrets, config.production);
  reportStartup("code loaded");

  const database = await openDatabase(config);
  reportStartup(`${database.kind === "pglite" ? "embedded database" : "PostgreSQL"} open, migrations checked`);
  const client = definition.createClient(database.adapter);
  if (config.seedDemo && options.seed) {
    const counts = await seedTables(client, await options.seed(config));
    log.info("demo data seeded", counts);
    reportStartup("demo data seeded");
  }

  const deps = { internal: internalClient(definition.service, secrets.internalSigningSecret, config.subgraphUrls) };
  // The service that answers decisions (samhandling) is where consents change: it moves the epoch.
  const leads = definition.decisions !== undefined;
  const source = definition.decisions?.(client, deps) ?? remoteDecisions(deps.internal);
  const redisUrl = config.redisUrl;
  const nonces = redisUrl ? redisNonces(redisUrl) : new LocalNonces();
  // Shared before the first request is taken (an unreachable Redis: in the process until it is back).
  const noncesReady = nonces.ready(2_000);
  const verifyRequest = requestVerifier(definition.service, { gateway: secrets.signingSecret, internal: secrets.internalSigningSecret }, nonces);
  const epoch: EpochAuthority | null = !leads ? null : redisUrl ? redisEpoch(redisUrl) : new LeadingEpoch(secrets.signingSecret, config.gatewayUrls);
  // Benchmarks only (kit/bench-switch.ts): price the rules by switching them off.
  const rulesOff = config.benchRulesOff;
  if (rulesOff) log.warn("HUB_BENCH_RULES_OFF=1: every decision granted, nothing logged (benchmark only)");
  const cache = cachedDecisions(source);
  const decisions = rulesOff ? grantEverything : cache;
  const accessLogReader = new AccessLog(database.pool, { prepared: database.kind === "postgresql" });
  // The log's checkpoints: signed with a key the database does not hold, kept outside it (kit/access-log-checkpoint.ts).
  const checkpoints = config.accessLogCheckpoints;
  const checkpointKey = checkpoints.key ?? (await devCheckpointKey(path.dirname(config.dataDir)));
  const anchor = checkpointAnchor(await checkpointSigner(definition.service, checkpointKey), new CheckpointFile(checkpoints.dir, definition.service));
  useCheckpointAnchor(anchor);
  const accessLog = rulesOff ? recordNothing : new BatchingAccessLog(accessLogReader);
  const writes = definition.writes?.bind(client, { internal: deps.internal, accessLog: accessLogReader, frontDoor: config.frontDoor });
  const invalidateDecisions = async () => {
    if (!epoch) throw new Error("Only the decision service moves the consent epoch.");
    await epoch.advance();
  };

  const { schema } = await buildFederatedSchema(definition);
  reportStartup("schema built");
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (below): readiness first, then drain, then the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  await noncesReady;

  let ready = false;
  let requests = 0;
  const streams = new SubscriptionStreams();
  let renewals = 0;
  const live = liveBus(`hub:live:${definition.service}`, redisUrl);
  const context = async (request: IncomingGraphQL, renewal = false): Promise<SubgraphContext<Loaders>> => {
    if (!renewal) requests += 1;
    const extensions = (request.body.extensions ?? {}) as Record<string, unknown>;
    const hub = extensions[HUB_EXTENSION] as HubExtension;
    const jwt = extensions[JWT_EXTENSION] as { payload?: unknown } | undefined;
    const caller = callerFromClaims(jwt?.payload, hub.service);
    const purpose = hub.purpose ? { caseId: hub.purpose } : null;
    // A renewal is a request of its own to everything keyed by request id (per-request caches of
    // case state and facts): the same id would hand it the subscription's first answers again.
    const requestId = `${hub.requestId || request.requestId}${renewal ? `:${++renewals}` : ""}`;
    // A subscription's later events are decided afresh: the epoch signed at its start is long past.
    const consentEpoch = !renewal && typeof hub.consentEpoch === "number" ? hub.consentEpoch : null;
    if (!renewal) await definition.onCaller?.(client, caller);
    return {
      requestId,
      caller,
      writes,
      purpose,
      loaders: definition.loaders(client, { ...deps, requestId }),
      access: new AccessGuard({ service: definition.service, caller, purpose, requestId, consentEpoch, frontDoor: config.frontDoor }, decisions, accessLog),
      accessLog: accessLogReader,
      invalidateDecisions,
      config,
      live,
      renewed: () => context(request, true),
    };
  };

  const drain = new Drain({ readiness: "/readyz", passThrough: ["/healthz", "/metrics"] });
  const server = hubHttpServer(
    drain.wrap(createRequestListener<SubgraphContext<Loaders>>({
      apollo,
      isReady: () => ready,
      maxBodyBytes: config.maxBodyBytes,
      async verify(body) {
        const problem = await verifyRequest(body);
        return problem ? { code: problem, message: SIGNATURE_MESSAGES[problem] } : null;
      },
      subscribe: async (request, document, req, res) => {
        const contextValue = await context(request);
        const { caller } = contextValue;
        const endsAt = caller.kind === "actor" && caller.claims.expiresAt !== undefined ? caller.claims.expiresAt * 1000 : null;
        return streams.serve({ schema, document, body: request.body, contextValue, requestId: request.requestId, req, res, endsAt });
      },
      context,
      metrics: () =>
        [
          `# HELP hub_sql_statements_total SQL statements sent to this service's database.`,
          `# TYPE hub_sql_statements_total counter`,
          `hub_sql_statements_total{service="${definition.service}"} ${database.statements()}`,
          `# HELP hub_access_log_sql_statements_total Of those, the access log's writes and reads.`,
          `# TYPE hub_access_log_sql_statements_total counter`,
          `hub_access_log_sql_statements_total{service="${definition.service}"} ${database.accessLogStatements()}`,
          `# HELP hub_graphql_requests_total GraphQL requests received.`,
          `# TYPE hub_graphql_requests_total counter`,
          `hub_graphql_requests_total{service="${definition.service}"} ${requests}`,
          `# HELP hub_database_info Which database this service runs on.`,
          `# TYPE hub_database_info gauge`,
          `hub_database_info{service="${definition.service}",kind="${database.kind}"} 1`,
          `# HELP hub_decision_cache_total Consent decisions answered from this process's cache (hit), asked (miss), or asked afresh for a request without a current consent epoch (bypassed).`,
          `# TYPE hub_decision_cache_total counter`,
          `hub_decision_cache_total{service="${definition.service}",result="hit"} ${cache.counters.hits}`,
          `hub_decision_cache_total{service="${definition.service}",result="miss"} ${cache.counters.misses}`,
          `hub_decision_cache_total{service="${definition.service}",result="bypassed"} ${cache.counters.bypassed}`,
          "",
        ].join("\n"),
    })),
    config.httpTimeouts,
  );
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  ready = true;
  const contextAs = (claims: HubClaims) => {
    const requestId = randomUUID();
    return context({ requestId, headers: {}, body: { extensions: { [HUB_EXTENSION]: { requestId }, [JWT_EXTENSION]: { payload: claims } } } }, true);
  };
  const background = definition.background?.(client, { config, live, contextAs });
  log.info("subgraph ready", { port: config.port, database: database.kind, consentEpoch: !leads ? "from the gateway" : redisUrl ? "redis" : "pushed to the gateway", startupMs: Date.now() - startedAt });

  // Every instance tries each job; the lease in the database lets one run each pass (kit/jobs.ts).
  const jobs = !config.jobs.enabled
    ? []
    : [
        accessLogCheckpointJob(database.pool, anchor, checkpoints.intervalMs),
        ...(definition.jobs?.(client, config) ?? []),
        // Every service deletes by rule what it keeps (docs/retention.md): its own rules, then the kit's.
        retentionJob(database.pool, [...(definition.retention ?? []), ...kitRetentionRules(config.service)], config.retention),
      ].map((job) =>
        createJobRunner({ ...job, db: database.pool, leaseMs: config.jobs.leaseMs, checkpointDelayMs: config.jobs.checkpointDelayMs }),
      );
  for (const job of jobs) job.start();

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness goes false first so load balancers stop sending; in-flight requests finish (kit/lifecycle.ts).
    ready = false;
    log.info("shutting down", { reason, inFlight: drain.requestsInFlight });
    // Open subscriptions end at once (the gateway resubscribes elsewhere); drain would wait them out.
    streams.closeAll();
    const { unfinished } = await drain.drain(server, config.shutdownTimeoutMs);
    await apollo.stop();
    // A pass in flight stops at its next step and lets go of its lease; its window is redone.
    await Promise.all(jobs.map((job) => job.stop()));
    await background?.stop();
    await live.close();
    // The access log is written before each answer leaves, so a finished request's entries are already stored.
    await client.$disconnect();
    await epoch?.close();
    await nonces.close();
    await database.close();
    log.info("stopped", { unfinished });
    process.exit(0);
  };
  onShutdown(stop);
}
