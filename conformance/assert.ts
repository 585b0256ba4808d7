// The checks' assertions: each failure is a sentence a service team can act
// on, never a stack trace. Values shown are access decisions, codes and the
// synthetic persons' opaque ids, nothing else.
import { isDeepStrictEqual } from "node:util";
import type { GraphQLResponse } from "./http.ts";

/** A check did not hold; the message says what was expected and what came. */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckFailed";
  }
}

export function holds(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 400) ?? "undefined";

export function equal<T>(actual: unknown, expected: T, what: string): asserts actual is T {
  if (!isDeepStrictEqual(actual, expected)) throw new CheckFailed(`${what}: expected ${shown(expected)}, got ${shown(actual)}`);
}

/** `list` holds an item deeply equal to `item`. */
export function contains(list: readonly unknown[], item: unknown, what: string): void {
  if (!list.some((entry) => isDeepStrictEqual(entry, item))) throw new CheckFailed(`${what}: no ${shown(item)} among ${list.length} entries`);
}

/** The answer's data, or a failure naming the errors. */
export function ok<Data>(res: GraphQLResponse<Data>, what: string): Data {
  if (res.errors?.length || !res.data) throw new CheckFailed(`${what} failed (HTTP ${res.status}): ${shown(res.errors ?? res.raw)}`);
  return res.data;
}

/** Every field of a view but those named is null: nothing of the service's data is in it. */
export function onlyFields(view: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const leaked = Object.entries(view).filter(([key, value]) => !allowed.includes(key) && value !== null).map(([key]) => key);
  holds(leaked.length === 0, `${what} carries data in ${leaked.join(", ")}; only ${allowed.join(", ")} may be set`);
}
