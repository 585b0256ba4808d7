// A samhandling database of a test's own, outside the shared federation: for
// running samhandling's jobs on rows a test writes (the notification scheduler,
// the archive job), on PostgreSQL in the PostgreSQL pass, embedded otherwise.
import path from "node:path";
import type { DatabaseConfig } from "../../services/kit/config.ts";
import { openDatabase, type Database } from "../../services/kit/db/database.ts";
import { createClient, type SamhandlingClient } from "../../services/samhandling/data.ts";
import { recreatePostgresDatabases, testDatabase } from "./database.ts";

/** A fresh samhandling database (migrated), on PostgreSQL or in an embedded folder under `dataRoot`. */
export async function freshDatabase(name: string, dataRoot: string): Promise<DatabaseConfig> {
  const databaseUrl = testDatabase() === "postgresql" ? (await recreatePostgresDatabases([name]))[0] : undefined;
  return { service: "samhandling", databaseUrl, databasePoolSize: 4, dataDir: path.join(dataRoot, "samhandling") };
}

export interface OpenedSamhandling {
  database: Database;
  db: SamhandlingClient;
  close(): Promise<void>;
}

export async function openSamhandling(config: DatabaseConfig): Promise<OpenedSamhandling> {
  const database = await openDatabase(config);
  const db = createClient(database.adapter);
  return {
    database,
    db,
    async close() {
      await db.$disconnect();
      await database.close();
    },
  };
}
