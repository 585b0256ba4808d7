// Applies a service database's committed migrations at start-up.
//
// Prisma 7's `migrate deploy` needs a native engine that cannot be downloaded
// here, so this small runner does the same job and keeps the history in
// Prisma's own `_prisma_migrations` table, in Prisma's format: a database
// migrated by this runner is accepted by `prisma migrate deploy`/`status`
// elsewhere, and the other way round.
//
// A database gets more than one set of migrations: the kit's access log
// (prisma/access-log/) and the service's own tables (prisma/<service>/); see
// migration-sets.ts. Every set is recorded in the one `_prisma_migrations`
// under its own folder names, which must therefore be distinct across the sets
// (refused otherwise, MIGRATION_NAME_TAKEN). Why one table and plain names:
// `prisma migrate deploy` applies the migrations of its folder that are not
// recorded yet and leaves recorded ones its folder lacks alone (as it does
// for a newer release's), so deploy on a service's folder accepts a database
// that also holds the kit's rows, and deploy on prisma/access-log/ accepts
// the same database — each set stays deployable with Prisma's own tool, under
// Prisma's one advisory lock. A history table of the kit's own, or prefixed
// names, would hide the kit's set from `prisma migrate deploy` altogether (its
// table name is fixed, and it matches rows to folder names). The price:
// `prisma migrate status` on one folder lists the other set's rows as applied
// but missing locally, as it does during any rolling deploy.
//
// Works over any single pg connection, including PGlite served by
// pglite-socket (one session, so no second connection is ever opened).
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ClientBase } from "pg";

export type MigrationErrorCode =
  | "MIGRATIONS_DIR_MISSING"
  | "MIGRATION_CHANGED"
  | "MIGRATION_PREVIOUSLY_FAILED"
  | "MIGRATION_FAILED"
  | "MIGRATION_NAME_TAKEN"
  | "REPLACED_HISTORY_INCOMPLETE";

/** Refusal to start, with a stable `code` that callers and tests can match on. */
export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  readonly migration: string | undefined;

  constructor(code: MigrationErrorCode, message: string, migration?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "MigrationError";
    this.code = code;
    this.migration = migration;
  }
}

// Same key as Prisma's migrate commands, so this runner, another instance of
// it and a `prisma migrate deploy` all wait for each other.
const ADVISORY_LOCK_KEY = 72707369;

// Prisma's own table definition (column names, types and defaults).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/** A migration as `_prisma_migrations` knows it. */
export interface RecordedMigration {
  name: string;
  /** sha256 of its migration.sql, in hex (Prisma's checksum). */
  checksum: string;
}

/**
 * `migration`, of the set that adopts, creates exactly what the `replaced`
 * migrations (recorded under other names by a set that no longer carries
 * them) created together. On a database that has every one of them, finished
 * and unedited, `migration` is recorded as applied without being run, as
 * `prisma migrate resolve --applied` records it; a database that has only some
 * of them is refused, since running `migration` there would fail or differ.
 */
export interface Adoption {
  migration: string;
  replaced: readonly RecordedMigration[];
  /** Where the replaced migrations used to be, for the refusal's message. */
  formerly: string;
}

/** One folder of migrations that a database gets. */
export interface MigrationSet {
  /** Its folder under prisma/, as `npm run db:new -- <schema> <name>` names it (for messages). */
  schema: string;
  /** Folders `<timestamp>_<name>` holding `migration.sql`. */
  dir: string;
  adopts?: Adoption;
}

interface Migration extends RecordedMigration {
  /** The set's `schema`. */
  schema: string;
  file: string;
  sql: string;
}

