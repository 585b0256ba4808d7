// What a service declares (its subgraph definition) and its entry point.
import type { PrismaPg } from "@prisma/adapter-pg";
import type { NonEmptyArray } from "type-graphql";
import type { AccessGuard } from "./access.ts";
import type { AccessLog } from "./access-log.ts";
import type { Caller, HubClaims, Purpose } from "./auth/caller.ts";
import type { DecisionSource } from "./decisions.ts";
import type { InternalClient } from "./internal.ts";
import type { ServiceName } from "./catalog.ts";
import type { SeedTables } from "./db/seed.ts";
import type { SubgraphConfig } from "./config.ts";
import type { JobOptions } from "./jobs.ts";
import type { RetentionRule } from "./retention/rule.ts";
import { buildFederatedSchema, type ClassType } from "./federation.ts";
import type { WriteService } from "./writes/run.ts";
import type { LiveBus } from "./live-bus.ts";
import type { WriteDefinition } from "./writes/service.ts";
import { createLogger, exitForStartFailure } from "./log.ts";

export interface SubgraphContext<Loaders> {
  requestId: string;
  /** Who is asking, from the verified, signed request. */
  caller: Caller;
  /** The coordination case the request declares it works in. */
  purpose: Purpose;
  loaders: Loaders;
  /** The gate in front of every read of personal data. */
  access: AccessGuard;
  /** Reading this service's access log (writing goes through `access`). */
  accessLog: AccessLog;
  /** The service's write API (services/kit/writes/), where it has one. */
  writes?: WriteService;
  /** After a consent or membership change: makes every instance's next request decide afresh. */
  invalidateDecisions(): Promise<void>;
  /** This process's settings, read and validated once at start-up. */
  config: SubgraphConfig;
  /** Signals for subscriptions, shared by every instance of the service (kit/live-bus.ts). */
  live: LiveBus;
  /**
   * A new context for the same caller, for one event of a subscription: new loaders and consent
   * decisions asked afresh, so what a long-lived subscription sends is decided when it is sent.
   */
  renewed(): Promise<SubgraphContext<Loaders>>;
}

/** What the kit hands a service's background work (SubgraphDefinition `background`). */
export interface BackgroundServices<Loaders> {
  config: SubgraphConfig;
  live: LiveBus;
  /**
   * A context as if `claims` had signed in (no request; decisions asked afresh): background work
   * that must decide what someone may see now asks through it, as their own request would.
   */
  contextAs(claims: HubClaims): Promise<SubgraphContext<Loaders>>;
}

/** What the kit hands a service to build its loaders and decisions with. */
export interface SubgraphDeps {
  internal: InternalClient;
}

export interface SubgraphDefinition<Client, Loaders> {
  service: ServiceName;
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  references?: Record<string, (reference: { id: string }, context: SubgraphContext<Loaders>) => unknown>;
  /** `new PrismaClient({ adapter })` for this service's generated client. */
  createClient(adapter: PrismaPg): Client;
  /** Fresh DataLoaders for one request. */
  loaders(client: Client, deps: SubgraphDeps & { requestId: string }): Loaders;
  /** Its write API (services/kit/writes/): the kinds of records its own systems and staff write. */
  writes?: WriteDefinition<Client>;
  /**
   * Awaited before a request's resolvers run, with its verified caller (samhandling:
   * the employee directory learns who signed in). Must not throw for a caller it has nothing to do with.
   */
  onCaller?(client: Client, caller: Caller): Promise<void>;
  /**
   * Work the service runs beside its requests once it is ready (samhandling: notification e-mail),
   * stopped before the database closes.
   */
  background?(client: Client, services: BackgroundServices<Loaders>): { stop(): Promise<void> };
  /** Only samhandling: answers consent decisions itself instead of asking samhandling. */
  decisions?(client: Client, deps: SubgraphDeps): DecisionSource;
  /**
   * Its scheduled jobs (services/kit/jobs.ts): what each does in a pass and how often. The kit runs
   * them in every instance (JOBS_ENABLED), each pass in one instance only, over the service's database.
   */
  jobs?(client: Client, config: SubgraphConfig): ScheduledJob[];
  /**
   * Its retention rules over its own tables (docs/retention.md); the kit adds its own (the access log,
   * the involvement register) and runs them all as the daily retention job.
   */
  retention?: readonly RetentionRule[];
}

/** A job as a service declares it; the kit adds the database, the lease and the test hooks from the config. */
export type ScheduledJob = Pick<JobOptions, "name" | "intervalMs" | "run" | "now">;

/**
 * The rows a server seeds its own tables with at start-up when seeding is on
 * (SEED_DEMO), table by table in insert order. Called only then, so the data
 * it loads (the demo's, demo/seed.ts) stays out of a server that does not seed.
 */
export type SeedProvider = (config: SubgraphConfig) => Promise<SeedTables>;

/** What the process that runs a service (its index.ts) hands the server besides the definition. */
export interface ServerOptions {
  seed?: SeedProvider;
}

export interface Disconnectable {
  $disconnect(): Promise<void>;
}

/**
 * Entry point shared by every service's index.ts. `--print-sdl` prints the
 * subgraph SDL without touching a database (used by `npm run compose`).
 */
export function main<Client extends Disconnectable, Loaders>(definition: SubgraphDefinition<Client, Loaders>, options: ServerOptions = {}): void {
  const start = async () => {
    if (process.argv.includes("--print-sdl")) {
      process.stdout.write((await buildFederatedSchema(definition)).sdl);
      return;
    }
    const { runSubgraph } = await import("./server.ts");
    await runSubgraph(definition, options);
  };
  start().catch((error: unknown) => exitForStartFailure(createLogger(definition.service), "subgraph failed to start", error));
}
