// Every read of voluntary-sector data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/frivillighet/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type FrivillighetClient = ReturnType<typeof createClient>;

export function frivillighetLoaders(db: FrivillighetClient) {
  return {
    activities: manyByKey(
      (ids) => db.voluntaryActivity.findMany({ where: { personId: { in: [...ids] } }, orderBy: { since: "desc" } }),
      (a) => a.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type FrivillighetLoaders = ReturnType<typeof frivillighetLoaders>;
