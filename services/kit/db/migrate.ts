// Applies a service's committed migrations at start-up.
//
// Prisma 7's `migrate deploy` needs a native engine that cannot be downloaded
// here, so this small runner does the same job and keeps the history in
// Prisma's own `_prisma_migrations` table, in Prisma's format: a database
// migrated by this runner is accepted by `prisma migrate deploy`/`status`
// elsewhere, and the other way round.
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
  | "MIGRATION_FAILED";

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

/**
 * Applies every migration in `migrationsDir` (folders `<timestamp>_<name>`
 * holding `migration.sql`, in name order) that the database has not applied
 * yet, each in its own transaction. Returns the names it applied.
 *
 * Throws a MigrationError instead of starting on a database whose history
 * does not match the files: an applied migration whose file has changed, or a
 * migration left failed by an earlier `prisma migrate deploy`.
 */
export async function applyMigrations(client: ClientBase, migrationsDir: string): Promise<{ applied: string[] }> {
  if (!existsSync(migrationsDir)) {
    throw new MigrationError(
      "MIGRATIONS_DIR_MISSING",
      `Migrations folder ${migrationsDir} does not exist. Create the first migration with \`npm run db:new -- <service> init\`.`,
    );
  }
  const migrations = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort() // `<timestamp>_<name>`: name order is creation order, as in Prisma
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const bytes = readFileSync(file);
      // Prisma's checksum: sha256 of the file's bytes, in hex.
      return { name, file, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });

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

    // Check the whole history before changing anything.
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && row.checksum !== m.checksum) {
        throw new MigrationError(
          "MIGRATION_CHANGED",
          `Migration ${m.name} was changed after it was applied to this database ` +
            `(checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… in ${m.file}). ` +
            `Applied migrations must never be edited: restore the file from version control and put the change ` +
            `in a new migration (\`npm run db:new -- <service> <name>\`). For a throw-away local database, delete its data instead.`,
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
    // Migrations recorded in the database but missing from the folder (a newer
    // release already ran) are left alone, as `prisma migrate deploy` does, so
    // that an older release can still start during a rolling deploy or rollback.

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
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
  }
}
