// What a write's input must be beyond its GraphQL types: texts present, short
// and clean, dates in order. Problems are collected, not thrown, so that one
// call (or one import) says everything that is wrong at once; the messages
// name fields, never values (the values can be personal data).
import { isCurrent } from "../scalars.ts";
import type { RecordKeyInput } from "./types.ts";

/** One thing wrong with one record's input. `field` is a path, e.g. `measure.endsAt`. */
export interface Problem {
  code: "BAD_USER_INPUT" | "CONFLICT" | "NOT_FOUND";
  field: string | null;
  message: string;
}

// Control characters other than tab and line breaks have no place in a journal's text (and NUL breaks PostgreSQL).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Keys and ids: a journal system's ids are short. */
export const KEY_LIMIT = 200;
/** A line of text: a title, a name, an office. */
export const LINE_LIMIT = 500;

/** Collects the problems of one record's input, under the field it was sent in. */
export class Checks {
  readonly problems: Problem[] = [];

  constructor(private readonly prefix: string) {}

  private path(field: string): string {
    return `${this.prefix}.${field}`;
  }

  fail(field: string | null, message: string, code: Problem["code"] = "BAD_USER_INPUT"): void {
    this.problems.push({ code, field: field === null ? null : this.path(field), message });
  }

  /** A text that must be there (when `required`), no longer than `limit`, with no control characters. */
  text(field: string, value: string | null | undefined, { required = false, limit = LINE_LIMIT } = {}): void {
    const trimmed = value?.trim() ?? "";
    if (value != null && CONTROL.test(value)) this.fail(field, `${this.path(field)} contains control characters. Remove them (an export can bring them along).`);
    else if (trimmed.length > limit) this.fail(field, `${this.path(field)} is longer than ${limit} characters. Shorten it; the full text belongs in the service's own journal.`);
    else if (required && trimmed === "") this.fail(field, `${this.path(field)} is empty. Send it.`);
    else if (value != null && value !== trimmed) this.fail(field, `${this.path(field)} starts or ends with spaces. Send it trimmed, so that the same record always compares equal.`);
  }

  /** The source key and the person every record names. */
  keys(input: RecordKeyInput): void {
    this.text("sourceSystem", input.sourceSystem, { required: true, limit: KEY_LIMIT });
    this.text("sourceId", input.sourceId, { required: true, limit: KEY_LIMIT });
    this.text("personId", input.personId, { required: true, limit: KEY_LIMIT });
  }

  /** `from` on or before `to`, when both are given. */
  order(fromField: string, from: Date | null | undefined, toField: string, to: Date | null | undefined): void {
    if (from && to && to.getTime() < from.getTime()) this.fail(toField, `${this.path(toField)} is before ${this.path(fromField)}. Check the dates.`);
  }

  /** A telephone number: digits, spaces, and a leading +. */
  phone(field: string, value: string | null | undefined): void {
    this.text(field, value, { limit: 40 });
    if (value && !/^\+?[0-9 ]{3,}$/.test(value.trim())) this.fail(field, `${this.path(field)} is not a telephone number: digits and spaces, optionally a leading +.`);
  }

  /** A whole number within bounds. */
  range(field: string, value: number | null | undefined, min: number, max: number): void {
    if (value != null && (value < min || value > max)) this.fail(field, `${this.path(field)} must be between ${min} and ${max}.`);
  }
}

/** Whether something ending on `endedOn` is still going today (open-ended counts). */
export const isOpen = (endedOn: Date | null | undefined): boolean => isCurrent(endedOn);
