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

/**
 * Logs an outage when it begins and when it ends, not on every request it
 * touches: under load a per-request warning floods the log and hides the
 * moment it started.
 */
export function outageLog(down: string, up: string): { failed(error: unknown): void; ok(): void } {
  let failing = false;
  return {
    failed(error) {
      if (failing) return;
      failing = true;
      log.warn(down, errorFields(error));
    },
    ok() {
      if (!failing) return;
      failing = false;
      log.info(up);
    },
  };
}

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
  /**
   * When time alone may change this answer (a consent's period starts or
   * ends, the subject has a birthday that moves a competence age). Caches
   * must not keep the answer past it. Absent: only a recorded change can.
   */
  validUntil?: string | null;
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
  _decide(actor: $actor, caseId: $caseId, questions: $questions) { status reason basis validUntil }
}`;

/** Asks samhandling over a signed internal call. */
export function remoteDecisions(client: InternalClient): DecisionSource {
  const outage = outageLog("decision endpoint unreachable; answering restricted", "decision endpoint reachable again");
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
        outage.ok();
        return data._decide;
      } catch (error) {
        outage.failed(error);
        return questions.map(() => UNAVAILABLE);
      }
    },
  };
}

/** The key under which samhandling bumps the consent version; every cached decision carries the version it was made under. */
export const CONSENT_VERSION_KEY = "hub:consent-version";
const TTL_SECONDS = 300;

/** Seconds a decision may be cached: the TTL, cut short where time alone would change it. */
export function cacheSeconds(decision: Decision, now: number = Date.now()): number {
  if (decision.reason === UNAVAILABLE.reason) return 0;
  if (!decision.validUntil) return TTL_SECONDS;
  return Math.max(0, Math.min(TTL_SECONDS, Math.floor((Date.parse(decision.validUntil) - now) / 1000)));
}

function cacheKey(version: string, caller: Caller, purpose: Purpose, q: DecisionQuestion): string {
  const actor = caller.kind === "actor" ? caller.claims.sub : caller.kind;
  return `hub:decision:${version}:${actor}:${purpose?.caseId ?? "-"}:${q.personId}:${q.service}:${q.category}`;
}

/**
 * Cached decisions. A consent change bumps the version before the change is
 * acknowledged, so the very next request — on any instance — misses the cache.
 */
export function cachedDecisions(inner: DecisionSource, store: KeyValueStore): DecisionSource {
  // Correctness over speed: while the cache is down every request asks samhandling.
  const outage = outageLog("decision cache unavailable; asking samhandling", "decision cache available again");
  return {
    async decide(caller, purpose, questions, requestId) {
      if (questions.length === 0) return [];
      let version: string;
      let cached: (string | null)[];
      try {
        version = (await store.get(CONSENT_VERSION_KEY)) ?? "0";
        cached = await store.mget(questions.map((q) => cacheKey(version, caller, purpose, q)));
      } catch (error) {
        outage.failed(error);
        return inner.decide(caller, purpose, questions, requestId);
      }
      outage.ok();
      const missing = questions.map((q, i) => (cached[i] === null ? i : -1)).filter((i) => i >= 0);
      const fresh = await inner.decide(caller, purpose, missing.map((i) => questions[i]), requestId);
      const answers = cached.map((c) => (c === null ? null : (JSON.parse(c) as Decision)));
      // Entries grouped by how long they may live, one write per distinct TTL.
      const toStore = new Map<number, [string, string][]>();
      missing.forEach((i, n) => {
        answers[i] = fresh[n];
        const seconds = cacheSeconds(fresh[n]);
        if (seconds < 1) return;
        const group = toStore.get(seconds) ?? [];
        group.push([cacheKey(version, caller, purpose, questions[i]), JSON.stringify(fresh[n])]);
        toStore.set(seconds, group);
      });
      await Promise.all(
        [...toStore].map(([seconds, entries]) => store.msetex(entries, seconds).catch((error: unknown) => outage.failed(error))),
      );
      return answers as Decision[];
    },
  };
}
