// Every read of the housing office's data, batched per request: one statement per table.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/bolig/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type BoligClient = ReturnType<typeof createClient>;

const byPerson = (r: { personId: string }) => r.personId;

export function boligLoaders(db: BoligClient) {
  const of = (ids: readonly string[]) => ({ personId: { in: [...ids] } });
  return {
    applications: manyByKey((ids) => db.housingApplication.findMany({ where: of(ids), orderBy: { submittedOn: "desc" } }), byPerson),
    allowances: manyByKey((ids) => db.housingAllowance.findMany({ where: of(ids), orderBy: { fromMonth: "desc" } }), byPerson),
    guides: manyByKey((ids) => db.housingGuide.findMany({ where: of(ids), orderBy: { since: "desc" } }), byPerson),
    temporaryHousing: manyByKey((ids) => db.temporaryHousing.findMany({ where: of(ids), orderBy: { fromDate: "desc" } }), byPerson),
    evictionRisks: manyByKey((ids) => db.evictionRisk.findMany({ where: of(ids), orderBy: { notedOn: "desc" } }), byPerson),
    registered: registeredInvolvements(db),
  };
}

export type BoligLoaders = ReturnType<typeof boligLoaders>;
