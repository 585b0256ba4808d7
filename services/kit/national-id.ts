// The shape of a Norwegian national identity number (fødselsnummer, and the
// synthetic test numbers with month + 80): eleven digits whose last two are
// the modulus-11 control digits. Pure and import-free, so the registry's
// search and the web app's form check it the same way.

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The control digit for `digits` under `weights`, or null when none exists (the number is invalid). */
function control(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((s, w, i) => s + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/** The two control digits that follow the first nine digits (birth date and individual number), or null when they give none. */
export function controlDigits(nine: readonly number[]): [number, number] | null {
  const k1 = control(nine, W1);
  if (k1 === null) return null;
  const k2 = control([...nine, k1], W2);
  return k2 === null ? null : [k1, k2];
}

/** Whether `value` is eleven digits with valid control digits (surrounding spaces are the caller's to trim). */
export function isNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const k = controlDigits(d.slice(0, 9));
  return k !== null && k[0] === d[9] && k[1] === d[10];
}
