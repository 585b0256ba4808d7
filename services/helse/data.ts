// Every read of health data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/helse/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type HelseClient = ReturnType<typeof createClient>;

export function helseLoaders(db: HelseClient) {
  return {
    contacts: manyByKey(
      (ids) => db.healthContact.findMany({ where: { personId: { in: [...ids] } }, orderBy: { since: "desc" } }),
      (c) => c.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type HelseLoaders = ReturnType<typeof helseLoaders>;
