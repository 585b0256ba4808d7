// The real PersonFactsSource: a signed internal call to the registry subgraph.
// Every subgraph asks for decisions during the same gateway request; the facts
// are fetched once per request id (and forgotten shortly after), not once per asker.
import type { InternalClient } from "../../kit/internal.ts";
import type { PersonFacts, PersonFactsSource } from "../person-facts.ts";

const QUERY = `query PersonFacts($ids: [ID!]!) {
  _personFacts(ids: $ids) { personId birthDate guardians { guardianId parentalResponsibility } householdIds }
}`;

interface Row {
  personId: string;
  birthDate: string;
  guardians: { guardianId: string; parentalResponsibility: boolean }[];
  householdIds: string[];
}

const WARDS_QUERY = `query Wards($ids: [ID!]!) { _personFacts(ids: $ids) { personId wardIds } }`;

/** How long facts fetched for one request are reused by that request's other subgraphs. */
const REQUEST_MEMO_MS = 5_000;

export interface RequestScopedFacts {
  /** Facts for a request: fetched once per person per request id. */
  forRequest(requestId: string): PersonFactsSource;
}

export function registryPersonFacts(internal: InternalClient): RequestScopedFacts {
  const memo = new Map<string, { expires: number; facts: Map<string, Promise<PersonFacts | null>> }>();
  const fetchFacts = async (ids: readonly string[], requestId: string) => {
    const data = await internal.query<{ _personFacts: Row[] }>("registry", QUERY, { ids: [...ids] }, { requestId });
    return new Map<string, PersonFacts>(data._personFacts.map((r) => [r.personId, { ...r, birthDate: new Date(`${r.birthDate}T00:00:00Z`) }]));
  };
  return {
    forRequest(requestId) {
      const now = Date.now();
      for (const [key, entry] of memo) if (entry.expires < now) memo.delete(key);
      let entry = memo.get(requestId);
      if (!entry) memo.set(requestId, (entry = { expires: now + REQUEST_MEMO_MS, facts: new Map() }));
      const facts = entry.facts;
      return {
        async wards(personIds) {
          const data = await internal.query<{ _personFacts: { personId: string; wardIds: string[] }[] }>("registry", WARDS_QUERY, { ids: [...personIds] }, { requestId });
          return new Map(data._personFacts.map((r) => [r.personId, r.wardIds]));
        },
        async load(personIds) {
          const missing = personIds.filter((id) => !facts.has(id));
          if (missing.length > 0) {
            const fetched = fetchFacts(missing, requestId);
            // A failed fetch is forgotten, so the next asker tries again (and fails closed if it fails too).
            fetched.catch(() => missing.forEach((id) => facts.delete(id)));
            for (const id of missing) facts.set(id, fetched.then((m) => m.get(id) ?? null));
          }
          const out = new Map<string, PersonFacts>();
          for (const id of personIds) {
            const f = await facts.get(id);
            if (f) out.set(id, f);
          }
          return out;
        },
      };
    },
  };
}
