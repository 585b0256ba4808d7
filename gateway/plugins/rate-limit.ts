// Per-actor rate limit: one budget per person over every root field they ask
// for, shared by every gateway through Redis when REDIS_URL is set, counted
// in this process otherwise (and while Redis is unreachable).
//
// A sliding-window counter: the count of this window plus the previous
// window's count weighted by how much of the previous window still lies
// within the last `windowMs`. One Redis round trip per request (a script
// that updates and reads the actor's counter at once), and no walk of the
// document beyond counting its root fields once per document. Envelop's
// rate limiter, used before, kept every call's timestamp (a GET and a SET of
// a JSON array per request) and walked each document with a TypeInfo: about a
// fifth of the gateway's CPU (bench/RESULTS.md).
import { Kind, type DocumentNode, type SelectionSetNode } from "graphql";
import { Redis } from "ioredis";
import type { RateLimit } from "../config.ts";
import { requestRefusal } from "../../services/kit/errors.ts";
import { createLogger } from "../../services/kit/log.ts";

const log = createLogger("gateway");
const KEY_PREFIX = "hub:rate-limit:";

/** An actor's counts: in the current window (this request included) and in the one before. */
interface Counts {
  current: number;
  previous: number;
}

interface Counter {
  add(key: string, cost: number, window: number, windowMs: number): Promise<Counts> | Counts;
}

/** Moves an actor's counts on to `window` (a counter seen in a later window stays there: clocks differ a little). */
function rolled(seen: { window: number } & Counts, window: number): { window: number } & Counts {
  if (seen.window >= window) return seen;
  if (seen.window === window - 1) return { window, current: 0, previous: seen.current };
  return { window, current: 0, previous: 0 };
}

/** Actors counted in this process before those whose counts have run out are dropped. */
const PROCESS_ACTORS = 10_000;

/** This process's counters; actors whose counts have run out are dropped, at most once per window. */
class ProcessCounter implements Counter {
  private readonly counts = new Map<string, { window: number } & Counts>();
  private prunedIn = -Infinity;

  add(key: string, cost: number, window: number): Counts {
    // Once per window, not per call: with many active actors a sweep on every request would be the hot path.
    if (this.counts.size > PROCESS_ACTORS && this.prunedIn < window) {
      this.prunedIn = window;
      for (const [k, c] of this.counts) if (c.window < window - 1) this.counts.delete(k);
    }
    const next = rolled(this.counts.get(key) ?? { window, current: 0, previous: 0 }, window);
    const counted = { ...next, current: next.current + cost };
    this.counts.set(key, counted);
    return counted;
  }
}

// The same roll as rolled() above, in Redis, atomically: KEYS[1] a hash {w, c, p};
// ARGV window, cost, time to live in ms. Returns {current, previous}.
const ADD_SCRIPT = `
local w = tonumber(ARGV[1])
local seen = redis.call('HMGET', KEYS[1], 'w', 'c', 'p')
local sw, c, p = tonumber(seen[1]), tonumber(seen[2]) or 0, tonumber(seen[3]) or 0
if sw == nil then c = 0; p = 0
elseif sw >= w then w = sw
elseif sw == w - 1 then p = c; c = 0
else c = 0; p = 0 end
c = c + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'w', w, 'c', c, 'p', p)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {c, p}`;

type AddCommand = (key: string, window: number, cost: number, ttlMs: number) => Promise<[number, number]>;

/** Shared counters in Redis; if Redis fails, this process counts alone until it is back (logged once). */
class RedisCounter implements Counter {
  private warned = false;
  private readonly addInRedis: AddCommand;

  constructor(
    redis: Redis,
    private readonly fallback: ProcessCounter,
  ) {
    redis.defineCommand("hubRateAdd", { numberOfKeys: 1, lua: ADD_SCRIPT });
    this.addInRedis = (redis as unknown as { hubRateAdd: AddCommand }).hubRateAdd.bind(redis);
  }

  async add(key: string, cost: number, window: number, windowMs: number): Promise<Counts> {
    try {
      // Kept for two windows: the next window still weighs this one's count.
      const [current, previous] = await this.addInRedis(KEY_PREFIX + key, window, cost, 2 * windowMs);
      this.warned = false;
      return { current, previous };
    } catch (error) {
      if (!this.warned) log.warn("rate limit: Redis unavailable, counting in this process", { error: error instanceof Error ? error.name : "unknown" });
      this.warned = true;
      return this.fallback.add(key, cost, window);
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

/** The root fields an operation asks for (through fragments too); `__typename` is free. */
export function rootFieldCount(document: DocumentNode, operationName: string | null | undefined): number {
  const fragments = new Map<string, SelectionSetNode>();
  let operation: SelectionSetNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
    else if (d.kind === Kind.OPERATION_DEFINITION && (operationName ? d.name?.value === operationName : !operation)) operation = d.selectionSet;
  }
  const seen = new Set<string>();
  const count = (set: SelectionSetNode | undefined): number => {
    let n = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) n += s.name.value === "__typename" ? 0 : 1;
      else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // A fragment spread twice at the root selects the same fields: they run once.
        seen.add(s.name.value);
        n += count(fragments.get(s.name.value));
      }
    }
    return n;
  };
  return count(operation);
}

function sharedCounters(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  // ioredis reports every failed reconnect as an "error" event, printed as an unstructured line when
  // nobody listens; the counter logs the outage once instead.
  redis.on("error", () => undefined);
  return redis;
}

interface ExecutePayload {
  args: { document: DocumentNode; operationName?: string | null; contextValue: unknown };
}

export function useHubRateLimit(config: RateLimit, now: () => number = Date.now) {
  const fallback = new ProcessCounter();
  const counter: Counter = config.redisUrl ? new RedisCounter(sharedCounters(config.redisUrl), fallback) : fallback;
  const seconds = Math.ceil(config.windowMs / 1000);
  // Trusted documents are the same objects request after request: count each once.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const costOf = (document: DocumentNode, operationName: string | null | undefined) => {
    let byOperation = costs.get(document);
    if (!byOperation) costs.set(document, (byOperation = new Map()));
    const name = operationName ?? "";
    let cost = byOperation.get(name);
    if (cost === undefined) byOperation.set(name, (cost = rootFieldCount(document, operationName)));
    return cost;
  };
  return {
    async onExecute({ args }: ExecutePayload): Promise<void> {
      const cost = costOf(args.document, args.operationName);
      if (cost === 0) return;
      const at = now();
      const window = Math.floor(at / config.windowMs);
      const { current, previous } = await counter.add(actorKey(args.contextValue as RateContext), cost, window, config.windowMs);
      const stillInView = 1 - (at - window * config.windowMs) / config.windowMs;
      if (current + previous * stillInView <= config.max) return;
      throw requestRefusal("RATE_LIMITED", `Too many requests: at most ${config.max} per ${seconds} s for one user. Wait a little and try again.`, { "retry-after": String(seconds) });
    },
  };
}
