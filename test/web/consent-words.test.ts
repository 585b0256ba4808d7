// A consent's state in words (web/src/cases/consent-words.ts): withdrawn,
// refused, waiting for a second member's attestation, expired, in force
// (until a day, or until withdrawn), not yet begun, or lapsed because the
// giver can no longer consent for the person.
import { describe, expect, test } from "vitest";
import { consentState } from "../../web/src/cases/consent-words.ts";
import { translator } from "../../web/src/i18n/messages.ts";

const t = translator("nb");
const NOW = new Date("2026-12-07T12:00:00Z");
const base = { decision: "PERMIT" as const, withdrawnAt: null, pending: false, active: true, validFrom: "2026-01-01T00:00:00Z", validTo: null };

describe("consent state in words", () => {
  test("in force, until withdrawn or until a day", () => {
    expect(consentState(t, "nb", base, NOW)).toEqual({ words: "Gjelder", tone: "success" });
    expect(consentState(t, "nb", { ...base, validTo: "2027-06-30T00:00:00Z" }, NOW)).toEqual({ words: "Gjelder til 30. juni 2027", tone: "success" });
  });

  test("a paper form not yet attested counts for nothing, and says so", () => {
    expect(consentState(t, "nb", { ...base, pending: true, active: false }, NOW)).toEqual({ words: "Venter på bekreftelse – gjelder ikke ennå", tone: "warning" });
  });

  test("withdrawn comes first, whatever else holds", () => {
    expect(consentState(t, "nb", { ...base, withdrawnAt: "2026-11-02T10:00:00Z", active: false, pending: true }, NOW).words).toBe("Trukket tilbake 2. november 2026");
  });

  test("a refusal keeps the data back", () => {
    expect(consentState(t, "nb", { ...base, decision: "DENY", active: true }, NOW)).toEqual({ words: "Nektet – opplysningene deles ikke", tone: "danger" });
  });

  test("expired, not yet begun, and lapsed", () => {
    expect(consentState(t, "nb", { ...base, active: false, validTo: "2026-12-01T00:00:00Z" }, NOW).words).toBe("Utløpt 1. desember 2026");
    expect(consentState(t, "nb", { ...base, active: false, validFrom: "2027-01-10T00:00:00Z" }, NOW).words).toBe("Gjelder fra 10. januar 2027");
    expect(consentState(t, "nb", { ...base, active: false }, NOW).words).toMatch(/^Gjelder ikke lenger/);
  });

  test("in English too", () => {
    expect(consentState(translator("en"), "en", { ...base, pending: true, active: false }, NOW).words).toBe("Waiting to be attested – does not apply yet");
  });
});
