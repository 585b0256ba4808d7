// An independent model of DESIGN.md "Access rules" for property tests: who
// may see which service's view of whom, for which declared case (or
// information request), and whose access log. It deliberately shares no code
// with services/samhandling (consent/decide.ts, consent/competence.ts): facts
// (persons, guardianships, households) come from the seeded world, cases,
// members and information requests from the seed and from what a test does
// through the gateway (openCase, addMember, requestInformation, …), and the
// rules are written out here, as simply as they can be said.
import type { World } from "../../demo/world.ts";
import { CASEWORK_SERVICES, VIEW_SERVICES, type CaseworkService, type ViewService } from "../../services/kit/catalog.ts";

// The services themselves come from the catalog (every one the hub runs); the rules about them are written out here.
export const VIEWS: readonly ViewService[] = VIEW_SERVICES;
export type View = ViewService;

/** Services a consent can name (ServiceName without FAMILY). */
export type ConsentService = Uppercase<CaseworkService>;
export const CONSENT_SERVICES: readonly ConsentService[] = CASEWORK_SERVICES.map((s) => s.toUpperCase() as ConsentService);

export type Actor =
  | { kind: "anonymous" }
  | { kind: "citizen"; personId: string }
  /** `service` as in the token claims: nav, barnevern, skole, helse, frivillighet, samhandling. `auditor`: the sign-in carries the auditor role. */
  | { kind: "employee"; sub: string; service: string; auditor?: boolean };

export interface OracleConsent {
  id: string;
  caseId: string;
  subjectId: string;
  givenById: string;
  capacity: "SELF" | "GUARDIAN";
  decision: "PERMIT" | "DENY";
  services: string[];
  categories: string[];
  validFrom: Date;
  validTo: Date | null;
  withdrawnAt: Date | null;
  createdAt: Date;
  /** DIGITAL: given by the person signed in; PAPER_FORM: recorded from a signed form; STAFF_RECORDED: a refusal an employee entered. */
  channel: "DIGITAL" | "PAPER_FORM" | "STAFF_RECORDED";
  /** A form attested by a second member. */
  attested: boolean;
}

/** Barnevern's information request (barnevernsloven § 13-2), declared as a request's purpose like a case. */
export interface OracleRequest {
  id: string;
  childId: string;
  /** Upper case, as consents name services. */
  services: Set<string>;
  /** The barnevern employees on the investigation. */
  members: Set<string>;
  validFrom: Date;
  validTo: Date;
  closed: boolean;
}

interface OraclePerson {
  id: string;
  /** "YYYY-MM-DD" */
  birthDate: string;
  /** guardian id → parental responsibility */
  guardians: Map<string, boolean>;
}

interface OracleCase {
  id: string;
  open: boolean;
  subjects: Set<string>;
  /** Employees still in the case (leftAt null). */
  activeActors: Set<string>;
  /** Registry persons still taking part (leftAt null). */
  activePersons: Set<string>;
}

/** The answer for one view, with the rule that gave it (for failure messages). */
export interface Verdict {
  allowed: boolean;
  /** The reason code expected when allowed. */
  reason: string | null;
  why: string;
}

const OSLO = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

/** Whole years on the Europe/Oslo calendar date of `now`. */
export function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = OSLO.format(now).split("-").map(Number) as [number, number, number];
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The answer for one service view, layer by layer (DESIGN.md, Verwijsindex):
 * GRANTED when SERVICE_DATA is allowed; else INVOLVEMENT_ONLY when the
 * INVOLVEMENT category is; else RESTRICTED.
 */
export interface ViewVerdict {
  status: "GRANTED" | "INVOLVEMENT_ONLY" | "RESTRICTED";
  /** The reason code expected for GRANTED (SERVICE_DATA's) or INVOLVEMENT_ONLY (INVOLVEMENT's). */
  reason: string | null;
  why: string;
}

/** The categories a service view is decided on, in the order they are tried. */
export const VIEW_CATEGORIES = ["SERVICE_DATA", "INVOLVEMENT"] as const;
export type ViewCategory = (typeof VIEW_CATEGORIES)[number];

const allow = (reason: string, why: string): Verdict => ({ allowed: true, reason, why });
const deny = (why: string): Verdict => ({ allowed: false, reason: null, why });

/** A case member as the model tracks it: an employee by actor id, or a registry person. */
export type OracleMember = { actorId: string } | { personId: string };

export class ConsentOracle {
  readonly persons = new Map<string, OraclePerson>();
  readonly cases = new Map<string, OracleCase>();
  readonly consents: OracleConsent[] = [];
  readonly requests = new Map<string, OracleRequest>();
  /** Household id → its members' person ids. */
  readonly families = new Map<string, string[]>();

