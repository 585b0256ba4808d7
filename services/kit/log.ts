// Structured JSON lines on stdout. Never pass personal data (names, national
// ids, case text) here: the access log is the only place it is referenced.
type Level = "trace" | "debug" | "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined>;

const order: Record<Level, number> = { trace: 5, debug: 10, info: 20, warn: 30, error: 40 };
let threshold = order.info;
/** Stacks of start-up failures go to stderr outside production; off until the process's config says which it is. */
let stacks = false;

/** Set once by each process from its config (LOG_LEVEL, NODE_ENV); until then: info, no stacks. */
export function configureLogs(options: { level: Level; production: boolean }): void {
  threshold = order[options.level];
  stacks = !options.production;
}

function write(level: Level, component: string, msg: string, fields?: Fields): void {
  if (order[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, component, msg, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
}

export function createLogger(component: string): Logger {
  return {
    debug: (msg, fields) => write("debug", component, msg, fields),
    info: (msg, fields) => write("info", component, msg, fields),
    warn: (msg, fields) => write("warn", component, msg, fields),
    error: (msg, fields) => write("error", component, msg, fields),
  };
}

/** An error's class and code only; messages can carry data from the database. */
export function errorFields(error: unknown): Fields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, code: typeof code === "string" ? code : undefined };
  }
  return { error: typeof error };
}

/**
 * Logs why a process could not start, then ends it. The reason is the
 * operator's to read (a missing secret, a bad setting); a driver's or
 * database's error (one with a code) may quote stored values, so of those only
 * the code is logged. The stack goes to stderr outside production only.
 */
export function exitForStartFailure(logger: Logger, msg: string, error: unknown): never {
  const ownError = error instanceof Error && !("code" in error);
  logger.error(msg, { ...errorFields(error), reason: ownError ? error.message.slice(0, 2000) : undefined });
  if (error instanceof Error && stacks) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/**
 * Logs an outage when it begins and when it ends, not on every request it
 * touches: under load a per-request warning floods the log and hides the
 * moment it started.
 */
export function outageLog(component: string, down: string, up: string): { failed(error: unknown): void; ok(): void } {
  const logger = createLogger(component);
  let failing = false;
  return {
    failed(error) {
      if (failing) return;
      failing = true;
      logger.warn(down, errorFields(error));
    },
    ok() {
      if (!failing) return;
      failing = false;
      logger.info(up);
    },
  };
}
