// Consent decisions as a subgraph obtains them: one batched question list per
// request, answered by samhandling's decision endpoint and cached in the
// process under the consent epoch. Any failure answers RESTRICTED — never granted.
import type { Caller, Purpose } from "./auth/caller.ts";
import type { ServiceName } from "./catalog.ts";
import type { AccessCategory } from "./categories.ts";
import type { InternalClient } from "./internal.ts";
import { outageLog } from "./log.ts";
import type { DecidingReason } from "./access-values.ts";

export interface DecisionQuestion {
  personId: string;
  service: ServiceName;
  category: AccessCategory;
}

export interface Decision {
  status: "GRANTED" | "RESTRICTED";
  /** The rule that decided, one of the closed set in access-values.ts (CONSENT, OWN_SERVICE, NO_CONSENT, …). */
  reason: DecidingReason;
  /** The consent id or legal basis that decided it, as the access log stores it (access-values.ts reads it). */
  basis: string | null;
  /**
   * When time alone may change this answer (a consent's period starts or
   * ends, the subject has a birthday that moves a competence age). Caches
   * must not keep the answer past it. Absent: only a recorded change can.
   */
  validUntil?: string | null;
  /**
   * Granted on an extraordinary basis (barnevern's information request under
   * barnevernsloven § 13-2): the release is flagged in the access log and
   * lands on the releasing service's auditors' review list.
   */
  extraordinary?: boolean | null;
  /**
   * For a guardian's innsyn (category ACCESS_LOG): the information requests
   * still open about the child, whose releases are withheld from the guardian
   * until they close. Absent: nothing withheld.
   */
  withhold?: string[] | null;
}

/** The request decisions are asked for: who asks, for which purpose, under which consent epoch. */
export interface DecisionRequest {
  caller: Caller;
  purpose: Purpose;
  requestId: string;
  /**
   * The consent epoch the gateway stamped the request with
   * (kit/consent-epoch.ts); null when it could not learn it: then nothing
   * cached may be used.
   */
  consentEpoch: number | null;
}

export interface DecisionSource {
  decide(request: DecisionRequest, questions: readonly DecisionQuestion[]): Promise<Decision[]>;
}

export const UNAVAILABLE: Decision = { status: "RESTRICTED", reason: "DECISION_UNAVAILABLE", basis: null };

/** The actor as the decision endpoint takes it. */
export function decisionActor(caller: Caller): Record<string, unknown> | null {
  if (caller.kind !== "actor") return null;
  const { sub, service, roles, personId } = caller.claims;
  return { id: sub, service, roles, personId: personId ?? null };
}

export const DECIDE_QUERY = `query Decide($actor: DecisionActorInput, $caseId: ID, $questions: [DecisionQuestionInput!]!) {
  _decide(actor: $actor, caseId: $caseId, questions: $questions) { status reason basis validUntil extraordinary withhold }
}`;

/** Asks samhandling over a signed internal call. */
export function remoteDecisions(client: InternalClient): DecisionSource {
  const outage = outageLog("decisions", "decision endpoint unreachable; answering restricted", "decision endpoint reachable again");
  return {
    async decide(request, questions) {
      if (questions.length === 0) return [];
      try {
        const data = await client.query<{ _decide: Decision[] }>(
          "samhandling",
          DECIDE_QUERY,
          { actor: decisionActor(request.caller), caseId: request.purpose?.caseId ?? null, questions },
          { requestId: request.requestId, consentEpoch: request.consentEpoch },
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

const TTL_SECONDS = 300;
/** Decisions one process keeps; past this the oldest tenth is dropped. */
const MAX_CACHED = 100_000;

/** Seconds a decision may be cached: the TTL, cut short where time alone would change it. */
export function cacheSeconds(decision: Decision, now: number = Date.now()): number {
  if (decision.reason === UNAVAILABLE.reason) return 0;
  if (!decision.validUntil) return TTL_SECONDS;
  return Math.max(0, Math.min(TTL_SECONDS, Math.floor((Date.parse(decision.validUntil) - now) / 1000)));
}

/** Everything about the caller a decision depends on: subject, service and (a citizen's) person. */
function actorKey(caller: Caller): string {
  if (caller.kind === "actor") return `a:${caller.claims.sub}:${caller.claims.service}:${caller.claims.personId ?? ""}`;
  return caller.kind === "service" ? `s:${caller.service}` : "anonymous";
}

function cacheKey(caller: Caller, purpose: Purpose, q: DecisionQuestion): string {
  return `${actorKey(caller)}\u0000${purpose?.caseId ?? ""}\u0000${q.personId}\u0000${q.service}\u0000${q.category}`;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  /** Questions of requests without a usable epoch (none, or older than the cache's), asked afresh. */
  bypassed: number;
}

/**
 * Decisions cached in this process under the consent epoch they were made
 * in (kit/consent-epoch.ts). The gateway stamps every request with the epoch
 * in force when it arrived; a cached answer counts only under that epoch, and
 * a newer epoch drops everything. A request with no epoch, or with one older
 * than the cache's (it started before the newest change), asks afresh and
 * keeps nothing: correctness over speed.
 */
export function cachedDecisions(inner: DecisionSource): DecisionSource & { counters: CacheCounters } {
  let epochOfEntries = -Infinity;
  const entries = new Map<string, { decision: Decision; expires: number }>();
  const counters: CacheCounters = { hits: 0, misses: 0, bypassed: 0 };
  return {
    counters,
    async decide(request, questions) {
      if (questions.length === 0) return [];
      const epoch = request.consentEpoch;
      if (epoch === null || epoch < epochOfEntries) {
        counters.bypassed += questions.length;
        return inner.decide(request, questions);
      }
      if (epoch > epochOfEntries) {
        entries.clear();
        epochOfEntries = epoch;
      }
      const now = Date.now();
      const keys = questions.map((q) => cacheKey(request.caller, request.purpose, q));
      const answers: (Decision | null)[] = keys.map((key) => {
        const hit = entries.get(key);
        return hit && hit.expires > now ? hit.decision : null;
      });
      const missing = answers.flatMap((a, i) => (a === null ? [i] : []));
      counters.hits += questions.length - missing.length;
      counters.misses += missing.length;
      if (missing.length === 0) return answers as Decision[];
      const fresh = await inner.decide(request, missing.map((i) => questions[i]!));
      // Made under `epoch`; if a newer one arrived meanwhile they may be stale and must not be kept.
      const keep = epoch === epochOfEntries;
      if (keep && entries.size + missing.length > MAX_CACHED) {
        let drop = Math.ceil(MAX_CACHED / 10);
        for (const key of entries.keys()) {
          entries.delete(key);
          if (--drop === 0) break;
        }
      }
      missing.forEach((i, n) => {
        answers[i] = fresh[n]!;
        const seconds = cacheSeconds(fresh[n]!, now);
        if (keep && seconds >= 1) entries.set(keys[i]!, { decision: fresh[n]!, expires: now + seconds * 1000 });
      });
      return answers as Decision[];
    },
  };
}