  constructor(world: Pick<World, "registry" | "samhandling">, consents: readonly OracleConsent[]) {
    for (const p of world.registry.person) {
      const id = p.id!;
      this.persons.set(id, { id, birthDate: new Date(p.birthDate).toISOString().slice(0, 10), guardians: new Map() });
    }
    for (const g of world.registry.guardianship) this.persons.get(g.childId)?.guardians.set(g.guardianId, g.parentalResponsibility === true);
    for (const m of world.registry.familyMember) this.families.set(m.familyId, [...(this.families.get(m.familyId) ?? []), m.personId]);
    for (const c of world.samhandling.coordinationCase) {
      const id = c.id!;
      this.cases.set(id, { id, open: c.status === "OPEN", subjects: new Set(), activeActors: new Set(), activePersons: new Set() });
    }
    for (const s of world.samhandling.caseSubject) this.cases.get(s.caseId)?.subjects.add(s.personId);
    for (const r of world.samhandling.informationRequest) {
      const members = new Set(world.samhandling.informationRequestMember.filter((m) => m.requestId === r.id).map((m) => m.actorId));
      this.openRequest({
        id: r.id, childId: r.childPersonId, services: new Set(r.services as string[]), members,
        validFrom: new Date(r.validFrom), validTo: new Date(r.validTo), closed: Boolean(r.closedAt),
      });
    }
    for (const m of world.samhandling.caseMember) {
      if (m.leftAt) continue;
      const c = this.cases.get(m.caseId);
      if (m.actorId) c?.activeActors.add(m.actorId);
      if (m.personId) c?.activePersons.add(m.personId);
    }
    this.consents.push(...consents.map((c) => ({ ...c })));
  }

  // -- What a test did through the gateway ---------------------------------

  /** A case opened: open, about `subjects`, with `members` (the holder among them) active. */
  openCase(id: string, subjects: readonly string[], members: readonly OracleMember[]): void {
    if (this.cases.has(id)) throw new Error(`oracle already knows case ${id}`);
    this.cases.set(id, { id, open: true, subjects: new Set(subjects), activeActors: new Set(), activePersons: new Set() });
    for (const m of members) this.addMember(id, m);
  }

  addMember(caseId: string, m: OracleMember): void {
    const c = this.caseOf(caseId);
    if ("actorId" in m) c.activeActors.add(m.actorId);
    else c.activePersons.add(m.personId);
  }

  removeMember(caseId: string, m: OracleMember): void {
    const c = this.caseOf(caseId);
    if ("actorId" in m) c.activeActors.delete(m.actorId);
    else c.activePersons.delete(m.personId);
  }

  closeCase(caseId: string): void {
    this.caseOf(caseId).open = false;
  }

  openRequest(r: OracleRequest): void {
    this.requests.set(r.id, r);
  }

  closeRequest(id: string): void {
    this.requests.get(id)!.closed = true;
  }

  /** An information request releases while not closed, within its period. */
  requestOpen(r: OracleRequest, now: Date): boolean {
    return !r.closed && r.validFrom.getTime() <= now.getTime() && now.getTime() < r.validTo.getTime();
  }

  /**
   * What an employee asking for personal data gets before any rule: an
   * auditor is refused (FORBIDDEN: roles apart), and without a declared case
   * the answer says a purpose is required. null: the rules decide.
   */
  refusedUpFront(actor: Actor, caseId: string | null): "FORBIDDEN" | "PURPOSE_REQUIRED" | null {
    if (actor.kind !== "employee") return null;
    if (actor.auditor) return "FORBIDDEN";
    return caseId === null ? "PURPOSE_REQUIRED" : null;
  }

  private caseOf(caseId: string): OracleCase {
    const c = this.cases.get(caseId);
    if (!c) throw new Error(`oracle knows no case ${caseId}`);
    return c;
  }

  age(personId: string, now: Date): number {
    const p = this.persons.get(personId);
    if (!p) throw new Error(`oracle knows no person ${personId}`);
    return ageOn(p.birthDate, now);
  }

  private hasParentalResponsibility(guardianId: string, childId: string): boolean {
    return this.persons.get(childId)?.guardians.get(guardianId) === true;
  }

