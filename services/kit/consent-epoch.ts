// The consent epoch: a number that moves forward whenever a consent or a case
// membership changes. samhandling moves it after the change is committed and
// before the change is acknowledged. The gateway learns the epoch in force
// when a request arrives and stamps it, signed, on every subgraph call of that
// request; every subgraph caches decisions in its own process under the epoch
// they were made in and uses one only for a request stamped with that same
// epoch. So a withdrawal counts from the very next request on every gateway
// and subgraph instance, without waiting for a TTL.
//
// How the gateway learns the epoch:
// - with REDIS_URL, one GET of a shared counter per request (any number of
//   instances of every process);
// - without Redis (the embedded default: one instance of each process on one
//   host), samhandling holds the epoch and pushes it to the gateway, on each
//   change and as a heartbeat. The gateway trusts its copy only for a short
//   lease counted from when samhandling sent it; samhandling acknowledges a
//   change only once the gateway has taken the new epoch or the lease of every
//   push sent before has run out. (Leases are on the wall clock the processes
//   share: one host, which is what "without Redis" supports.)
import { failFastRedis } from "./redis.ts";
import type { ServiceName } from "./catalog.ts";
import { HUB_EXTENSION, signRequest, signatureProblem, type HubExtension } from "./auth/signing.ts";
import type { RefusalCode } from "./error-codes.ts";
import { createLogger, outageLog } from "./log.ts";

const log = createLogger("consent-epoch");

export interface ConsentEpoch {
  /** The epoch in force now, or null when it cannot be known: then nothing cached may be used. */
  current(): Promise<number | null>;
  close(): Promise<void>;
}

/** samhandling's side: it moves the epoch when consents or memberships change. */
export interface EpochAuthority extends ConsentEpoch {
  /** Resolves once no instance anywhere can use a decision made under an older epoch. */
  advance(): Promise<void>;
}

export const CONSENT_EPOCH_KEY = "hub:consent-epoch";

/** Microseconds since the epoch: where a new or restarted counter starts, above any value it had before. */
const nowMicros = () => Date.now() * 1000;

/**
 * Moves the counter to the greater of (its value + 1) and the clock in
 * microseconds, atomically. So it only ever grows — also across a Redis that
 * restarted empty, where a plain INCR would count from 0 again and, some
 * changes later, pass through values that old cache entries are filed under.
 */
