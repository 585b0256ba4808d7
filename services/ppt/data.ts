// Every read of PPT's data, batched per request: one statement per table.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/ppt/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type PptClient = ReturnType<typeof createClient>;

export function pptLoaders(db: PptClient) {
  return {
    referrals: manyByKey(
      (ids) => db.pptReferral.findMany({ where: { personId: { in: [...ids] } }, orderBy: { receivedOn: "desc" } }),
      (r) => r.personId,
    ),
    assessments: manyByKey(
      (ids) => db.pptAssessment.findMany({ where: { personId: { in: [...ids] } }, orderBy: { startedOn: "desc" } }),
      (a) => a.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type PptLoaders = ReturnType<typeof pptLoaders>;