  /**
   * Whether whoever gave a consent may (still) decide about `service` for the
   * subject on `now`: an adult alone for themself; for a child a guardian with
   * parental responsibility, except health data from 16, which the youth alone
   * decides.
   */
  competent(c: Pick<OracleConsent, "capacity" | "givenById" | "subjectId">, service: string, now: Date): boolean {
    const age = this.age(c.subjectId, now);
    if (c.capacity === "SELF") {
      if (c.givenById !== c.subjectId) return false;
      return age >= 18 || (age >= 16 && service === "HELSE");
    }
    if (age >= 18) return false;
    if (!this.hasParentalResponsibility(c.givenById, c.subjectId)) return false;
    return !(age >= 16 && service === "HELSE");
  }

  /** Active member of an open case, by the employee's actor id. */
  private memberCase(actor: Actor, caseId: string | null): OracleCase | null {
    if (actor.kind !== "employee" || actor.auditor || !caseId) return null;
    const c = this.cases.get(caseId);
    return c && c.open && c.activeActors.has(actor.sub) ? c : null;
  }

  /** Whether the registry shows the person (`person(id)` is not null). */
  personVisible(actor: Actor, caseId: string | null, personId: string, now: Date): Verdict {
    if (!this.persons.has(personId)) return deny("unknown person");
    if (actor.kind === "anonymous") return deny("anonymous");
    if (actor.kind === "citizen") {
      if (actor.personId === personId) return allow("SELF", "the citizen themself");
      if (this.hasParentalResponsibility(actor.personId, personId) && this.age(personId, now) < 18) {
        return allow("PARENTAL_RESPONSIBILITY", "the citizen's child under 18");
      }
      return deny("a citizen sees only themself and their children under 18");
    }
    if (actor.auditor) return deny("an auditor");
    const request = caseId ? this.requests.get(caseId) : undefined;
    if (request) return this.underRequest(actor, request, personId, "REGISTRY", now);
    const c = this.memberCase(actor, caseId);
    if (!c) return deny(caseId ? "not an active member of an open declared case" : "no declared case");
    if (c.subjects.has(personId) || c.activePersons.has(personId)) return allow("CASE_MEMBERSHIP", "subject or member of the case");
    return deny("neither subject nor member of the case");
  }

  /**
   * Under an information request: the child's identity and the asked
   * services' data (service data and involvement) about the child, to its
   * barnevern employees, while it is open and the child is under 18.
   */
  private underRequest(actor: Extract<Actor, { kind: "employee" }>, r: OracleRequest, personId: string, service: string, now: Date): Verdict {
    if (actor.service !== "barnevern" || !r.members.has(actor.sub)) return deny("not on the information request");
    if (!this.requestOpen(r, now)) return deny("the information request is closed");
    if (personId !== r.childId) return deny("not the request's child");
    if (this.age(personId, now) >= 18) return deny("the child has turned 18");
    if (service !== "REGISTRY" && !r.services.has(service)) return deny("a service the request did not ask");
    return allow("INFORMATION_REQUEST", "barnevern's information request");
  }

  /**
   * Whether `case(id)` shows the case: to its active employee members and,
   * for a citizen, when they are a subject of it or an active member — open
   * or closed (a closed case opens no data, but its members still see it).
   */
  caseVisible(actor: Actor, caseId: string): Verdict {
    const c = this.cases.get(caseId);
    if (!c) return deny("unknown case");
    if (actor.kind === "anonymous") return deny("anonymous");
    if (actor.kind === "citizen") {
      return c.subjects.has(actor.personId) || c.activePersons.has(actor.personId) ? allow("CASE_MEMBERSHIP", "subject or member") : deny("the citizen takes no part");
    }
    if (actor.auditor) return deny("an auditor takes part in no case");
    return c.activeActors.has(actor.sub) ? allow("CASE_MEMBERSHIP", "active member") : deny("not an active member");
  }

  /** The subjects of a case. */
  subjectsOf(caseId: string): string[] {
    return [...this.caseOf(caseId).subjects];
  }

