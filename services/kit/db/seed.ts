// Idempotent seeding: rows that already exist are skipped, so every start can
// seed and nothing is duplicated or overwritten.
export type SeedTables = Record<string, readonly object[]>;

interface CreateManyDelegate {
  createMany(args: { data: readonly object[]; skipDuplicates: boolean }): Promise<{ count: number }>;
}

const CHUNK = 1000;

export async function seedTables(client: object, tables: SeedTables): Promise<Record<string, number>> {
  const inserted: Record<string, number> = {};
  for (const [model, rows] of Object.entries(tables)) {
    const delegate = (client as Record<string, CreateManyDelegate | undefined>)[model];
    if (!delegate) throw new Error(`Seed names table "${model}", which this service's Prisma client does not have.`);
    inserted[model] = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const { count } = await delegate.createMany({ data: rows.slice(i, i + CHUNK), skipDuplicates: true });
      inserted[model] += count;
    }
  }
  return inserted;
}
