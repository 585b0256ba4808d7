// Which signed requests a subgraph has already taken, so that one captured on
// the wire cannot be sent again while its signature is still fresh. Each
// signed request carries a nonce of its own (kit/auth/signing.ts); a nonce is
// remembered until its signature would be stale anyway. With REDIS_URL every
// instance of a service shares the memory (a replay to a second instance is
// caught too); without it, or while Redis is unreachable, each process keeps
// its own (a replay to the same process is still caught; the outage is
// logged once).
import { outageLog } from "../log.ts";
import { failFastRedis } from "../redis.ts";

export interface NonceStore {
  /** True the first time a nonce is offered within `ttlMs`; false for a replay. */
  firstUse(nonce: string, ttlMs: number): Promise<boolean>;
  /** Resolves once the store is shared (or `timeoutMs` has passed): a server starting waits for it before it answers. */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** In this process: nonces with the time each may be forgotten, oldest first. */
export class LocalNonces implements NonceStore {
  private readonly seen = new Map<string, number>();

  async firstUse(nonce: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    this.forgetUntil(now);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now + ttlMs);
    return true;
  }

  /** Entries are added in time order with about the same lifetime, so the expired ones are at the front. */
  private forgetUntil(now: number): void {
    for (const [nonce, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(nonce);
    }
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

const KEY_PREFIX = "hub:nonce:";

export function redisNonces(url: string): NonceStore {
  const redis = failFastRedis(url, { autoPipelining: true });
  const local = new LocalNonces();
  const outage = outageLog("nonces", "Redis unavailable; each process remembers the signed requests it took on its own", "Redis available again; signed requests are remembered for every instance");
  return {
    async firstUse(nonce, ttlMs) {
      // Kept here as well: a nonce taken while Redis was down is still known once it is back.
      if (!(await local.firstUse(nonce, ttlMs))) return false;
      try {
        const set = await redis.set(KEY_PREFIX + nonce, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
        outage.ok();
        return set === "OK";
      } catch (error) {
        outage.failed(error);
        return true;
      }
    },
    ready(timeoutMs) {
      if (redis.status === "ready") return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        redis.once("ready", () => (clearTimeout(timer), resolve()));
      });
    },
    async close() {
      redis.disconnect();
    },
  };
}
