// The level of assurance of a sign-in, for acts that must be the person's own
// beyond doubt: giving or withdrawing a consent digitally. ID-porten says it
// in `acr` (idporten-loa-substantial, idporten-loa-high).
//
// The hook issue 19 plugs into: a token that states its level must state the
// high one. The hub's own development tokens state none and are accepted
// until sign-in goes through the identity provider; then every citizen token
// carries `acr`, and this is where one without it would start to be refused.
import type { Caller } from "./caller.ts";
import { hubError } from "../errors.ts";

/** ID-porten's high level (BankID, Buypass, Commfides): what a consent given digitally needs. */
export const HIGH_ASSURANCE = "idporten-loa-high";

/** Whether the caller's sign-in is assured enough to act on their own consents (see above for tokens without `acr`). */
export function hasHighAssurance(caller: Caller): boolean {
  if (caller.kind !== "actor") return false;
  const acr = caller.claims.acr;
  return acr === undefined || acr === HIGH_ASSURANCE;
}

/** ASSURANCE_TOO_LOW unless the caller may act on their consents (`hasHighAssurance`). */
export function requireHighAssurance(caller: Caller, what: string): void {
  if (!hasHighAssurance(caller)) {
    throw hubError("ASSURANCE_TOO_LOW", `${what} needs a sign-in with a high level of assurance (for example BankID). Sign in again at that level and try once more.`);
  }
}
