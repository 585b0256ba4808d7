// Request-scoped batching: every per-person read goes through one of these, so
// a family of any size costs one SQL statement per table per request level.
import DataLoader from "dataloader";

/** At most one row per key (e.g. a person by id); unknown keys give null. */
export function oneByKey<Row>(
  fetch: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): DataLoader<string, Row | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** Any number of rows per key (e.g. a person's measures), in the order fetched. */
export function manyByKey<Row>(
  fetch: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<string, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) byKey.get(keyOf(row))?.push(row);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
