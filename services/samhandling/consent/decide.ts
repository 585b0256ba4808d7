// The consent rules of DESIGN.md as one pure function: deny by default, and
// every grant names the consent or legal basis that allowed it.
import { VIEW_SERVICES, type ServiceName as KitService } from "../../kit/catalog.ts";
import type { Decision, DecisionQuestion } from "../../kit/decisions.ts";
import { nextOsloMidnight } from "../../kit/scalars.ts";
import type { ServiceName } from "../../../prisma/samhandling/generated/enums.ts";
import type { PersonFacts } from "../person-facts.ts";
import { AUDITOR_ROLE } from "../../kit/auth/caller.ts";
import { ageAt, HEALTH_AGE, isPersonsAct, isStillCompetent } from "./competence.ts";
import { BASIS_TEXTS, basisNaming, type DecidingReason } from "../../kit/access-values.ts";

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
  channel: "DIGITAL" | "PAPER_FORM" | "STAFF_RECORDED";
  attestedAt: Date | null;
}

/** Barnevern's information request under barnevernsloven § 13-2, declared as the request's purpose. */
export interface RequestFacts {
  id: string;
  childPersonId: string;
  /** The services asked. */
  services: readonly ServiceName[];
  validFrom: Date;
  validTo: Date;
  closedAt: Date | null;
  /** The barnevern employees on the investigation, active in the directory. */
  memberActorIds: ReadonlySet<string>;
}

export interface DecisionInput {
  actor: DecisionActor | null;
  caseId: string | null;
  questions: readonly DecisionQuestion[];
  now: Date;
  /** null when there is no purpose, or no such case. */
  caseFacts: CaseFacts | null;
  /** When the declared purpose is an information request rather than a case. */
  request?: RequestFacts | null;
  /** Innsyn (ACCESS_LOG): the information requests still open about the persons asked about. */
  openRequests?: readonly { id: string; childPersonId: string; validTo: Date }[];
  /** Consents recorded in the purpose case about the persons asked about. */
  consents: readonly ConsentFacts[];
  personFacts: ReadonlyMap<string, PersonFacts>;
}

export const LEGAL_BASES = {
  SELF: BASIS_TEXTS.RIGHT_OF_ACCESS,
  PARENTAL_RESPONSIBILITY: BASIS_TEXTS.PARENTAL_RESPONSIBILITY,
  OWN_SERVICE: BASIS_TEXTS.OWN_RECORDS,
} as const;

const granted = (reason: DecidingReason, basis: string | null): Decision => ({ status: "GRANTED", reason, basis });
const extraordinary = (reason: DecidingReason, basis: string): Decision => ({ status: "GRANTED", reason, basis, extraordinary: true });
const restricted = (reason: DecidingReason, basis: string | null = null): Decision => ({ status: "RESTRICTED", reason, basis });

const upper = (service: KitService) => service.toUpperCase() as ServiceName;

