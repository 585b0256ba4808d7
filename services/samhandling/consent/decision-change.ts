// Changes that alter consent decisions — a consent recorded or withdrawn,
// someone joining or leaving a case, a case opened or closed — move the
// consent epoch (kit/consent-epoch.ts) so that no cached decision is used for
// a request that arrives after the change is acknowledged.
//
// The epoch moves twice: once just before the change is written, so that an
// epoch store that cannot be reached refuses the change while nothing is
// saved yet; and once after the commit, which is what retires every decision
// cached from the old state. If that second move fails the change is saved
// all the same, so it must not look like a failed change (the client would
// retry, and openCase would open the case twice): it is retried, then
// reported with the saved ids, and retried in the background until it holds.
//
// The consent room's one public module: cases/ calls it when a case is opened
// or closed and when a member joins or leaves (services/samhandling/README.md).
import type { GraphQLError } from "graphql";
import { hubError } from "../../kit/errors.ts";
import { createLogger, errorFields } from "../../kit/log.ts";
import type { Context } from "../context.ts";

const log = createLogger("samhandling");

/** Pauses between attempts after the commit; short, since the client is waiting for the answer. */
const RETRY_DELAYS_MS = [50, 200, 500];
const BACKGROUND_RETRY_MS = 2_000;

/** What was saved, by opaque id (no personal data), for the error a client sees. */
export type Saved = Record<string, string>;

/** The hook a test may set (context.ts `consentChanged`), else the kit's epoch. */
function moveEpoch(ctx: Context): Promise<void> {
  return ctx.consentChanged ? ctx.consentChanged() : ctx.invalidateDecisions();
}

export function cacheInvalidationFailed(what: string, saved: Saved): GraphQLError {
  return hubError(
    "CACHE_INVALIDATION_FAILED",
    `${what} is saved, but the other services could not be told to decide access afresh, so for a while they may ` +
      "still answer as before the change. Do not send it again; the ids of what was saved are in this error's extensions.",
    { saved: true, ...saved },
  );
}

/** Just before writing: refuses the change, nothing saved, when the epoch cannot be moved. */
export async function beforeDecisionChange(ctx: Context, what: string): Promise<void> {
  try {
    await moveEpoch(ctx);
  } catch (error) {
    log.warn("consent epoch could not be moved; change refused before anything was saved", errorFields(error));
    throw hubError(
      "CACHE_INVALIDATION_FAILED",
      `${what} was not saved: the other services could not be told to decide access afresh afterwards. Nothing changed; try again in a moment.`,
      { saved: false },
    );
  }
}

let backgroundRetry: NodeJS.Timeout | null = null;

/** Keeps moving the epoch until it moves once: the cached decisions from before the change must go. */
function retryInBackground(ctx: Context): void {
  if (backgroundRetry) return;
  backgroundRetry = setInterval(() => {
    moveEpoch(ctx).then(
      () => {
        if (backgroundRetry) clearInterval(backgroundRetry);
        backgroundRetry = null;
        log.info("consent epoch moved after an earlier failure");
      },
      () => undefined,
    );
  }, BACKGROUND_RETRY_MS);
  backgroundRetry.unref();
}

/**
 * After the commit: moves the epoch, retrying; throws CACHE_INVALIDATION_FAILED
 * (saved: true, with the saved ids) only when every attempt failed.
 */
export async function afterDecisionChange(ctx: Context, what: string, saved: Saved): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await moveEpoch(ctx);
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        log.warn("consent epoch not moved after a saved change; retrying in the background", { ...errorFields(error), attempts: attempt + 1, ...saved });
        retryInBackground(ctx);
        throw cacheInvalidationFailed(what, saved);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
