// Per-actor rate limit with envelop's rate limiter, on every root field of
// Query and Mutation. The store keys on the actor alone (not actor × field),
// so the limit is one budget per person, shared by every gateway through Redis
// when REDIS_URL is set, per process otherwise.
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";
import { Store, useRateLimiter, type Identity } from "@envelop/rate-limiter";
import type { RateLimit } from "../hardening.ts";
import { createLogger } from "../../services/kit/log.ts";

const log = createLogger("gateway");
const KEY_PREFIX = "hub:rate-limit:";

/** The timestamps of one actor's recent calls, in this process; old actors are dropped as they expire. */
class ProcessStore extends Store {
  private readonly calls = new Map<string, { timestamps: readonly number[]; expires: number }>();

  getForIdentity(identity: Identity): readonly number[] {
    const entry = this.calls.get(identity.contextIdentity);
    return entry && entry.expires > Date.now() ? entry.timestamps : [];
  }

  setForIdentity(identity: Identity, timestamps: readonly number[], windowMs = 60_000): void {
    const now = Date.now();
    if (this.calls.size > 10_000) for (const [key, entry] of this.calls) if (entry.expires <= now) this.calls.delete(key);
    this.calls.set(identity.contextIdentity, { timestamps, expires: now + windowMs });
  }
}

/** Shared counters in Redis; if Redis fails, this process counts alone until it is back (logged once). */
class RedisStore extends Store {
  private warned = false;
  constructor(
    private readonly redis: Redis,
    private readonly fallback: ProcessStore,
  ) {
    super();
  }

  private degrade(error: unknown): void {
    if (!this.warned) log.warn("rate limit: Redis unavailable, counting in this process", { error: error instanceof Error ? error.name : "unknown" });
    this.warned = true;
  }

  async getForIdentity(identity: Identity): Promise<readonly number[]> {
    try {
      const raw = await this.redis.get(KEY_PREFIX + identity.contextIdentity);
      this.warned = false;
      return raw ? (JSON.parse(raw) as number[]) : [];
    } catch (error) {
      this.degrade(error);
      return this.fallback.getForIdentity(identity);
    }
  }

  async setForIdentity(identity: Identity, timestamps: readonly number[], windowMs = 60_000): Promise<void> {
    try {
      await this.redis.set(KEY_PREFIX + identity.contextIdentity, JSON.stringify(timestamps), "PX", windowMs);
    } catch (error) {
      this.degrade(error);
      this.fallback.setForIdentity(identity, timestamps, windowMs);
    }
  }
}

interface RateContext {
  jwt?: { payload?: { sub?: unknown } };
  req?: { socket?: { remoteAddress?: string } };
}

/** The verified subject, or for anonymous callers their address: an opaque key, never a name. */
export function actorKey(context: RateContext): string {
  const sub = context.jwt?.payload?.sub;
  if (typeof sub === "string" && sub !== "") return `actor:${sub}`;
  return `anonymous:${context.req?.socket?.remoteAddress ?? "unknown"}`;
}

function sharedCounters(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  // ioredis reports every failed reconnect as an "error" event, printed as an unstructured line when
  // nobody listens; the store below logs the outage once instead.
  redis.on("error", () => undefined);
  return redis;
}

export function useHubRateLimit(config: RateLimit) {
  const fallback = new ProcessStore();
  const store = config.redisUrl ? new RedisStore(sharedCounters(config.redisUrl), fallback) : fallback;
  const seconds = Math.ceil(config.windowMs / 1000);
  return keepingTheDocument(useRateLimiter({
    identifyFn: (context) => actorKey(context as RateContext),
    store,
    configByField: [{ type: "{Query,Mutation}", field: "*", max: config.max, window: `${config.windowMs}ms` }],
    transformError: () =>
      new GraphQLError(`Too many requests: at most ${config.max} per ${seconds} s for one user. Wait a little and try again.`, {
        extensions: { code: "RATE_LIMITED", http: { status: 429, headers: { "retry-after": String(seconds) } } },
      }),
  }));
}

type RateLimiterPlugin = ReturnType<typeof useRateLimiter>;

/**
 * The limiter checks each root field while walking the document with
 * graphql-js's visit, and hands the walk's result on as the document to
 * execute: a copy, even when nothing was removed. Every cache keyed on the
 * document then misses, the query planner's included, so each request was
 * printed and planned afresh (about a third of the gateway's CPU,
 * bench/RESULTS.md). Here a refusal throws (transformError above) instead of
 * removing a field, so the copy always equals the original: the original goes on.
 */
function keepingTheDocument(limiter: RateLimiterPlugin): RateLimiterPlugin {
  const { onExecute } = limiter;
  if (!onExecute) return limiter;
  return {
    ...limiter,
    onExecute(payload) {
      const { args } = payload;
      const document = args.document;
      try {
        return onExecute(payload);
      } finally {
        args.document = document;
      }
    },
  };
}