function coveredNow(c: ConsentFacts, q: DecisionQuestion, now: Date): boolean {
  return (
    isPersonsAct(c) &&
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

  // Roles apart: an auditor audits the access log and is released no personal data here, whatever else their sign-in says.
  if (actor.roles.includes(AUDITOR_ROLE)) return restricted("AUDITOR");

  if (actor.service === "citizen") {
    if (q.category === "ACCESS_LOG") return innsyn(input, actor, q, subject, now);
    if (actor.personId === q.personId) return granted("SELF", LEGAL_BASES.SELF);
    // A guardian with parental responsibility sees their child — not health data from 16, nothing from 18.
    const guardian = subject?.guardians.some((g) => g.guardianId === actor.personId && g.parentalResponsibility);
    if (guardian && subject && isStillCompetent({ subject, givenBy: actor.personId ?? "", capacity: "GUARDIAN", service: upper(q.service === "registry" ? "samhandling" : q.service), on: now })) {
      return granted("PARENTAL_RESPONSIBILITY", LEGAL_BASES.PARENTAL_RESPONSIBILITY);
    }
    return restricted("NOT_PERMITTED");
  }

  // An employee reads a person's access log only as an auditor of it (kit/access-log-api.ts), never through a decision.
  if (q.category === "ACCESS_LOG") return restricted("NOT_PERMITTED");
  if (actor.service === q.service && (VIEW_SERVICES as readonly string[]).includes(q.service)) return granted("OWN_SERVICE", LEGAL_BASES.OWN_SERVICE);
  if (!input.caseId) return restricted("NO_PURPOSE");
  if (input.request) return underRequest(input.request, actor, q, subject, now);
  // An unknown case and one the actor is not in answer alike: nothing about the case leaks.
  if (!caseFacts || !caseFacts.open || !caseFacts.activeMemberActorIds.has(actor.id)) return restricted("NOT_A_MEMBER");

  if (q.service === "registry") {
    if (q.category !== "IDENTITY") return restricted("NOT_PERMITTED");
    return caseFacts.subjectIds.has(q.personId) || caseFacts.memberPersonIds.has(q.personId)
      ? granted("CASE_MEMBERSHIP", basisNaming("CASE", input.caseId))
      : restricted("NOT_A_SUBJECT");
  }
  if (!caseFacts.subjectIds.has(q.personId)) return restricted("NOT_A_SUBJECT");

  // The newest applicable consent record decides: a refusal overrides an older permit and vice versa.
  const applicable = input.consents
    .filter((c) => coveredNow(c, q, now))
    .filter((c) => subject !== undefined && isStillCompetent({ subject, givenBy: c.givenByPersonId, capacity: c.capacity, service: upper(q.service), on: now }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newest = applicable[0];
  if (!newest) return restricted("NO_CONSENT");
  return newest.decision === "PERMIT" ? granted("CONSENT", basisNaming("CONSENT", newest.id)) : restricted("REFUSED", basisNaming("CONSENT", newest.id));
}

/**
 * Who sees who looked at a person's data (innsyn): the person; and a guardian
 * with parental responsibility until the child turns 16, from when the youth
 * alone does. From the guardian, releases under an information request still
 * open about the child are withheld until it closes: an investigation must not
 * be forewarned through its own traces (docs/access-rules.md).
 */
function innsyn(input: DecisionInput, actor: DecisionActor, q: DecisionQuestion, subject: PersonFacts | undefined, now: Date): Decision {
  if (actor.personId === q.personId) return granted("SELF", LEGAL_BASES.SELF);
  const guardian = subject?.guardians.some((g) => g.guardianId === actor.personId && g.parentalResponsibility);
  if (!guardian || !subject || ageAt(subject, now) >= HEALTH_AGE) return restricted("NOT_PERMITTED");
  const open = (input.openRequests ?? []).filter((r) => r.childPersonId === q.personId && r.validTo > now).map((r) => r.id);
  return { ...granted("PARENTAL_RESPONSIBILITY", LEGAL_BASES.PARENTAL_RESPONSIBILITY), withhold: open };
}

/**
 * Under an information request (barnevernsloven § 13-2): the child's identity
 * and the asked services' data about the child, to the barnevern employees on
 * the investigation, while the request is open and the child is under 18 —
 * each release extraordinary. Nothing else: not the stafettlogg, not a case,
 * not another person, not a service that was not asked.
 */
function underRequest(r: RequestFacts, actor: DecisionActor, q: DecisionQuestion, subject: PersonFacts | undefined, now: Date): Decision {
  // A request the actor is not on answers like an unknown one.
  if (actor.service !== "barnevern" || !r.memberActorIds.has(actor.id)) return restricted("NOT_A_MEMBER");
  if (r.closedAt !== null || now < r.validFrom || now >= r.validTo) return restricted("REQUEST_CLOSED");
  if (q.personId !== r.childPersonId) return restricted("NOT_A_SUBJECT");
  if (!subject || ageAt(subject, now) >= 18) return restricted("NOT_A_CHILD");
  const basis = basisNaming("INFORMATION_REQUEST", r.id);
  if (q.service === "registry") return q.category === "IDENTITY" ? extraordinary("INFORMATION_REQUEST", basis) : restricted("NOT_PERMITTED");
  const asked = r.services.includes(upper(q.service)) && (q.category === "SERVICE_DATA" || q.category === "INVOLVEMENT");
  return asked ? extraordinary("INFORMATION_REQUEST", basis) : restricted("NOT_REQUESTED");
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
  const request = input.request;
  if (request && request.childPersonId === personId) instants.push(...[request.validFrom, request.validTo].filter((t) => t > now));
  for (const r of input.openRequests ?? []) if (r.childPersonId === personId && r.validTo > now) instants.push(r.validTo);
  return instants.length === 0 ? null : new Date(Math.min(...instants.map((t) => t.getTime())));
}

export function decide(input: DecisionInput): Decision[] {
  return input.questions.map((q) => ({ ...decideOne(input, q), validUntil: timeBoundary(input, q.personId)?.toISOString() ?? null }));
}
