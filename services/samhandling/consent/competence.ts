// Who is competent to give (or refuse) a consent about whom — pure rules, no I/O.
//
// Norwegian rules as DESIGN.md "Consent rules" states them:
// - 18 or older: the person decides alone (capacity SELF, given by the person).
// - Under 18: a guardian WITH parental responsibility decides (capacity GUARDIAN).
// - From 16 the youth decides alone about health data: HELSE needs the youth's
//   own SELF consent, and a guardian can no longer consent to HELSE for them.
//   A SELF consent by a child is valid only for HELSE, and only from 16.
// - From 7 the child's own view must be recorded with a guardian's consent.
//
// Ages are whole years on the Europe/Oslo calendar date of `on`. Messages are
// meant for a case worker: they say what to do and name no one (ages only).
import type { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import { ageOn, todayInOslo } from "../../kit/scalars.ts";
import type { PersonFacts } from "../person-facts.ts";

export type ConsentCapacity = "SELF" | "GUARDIAN";

export type CompetenceCode = "NOT_COMPETENT" | "CHILD_VIEW_MISSING";

export interface CompetenceProblem {
  code: CompetenceCode;
  message: string;
}

export interface CompetenceInput {
  subject: PersonFacts;
  /** Person id of whoever gives (or refuses) the consent. */
  givenBy: string;
  capacity: ConsentCapacity;
  services: readonly ServiceName[];
  /** The child's own view, in the child's words; required with a guardian's consent from age 7. */
  childView: string | null;
  /** When the consent is given (or, for isStillCompetent, when it is used). */
  on: Date;
}

/** Age of majority: from here the person alone decides. */
export const ADULT_AGE = 18;
/** From this age the youth alone decides about health data. */
export const HEALTH_AGE = 16;
/** From this age the child's own view is recorded with a guardian's consent. */
export const CHILD_VIEW_AGE = 7;

const HEALTH: ServiceName = "HELSE";

/** The subject's age in whole years on the Oslo calendar date of `on`. */
export function ageAt(subject: Pick<PersonFacts, "birthDate">, on: Date): number {
  return ageOn(subject.birthDate, todayInOslo(on));
}

function years(age: number): string {
  return age === 1 ? "1 year" : `${age} years`;
}

const notCompetent = (message: string): CompetenceProblem => ({ code: "NOT_COMPETENT", message });

function competence(input: Omit<CompetenceInput, "childView">, childView: string | null | undefined): CompetenceProblem | null {
  const { subject, givenBy, capacity, services, on } = input;
  const age = ageAt(subject, on);
  const bySubject = givenBy === subject.personId;
  const coversHealth = services.includes(HEALTH);
  const onlyHealth = services.length > 0 && services.every((s) => s === HEALTH);

  if (age >= ADULT_AGE) {
    if (capacity !== "SELF") {
      return notCompetent(
        `The person is ${years(age)} old and decides alone; a guardian can no longer consent for them. ` +
          "Record the consent with capacity SELF, given by the person themselves.",
      );
    }
    if (!bySubject) {
      return notCompetent(
        "A consent with capacity SELF must be given by the person it is about. " +
          "Ask the person to give it themselves, or record who gave it correctly.",
      );
    }
    return null;
  }

  if (capacity === "SELF") {
    if (!bySubject) {
      return notCompetent(
        "A consent with capacity SELF must be given by the person it is about. " +
          "For a child, record it with capacity GUARDIAN, given by a guardian with parental responsibility.",
      );
    }
    if (age < HEALTH_AGE) {
      return notCompetent(
        `The child is ${years(age)} old and cannot consent alone. ` +
          "A guardian with parental responsibility must give the consent (capacity GUARDIAN), with the child's own view recorded from age 7.",
      );
    }
    if (!onlyHealth) {
      return notCompetent(
        `At ${age} the youth decides alone only about health data (HELSE). ` +
          "Record the youth's own consent for HELSE only, and the consent for the other services separately, " +
          "given by a guardian with parental responsibility (capacity GUARDIAN).",
      );
    }
    return null;
  }

  // GUARDIAN, subject under 18.
  const guardian = subject.guardians.find((g) => g.guardianId === givenBy);
  if (!guardian) {
    return notCompetent(
      "The person giving the consent is not registered as the child's guardian. " +
        "Only a guardian with parental responsibility can consent for a child under 18; check who the guardians are in the population register.",
    );
  }
  if (!guardian.parentalResponsibility) {
    return notCompetent(
      "The person giving the consent is a parent without parental responsibility and cannot consent for the child. " +
        "Ask a guardian with parental responsibility to give it.",
    );
  }
  if (age >= HEALTH_AGE && coversHealth) {
    if (onlyHealth) {
      return notCompetent(
        `The youth is ${years(age)} old and decides alone about health data (HELSE); a guardian cannot consent to it. ` +
          "Ask the youth to give the HELSE consent themselves (capacity SELF).",
      );
    }
    return notCompetent(
      `The youth is ${years(age)} old and decides alone about health data (HELSE); a guardian cannot consent to it. ` +
        "Remove HELSE from this consent and give HELSE separately: the youth's own consent with capacity SELF.",
    );
  }
  if (childView !== undefined && age >= CHILD_VIEW_AGE && !(childView ?? "").trim()) {
    return {
      code: "CHILD_VIEW_MISSING",
      message:
        `The child is ${years(age)} old: record the child's own view (childView) with the guardian's consent. ` +
        "Talk with the child and write down what the child said, in the child's words.",
    };
  }
  return null;
}

/**
 * Why this person cannot give (or refuse) this consent about this subject on
 * this day, or null when they can. NOT_COMPETENT comes before CHILD_VIEW_MISSING.
 */
export function competenceProblem(input: CompetenceInput): CompetenceProblem | null {
  return competence(input, input.childView);
}

/**
 * Whether a recorded consent still counts for one service on `on`, judged on
 * today's facts: a guardian's consent lapses when the child turns 18, its
 * HELSE part lapses when the child turns 16, and it lapses when the guardian
 * loses parental responsibility. A youth's own HELSE consent stays valid at 18.
 * The child's view is not re-checked: it was required when the consent was recorded.
 */
export function isStillCompetent(input: {
  subject: PersonFacts;
  givenBy: string;
  capacity: ConsentCapacity;
  service: ServiceName;
  on: Date;
}): boolean {
  return competence({ ...input, services: [input.service] }, undefined) === null;
}

/** The parts of a recorded consent that say whether it is the person's own act (see `isPersonsAct`). */
export interface ConsentAct {
  decision: "PERMIT" | "DENY";
  channel: "DIGITAL" | "PAPER_FORM" | "STAFF_RECORDED";
  attestedAt: Date | null;
}

/**
 * Whether a record counts at all: a consent is the person's own act when
 * they gave it signed in themselves, or when it was recorded from their signed
 * form and a second member of the case, not the recorder, has attested it. A
 * refusal counts however it came in: it can only keep data back.
 */
export function isPersonsAct(c: ConsentAct): boolean {
  return c.decision === "DENY" || c.channel === "DIGITAL" || (c.channel === "PAPER_FORM" && c.attestedAt !== null);
}

/** The parts of a recorded consent that decide whether it is in force. */
export interface RecordedConsent extends ConsentAct {
  services: readonly ServiceName[];
  capacity: ConsentCapacity;
  givenByPersonId: string;
  validFrom: Date;
  validTo: Date | null;
  withdrawnAt: Date | null;
}

/** Within its period (validFrom ≤ on < validTo) and not withdrawn. */
export function inPeriod(consent: Pick<RecordedConsent, "validFrom" | "validTo" | "withdrawnAt">, on: Date): boolean {
  const t = on.getTime();
  return consent.withdrawnAt == null && consent.validFrom.getTime() <= t && (consent.validTo == null || consent.validTo.getTime() > t);
}

/**
 * The services a recorded consent (or refusal) counts for on `on`: none
 * before it is the person's act (an unattested form), outside its period or once withdrawn, none when the subject's facts are
 * unknown (fail closed); otherwise those of its services its giver is still
 * competent for. This is what a consent decision must use.
 */
export function servicesInForce(consent: RecordedConsent, subject: PersonFacts | null, on: Date): ServiceName[] {
  if (!subject || !isPersonsAct(consent) || !inPeriod(consent, on)) return [];
  return consent.services.filter((service) =>
    isStillCompetent({ subject, givenBy: consent.givenByPersonId, capacity: consent.capacity, service, on }),
  );
}
