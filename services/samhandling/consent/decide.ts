// The consent rules of DESIGN.md as one pure function: deny by default, and
// every grant names the consent or legal basis that allowed it.
import { VIEW_SERVICES, type ServiceName as KitService } from "../../kit/catalog.ts";
import type { Decision, DecisionQuestion } from "../../kit/decisions.ts";
import { nextOsloMidnight } from "../../kit/scalars.ts";
import type { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import type { PersonFacts } from "../person-facts.ts";
import { ageAt, isStillCompetent } from "./competence.ts";

export interface DecisionActor {
  id: string;
  service: string;
  roles: string[];
  personId: string | null;
}

export interface CaseFacts {
  open: boolean;
  activeMemberActorIds: ReadonlySet<string>;
  /** Registry persons taking part as members (the family, a trusted person). */
  memberPersonIds: ReadonlySet<string>;
  subjectIds: ReadonlySet<string>;
}

export interface ConsentFacts {
  id: string;
  subjectPersonId: string;
  givenByPersonId: string;
  capacity: "SELF" | "GUARDIAN";
  decision: "PERMIT" | "DENY";
  services: ServiceName[];
  categories: string[];
  validFrom: Date;
  validTo: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
}

export interface DecisionInput {
  actor: DecisionActor | null;
  caseId: string | null;
  questions: readonly DecisionQuestion[];
  now: Date;
  /** null when there is no purpose, or no such case. */
  caseFacts: CaseFacts | null;
  /** Consents recorded in the purpose case about the persons asked about. */
  consents: readonly ConsentFacts[];
  personFacts: ReadonlyMap<string, PersonFacts>;
}

export const LEGAL_BASES = {
  SELF: "Right of access to one's own data (GDPR art. 15)",
  PARENTAL_RESPONSIBILITY: "Parental responsibility for a child (barneloven § 30)",
  OWN_SERVICE: "The service's own records",
  INFORMATION_DUTY: "Duty to inform barnevern (barnevernsloven § 13-2)",
} as const;

const granted = (reason: string, basis: string | null): Decision => ({ status: "GRANTED", reason, basis });
const restricted = (reason: string, basis: string | null = null): Decision => ({ status: "RESTRICTED", reason, basis });

const upper = (service: KitService) => service.toUpperCase() as ServiceName;

function coveredNow(c: ConsentFacts, q: DecisionQuestion, now: Date): boolean {
  return (
    c.subjectPersonId === q.personId &&
    c.services.includes(upper(q.service)) &&
    c.categories.includes(q.category) &&
    c.withdrawnAt === null &&
    c.validFrom <= now &&
    (c.validTo === null || c.validTo > now)
  );
}

function decideOne(input: DecisionInput, q: DecisionQuestion): Decision {
  const { actor, now, caseFacts } = input;
  if (!actor) return restricted("UNAUTHENTICATED");
  const subject = input.personFacts.get(q.personId);

  if (actor.service === "citizen") {
    if (actor.personId === q.personId) return granted("SELF", LEGAL_BASES.SELF);
    // A guardian with parental responsibility sees their child — not health data from 16, nothing from 18.
    const guardian = subject?.guardians.some((g) => g.guardianId === actor.personId && g.parentalResponsibility);
    if (guardian && subject && isStillCompetent({ subject, givenBy: actor.personId ?? "", capacity: "GUARDIAN", service: upper(q.service === "registry" ? "samhandling" : q.service), on: now })) {
      return granted("PARENTAL_RESPONSIBILITY", LEGAL_BASES.PARENTAL_RESPONSIBILITY);
    }
    return restricted("NOT_PERMITTED");
  }

  if (actor.service === q.service && (VIEW_SERVICES as readonly string[]).includes(q.service)) return granted("OWN_SERVICE", LEGAL_BASES.OWN_SERVICE);
  if (!input.caseId) return restricted("NO_PURPOSE");
  // An unknown case and one the actor is not in answer alike: nothing about the case leaks.
  if (!caseFacts || !caseFacts.open || !caseFacts.activeMemberActorIds.has(actor.id)) return restricted("NOT_A_MEMBER");

  if (q.service === "registry") {
    if (q.category !== "IDENTITY") return restricted("NOT_PERMITTED");
    return caseFacts.subjectIds.has(q.personId) || caseFacts.memberPersonIds.has(q.personId)
      ? granted("CASE_MEMBERSHIP", `case:${input.caseId}`)
      : restricted("NOT_A_SUBJECT");
  }
  if (!caseFacts.subjectIds.has(q.personId)) return restricted("NOT_A_SUBJECT");

  if (actor.service === "barnevern" && q.category !== "STAFETTLOGG" && subject && ageAt(subject, now) < 18) {
    return granted("INFORMATION_DUTY", LEGAL_BASES.INFORMATION_DUTY);
  }

  // The newest applicable consent record decides: a refusal overrides an older permit and vice versa.
  const applicable = input.consents
    .filter((c) => coveredNow(c, q, now))
    .filter((c) => subject !== undefined && isStillCompetent({ subject, givenBy: c.givenByPersonId, capacity: c.capacity, service: upper(q.service), on: now }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newest = applicable[0];
  if (!newest) return restricted("NO_CONSENT");
  return newest.decision === "PERMIT" ? granted("CONSENT", `consent:${newest.id}`) : restricted("REFUSED", `consent:${newest.id}`);
}

/**
 * The next instant at which time alone could change an answer about this
 * person: a consent's period starts or ends, or a new day in Oslo (an age
 * boundary such as 16 or 18 moves competence). Caches stop there.
 */
function timeBoundary(input: DecisionInput, personId: string): Date | null {
  const { now } = input;
  const instants = input.consents
    .filter((c) => c.subjectPersonId === personId && c.withdrawnAt === null)
    .flatMap((c) => [c.validFrom, c.validTo])
    .filter((t): t is Date => t !== null && t > now);
  if (input.personFacts.has(personId)) instants.push(nextOsloMidnight(now));
  return instants.length === 0 ? null : new Date(Math.min(...instants.map((t) => t.getTime())));
}

export function decide(input: DecisionInput): Decision[] {
  return input.questions.map((q) => ({ ...decideOne(input, q), validUntil: timeBoundary(input, q.personId)?.toISOString() ?? null }));
}
