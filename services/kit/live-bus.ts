// Signals for subscriptions, fanned out to every instance of a service: Redis
// pub/sub where REDIS_URL is set (any instance may hold the subscriber's
// stream, any other may commit the change), else within this process (the
// embedded default runs one instance).
//
// A signal says only whom it concerns (opaque ids), never what happened: each
// subscription reads what its subscriber may see afresh, through the service's
// read-time checks, so nothing in Redis or in a signal has to be trusted or
// kept private beyond those ids.
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import { failFastRedis } from "./redis.ts";
import { createLogger } from "./log.ts";

const log = createLogger("live-bus");

export interface LiveSignal {
  /** Whom the change concerns (the service's own ids for its subscribers). */
  recipients: string[];
}

export interface LiveBus {
  /** After the change is committed: wakes the recipients' subscriptions on every instance. Never throws. */
  publish(signal: LiveSignal): Promise<void>;
  /**
   * An iterator that yields whenever a signal names `recipient`; a burst of
   * signals before the subscriber reads collapses into one. `return()` ends it at once.
   */
  listen(recipient: string): AsyncIterableIterator<void>;
  close(): Promise<void>;
}

/** One wake-up iterator over an emitter: pending signals collapse, `return()` resolves a waiting `next()`. */
function wakeUps(emitter: EventEmitter, recipient: string): AsyncIterableIterator<void> {
  let pending = false;
  let waiting: ((result: IteratorResult<void>) => void) | null = null;
  let done = false;
  const wake = () => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value: undefined, done: false });
    } else pending = true;
  };
  emitter.on(recipient, wake);
  const finish = (): Promise<IteratorResult<void>> => {
    if (!done) {
      done = true;
      emitter.off(recipient, wake);
      waiting?.({ value: undefined, done: true });
      waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next() {
      if (done) return Promise.resolve({ value: undefined, done: true });
      if (pending) {
        pending = false;
        return Promise.resolve({ value: undefined, done: false });
      }
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const parseSignal = (message: string): LiveSignal | null => {
  try {
    const parsed = JSON.parse(message) as Partial<LiveSignal>;
    return Array.isArray(parsed.recipients) && parsed.recipients.every((r) => typeof r === "string") ? { recipients: parsed.recipients } : null;
  } catch {
    return null;
  }
};

/** `channel`: one per kind of signal and service (e.g. "hub:live:samhandling:notifications"). */
export function liveBus(channel: string, redisUrl: string | undefined): LiveBus {
  const local = new EventEmitter();
  // Every open subscription listens on it: no leak warning for a busy instance.
  local.setMaxListeners(0);
  const deliver = (signal: LiveSignal) => {
    for (const recipient of new Set(signal.recipients)) local.emit(recipient);
  };
  if (!redisUrl) {
    return {
      publish: async (signal) => deliver(signal),
      listen: (recipient) => wakeUps(local, recipient),
      close: async () => undefined,
    };
  }
  const publisher = failFastRedis(redisUrl);
  // A subscriber connection takes no other commands; ioredis resubscribes after a reconnect.
  const subscriber = new Redis(redisUrl, { connectTimeout: 2_000 });
  subscriber.on("error", () => undefined);
  subscriber.on("message", (_channel: string, message: string) => {
    const signal = parseSignal(message);
    if (signal) deliver(signal);
  });
  void subscriber.subscribe(channel).catch(() => log.warn("could not subscribe to the live channel; signals reach this instance's own subscribers only", { channel }));
  return {
    async publish(signal) {
      try {
        await publisher.publish(channel, JSON.stringify(signal));
      } catch {
        // Redis down: at least this instance's subscribers hear it; the others' clients fall back to polling.
        log.warn("live signal not shared (Redis unreachable); delivered in this process only", { channel });
        deliver(signal);
      }
    },
    listen: (recipient) => wakeUps(local, recipient),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
