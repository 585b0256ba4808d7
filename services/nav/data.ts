// Every read of NAV data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/nav/generated/client.ts";
import { manyByKey, oneByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type NavClient = ReturnType<typeof createClient>;

export function navLoaders(db: NavClient) {
  return {
    followUp: oneByKey((ids) => db.navFollowUp.findMany({ where: { personId: { in: [...ids] } } }), (f) => f.personId),
    measures: manyByKey(
      (ids) => db.navMeasure.findMany({ where: { personId: { in: [...ids] } }, orderBy: { startedAt: "desc" } }),
      (m) => m.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type NavLoaders = ReturnType<typeof navLoaders>;
