// What the conformance checks are given: one view service's subgraph, by URL,
// inside a hub they can reach — the test federation (test/e2e) or the harness
// `npm run conformance` starts around an external subgraph
// (scripts/conformance.ts). Nothing here reads the service's code.
import type { GraphQLSchema } from "graphql";
import type { FrontDoor, ViewService } from "../services/kit/catalog.ts";
import type { World } from "../demo/world.ts";
import { demoPersons } from "../demo/fjordvik.ts";
import { ageOn } from "../test/support/oracle.ts";
import type { GraphQLResponse } from "./http.ts";
import type { HopSecrets } from "./signing.ts";

export type Headers = Record<string, string>;

export interface ConformanceTarget {
  service: ViewService;
  /** The subgraph's GraphQL endpoint, called directly (signed, or not) by the signing and shape checks. */
  subgraphUrl: string;
  /** A request through the gateway, as a client sends it. */
  gateway<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Headers): Promise<GraphQLResponse<Data>>;
  /** Headers of a person signed in at the hub's identity provider (a demo user key, an actor id, a person id), optionally declaring a case. */
  asUser(user: string, caseId?: string): Promise<Headers>;
  /** Headers of a service's own system (its machine client). */
  asMachine(service: ViewService): Promise<Headers>;
  /** The hub's keys: the gateway's hop and the internal one. */
  secrets: HopSecrets;
  /** The public schema the gateway serves: the view's fields and the write API are read from it. */
  schema: GraphQLSchema;
  /** Adults in the hub's register whom the subgraph holds nothing about and who are in no case, by household (`conformanceSubjects`). */
  households: readonly (readonly string[])[];
  /** The front door an INVOLVEMENT-only view must name. */
  frontDoor: FrontDoor;
  /** Another view service: its system and staff must be refused by this one's write API. */
  otherService: ViewService;
  /** A case that exists and that the checks' coordinator is not a member of. */
  foreignCaseId: string;
}

/** The coordinator the checks act as: Kriminalomsorgen's return coordinator, whose service owns no view, so only consent opens one. */
export const CONFORMANCE_ACTOR = "kriminalomsorg-koordinator-1";

/**
 * Adults (20 or older) of `world`'s register who are no demo person and in no
 * case, but `held` (whom the subgraph holds data about), grouped by
 * household, in register order. Each check opens a case of its own about
 * them, so nothing another suite counts is touched.
 */
export function conformanceSubjects(world: World, held: ReadonlySet<string>, now = new Date()): string[][] {
  const demo = new Set(demoPersons.map((p) => p.personId));
  const inCases = new Set(world.samhandling.caseSubject.map((s) => s.personId));
  const adults = new Set(
    world.registry.person
      .filter((p) => !demo.has(p.id!) && !inCases.has(p.id!) && !held.has(p.id!) && ageOn(new Date(p.birthDate).toISOString().slice(0, 10), now) >= 20)
      .map((p) => p.id!),
  );
  const households = new Map<string, string[]>();
  for (const m of world.registry.familyMember) if (adults.has(m.personId)) households.set(m.familyId, [...(households.get(m.familyId) ?? []), m.personId]);
  return [...households.values()];
}

/** Hands out the target's subjects, each once: a single adult, or two of one household (a case may be about a household). */
export class SubjectPool {
  private readonly used = new Set<string>();
  constructor(private readonly households: readonly (readonly string[])[]) {}

  one(): string {
    for (const household of this.households) for (const id of household) if (!this.used.has(id)) return this.take(id)[0]!;
    throw new Error("no unused subject left: the hub's register has too few adults in no case");
  }

  pair(): [string, string] {
    for (const household of this.households) {
      const free = household.filter((id) => !this.used.has(id));
      if (free.length >= 2) return this.take(free[0]!, free[1]!) as [string, string];
    }
    throw new Error("no household with two unused adults left in the hub's register");
  }

  private take(...ids: string[]): string[] {
    for (const id of ids) this.used.add(id);
    return ids;
  }
}
