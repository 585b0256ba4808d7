// One transaction for the kit's own SQL (the access log, the retention job):
// on a connection of the pool, or on the connection given (not in a
// transaction already); committed when `work` returns, rolled back when it
// throws.
import type pg from "pg";

export async function inTransaction<T>(db: pg.Pool | pg.ClientBase, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
  const pooled = "totalCount" in db;
  const client = pooled ? await db.connect() : db;
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // If even ROLLBACK fails the connection is unusable: discard it.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw err;
  } finally {
    if (pooled) (client as pg.PoolClient).release(broken);
  }
}
