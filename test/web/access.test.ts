// The family overview's words for how access was decided: each rule in plain
// bokmål, a refusal that reads the same whatever the service holds, and an
// involvement-only view pointing to the service's front door.
import { describe, expect, test } from "vitest";
import { serviceEntry } from "../../services/kit/catalog.ts";
import { accessWords } from "../../web/src/cases/access.ts";
import type { AccessReason } from "../../web/src/graphql/generated/graphql.ts";
import { translator } from "../../web/src/i18n/messages.ts";

const t = translator("nb");

describe("access in words", () => {
  test("granted: the rule that granted it", () => {
    expect(accessWords(t, "nav", { status: "GRANTED", reason: "CONSENT" }, true)).toEqual({ headline: "Samtykke gitt", tone: "granted" });
    expect(accessWords(t, "barnevern", { status: "GRANTED", reason: "INFORMATION_REQUEST" }, true).headline).toBe("Opplysningsplikt til barnevernet");
    // A rule with no headline of its own, and one the API added after this build (AccessReason grows additively), still read sensibly.
    expect(accessWords(t, "nav", { status: "GRANTED", reason: "PERSON_SEARCH" }, true).headline).toBe("Du kan se opplysningene");
    expect(accessWords(t, "nav", { status: "GRANTED", reason: "A_NEW_RULE" as AccessReason }, true).headline).toBe("Du kan se opplysningene");
  });

  test("restricted: the rule, and the same words whether or not the service is involved", () => {
    expect(accessWords(t, "helse", { status: "RESTRICTED", reason: "NO_CONSENT" }, null)).toEqual({
      headline: "Samtykke mangler",
      note: "Det sier ikke noe om tjenesten har opplysninger.",
      tone: "restricted",
    });
    expect(accessWords(t, "helse", { status: "RESTRICTED", reason: "REFUSED" }, null).headline).toBe("Samtykke nektet");
    expect(accessWords(t, "helse", { status: "RESTRICTED", reason: "NO_CONSENT" }, true)).toEqual(accessWords(t, "helse", { status: "RESTRICTED", reason: "NO_CONSENT" }, false));
    expect(accessWords(t, "helse", { status: "RESTRICTED", reason: "A_NEW_RULE" as AccessReason }, null).headline).toBe("Du kan ikke se opplysninger herfra");
  });

  test("involvement only: call the service's front door while it is involved", () => {
    const door = serviceEntry("helse").frontDoor!;
    expect(accessWords(t, "helse", { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, true).headline).toBe(`Bare involvering — ring ${door.name}, ${door.phone}`);
    expect(accessWords(t, "helse", { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, false)).toEqual({
      headline: "Bare involvering — ikke involvert nå",
      note: "Samtykket gjelder bare om tjenesten er involvert, ikke hva den gjør.",
      tone: "partial",
    });
  });
});
