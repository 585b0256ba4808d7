// The family overview's words for how access was decided: each rule in plain
// bokmål, a refusal that reads the same whatever the service holds, and an
// involvement-only view pointing to the front door the service names.
import { describe, expect, test } from "vitest";
import { serviceEntry } from "../../services/kit/catalog.ts";
import { accessWords } from "../../web/src/cases/access.ts";
import type { AccessReason } from "../../web/src/graphql/generated/graphql.ts";
import { translator } from "../../web/src/i18n/messages.ts";

const t = translator("nb");

describe("access in words", () => {
  test("granted: the rule that granted it", () => {
    expect(accessWords(t, { status: "GRANTED", reason: "CONSENT" }, true, null)).toEqual({ headline: "Samtykke gitt", tone: "granted" });
    expect(accessWords(t, { status: "GRANTED", reason: "INFORMATION_REQUEST" }, true, null).headline).toBe("Opplysningsplikt til barnevernet");
    // A rule with no headline of its own, and one the API added after this build (AccessReason grows additively), still read sensibly.
    expect(accessWords(t, { status: "GRANTED", reason: "PERSON_SEARCH" }, true, null).headline).toBe("Du kan se opplysningene");
    expect(accessWords(t, { status: "GRANTED", reason: "A_NEW_RULE" as AccessReason }, true, null).headline).toBe("Du kan se opplysningene");
  });

  test("restricted: the rule, and the same words whether or not the service is involved", () => {
    expect(accessWords(t, { status: "RESTRICTED", reason: "NO_CONSENT" }, null, null)).toEqual({
      headline: "Samtykke mangler",
      note: "Det sier ikke noe om tjenesten har opplysninger.",
      tone: "restricted",
    });
    expect(accessWords(t, { status: "RESTRICTED", reason: "REFUSED" }, null, null).headline).toBe("Samtykke nektet");
    expect(accessWords(t, { status: "RESTRICTED", reason: "NO_CONSENT" }, true, null)).toEqual(accessWords(t, { status: "RESTRICTED", reason: "NO_CONSENT" }, false, null));
    expect(accessWords(t, { status: "RESTRICTED", reason: "A_NEW_RULE" as AccessReason }, null, null).headline).toBe("Du kan ikke se opplysninger herfra");
  });

  test("involvement only: call the front door the service names (the municipality's setting) while it is involved", () => {
    const door = serviceEntry("helse").frontDoor!;
    expect(accessWords(t, { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, true, door).headline).toBe(`Bare involvering — ring ${door.name}, ${door.phone}`);
    const own = { name: "Servicetorget, Fjordvik rådhus", phone: "+47 400 99 999" };
    expect(accessWords(t, { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, true, own).headline).toBe(`Bare involvering — ring ${own.name}, ${own.phone}`);
    expect(accessWords(t, { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, true, null).headline).toBe("Bare involvering — tjenesten er involvert");
    expect(accessWords(t, { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, false, null)).toEqual({
      headline: "Bare involvering — ikke involvert nå",
      note: "Samtykket gjelder bare om tjenesten er involvert, ikke hva den gjør.",
      tone: "partial",
    });
  });
});
