// Work that must wait until a transaction has committed: telling live
// subscribers of the notifications it wrote (notifications/record.ts). Every
// samhandling change runs in `committed` (data.ts), which runs what the
// transaction registered once the database has said yes, and drops it when the
// transaction rolls back: no subscriber hears of a change that did not happen.
import type { Prisma, PrismaClient } from "../../prisma/samhandling/generated/client.ts";
import { createLogger } from "../kit/log.ts";

const log = createLogger("samhandling");

const pending = new WeakMap<object, (() => void)[]>();

/** Runs `run` once the transaction `tx` has committed (never if it rolls back). */
export function afterCommit(tx: object, run: () => void): void {
  const queue = pending.get(tx);
  // A transaction not opened by `committed` would drop the work silently: say so, as a developer error.
  if (!queue) return log.error("afterCommit outside committed(): open the transaction with committed() (after-commit.ts)");
  queue.push(run);
}

/** Prisma's `$transaction(work, options)`, then what the transaction registered with `afterCommit`. */
export async function committed<T>(
  db: Pick<PrismaClient, "$transaction">,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number },
): Promise<T> {
  const queue: (() => void)[] = [];
  const result = await db.$transaction((tx: Prisma.TransactionClient) => {
    pending.set(tx, queue);
    return work(tx);
  }, options);
  for (const run of queue) {
    try {
      run();
    } catch (error) {
      log.error("after-commit work failed", { error: error instanceof Error ? error.name : typeof error });
    }
  }
  return result;
}
