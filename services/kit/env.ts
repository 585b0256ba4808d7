// Settings from the environment, typed. Each variable is declared once — its
// parser, its default and one line saying what it does — and read once, at
// start-up, by its process's config module (services/kit/config.ts,
// gateway/config.ts, scripts/config.ts); docs/configuration.md is generated
// from the declarations. A bad value stops start-up with a message naming the
// variable and what it accepts; every bad value is reported at once, so an
// operator fixes them in one round.
import path from "node:path";

/** The environment as handed to a config module: `process.env` at start-up, anything in a test. */
export type Env = Readonly<Record<string, string | undefined>>;

const INVALID = Symbol("invalid");
type Parsed<T> = T | typeof INVALID;

export interface Parser<T> {
  /** What the variable accepts, completing "X must be …". */
  readonly accepts: string;
  parse(raw: string): Parsed<T>;
  /** How a value is written in the docs and in messages (URLs without their passwords). */
  show?(value: string): string;
}

/** Any whole number from `min` (and up to `max`). */
export function wholeNumber({ min = 0, max }: { min?: number; max?: number } = {}): Parser<number> {
  const range = max !== undefined ? ` from ${min} to ${max}` : min === 0 ? "" : ` of at least ${min}`;
  return {
    accepts: `a whole number${range}`,
    parse(raw) {
      const value = Number(raw);
      return /^\d+$/.test(raw) && value >= min && (max === undefined || value <= max) ? value : INVALID;
    },
  };
}

export const positiveWholeNumber = (): Parser<number> => wholeNumber({ min: 1 });

export const port = (): Parser<number> => wholeNumber({ min: 1, max: 65_535 });

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds: a whole number, or one with a unit (`500ms`, `15s`, `2min`, `12h`, `30d`). */
export function duration({ min = 0 }: { min?: number } = {}): Parser<number> {
  return {
    accepts: `a duration in milliseconds (a whole number, or with ms, s, min, h or d${min > 0 ? `; at least ${min} ms` : ""})`,
    parse(raw) {
      const match = /^(\d+)(ms|s|min|h|d)?$/.exec(raw);
      if (!match) return INVALID;
      const value = Number(match[1]) * UNIT_MS[match[2] ?? "ms"]!;
      return value >= min ? value : INVALID;
    },
  };
}

export function boolean(): Parser<boolean> {
  return {
    accepts: "true or false (or 1 or 0)",
    parse: (raw) => (raw === "true" || raw === "1" ? true : raw === "false" || raw === "0" ? false : INVALID),
  };
}

/** A switch that only the exact value 1 turns on (for switches that must not be turned on by accident). */
export function switchedOnBy1(): Parser<boolean> {
  return { accepts: "1 (on) or 0 (off)", parse: (raw) => (raw === "1" ? true : raw === "0" ? false : INVALID) };
}

export function oneOf<const Values extends readonly string[]>(values: Values): Parser<Values[number]> {
  return {
    accepts: `one of ${values.join(", ")}`,
    parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as Values[number]) : INVALID),
  };
}

/** Hides the password of a URL (`postgres://hub:…@db/hub`). */
const withoutPassword = (raw: string) => raw.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:…@");

/** An absolute URL with one of the given schemes (`http`, `redis`, …). */
export function url(schemes: readonly string[]): Parser<string> {
  return {
    accepts: `a URL (${schemes.map((s) => `${s}://…`).join(" or ")})`,
    parse(raw) {
      try {
        return schemes.includes(new URL(raw).protocol.slice(0, -1)) ? raw : INVALID;
      } catch {
        return INVALID;
      }
    },
    show: withoutPassword,
  };
}

/** Comma-separated items, each trimmed and parsed; empty items are dropped. */
export function list<T>(item: Parser<T>): Parser<T[]> {
  return {
    accepts: `a comma-separated list, each ${item.accepts}`,
    parse(raw) {
      const values: T[] = [];
      for (const part of raw.split(",").map((p) => p.trim()).filter(Boolean)) {
        const value = item.parse(part);
        if (value === INVALID) return INVALID;
        values.push(value);
      }
      return values;
    },
    show: item.show,
  };
}

/** Whether "YYYY-MM-DD" names a day that exists (not 2027-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date written YYYY-MM-DD. */
export function calendarDay(): Parser<string> {
  return { accepts: "a date written YYYY-MM-DD", parse: (raw) => (isCalendarDay(raw) ? raw : INVALID) };
}

/** Text matching `pattern`; `accepts` says what that is. */
export function matching(pattern: RegExp, accepts: string): Parser<string> {
  return { accepts, parse: (raw) => (pattern.test(raw) ? raw : INVALID) };
}

/** JSON that `check` accepts (a key as a JWK, say); `accepts` says what that is. */
export function json<T>(check: (value: unknown) => value is T, accepts: string): Parser<T> {
  return {
    accepts,
    parse(raw) {
      try {
        const value: unknown = JSON.parse(raw);
        return check(value) ? value : INVALID;
      } catch {
        return INVALID;
      }
    },
  };
}

export function text(): Parser<string> {
  return { accepts: "any text", parse: (raw) => raw };
}

/** A file or folder, resolved against the working directory. */
export function filePath(): Parser<string> {
  return { accepts: "a path", parse: (raw) => path.resolve(raw) };
}

// --- declarations ----------------------------------------------------------

interface Declared<T> {
  /** The variable, e.g. `MAX_DEPTH`; a per-service family's name names `<SERVICE>`. */
  readonly name: string;
  /** One line for docs/configuration.md. */
  readonly description: string;
  /** The default as docs/configuration.md shows it (Markdown). */
  readonly shownDefault: string;
  /** Values like secrets are never repeated in a message. */
  readonly secret: boolean;
  readonly parser: Parser<T>;
  /** Its entry in a process's list and the docs: its own, or its per-service family's. */
  readonly declaration: Declaration;
}