const ADVANCE_SCRIPT = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local t = tonumber(ARGV[1])
if t > v then v = t else v = v + 1 end
redis.call('SET', KEYS[1], string.format('%d', v))
return tostring(v)`;

/** The shared counter in Redis. Unreachable Redis → null (every subgraph then decides afresh). */
export function redisEpoch(url: string): EpochAuthority {
  const redis = failFastRedis(url, { autoPipelining: true });
  const outage = outageLog("consent-epoch", "Redis unavailable; requests go out without a consent epoch, so every decision is made afresh", "Redis available again; decisions are cached");
  const read = async (): Promise<number> => {
    const value = await redis.get(CONSENT_EPOCH_KEY);
    if (value !== null) return Number(value);
    // A new or emptied Redis: start the counter from the clock (whoever is first), then read it.
    await redis.set(CONSENT_EPOCH_KEY, String(nowMicros()), "NX");
    return Number(await redis.get(CONSENT_EPOCH_KEY));
  };
  return {
    async current() {
      try {
        const epoch = await read();
        outage.ok();
        return epoch;
      } catch (error) {
        outage.failed(error);
        return null;
      }
    },
    async advance() {
      await redis.eval(ADVANCE_SCRIPT, 1, CONSENT_EPOCH_KEY, String(nowMicros()));
    },
    async close() {
      redis.disconnect();
    },
  };
}

// --- without Redis: pushed by samhandling, trusted for a lease ------------

export const EPOCH_PATH = "/internal/consent-epoch";

/** How often samhandling repeats the epoch to the gateway. */
export const HEARTBEAT_MS = 1_000;
/** How long a subgraph trusts the last epoch it was told. Several heartbeats, so one lost push does not matter. */
export const LEASE_MS = 3_500;
/** Room for the processes' clocks reading a few milliseconds apart. */
const CLOCK_MARGIN_MS = 250;

const PUSH_QUERY = "consent-epoch";

interface EpochPush {
  query: string;
  variables: { epoch: number };
  extensions: Record<string, unknown>;
}

/** The gateway's copy of samhandling's epoch, valid until LEASE_MS after the newest push was sent. */
export class FollowedEpoch implements ConsentEpoch {
  private epoch = 0;
  private leaseUntil = -Infinity;

  constructor(private readonly secret: string) {}

  async current(): Promise<number | null> {
    return Date.now() < this.leaseUntil ? this.epoch : null;
  }

  /**
   * A push from samhandling (the HTTP body of EPOCH_PATH). Only signed pushes
   * count, and never one older than the newest seen: a delayed heartbeat must
   * not take the epoch back to a value decisions were cached under.
   */
  receive(body: unknown): { ok: true } | { ok: false; code: RefusalCode } {
    const push = body as Partial<EpochPush> | null;
    if (!push || push.query !== PUSH_QUERY || typeof push.variables?.epoch !== "number") return { ok: false, code: "BAD_REQUEST" };
    const problem = signatureProblem(push as EpochPush, this.secret);
    if (problem) return { ok: false, code: problem };
    const hub = push.extensions?.[HUB_EXTENSION] as HubExtension;
    if (hub.service !== "samhandling") return { ok: false, code: "FORBIDDEN" };
    if (push.variables.epoch < this.epoch) return { ok: true };
    this.epoch = push.variables.epoch;
    this.leaseUntil = Math.max(this.leaseUntil, hub.issuedAt + LEASE_MS);
    return { ok: true };
  }

  async close(): Promise<void> {}
}

/**
 * samhandling's epoch without Redis. It starts from the wall clock (in
 * microseconds), so a restarted samhandling never reuses an epoch its
 * followers may still hold decisions under.
 */
export class LeadingEpoch implements EpochAuthority {
  private epoch = nowMicros();
  /** When the newest push to each follower was sent: its lease ends LEASE_MS later, delivered or not. */
  private readonly lastSent = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  /** `followers`: the gateways to push to (GATEWAY_URLS, by default the local one). */
  constructor(
    private readonly secret: string,
    private readonly followers: readonly string[],
    private readonly self: ServiceName = "samhandling",
  ) {
    this.timer = setInterval(() => void this.pushAll(), HEARTBEAT_MS);
    this.timer.unref();
    void this.pushAll();
  }

  async current(): Promise<number> {
    return this.epoch;
  }

  async advance(): Promise<void> {
    // Every push sent before this instant carries an older epoch.
    const olderPushes = new Map(this.lastSent);
    this.epoch += 1;
    const failed = await this.pushAll();
    // A follower that did not take the new epoch stops trusting its old one when the lease of the newest older push ends.
    const waitUntil = Math.max(0, ...failed.map((s) => (olderPushes.get(s) ?? -Infinity) + LEASE_MS + CLOCK_MARGIN_MS));
    const wait = waitUntil - Date.now();
    if (wait > 0) {
      log.warn("a gateway did not take the new consent epoch; waiting for its lease to run out", { gateways: failed.length, waitMs: Math.ceil(wait) });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Pushes the epoch to every gateway; returns those that did not take it. */
  private async pushAll(): Promise<string[]> {
    const epoch = this.epoch;
    const results = await Promise.all(this.followers.map(async (url) => ((await this.push(url, epoch)) ? null : url)));
    return results.filter((u): u is string => u !== null);
  }

  private async push(baseUrl: string, epoch: number): Promise<boolean> {
    const issuedAt = Date.now();
    this.lastSent.set(baseUrl, issuedAt);
    const hub: HubExtension = { purpose: null, requestId: `epoch-${epoch}`, issuedAt, service: this.self };
    const body = signRequest({ query: PUSH_QUERY, variables: { epoch }, extensions: { [HUB_EXTENSION]: hub } }, this.secret);
    try {
      const url = new URL(EPOCH_PATH, baseUrl);
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(LEASE_MS),
      });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
  }
}
