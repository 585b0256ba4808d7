// Validation of what people type, and new opaque ids. Messages say what to do.
import { randomInt } from "node:crypto";
import { hubError } from "../kit/errors.ts";

const ID_ALPHABET = "0123456789bcdfghjklmnpqrstvwxz";
/** A new opaque id: a prefix and 12 random characters (no vowels, so never a name). */
export function newId(prefix: string): string {
  let out = `${prefix}-`;
  for (let i = 0; i < 12; i++) out += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return out;
}

export const TEXT_LIMIT = 2000;

// Control characters other than tab and line breaks have no place in what a person writes (and NUL breaks PostgreSQL).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Optional free text, trimmed; null when empty. */
export function text(value: string | null | undefined, field: string): string | null {
  const trimmed = value?.trim() ?? "";
  if (CONTROL.test(trimmed)) {
    throw hubError("BAD_USER_INPUT", `${field} contains control characters. Remove them (copying from another system can bring them along).`, { field });
  }
  if (trimmed.length > TEXT_LIMIT) {
    throw hubError("BAD_USER_INPUT", `${field} is longer than ${TEXT_LIMIT} characters. Shorten it; the full text belongs in the service's own journal.`, { field });
  }
  return trimmed === "" ? null : trimmed;
}

/** Free text that must be there. */
export function requiredText(value: string | null | undefined, field: string): string {
  const found = text(value, field);
  if (found === null) throw hubError("BAD_USER_INPUT", `${field} is empty. Write a few words; it is what the others in the case will read.`, { field });
  return found;
}

export const LIST_LIMIT = 50;

/** Lists in input are short in practice; a very long one is a mistake or an attack. */
export function listLimit(list: readonly unknown[] | null | undefined, field: string): void {
  if ((list?.length ?? 0) > LIST_LIMIT) throw hubError("BAD_USER_INPUT", `${field} has more than ${LIST_LIMIT} items. Send fewer.`, { field });
}

export function requiredId(value: string | null | undefined, field: string): string {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) throw hubError("BAD_USER_INPUT", `${field} is empty. Give the id.`, { field });
  if (trimmed.length > 100 || CONTROL.test(trimmed)) throw hubError("BAD_USER_INPUT", `${field} is not an id the hub issues. Check the id.`, { field });
  return trimmed;
}