/** A setting with a default of its own, or none (`undefined`) when optional. */
export interface Setting<T> extends Declared<T> {
  readonly kind: "fixed";
  readonly fallback: T;
}

/** A setting whose default its config module works out from other settings (passed to `get`). */
export interface ComputedSetting<T> extends Declared<T> {
  readonly kind: "computed";
}

/** One variable per service (`SUBGRAPH_URL_NAV`, …), declared once. */
export interface PerService<S> extends Declaration {
  readonly declaration: Declaration;
  for(service: string): S;
}

/** What docs/configuration.md lists: a variable or a per-service family. */
export type Declaration = Pick<Declared<unknown>, "name" | "description" | "shownDefault"> & { readonly accepts: string };

interface Spec {
  description: string;
  secret?: boolean;
}

function declared<T>(name: string, parser: Parser<T>, spec: Spec, shownDefault: string, declaration?: Declaration) {
  const own = { name, description: spec.description, shownDefault, accepts: parser.accepts };
  return { name, description: spec.description, shownDefault, secret: spec.secret ?? false, parser, declaration: declaration ?? own };
}

/** A default as the docs show it: the value, in backticks. */
function shown(value: unknown, parser: Parser<unknown>): string {
  const text = Array.isArray(value) ? value.join(",") : String(value);
  return `\`${parser.show ? parser.show(text) : text}\``;
}

/** A variable with a fixed default. `shownDefault` replaces the value in the docs where the value alone would mislead. */
export function setting<T>(name: string, parser: Parser<T>, spec: Spec & { default: T; shownDefault?: string }): Setting<T> {
  return { kind: "fixed", fallback: spec.default, ...declared(name, parser, spec, spec.shownDefault ?? shown(spec.default, parser as Parser<unknown>)) };
}

/** A variable that may be left unset. */
export function optional<T>(name: string, parser: Parser<T>, spec: Spec & { shownDefault?: string }): Setting<T | undefined> {
  return { kind: "fixed", fallback: undefined, ...declared(name, parser, spec, spec.shownDefault ?? "unset") };
}

/** A variable whose default depends on other settings; `shownDefault` says how. */
export function computed<T>(name: string, parser: Parser<T>, spec: Spec & { shownDefault: string }): ComputedSetting<T> {
  return { kind: "computed", ...declared(name, parser, spec, spec.shownDefault) };
}

function family<T, S>(prefix: string, parser: Parser<T>, spec: Spec, shownDefault: string, member: (name: string, family: Declaration) => S): PerService<S> {
  const declaration: PerService<S> = {
    name: `${prefix}<SERVICE>`,
    description: spec.description,
    shownDefault,
    accepts: parser.accepts,
    get declaration() {
      return declaration;
    },
    for: (service) => member(`${prefix}${service.toUpperCase()}`, declaration),
  };
  return declaration;
}

/** `prefix<SERVICE>` for every service, each falling back to a default the config module works out. */
export function perService<T>(prefix: string, parser: Parser<T>, spec: Spec & { shownDefault: string }): PerService<ComputedSetting<T>> {
  return family(prefix, parser, spec, spec.shownDefault, (name, of) => ({ kind: "computed", ...declared(name, parser, spec, spec.shownDefault, of) }));
}

/** `prefix<SERVICE>` for every service, each optional. */
export function optionalPerService<T>(prefix: string, parser: Parser<T>, spec: Spec): PerService<Setting<T | undefined>> {
  return family(prefix, parser, spec, "unset", (name, of) => ({ kind: "fixed", fallback: undefined, ...declared(name, parser, spec, "unset", of) }));
}

// --- reading ---------------------------------------------------------------

/** A process cannot start with these settings; the message names every variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join(" "));
    this.name = "ConfigError";
  }
}

export interface Get {
  <T>(setting: Setting<T>): T;
  <T>(setting: ComputedSetting<T>, fallback: T): T;
  /** A problem of several settings together (e.g. one set without the other). */
  problem(message: string): void;
}

/** A command-line script's settings, or — when one is bad — its message alone and exit code 1 (no stack: the code is fine). */
export function settingsOrExit<C>(script: string, read: () => C): C {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${script}: ${error.message}`);
    process.exit(1);
  }
}

/**
 * Reads a process's settings: `build` asks `get` for each, and gets the value
 * or its default. A bad value is recorded and its default used meanwhile, so
 * that every problem is found; then the problems are thrown together as one
 * ConfigError. `declarations` is the process's list (what the docs say it
 * reads): asking for another is a bug in the module. (That each is read,
 * whatever the values, test/config.test.ts checks.)
 */
export function readSettings<C>(env: Env, declarations: readonly Declaration[], build: (get: Get) => C): C {
  const problems: string[] = [];
  const get = (<T>(setting: Setting<T> | ComputedSetting<T>, fallback?: T): T => {
    if (!declarations.includes(setting.declaration)) throw new Error(`${setting.name} is not among the settings this process declares it reads`);
    const otherwise = (setting.kind === "fixed" ? setting.fallback : fallback) as T;
    const raw = env[setting.name];
    if (raw === undefined || raw === "") return otherwise;
    const value = setting.parser.parse(raw);
    if (value !== INVALID) return value;
    const got = setting.secret ? "" : `, got "${(setting.parser.show ?? String)(raw).slice(0, 200)}"`;
    problems.push(`${setting.name} must be ${setting.parser.accepts}${got}.`);
    return otherwise;
  }) as Get;
  get.problem = (message) => problems.push(message);
  const config = build(get);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
