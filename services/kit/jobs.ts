// A named job that runs once across any number of instances of a process:
// every instance tries on its own timer, one wins a lease in the database and
// runs a pass, the others skip. Used by samhandling's notification scheduler;
// made for any periodic job of the hub (a daily retention job, say).
//
// The lock is a lease row in the kit's `job_run` table (prisma/jobs/), taken
// with one conditional upsert: free when it has no owner or its lease ran out
// by the database's clock. Not a PostgreSQL advisory lock, because:
//  - on embedded PGlite every pool connection is the one session of the
//    database (services/kit/db/database.ts), so a session lock would be held by
//    every "connection" at once and exclude nobody;
//  - a session lock lives on one pooled connection, which the pass does not
//    run on (Prisma takes others), and a transaction lock would make a long
//    pass one long transaction;
//  - a lease expires by itself when its holder is SIGKILLed or cut off, and the
//    row also carries the watermark, read and written under the same lease.
//
// A pass covers the job's clock from the watermark (the end of the last
// completed pass) to now, so the first pass after downtime covers all of it.
// The watermark moves only when a pass completes, under the lease it took: a
// pass killed midway leaves it where it was, and the next holder (after the
// lease runs out) redoes the whole window. A pass must therefore be idempotent
// — what it writes carries a key derived from what it is about (the
// notification outbox's dedupe key), so a redo adds what was missing and
// nothing twice.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { createLogger, errorFields } from "./log.ts";

/** The service's pool (services/kit/db/database.ts), or one connection. */
export type Queryable = pg.Pool | pg.ClientBase;

/** The stretch of the job's clock one pass covers: (from, to]; `from` is null on a job's first pass ever. */
export interface PassWindow {
  from: Date | null;
  to: Date;
}

export interface Pass {
  window: PassWindow;
  /**
   * Call between a pass's steps: stops the pass when the process is shutting
   * down (its window is redone by the next pass), and in tests waits
   * `checkpointDelayMs` so a test can kill the process in the middle.
   */
  checkpoint(step: string): Promise<void>;
}

export interface JobOptions {
  /** The job's name, its row in `job_run`: lower case letters, digits and dashes. */
  name: string;
  db: Queryable;
  /** How often each instance tries; a pass runs when the last one finished at least this long ago (job's clock). */
  intervalMs: number;
  /** How long a holder keeps the lease without renewing it (it renews every third of it while a pass runs). */
  leaseMs: number;
  run(pass: Pass): Promise<void>;
  /** The job's clock; injectable so tests can move time instead of waiting. */
  now?: () => Date;
  /** Tests only (refused in production by the config): how long each checkpoint waits. */
  checkpointDelayMs?: number;
}

export type PassOutcome = { ran: true; window: PassWindow; completed: boolean } | { ran: false; reason: "held" | "not due" };

