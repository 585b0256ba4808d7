// The gateway's log: the same JSON lines as every subgraph (services/kit/log.ts),
// through Hive's logger. Hive attaches request bodies, variables and upstream
// errors to some entries; those can carry personal data, so only a short
// allow-list of attributes is ever written.
import { Logger, type LogLevel } from "@graphql-hive/logger";

/** Attributes that never carry personal data: names of things, codes, numbers. */
const SAFE_KEYS = new Set(["requestId", "subgraph", "subgraphName", "code", "statusCode", "status", "port", "duration", "operationName", "hostname"]);

type Primitive = string | number | boolean;

function safeAttributes(attrs: unknown): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  if (!attrs || typeof attrs !== "object") return out;
  for (const [key, value] of Object.entries(attrs as Record<string, unknown>)) {
    if (SAFE_KEYS.has(key) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) {
      out[key] = typeof value === "string" ? value.slice(0, 200) : value;
    }
  }
  return out;
}

/**
 * Hive logs an unexpected error as the error alone, without a message; its
 * text may quote what a client sent, so only its class (or its code) is kept
 * and the line says what it is.
 */
function described(msg: string | null | undefined, attrs: unknown): { msg: string; error?: string; code?: string } {
  if (msg) return { msg };
  const a = (attrs && typeof attrs === "object" ? attrs : {}) as { class?: unknown; extensions?: { code?: unknown } };
  const error = typeof a.class === "string" && /^\w{1,64}$/.test(a.class) ? a.class : undefined;
  const code = typeof a.extensions?.code === "string" ? a.extensions.code : undefined;
  return { msg: "unexpected error (its text stays out of the log)", ...(error ? { error } : {}), ...(code ? { code } : {}) };
}

/** `level`: LOG_LEVEL, validated by the gateway's config. */
export function gatewayLogger(level: LogLevel): Logger {
  return new Logger({
    level,
    writers: [
      {
        write(entryLevel, attrs, msg) {
          const line = JSON.stringify({ time: new Date().toISOString(), level: entryLevel, component: "gateway", ...safeAttributes(attrs), ...described(msg, attrs) });
          (entryLevel === "error" || entryLevel === "warn" ? process.stderr : process.stdout).write(line + "\n");
        },
      },
    ],
  });
}
