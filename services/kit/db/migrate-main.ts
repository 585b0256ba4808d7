// Applies one service's migrations to its PostgreSQL database and exits:
//   node --import tsx services/kit/db/migrate-main.ts <service>
// The cluster's migration Job (deploy/kubernetes/migrate/) runs it for every
// service before a new version rolls out, so that a migration that fails stops
// the upgrade while the old version still serves. Every subgraph still applies
// its migrations at start-up, under the same advisory lock (migrate.ts): this
// moves the work, and a failure, ahead of the rollout; it adds no second way.
import { isServiceName } from "../catalog.ts";
import { migrateConfig } from "../config.ts";
import { configureLogs, createLogger, exitForStartFailure } from "../log.ts";
import { openDatabase } from "./database.ts";

const log = createLogger("migrate");
const service = process.argv[2] ?? "";

async function migrate(): Promise<void> {
  if (!isServiceName(service)) throw new Error(`Name a service of the catalog (services/kit/catalog.ts), not "${service.slice(0, 40)}".`);
  const config = migrateConfig(service);
  configureLogs({ level: config.logLevel, production: config.production });
  // Opening the database applies what is missing (and logs it); nothing else is done with it.
  const database = await openDatabase({ service, databaseUrl: config.databaseUrl, databasePoolSize: 1, dataDir: "" });
  await database.close();
  log.info("migrations up to date", { service });
}

migrate().catch((error: unknown) => exitForStartFailure(log, "migrations failed", error));
