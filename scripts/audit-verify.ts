// npm run audit:verify [-- service...]
//
// Verifies the hash chain of each service's access log (default: every
// service). PostgreSQL when DATABASE_URL_<SERVICE> / DATABASE_URL_TEMPLATE is
// set, otherwise the embedded PGlite data under <DATA_DIR or ./data>/<service>/pgdata.
// Exit code: 0 all intact, 1 a chain is broken, 2 a log could not be checked.
//
// Only counts and sequence numbers are printed, never the logged persons.
import { AccessLog, type VerifyResult } from "../services/kit/access-log.ts";
import { isServiceName, SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { auditVerifyConfig, type DatabasesConfig } from "./config.ts";
import { DatabaseUnavailable as CannotVerify, requireTable, withServiceDatabase } from "./lib/service-database.ts";

async function verifyService(service: ServiceName, config: DatabasesConfig): Promise<VerifyResult> {
  return withServiceDatabase(service, config, async (pool) => {
    await requireTable(pool, "access_log");
    return new AccessLog(pool).verify();
  });
}

async function main(): Promise<number> {
  const config = auditVerifyConfig();
  const named = process.argv.slice(2);
  const unknown = named.filter((s) => !isServiceName(s));
  if (unknown.length > 0) {
    console.error(`Unknown service(s): ${unknown.join(", ")}. Services: ${SERVICE_NAMES.join(", ")}`);
    return 2;
  }
  const services = named.length > 0 ? (named as ServiceName[]) : [...SERVICE_NAMES];
  let broken = 0;
  let failed = 0;
  for (const service of services) {
    try {
      const result = await verifyService(service, config);
      if (result.ok) {
        console.log(`ok ${service}: ${result.rows} rows`);
      } else {
        broken += 1;
        console.log(`BROKEN ${service} at seq ${result.brokenAt}: ${result.problem} (${result.rows} rows intact before it)`);
      }
    } catch (err) {
      // A service that never ran has no database: nothing to verify unless it was asked for by name.
      if (err instanceof CannotVerify && err.message.startsWith("no database") && named.length === 0) {
        console.log(`skip ${service}: ${err.message}`);
        continue;
      }
      failed += 1;
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
      console.log(`error ${service}: ${err instanceof Error ? err.message : String(err)}${cause}`);
    }
  }
  return broken > 0 ? 1 : failed > 0 ? 2 : 0;
}

process.exitCode = await main();
