// A kind of record a service writes through its write API (NAV's measures,
// skole's enrolments, …): declared once in the service's writes.ts, handled
// by the kit — the GraphQL input, the checks, idempotency by source key, the
// transaction, the access log.
import type { DataCategory } from "../categories.ts";
import type { ClassType } from "../federation.ts";
import type { Checks } from "./checks.ts";
import type { RecordKeyInput } from "./types.ts";

/** The source system's key of a record. */
export interface SourceKey {
  sourceSystem: string;
  sourceId: string;
}

/** What every table written through the API has: the person, and the source key (null on rows from before the API). */
export interface KeyedRow {
  personId: string;
  sourceSystem: string | null;
  sourceId: string | null;
}

/** A column's value as a kind writes or reads it (Prisma's Decimal reads as an object with `toString`). */
export type ColumnValue = string | number | boolean | Date | null | { toString(): string };
export type Columns = Record<string, ColumnValue | undefined>;

/** A new row: its columns, the person and the source key. */
export type NewRow<C extends Columns = Columns> = C & { personId: string } & SourceKey;

/** What an update sets: columns, and the source key of a row taken over. */
export type Changes<C extends Columns = Columns> = Partial<C> & Partial<SourceKey>;

export interface RecordKind<Tx, Input extends RecordKeyInput, Row extends KeyedRow, C extends Columns> {
  /** The field in the service's record input and in an import line, e.g. `measure`; ending one is `endMeasure`. */
  name: string;
  /** What it is, for the schema and the published JSON Schema. */
  description: string;
  /** The type-graphql input class (extends RecordKeyInput). */
  input: ClassType;
  /** What the access log records a write of it under. */
  category: DataCategory;
  /**
   * Where a kind is also unique by what it is about — one per person (NAV's
   * follow-up), one per person and month (attendance) — that identity. A
   * second source key for it is refused; a row stored without a source key
   * (from before the write API) is taken over by the first write naming it.
   */
  natural?(record: { personId: string } & Partial<C>): string;
  /** Checks beyond the types (the keys are checked by the kit). */
  check(input: Input, checks: Checks): void;
  /** The columns the input sets (not the keys); compared with a stored row's to tell UPDATED from UNCHANGED. */
  columns(input: Input): C;
  /** The columns that end a stored row on a day; absent: records of this kind are not ended, only written again. */
  end?(endedOn: Date, row: Row): Partial<C>;
  /** Whether a write, from the stored row (null: none) to these columns, opened one: the kit's involvement, whose start signals a case's stafettholder. */
  opens?(before: Row | null, after: Partial<C>): boolean;
  /** Rows stored under these keys (a superset is fine: the kit matches exactly), and for a `natural` kind those of these persons. */
  find(tx: Tx, keys: readonly SourceKey[], personIds: readonly string[]): Promise<Row[]>;
  create(tx: Tx, rows: readonly NewRow<C>[]): Promise<unknown>;
  /** Sets `changes` on a stored row. */
  update(tx: Tx, row: Row, changes: Changes<C>): Promise<unknown>;
}

/** A kind with its types erased, as the kit handles a list of them. */
export type AnyKind<Tx> = RecordKind<Tx, RecordKeyInput, KeyedRow, Columns>;

/**
 * Declares a kind. The kit calls it only with input parsed by its own input
 * class and rows from its own `find`, so erasing the types is safe here.
 */
export function recordKind<Tx, Input extends RecordKeyInput, Row extends KeyedRow, C extends Columns>(kind: RecordKind<Tx, Input, Row, C>): AnyKind<Tx> {
  return kind as unknown as AnyKind<Tx>;
}

/** A Prisma `where` that finds the rows under `keys` (and possibly a few more, which the kit leaves aside). */
export function sourceKeysWhere(keys: readonly SourceKey[]): { sourceSystem: { in: string[] }; sourceId: { in: string[] } } {
  return { sourceSystem: { in: [...new Set(keys.map((k) => k.sourceSystem))] }, sourceId: { in: [...new Set(keys.map((k) => k.sourceId))] } };
}

export const keyOf = (key: SourceKey): string => `${key.sourceSystem}\u0000${key.sourceId}`;

/** A column's value as it compares: dates by their instant, decimals by their number. */
function comparable(value: ColumnValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "object") return Number(value.toString());
  return value;
}

/** Whether `row` already holds every column as `columns` sets it. */
export function holds(row: object, columns: Columns): boolean {
  const stored = row as Record<string, ColumnValue | undefined>;
  return Object.entries(columns).every(([column, value]) => comparable(stored[column]) === comparable(value));
}