  /** The consent records that decide category C of service S about P in case K now, newest first. */
  applicable(caseId: string, personId: string, service: string, now: Date, category: ViewCategory = "SERVICE_DATA"): OracleConsent[] {
    const S = service.toUpperCase();
    const t = now.getTime();
    return this.consents
      .filter(
        (c) =>
          // Only the person's own act counts: given signed in, or a form a second member attested (a refusal always).
          (c.decision === "DENY" || c.channel === "DIGITAL" || (c.channel === "PAPER_FORM" && c.attested)) &&
          c.caseId === caseId &&
          c.subjectId === personId &&
          c.services.includes(S) &&
          c.categories.includes(category) &&
          c.withdrawnAt === null &&
          c.validFrom.getTime() <= t &&
          (c.validTo === null || t < c.validTo.getTime()) &&
          this.competent(c, S, now),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /**
   * Service S's view of P for `actor` in declared case K: the full view when
   * SERVICE_DATA is allowed, else the involvement fact when INVOLVEMENT is,
   * else nothing.
   */
  view(actor: Actor, caseId: string | null, personId: string, service: View, now: Date): ViewVerdict {
    const data = this.category(actor, caseId, personId, service, "SERVICE_DATA", now);
    if (data.allowed) return { status: "GRANTED", reason: data.reason, why: data.why };
    const involvement = this.category(actor, caseId, personId, service, "INVOLVEMENT", now);
    if (involvement.allowed) return { status: "INVOLVEMENT_ONLY", reason: involvement.reason, why: `involvement: ${involvement.why}; data: ${data.why}` };
    return { status: "RESTRICTED", reason: null, why: data.why };
  }

  /** Whether `actor` may see category C of service S about P for declared case K (the legal bases cover every category alike). */
  category(actor: Actor, caseId: string | null, personId: string, service: View, category: ViewCategory, now: Date): Verdict {
    if (actor.kind === "anonymous") return deny("anonymous");
    if (actor.kind === "citizen") {
      if (actor.personId === personId) return allow("SELF", "own data");
      if (!this.hasParentalResponsibility(actor.personId, personId)) return deny("not the citizen's own data or child");
      const age = this.age(personId, now);
      if (age >= 18) return deny("child is an adult");
      if (service === "helse" && age >= 16) return deny("the youth decides on health data from 16");
      return allow("PARENTAL_RESPONSIBILITY", "guardian with parental responsibility");
    }
    if (actor.auditor) return deny("an auditor");
    if (actor.service === service) return allow("OWN_SERVICE", "the actor's own service");
    const request = caseId ? this.requests.get(caseId) : undefined;
    if (request) return this.underRequest(actor, request, personId, service.toUpperCase(), now);
    const c = this.memberCase(actor, caseId);
    if (!c) return deny(caseId ? "not an active member of an open declared case" : "no declared case");
    if (!c.subjects.has(personId)) return deny("not a subject of the case");
    const [newest] = this.applicable(c.id, personId, service, now, category);
    if (!newest) return deny("no consent in force");
    return newest.decision === "PERMIT" ? allow("CONSENT", `consent ${newest.id}`) : deny(`newest in force is refusal ${newest.id}`);
  }

  /**
   * Whose access log (in any service) a citizen sees: their own; a child's
   * under 16 with parental responsibility, less what requests still open
   * about the child released (their ids are `withheld`). null: none.
   */
  innsyn(actor: Actor, personId: string, now: Date): { withheld: Set<string> } | null {
    if (actor.kind !== "citizen" || !this.persons.has(personId)) return null;
    if (actor.personId === personId) return { withheld: new Set() };
    if (!this.hasParentalResponsibility(actor.personId, personId) || this.age(personId, now) >= 16) return null;
    return { withheld: new Set([...this.requests.values()].filter((r) => r.childId === personId && this.requestOpen(r, now)).map((r) => r.id)) };
  }

  /** Whether a citizen takes part in a case as it counts for giving a consent in it: a subject, or an active person member. */
  takesPart(personId: string, caseId: string): boolean {
    const c = this.caseOf(caseId);
    return c.subjects.has(personId) || c.activePersons.has(personId);
  }

  /**
   * What recording a consent or refusal should answer, for a draft that an
   * active member of an open case records about a subject of that case.
   */
  recordOutcome(d: Omit<OracleConsent, "id" | "withdrawnAt" | "createdAt">, now: Date): "OK" | "NOT_COMPETENT" | "CONFLICT" {
    const on = d.validFrom.getTime() > now.getTime() ? d.validFrom : now;
    if (!d.services.every((s) => this.competent(d, s, on))) return "NOT_COMPETENT";
    // An opposite decision, not withdrawn, overlapping from now on, for a shared category and a service its giver still decides.
    const clash = this.consents.some((c) => {
      if (c.caseId !== d.caseId || c.subjectId !== d.subjectId || c.decision === d.decision || c.withdrawnAt !== null) return false;
      const start = Math.max(c.validFrom.getTime(), d.validFrom.getTime(), now.getTime());
      const end = Math.min(c.validTo?.getTime() ?? Infinity, d.validTo?.getTime() ?? Infinity);
      if (start >= end) return false;
      return c.categories.some((k) => d.categories.includes(k)) && c.services.some((s) => d.services.includes(s) && this.competent(c, s, new Date(start)));
    });
    return clash ? "CONFLICT" : "OK";
  }
}
