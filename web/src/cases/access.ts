// How access to a service's view of a person was decided, in plain words
// (`access { status reason }` of every Person.<service> view). A refusal reads
// the same whether or not the service holds anything: it names only the rule.
// An involvement-only view points to the service's front door — the contact
// the service gives under INVOLVEMENT_ONLY, the municipality's own setting
// (FRONT_DOOR_NAME_<SERVICE>) — never to the person who follows the case up,
// whose title or unit could tell what kind of help it is.
import type { AccessReason, AccessStatus } from "../graphql/generated/graphql.ts";
import { isPlainMessageKey, type PlainMessageKey, type Translate } from "../i18n/messages.ts";

export interface AccessWords {
  /** What may be seen and why, e.g. "Samtykke gitt", "Samtykke mangler". */
  headline: string;
  /** A sentence that explains the headline, when it needs one. */
  note?: string;
  tone: "granted" | "partial" | "restricted";
}

/**
 * The reason's own words when the catalog has them, else the status's general
 * words: most rules need no headline of their own, and a rule the API adds
 * later (an additive change of the AccessReason enum) still reads sensibly.
 */
function reasonKey(status: "GRANTED" | "RESTRICTED", reason: AccessReason): PlainMessageKey {
  const key = `access.${status}.${reason}`;
  return isPlainMessageKey(key) ? key : `access.${status}`;
}

/** The front door an INVOLVEMENT-only view names (its `contact`). */
interface FrontDoor {
  name: string;
  phone?: string | null;
}

export function accessWords(
  t: Translate,
  access: { status: AccessStatus; reason: AccessReason },
  involved: boolean | null | undefined,
  door: FrontDoor | null | undefined,
): AccessWords {
  switch (access.status) {
    case "GRANTED":
      return { headline: t(reasonKey("GRANTED", access.reason)), tone: "granted" };
    case "INVOLVEMENT_ONLY": {
      const headline = !involved
        ? t("access.involvementOnly.notInvolved")
        : door?.phone
          ? t("access.involvementOnly", { name: door.name, phone: door.phone })
          : t("access.involvementOnly.involved");
      return { headline, note: t("access.involvementOnly.basis"), tone: "partial" };
    }
    case "RESTRICTED":
      return { headline: t(reasonKey("RESTRICTED", access.reason)), note: t("access.restrictedNote"), tone: "restricted" };
  }
}
