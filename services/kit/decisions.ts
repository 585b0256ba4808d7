// Consent decisions as a subgraph obtains them: one batched question list per
// request, answered by samhandling's decision endpoint, cached in Redis when
// REDIS_URL is set. Any failure answers RESTRICTED — never granted.
import type { Caller, Purpose } from "./auth/caller.ts";
import type { ServiceName } from "./catalog.ts";
import type { DataCategory } from "./categories.ts";
import type { InternalClient } from "./internal.ts";
import type { KeyValueStore } from "./store.ts";
import { createLogger, errorFields } from "./log.ts";

const log = createLogger("decisions");

export interface DecisionQuestion {
  personId: string;
  service: ServiceName;
  category: DataCategory;
}

export interface Decision {
  status: "GRANTED" | "RESTRICTED";
  /** Stable code: CONSENT, OWN_SERVICE, SELF, CASE_MEMBERSHIP, INFORMATION_DUTY, NO_CONSENT, NOT_A_MEMBER, … */
  reason: string;
  /** The consent id or legal basis that decided it. */
  basis: string | null;
}

export interface DecisionSource {
  decide(caller: Caller, purpose: Purpose, questions: readonly DecisionQuestion[], requestId: string): Promise<Decision[]>;
}

export const UNAVAILABLE: Decision = { status: "RESTRICTED", reason: "DECISION_UNAVAILABLE", basis: null };

/** The actor as the decision endpoint takes it. */
export function decisionActor(caller: Caller): Record<string, unknown> | null {
  if (caller.kind !== "actor") return null;
  const { sub, service, roles, personId } = caller.claims;
  return { id: sub, service, roles, personId: personId ?? null };
}

export const DECIDE_QUERY = `query Decide($actor: DecisionActorInput, $caseId: ID, $questions: [DecisionQuestionInput!]!) {
  _decide(actor: $actor, caseId: $caseId, questions: $questions) { status reason basis }
}`;

/** Asks samhandling over a signed internal call. */
export function remoteDecisions(client: InternalClient): DecisionSource {
  return {
    async decide(caller, purpose, questions, requestId) {
      if (questions.length === 0) return [];
      try {
        const data = await client.query<{ _decide: Decision[] }>(
          "samhandling",
          DECIDE_QUERY,
          { actor: decisionActor(caller), caseId: purpose?.caseId ?? null, questions },
          requestId,
        );
        if (data._decide.length !== questions.length) throw new Error("answer count mismatch");
        return data._decide;
      } catch (error) {
        log.warn("decision endpoint unreachable; answering restricted", errorFields(error));
        return questions.map(() => UNAVAILABLE);
      }
    },
  };
}

/** The key under which samhandling bumps the consent version; every cached decision carries the version it was made under. */
export const CONSENT_VERSION_KEY = "hub:consent-version";
const TTL_SECONDS = 300;

function cacheKey(version: string, caller: Caller, purpose: Purpose, q: DecisionQuestion): string {
  const actor = caller.kind === "actor" ? caller.claims.sub : caller.kind;
  return `hub:decision:${version}:${actor}:${purpose?.caseId ?? "-"}:${q.personId}:${q.service}:${q.category}`;
}

/**
 * Cached decisions. A consent change bumps the version before the change is
 * acknowledged, so the very next request — on any instance — misses the cache.
 */
export function cachedDecisions(inner: DecisionSource, store: KeyValueStore): DecisionSource {
  return {
    async decide(caller, purpose, questions, requestId) {
      if (questions.length === 0) return [];
      let version: string;
      let cached: (string | null)[];
      try {
        version = (await store.get(CONSENT_VERSION_KEY)) ?? "0";
        cached = await store.mget(questions.map((q) => cacheKey(version, caller, purpose, q)));
      } catch (error) {
        log.warn("decision cache unavailable; asking samhandling", errorFields(error));
        return inner.decide(caller, purpose, questions, requestId);
      }
      const missing = questions.map((q, i) => (cached[i] === null ? i : -1)).filter((i) => i >= 0);
      const fresh = await inner.decide(caller, purpose, missing.map((i) => questions[i]), requestId);
      const answers = cached.map((c) => (c === null ? null : (JSON.parse(c) as Decision)));
      const toStore: [string, string][] = [];
      missing.forEach((i, n) => {
        answers[i] = fresh[n];
        if (fresh[n].reason !== UNAVAILABLE.reason) toStore.push([cacheKey(version, caller, purpose, questions[i]), JSON.stringify(fresh[n])]);
      });
      if (toStore.length > 0) await store.msetex(toStore, TTL_SECONDS).catch((error: unknown) => log.warn("decision cache write failed", errorFields(error)));
      return answers as Decision[];
    },
  };
}
