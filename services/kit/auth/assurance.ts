// The level of assurance a citizen's sign-in must have to act on consents.
// Giving or withdrawing a consent binds the person's data to other services:
// as with ID-porten's own rule for such acts, it takes the high level (BankID,
// Buypass, Commfides). One function, so every path that acts on a consent —
// the resolvers today, the citizen's own digital consent of issue 17 — asks
// the same question of the same claims.
import { hubError } from "../errors.ts";
import { isCitizen, type Caller } from "./caller.ts";

/** True when the caller may give or withdraw a consent as far as the sign-in goes: employees (their acts are recorded and attested), or citizens signed in at the high level. */
export function hasConsentAssurance(caller: Caller): boolean {
  return !isCitizen(caller) || caller.claims.assurance === "high";
}

/** Throws ASSURANCE_TOO_LOW for a citizen whose sign-in is not at the high level. */
export function requireConsentAssurance(caller: Caller): void {
  if (hasConsentAssurance(caller)) return;
  throw hubError(
    "ASSURANCE_TOO_LOW",
    "Giving or withdrawing a consent needs a sign-in at the high level of assurance. Sign in again with BankID (or another high-level eID) and try once more.",
  );
}
