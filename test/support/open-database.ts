// A service's database opened in a test as the service opens it (migrated), with samhandling's Prisma
// client on it: for suites that run a scheduled job or a rule on it directly.
import { openDatabase, type Database } from "../../services/kit/db/database.ts";
import type { DatabaseConfig } from "../../services/kit/config.ts";
import { createClient, type SamhandlingClient } from "../../services/samhandling/data.ts";

export interface OpenedDatabase {
  database: Database;
  db: SamhandlingClient;
  close(): Promise<void>;
}

export async function openWithClient(config: DatabaseConfig): Promise<OpenedDatabase> {
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
