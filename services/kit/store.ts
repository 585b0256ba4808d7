// A small key-value interface over Redis (shared by every instance) with an
// in-process stand-in of the same shape for a single process without Redis.
import { Redis } from "ioredis";
import { createLogger } from "./log.ts";

const log = createLogger("store");

export interface KeyValueStore {
  readonly shared: boolean;
  get(key: string): Promise<string | null>;
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  msetex(entries: readonly [string, string][], ttlSeconds: number): Promise<void>;
  incr(key: string): Promise<number>;
  close(): Promise<void>;
}

export function redisStore(url: string): KeyValueStore {
  // Fail fast while Redis is down instead of queueing commands: callers fall back.
  const redis = new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  let reported = false;
  redis.on("error", (error: Error) => {
    if (!reported) log.warn("redis unavailable", { error: error.name });
    reported = true;
  });
  redis.on("ready", () => {
    if (reported) log.info("redis available again");
    reported = false;
  });
  return {
    shared: true,
    get: (key) => redis.get(key),
    mget: (keys) => (keys.length ? redis.mget(...keys) : Promise.resolve([])),
    async msetex(entries, ttl) {
      const batch = redis.multi();
      for (const [key, value] of entries) batch.set(key, value, "EX", ttl);
      await batch.exec();
    },
    incr: (key) => redis.incr(key),
    async close() {
      redis.disconnect();
    },
  };
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, { value: string; expires: number }>();
  const read = (key: string) => {
    const hit = values.get(key);
    if (!hit || hit.expires < Date.now()) return null;
    return hit.value;
  };
  return {
    shared: false,
    get: async (key) => read(key),
    mget: async (keys) => keys.map(read),
    async msetex(entries, ttl) {
      for (const [key, value] of entries) values.set(key, { value, expires: Date.now() + ttl * 1000 });
    },
    async incr(key) {
      const next = Number(read(key) ?? 0) + 1;
      values.set(key, { value: String(next), expires: Number.POSITIVE_INFINITY });
      return next;
    },
    async close() {},
  };
}

/** Redis when REDIS_URL is set, otherwise the in-process store. */
export function storeFromEnv(): KeyValueStore {
  return process.env.REDIS_URL ? redisStore(process.env.REDIS_URL) : memoryStore();
}
