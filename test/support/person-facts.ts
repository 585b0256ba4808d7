// A stand-in for registry in suites that run samhandling's consent rules in
// one process: the person facts registry would answer, read from a world's
// registry rows (default: the Fjordvik demo).
import { fjordvik } from "../../demo/fjordvik.ts";
import type { World } from "../../demo/world.ts";
import type { PersonFacts, PersonFactsSource } from "../../services/samhandling/person-facts.ts";

export function demoPersonFacts(world: Pick<World, "registry"> = fjordvik()): PersonFactsSource {
  const facts = new Map<string, PersonFacts>();
  const wards = new Map<string, string[]>();
  for (const p of world.registry.person) {
    facts.set(p.id, { personId: p.id, birthDate: new Date(p.birthDate), guardians: [], householdIds: [] });
  }
  for (const g of world.registry.guardianship) {
    facts.get(g.childId)?.guardians.push({ guardianId: g.guardianId, parentalResponsibility: g.parentalResponsibility });
    if (g.parentalResponsibility) wards.set(g.guardianId, [...(wards.get(g.guardianId) ?? []), g.childId]);
  }
  for (const m of world.registry.familyMember) {
    const f = facts.get(m.personId);
    if (f) f.householdIds = [...(f.householdIds ?? []), m.familyId];
  }
  return {
    async wards(personIds) {
      return new Map(personIds.map((id) => [id, [...(wards.get(id) ?? [])]]));
    },
    async load(personIds) {
      const out = new Map<string, PersonFacts>();
      for (const id of personIds) {
        const f = facts.get(id);
        // Copies: a caller can never change the source's facts.
        if (f) out.set(id, { personId: f.personId, birthDate: new Date(f.birthDate), guardians: f.guardians.map((g) => ({ ...g })), householdIds: [...(f.householdIds ?? [])] });
      }
      return out;
    },
  };
}
