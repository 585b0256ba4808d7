// Every read of barnevern data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/barnevern/generated/client.ts";
import { manyByKey, oneByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type BarnevernClient = ReturnType<typeof createClient>;

export function barnevernLoaders(db: BarnevernClient) {
  return {
    case: oneByKey((ids) => db.barnevernCase.findMany({ where: { personId: { in: [...ids] } } }), (c) => c.personId),
    measures: manyByKey(
      (ids) => db.barnevernMeasure.findMany({ where: { personId: { in: [...ids] } }, orderBy: { startedAt: "desc" } }),
      (m) => m.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type BarnevernLoaders = ReturnType<typeof barnevernLoaders>;