function readMigrations({ schema, dir }: MigrationSet): Migration[] {
  if (!existsSync(dir)) {
    throw new MigrationError(
      "MIGRATIONS_DIR_MISSING",
      `Migrations folder ${dir} does not exist. Create the first migration with \`npm run db:new -- ${schema} init\`.`,
    );
  }
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort() // `<timestamp>_<name>`: name order is creation order, as in Prisma
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = readFileSync(file);
      // Prisma's checksum: sha256 of the file's bytes, in hex.
      return { name, schema, file, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

/** Refuses a migration name that two sets both use: they share `_prisma_migrations`, keyed by name. */
function checkNamesDistinct(sets: readonly { set: MigrationSet; migrations: Migration[] }[]): void {
  const owner = new Map<string, MigrationSet>();
  for (const { set, migrations } of sets) {
    for (const { name } of migrations) {
      const other = owner.get(name);
      if (other) {
        throw new MigrationError(
          "MIGRATION_NAME_TAKEN",
          `Migration ${name} is both in ${other.dir} and in ${set.dir}. Both sets are recorded in one _prisma_migrations, ` +
            `by name: rename the folder of the one that has not been released yet (\`npm run db:new\` names it afresh).`,
          name,
        );
      }
      owner.set(name, set);
    }
  }
}

/**
 * The migration of `set` to record as applied without running it (see
 * Adoption), or undefined when there is none: the set adopts nothing, its
 * migration is recorded already, or the database never had the replaced ones.
 */
function toAdopt(set: MigrationSet, migrations: Migration[], recorded: Map<string, MigrationRow>): Migration | undefined {
  const adoption = set.adopts;
  if (!adoption || recorded.has(adoption.migration)) return undefined;
  const migration = migrations.find((m) => m.name === adoption.migration);
  if (!migration) throw new Error(`${set.dir} has no migration ${adoption.migration}, which its set is declared to adopt`);
  const found = adoption.replaced.map((replaced) => ({ ...replaced, row: recorded.get(replaced.name) }));
  if (found.every(({ row }) => !row)) return undefined; // never had them: the migration runs
  const problems = found.flatMap(({ name, checksum, row }) => {
    if (!row) return [`${name} is not recorded`];
    if (row.finished_at === null) return [`${name} failed part-way`];
    if (row.checksum !== checksum) return [`${name} was applied from an edited file (checksum ${row.checksum.slice(0, 12)}…)`];
    return [];
  });
  if (problems.length === 0) return migration;
  throw new MigrationError(
    "REPLACED_HISTORY_INCOMPLETE",
    `Migration ${migration.name} (${migration.file}) takes over what ${adoption.replaced.map((r) => r.name).join(", ")} made, ` +
      `but this database has only part of that history: ${problems.join("; ")}. Those migrations were ${adoption.formerly}. ` +
      `Start the last release that has them on this database once, so that it completes them, then start this one ` +
      `(for a throw-away local database, delete its data instead).`,
    migration.name,
  );
}

/**
 * Applies every migration of `sets` (in set order, each set in name order)
 * that the database has not applied yet, each in its own transaction, after
 * recording any adoption (see Adoption). Returns the names it applied and
 * those it recorded as applied without running them.
 *
 * Throws a MigrationError instead of starting on a database whose history
 * does not match the files: an applied migration whose file has changed, a
 * migration left failed by an earlier `prisma migrate deploy`, or part of the
 * history that an adopted migration replaces.
 */
export async function applyMigrations(
  client: ClientBase,
  sets: readonly MigrationSet[],
): Promise<{ applied: string[]; adopted: string[] }> {
  const planned = sets.map((set) => ({ set, migrations: readMigrations(set) }));
  checkNamesDistinct(planned);
  const migrations = planned.flatMap((p) => p.migrations);

  // A session-level lock: a second process starting at the same time waits
  // here until the first has finished, then finds everything applied. It is
  // held across the per-migration transactions below and released in
  // `finally` (a pooled connection would otherwise keep it); if the process
  // dies, PostgreSQL releases it with the session.
  await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    // Created under the lock so two first starts do not race on it.
    await client.query(CREATE_TABLE);
    // Rows marked rolled back are history only; Prisma ignores them too.
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
       WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
    const failed = new Set(rows.filter((r) => r.finished_at === null).map((r) => r.migration_name));
    // A name recorded both failed and finished (retried after a fix) counts as finished.
    const recorded = new Map([...rows.filter((r) => r.finished_at === null), ...done.values()].map((r) => [r.migration_name, r]));
    const adopted = planned.flatMap(({ set, migrations }) => toAdopt(set, migrations, recorded) ?? []);

    // Check the whole history before changing anything.
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && row.checksum !== m.checksum) {
        throw new MigrationError(
          "MIGRATION_CHANGED",
          `Migration ${m.name} was changed after it was applied to this database ` +
            `(checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… in ${m.file}). ` +
            `Applied migrations must never be edited: restore the file from version control and put the change ` +
            `in a new migration (\`npm run db:new -- ${m.schema} <name>\`). For a throw-away local database, delete its data instead.`,
          m.name,
        );
      }
      if (!row && failed.has(m.name)) {
        throw new MigrationError(
          "MIGRATION_PREVIOUSLY_FAILED",
          `Migration ${m.name} is recorded as started but never finished in _prisma_migrations (an earlier run failed part-way). ` +
            `Check what it left in the database, then mark it rolled back ` +
            `(\`prisma migrate resolve --rolled-back ${m.name}\`, or UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
            `WHERE migration_name = '${m.name}' AND finished_at IS NULL) so that it is retried.`,
          m.name,
        );
      }
    }
    // Migrations recorded in the database but missing from the folders (a newer
    // release already ran, or an older one whose migrations a set has adopted)
    // are left alone, as `prisma migrate deploy` does, so that an older release
    // can still start during a rolling deploy or rollback.

    for (const m of adopted) {
      // Exactly the row `prisma migrate resolve --applied` writes: no steps run, empty logs.
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, '', now(), now(), 0)`,
        [randomUUID(), m.checksum, m.name],
      );
      done.set(m.name, { migration_name: m.name, checksum: m.checksum, finished_at: new Date() });
    }

    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.name))) {
      // One transaction per migration: a failing one leaves no trace (neither
      // half its statements nor a history row), so after fixing the file the
      // next start simply retries it. Statements PostgreSQL refuses inside a
      // transaction (e.g. CREATE INDEX CONCURRENTLY) cannot be used here.
      await client.query("BEGIN");
      try {
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, clock_timestamp(), 0)`,
          [id, m.checksum, m.name],
        );
        // No parameters: pg uses the simple query protocol, which runs a
        // multi-statement script as is.
        await client.query(m.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined); // the original error is the useful one
        throw new MigrationError(
          "MIGRATION_FAILED",
          `Migration ${m.name} failed and was rolled back, so none of it was applied: ` +
            `${err instanceof Error ? err.message : String(err)}. Fix the SQL in ${m.file} and start again.`,
          m.name,
          { cause: err },
        );
      }
      applied.push(m.name);
    }
    return { applied, adopted: adopted.map((m) => m.name) };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}
