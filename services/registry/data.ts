// Every read of registry data, batched per request.
import { PrismaClient } from "../../prisma/registry/generated/client.ts";
import type { PrismaPg } from "@prisma/adapter-pg";
import { manyByKey, oneByKey } from "../kit/loaders.ts";

export const createClient = (adapter: PrismaPg) => new PrismaClient({ adapter });
export type RegistryClient = ReturnType<typeof createClient>;

export function registryLoaders(db: RegistryClient) {
  return {
    person: oneByKey((ids) => db.person.findMany({ where: { id: { in: [...ids] } } }), (p) => p.id),
    personByNationalId: oneByKey((ids) => db.person.findMany({ where: { nationalId: { in: [...ids] } } }), (p) => p.nationalId),
    /** By birth date (YYYY-MM-DD): the candidates of a search by name and birth date. */
    personsBornOn: manyByKey(
      (days) => db.person.findMany({ where: { birthDate: { in: days.map((d) => new Date(`${d}T00:00:00Z`)) } } }),
      (p) => p.birthDate.toISOString().slice(0, 10),
    ),
    family: oneByKey((ids) => db.family.findMany({ where: { id: { in: [...ids] } } }), (f) => f.id),
    membersOfFamily: manyByKey(
      (ids) => db.familyMember.findMany({ where: { familyId: { in: [...ids] } }, orderBy: [{ role: "asc" }, { personId: "asc" }] }),
      (m) => m.familyId,
    ),
    membershipsOfPerson: manyByKey((ids) => db.familyMember.findMany({ where: { personId: { in: [...ids] } } }), (m) => m.personId),
    guardiansOfChild: manyByKey((ids) => db.guardianship.findMany({ where: { childId: { in: [...ids] } } }), (g) => g.childId),
    wardsOfGuardian: manyByKey((ids) => db.guardianship.findMany({ where: { guardianId: { in: [...ids] } } }), (g) => g.guardianId),
  };
}

export type RegistryLoaders = ReturnType<typeof registryLoaders>;
