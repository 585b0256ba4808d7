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

/** Optional free text, trimmed; null when empty. */
export function text(value: string | null | undefined, field: string): string | null {
  const trimmed = value?.trim() ?? "";
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

export function requiredId(value: string | null | undefined, field: string): string {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) throw hubError("BAD_USER_INPUT", `${field} is empty. Give the id.`, { field });
  if (trimmed.length > 100) throw hubError("BAD_USER_INPUT", `${field} is not an id the hub issues. Check the id.`, { field });
  return trimmed;
}