export interface JobRunner {
  readonly name: string;
  /** One attempt: takes the lease if free and due, runs a pass, completes it. */
  runOnce(): Promise<PassOutcome>;
  /** Tries now and then every `intervalMs` until stopped. */
  start(): void;
  /** Stops trying; a pass in flight stops at its next checkpoint and lets go of the lease. */
  stop(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;
const MIN_LEASE_MS = 1_000;

/** Thrown by a checkpoint when the runner is stopping. */
class Stopping extends Error {
  constructor() {
    super("the job runner is stopping");
    this.name = "Stopping";
  }
}

function checked(options: JobOptions): Required<JobOptions> {
  const problems: string[] = [];
  if (!NAME.test(options.name)) problems.push(`name must be lower case letters, digits and dashes, got "${options.name}"`);
  if (!Number.isInteger(options.intervalMs) || options.intervalMs < 1) problems.push("intervalMs must be a whole number of at least 1");
  if (!Number.isInteger(options.leaseMs) || options.leaseMs < MIN_LEASE_MS) problems.push(`leaseMs must be a whole number of at least ${MIN_LEASE_MS}`);
  const delay = options.checkpointDelayMs ?? 0;
  if (!Number.isInteger(delay) || delay < 0) problems.push("checkpointDelayMs must be a whole number of at least 0");
  if (problems.length > 0) throw new Error(`Job ${JSON.stringify(options.name)}: ${problems.join("; ")}.`);
  return { ...options, now: options.now ?? (() => new Date()), checkpointDelayMs: delay };
}

// The lease is free when nobody holds it or its holder's time ran out (the database's clock, the one
// every instance shares), and a pass is due when the last one ended at least an interval ago (the job's
// clock). One statement: two instances racing for it are ordered by the row lock, and one wins.
const TAKE = `
  INSERT INTO job_run (name, owner, lease_until) VALUES ($1, $2, clock_timestamp() + $3::double precision * interval '1 millisecond')
  ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until
    WHERE (job_run.owner IS NULL OR job_run.lease_until < clock_timestamp())
      AND (job_run.watermark IS NULL OR job_run.watermark <= $4::timestamptz - $5::double precision * interval '1 millisecond')
  RETURNING watermark`;
const RENEW = `UPDATE job_run SET lease_until = clock_timestamp() + $3::double precision * interval '1 millisecond' WHERE name = $1 AND owner = $2`;
// The watermark never moves back (a clock set back, a slow holder finishing after a faster one).
const COMPLETE = `
  UPDATE job_run SET owner = NULL, lease_until = NULL, watermark = GREATEST(COALESCE(watermark, $3::timestamptz), $3::timestamptz),
    passes = passes + 1, last_finished_at = clock_timestamp()
  WHERE name = $1 AND owner = $2`;
const RELEASE = `UPDATE job_run SET owner = NULL, lease_until = NULL WHERE name = $1 AND owner = $2`;

export function createJobRunner(options: JobOptions): JobRunner {
  const job = checked(options);
  const log = createLogger("jobs");
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<PassOutcome> | undefined;

  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function pass(): Promise<PassOutcome> {
    const to = job.now();
    const owner = randomUUID();
    const taken = await job.db.query<{ watermark: Date | null }>(TAKE, [job.name, owner, job.leaseMs, to, job.intervalMs]);
    if (taken.rows.length === 0) {
      const row = await job.db.query<{ held: boolean }>(`SELECT owner IS NOT NULL AND lease_until >= clock_timestamp() AS held FROM job_run WHERE name = $1`, [job.name]);
      return { ran: false, reason: row.rows[0]?.held ? "held" : "not due" };
    }
    const from = taken.rows[0]!.watermark;
    const window = { from, to };
    // Renewed while the pass runs; a holder that dies stops renewing and the lease runs out.
    const renewal = setInterval(() => {
      job.db.query(RENEW, [job.name, owner, job.leaseMs]).catch((error: unknown) => log.warn("job lease not renewed", { job: job.name, ...errorFields(error) }));
    }, Math.floor(job.leaseMs / 3));
    renewal.unref();
    const startedAt = Date.now();
    try {
      await job.run({
        window,
        async checkpoint() {
          if (stopping) throw new Stopping();
          if (job.checkpointDelayMs > 0) await wait(job.checkpointDelayMs);
          if (stopping) throw new Stopping();
        },
      });
    } catch (error) {
      clearInterval(renewal);
      // The watermark stays: the next pass redoes this window.
      await job.db.query(RELEASE, [job.name, owner]).catch(() => undefined);
      if (error instanceof Stopping) {
        log.info("job pass stopped for shutdown", { job: job.name });
        return { ran: true, window, completed: false };
      }
      throw error;
    }
    clearInterval(renewal);
    const completed = await job.db.query(COMPLETE, [job.name, owner, to]);
    // Not ours any more: the lease ran out and another instance took it; it redoes the window.
    if (completed.rowCount === 0) log.warn("job lease lost during a pass; another instance redoes it", { job: job.name });
    log.info("job pass completed", { job: job.name, ms: Date.now() - startedAt, catchUpMs: from ? to.getTime() - from.getTime() : null });
    return { ran: true, window, completed: true };
  }

  const runner: JobRunner = {
    name: job.name,
    runOnce() {
      // One pass at a time in a process: a tick that comes while one runs waits for it.
      const next = (current ?? Promise.resolve()).catch(() => undefined).then(() => (stopping ? ({ ran: false, reason: "held" } as const) : pass()));
      current = next;
      return next;
    },
    start() {
      const tick = async () => {
        try {
          await runner.runOnce();
        } catch (error) {
          log.error("job pass failed; the next one redoes its window", { job: job.name, ...errorFields(error) });
        }
        if (!stopping) {
          timer = setTimeout(() => void tick(), job.intervalMs);
          timer.unref();
        }
      };
      void tick();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
  return runner;
}
