// A Redis connection for a shared store with an in-process fallback: it fails
// fast while Redis is down (no offline queue, one retry, a short connect
// timeout) so that callers fall back at once instead of waiting, and leaves
// reporting the outage to the caller, which logs it once (log.ts outageLog)
// where ioredis would print every failed reconnect.
import { Redis } from "ioredis";

export function failFastRedis(url: string, options: { autoPipelining?: boolean } = {}): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, enableAutoPipelining: options.autoPipelining ?? false });
  redis.on("error", () => undefined);
  return redis;
}
