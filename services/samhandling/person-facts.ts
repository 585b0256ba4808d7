// Where samhandling learns the facts the consent competence rules need (birth
// date, guardians and parental responsibility). registry owns them; in
// production the source is an internal, signed call to the registry subgraph.
// samhandling never stores them: they are read when a consent is recorded and
// when it is used, so a changed guardianship counts at once.
import type { World } from "../kit/demo/world.ts";
import { fjordvik } from "../kit/demo/fjordvik.ts";
import type { PersonFacts } from "./competence.ts";

export type { PersonFacts } from "./competence.ts";

export interface PersonFactsSource {
  /**
   * Facts for each known person id, in one call for the whole batch. Unknown
   * ids are simply absent from the map (the caller reports NOT_FOUND).
   * Must throw when the registry cannot answer, never answer "unknown".
   */
  load(personIds: readonly string[]): Promise<Map<string, PersonFacts>>;
}

/** Person facts from a world's registry rows (default: the Fjordvik demo). For tests and the demo. */
export function demoPersonFacts(world: Pick<World, "registry"> = fjordvik()): PersonFactsSource {
  const facts = new Map<string, PersonFacts>();
  for (const p of world.registry.person) {
    facts.set(p.id, { personId: p.id, birthDate: new Date(p.birthDate), guardians: [], householdIds: [] });
  }
  for (const g of world.registry.guardianship) {
    facts.get(g.childId)?.guardians.push({ guardianId: g.guardianId, parentalResponsibility: g.parentalResponsibility });
  }
  for (const m of world.registry.familyMember) {
    const f = facts.get(m.personId);
    if (f) f.householdIds = [...(f.householdIds ?? []), m.familyId];
  }
  return {
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
