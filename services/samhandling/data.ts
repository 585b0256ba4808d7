// Every read of coordination data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/samhandling/generated/client.ts";
import { manyByKey, oneByKey } from "../kit/loaders.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type SamhandlingClient = ReturnType<typeof createClient>;

export function samhandlingLoaders(db: SamhandlingClient) {
  return {
    case: oneByKey((ids) => db.coordinationCase.findMany({ where: { id: { in: [...ids] } } }), (c) => c.id),
    casesOfFamily: manyByKey(
      (ids) => db.coordinationCase.findMany({ where: { familyId: { in: [...ids] } }, orderBy: { openedAt: "desc" } }),
      (c) => c.familyId ?? "",
    ),
    subjectsOfCase: manyByKey((ids) => db.caseSubject.findMany({ where: { caseId: { in: [...ids] } } }), (s) => s.caseId),
    casesOfSubject: manyByKey((ids) => db.caseSubject.findMany({ where: { personId: { in: [...ids] } } }), (s) => s.personId),
    membersOfCase: manyByKey(
      (ids) => db.caseMember.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ role: "asc" }, { joinedAt: "asc" }] }),
      (m) => m.caseId,
    ),
  };
}

export type SamhandlingLoaders = ReturnType<typeof samhandlingLoaders>;
