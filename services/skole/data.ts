// Every read of school data, batched per request.
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../prisma/skole/generated/client.ts";
import { manyByKey } from "../kit/loaders.ts";
import { registeredInvolvements } from "../kit/writes/involvement.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type SkoleClient = ReturnType<typeof createClient>;

export function skoleLoaders(db: SkoleClient) {
  return {
    enrolments: manyByKey(
      (ids) => db.enrolment.findMany({ where: { personId: { in: [...ids] } }, orderBy: { since: "desc" } }),
      (e) => e.personId,
    ),
    support: manyByKey(
      (ids) => db.schoolSupport.findMany({ where: { personId: { in: [...ids] } }, orderBy: { startedAt: "desc" } }),
      (s) => s.personId,
    ),
    attendance: manyByKey(
      (ids) => db.attendanceMonth.findMany({ where: { personId: { in: [...ids] } }, orderBy: { month: "asc" } }),
      (a) => a.personId,
    ),
    registered: registeredInvolvements(db),
  };
}

export type SkoleLoaders = ReturnType<typeof skoleLoaders>;
