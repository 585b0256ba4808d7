// When a process should stop, and how it stops without dropping work.
//
// Stopping is ordered so that nothing acknowledged is cut off and nothing new
// is half-served: readiness goes false first (load balancers and the gateway
// stop sending), new requests are refused with 503 SHUTTING_DOWN, in-flight
// requests run to completion (bounded by SHUTDOWN_TIMEOUT_MS), and only then
// the listener and the remaining connections close.
import type http from "node:http";
import { refusalResponse } from "./errors.ts";
import { createLogger } from "./log.ts";

const log = createLogger("lifecycle");

// On SIGINT/SIGTERM, and — for a process started by the launcher
// (scripts/lib/federation.ts) — when its parent goes away, so a crashed test
// run or Ctrl-C never leaves orphaned servers holding ports.
//
// `exclusive`: only `stop` may act on these signals. Hive's gateway runtime
// registers its own SIGINT/SIGTERM disposal (disposeOnProcessTerminate,
// hard-wired, added lazily on first use), which aborts in-flight upstream
// calls before a drain could let them finish; `stop` disposes it in order.
const TERMINATE_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export function onShutdown(stop: (reason: string) => Promise<void> | void, options: { exclusive?: boolean } = {}): void {
  const ours = new Set<(...args: unknown[]) => void>();
  for (const signal of TERMINATE_SIGNALS) {
    const handler = () => void stop(signal);
    ours.add(handler);
    if (options.exclusive) for (const other of process.listeners(signal)) process.removeListener(signal, other);
    process.on(signal, handler);
  }
  if (options.exclusive) {
    process.on("newListener", (event: string | symbol, listener: (...args: unknown[]) => void) => {
      if (!(TERMINATE_SIGNALS as readonly (string | symbol)[]).includes(event) || ours.has(listener)) return;
      // Added right after this event fires; remove it on the next turn.
      setImmediate(() => process.removeListener(event as NodeJS.Signals, listener));
    });
  }
  if (process.send) {
    // A launcher that went away while this process was still starting: its channel is already closed.
    if (!process.connected) void stop("parent exited");
    else process.on("disconnect", () => void stop("parent exited"));
  }
}

/** A step of a process's start-up, as the launcher shows it (scripts/lib/federation.ts). */
export interface StartupStep {
  startup: string;
}

/**
 * Tells the launcher that started this process (over the IPC channel it
 * opens) which start-up step is done, so that `npm start` shows progress per
 * process and knows it is still working. Without a launcher (a container),
 * nothing: the log says when the process is ready.
 */
export function reportStartup(step: string): void {
  if (process.send && process.connected) process.send({ startup: step } satisfies StartupStep);
}

export interface DrainPaths {
  /** Answers 200 while serving and 503 once draining (e.g. /readyz, /readiness). */
  readiness: string;
  /** Always passed through: liveness and metrics stay truthful while draining. */
  passThrough: readonly string[];
}

const SHUTTING_DOWN = refusalResponse("SHUTTING_DOWN", "The service is shutting down; retry on another instance.");

/**
 * Wraps a request listener with in-flight counting and the draining switch.
 * One per server; `drain()` performs the ordered stop described above.
 */
export class Drain {
  private draining = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly paths: DrainPaths) {}

  get isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  wrap(listener: http.RequestListener): http.RequestListener {
    return (req, res) => {
      const pathname = (req.url ?? "/").split("?")[0];
      if (this.draining && pathname === this.paths.readiness) {
        res.writeHead(503, { "content-type": "application/json; charset=utf-8" });
        return res.end(JSON.stringify({ ready: false, reason: "SHUTTING_DOWN" }));
      }
      if (this.draining && !this.paths.passThrough.includes(pathname)) {
        // Connection: close, so a keep-alive client reconnects elsewhere instead of queueing here.
        res.writeHead(SHUTTING_DOWN.status, { "content-type": "application/json; charset=utf-8", connection: "close", "retry-after": "1" });
        return res.end(SHUTTING_DOWN.body);
      }
      this.inFlight += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.inFlight -= 1;
        if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      };
      res.once("close", finish);
      res.once("finish", finish);
      listener(req, res);
    };
  }

  /** Readiness false, refuse new work, wait for in-flight requests (bounded), then close the listener and every connection. */
  async drain(server: http.Server, timeoutMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    const unfinished = this.inFlight;
    if (unfinished > 0) log.warn("requests still in flight at the shutdown deadline; closing them", { unfinished, timeoutMs });
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return { unfinished };
  }
}
