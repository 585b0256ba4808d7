// What a service's database is migrated with at start-up: the kit's access
// log (prisma/access-log/, the same for every service), the kit's scheduled
// jobs' bookkeeping (prisma/jobs/, every service), the retention job's
// tombstones (prisma/retention/, every service), the kit's involvement
// register (prisma/involvement/, every service with a view of a person) and
// then the service's own tables (prisma/<service>/). How they are recorded in
// one history: migrate.ts.
import path from "node:path";
import { VIEW_SERVICES } from "../catalog.ts";
import { ROOT_DIR } from "../config.ts";
import type { MigrationSet, RecordedMigration } from "./migrate.ts";

export const PRISMA_DIR = path.join(ROOT_DIR, "prisma");

/** The kit's schema folder: prisma/<name>/ like every schema (npm run db:new -- access-log <name>). */
export const ACCESS_LOG_SCHEMA = "access-log";

/** The kit's involvement register (services/kit/writes/involvement.ts): npm run db:new -- involvement <name>. */
export const INVOLVEMENT_SCHEMA = "involvement";

/** The kit's scheduled jobs' leases and watermarks (services/kit/jobs.ts): npm run db:new -- jobs <name>. */
export const JOBS_SCHEMA = "jobs";

/** The kit's retention tombstones (services/kit/retention/): npm run db:new -- retention <name>. */
export const RETENTION_SCHEMA = "retention";

/** The kit's first access-log migration: the table as the per-service copies below had left it. */
const ACCESS_LOG_TAKEOVER = "20261207012318_access_log";

// Until the kit took the table over, every service created it with three
// migrations of its own, byte for byte the same in each (so one checksum
// each). A service database made then has them recorded: the kit's first
// migration is adopted there (recorded, not run; every row and hash stays as
// it is), and the rows stay in _prisma_migrations so that the release before
// still starts on it after a rollback. Services added since never had a copy.
const REPLACED_CHECKSUMS: Record<string, string> = {
  access_log: "05ffda4e663ba0d66547f4e656547b32142e978f4ba54c157787a70fd6e509ff",
  access_log_chain: "b2a19c07f79c3acc3f7c7778908580f2b56181ee9fc43ed81d17739de2a23123",
  access_log_person_ids: "015ccd5af64fabdeb34f2eb8c800e9b66adecffdbc0670727b2c284374ed62f8",
};
const REPLACED_BY_SERVICE: Readonly<Record<string, readonly string[]>> = {
  barnevern: ["20261123093208_access_log", "20261201202440_access_log_chain", "20261202021511_access_log_person_ids"],
  frivillighet: ["20261123093218_access_log", "20261201202501_access_log_chain", "20261202021511_access_log_person_ids"],
  helse: ["20261123093215_access_log", "20261201202455_access_log_chain", "20261202021511_access_log_person_ids"],
  nav: ["20261123093156_access_log", "20261201202407_access_log_chain", "20261202021511_access_log_person_ids"],
  registry: ["20261123093142_access_log", "20261201202415_access_log_chain", "20261202021511_access_log_person_ids"],
  samhandling: ["20261123093150_access_log", "20261201202427_access_log_chain", "20261202021511_access_log_person_ids"],
  skole: ["20261123093212_access_log", "20261201202448_access_log_chain", "20261202021511_access_log_person_ids"],
};

/** The access-log migrations `service` had in its own folder before the kit took them over (none for a newer service). */
export function replacedAccessLogMigrations(service: string): RecordedMigration[] {
  return (REPLACED_BY_SERVICE[service] ?? []).map((name) => ({ name, checksum: REPLACED_CHECKSUMS[name.slice("YYYYMMDDHHMMSS_".length)]! }));
}

/** The sets a service's database gets, in the order they are applied. */
export function migrationSets(service: string, prismaDir = PRISMA_DIR): MigrationSet[] {
  const replaced = replacedAccessLogMigrations(service);
  return [
    {
      schema: ACCESS_LOG_SCHEMA,
      dir: path.join(prismaDir, ACCESS_LOG_SCHEMA, "migrations"),
      adopts:
        replaced.length > 0
          ? { migration: ACCESS_LOG_TAKEOVER, replaced, formerly: `in prisma/${service}/migrations/ until the kit took the access log over (git af7e18a and before)` }
          : undefined,
    },
    { schema: JOBS_SCHEMA, dir: path.join(prismaDir, JOBS_SCHEMA, "migrations") },
    { schema: RETENTION_SCHEMA, dir: path.join(prismaDir, RETENTION_SCHEMA, "migrations") },
    ...((VIEW_SERVICES as readonly string[]).includes(service) ? [{ schema: INVOLVEMENT_SCHEMA, dir: path.join(prismaDir, INVOLVEMENT_SCHEMA, "migrations") }] : []),
    { schema: service, dir: path.join(prismaDir, service, "migrations") },
  ];
}
