// The consent rules, one by one: deny by default, and every grant names its basis.
import { nextOsloMidnight } from "../services/kit/scalars.ts";
import { describe, expect, it } from "vitest";
import { decide, type CaseFacts, type ConsentFacts, type DecisionActor, type DecisionInput, type RequestFacts } from "../services/samhandling/consent/decide.ts";
import type { DecisionQuestion } from "../services/kit/decisions.ts";

const now = new Date("2026-11-23T12:00:00Z");
const child = { personId: "p-child", birthDate: new Date("2015-03-01T00:00:00Z"), guardians: [{ guardianId: "p-mother", parentalResponsibility: true }, { guardianId: "p-father", parentalResponsibility: false }] };
const youth = { personId: "p-youth", birthDate: new Date("2009-04-11T00:00:00Z"), guardians: [{ guardianId: "p-mother", parentalResponsibility: true }] };
const adult = { personId: "p-adult", birthDate: new Date("1985-01-01T00:00:00Z"), guardians: [] };
const facts = new Map([child, youth, adult].map((p) => [p.personId, p]));

const nav: DecisionActor = { id: "nav-veileder-1", service: "nav", roles: [], personId: null };
const skole: DecisionActor = { id: "skole-kontaktlaerer-1", service: "skole", roles: [], personId: null };
const barnevern: DecisionActor = { id: "barnevern-saksbehandler-1", service: "barnevern", roles: [], personId: null };
const outsider: DecisionActor = { id: "nav-veileder-9", service: "nav", roles: [], personId: null };
const theCase: CaseFacts = {
  open: true,
  activeMemberActorIds: new Set(["nav-veileder-1", "skole-kontaktlaerer-1", "barnevern-saksbehandler-1"]),
  memberPersonIds: new Set(["p-mother"]),
  subjectIds: new Set(["p-child", "p-youth", "p-adult"]),
};

function consent(over: Partial<ConsentFacts>): ConsentFacts {
  return {
    id: "k-1", subjectPersonId: "p-child", givenByPersonId: "p-mother", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["SKOLE"], categories: ["SERVICE_DATA"], validFrom: new Date("2026-01-01T00:00:00Z"), validTo: null, withdrawnAt: null,
    createdAt: new Date("2026-01-01T00:00:00Z"), channel: "DIGITAL", attestedAt: null, ...over,
  };
}

function one(actor: DecisionActor | null, q: Partial<DecisionQuestion>, extra: Partial<DecisionInput> = {}) {
  const question: DecisionQuestion = { personId: "p-child", service: "skole", category: "SERVICE_DATA", ...q };
  const { validUntil: _until, ...decision } = decide({ actor, caseId: "c-1", questions: [question], now, caseFacts: theCase, consents: [], personFacts: facts, ...extra })[0];
  return decision;
}

function validUntil(extra: Partial<DecisionInput>): string | null | undefined {
  const question: DecisionQuestion = { personId: "p-child", service: "skole", category: "SERVICE_DATA" };
  return decide({ actor: nav, caseId: "c-1", questions: [question], now, caseFacts: theCase, consents: [], personFacts: facts, ...extra })[0].validUntil;
}

describe("consent decisions", () => {
  it("denies by default: no consent, no grant", () => {
    expect(one(nav, {})).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT", basis: null });
  });

  it("says until when time alone cannot change the answer: the next consent boundary, or the next day in Oslo (ages)", () => {
    const soon = new Date(now.getTime() + 3_600_000);
    expect(validUntil({ consents: [consent({ validTo: soon })] })).toBe(soon.toISOString());
    expect(validUntil({ consents: [consent({ validTo: new Date(now.getTime() + 30 * 86_400_000) })] })).toBe(nextOsloMidnight(now).toISOString());
    expect(validUntil({ personFacts: new Map() })).toBeNull();
  });

  it("denies an anonymous caller everything", () => {
    expect(one(null, {}).reason).toBe("UNAUTHENTICATED");
  });

  it("grants with a valid consent covering service and category, naming the consent", () => {
    expect(one(nav, {}, { consents: [consent({})] })).toEqual({ status: "GRANTED", reason: "CONSENT", basis: "consent:k-1" });
  });

  it.each([
    ["another service", { services: ["NAV" as const] }],
    ["another category", { categories: ["INVOLVEMENT"] }],
    ["another person", { subjectPersonId: "p-adult" }],
    ["a withdrawn consent", { withdrawnAt: new Date("2026-11-01T00:00:00Z") }],
    ["an expired consent", { validTo: new Date("2026-11-01T00:00:00Z") }],
    ["a consent not yet valid", { validFrom: new Date("2027-01-01T00:00:00Z") }],
    ["a guardian without parental responsibility", { givenByPersonId: "p-father" }],
  ])("does not grant with %s", (_what, over) => {
    expect(one(nav, {}, { consents: [consent(over)] }).status).toBe("RESTRICTED");
  });

  it("lets the newest record decide: a later refusal overrides a permit", () => {
    const refusal = consent({ id: "k-2", decision: "DENY", createdAt: new Date("2026-06-01T00:00:00Z") });
    expect(one(nav, {}, { consents: [consent({}), refusal] })).toEqual({ status: "RESTRICTED", reason: "REFUSED", basis: "consent:k-2" });
  });

  it("requires membership of the declared case, and a subject of it", () => {
    expect(one(outsider, {}, { consents: [consent({})] }).reason).toBe("NOT_A_MEMBER");
    expect(one(nav, {}, { caseFacts: null, consents: [consent({})] }).reason).toBe("NOT_A_MEMBER");
    expect(one(nav, {}, { caseFacts: { ...theCase, open: false }, consents: [consent({})] }).reason).toBe("NOT_A_MEMBER");
    expect(one(nav, { personId: "p-mother" }).reason).toBe("NOT_A_SUBJECT");
    expect(one(nav, {}, { caseId: null }).reason).toBe("NO_PURPOSE");
  });

  it("grants a service its own records without consent (legal basis)", () => {
    expect(one(skole, {})).toMatchObject({ status: "GRANTED", reason: "OWN_SERVICE" });
    expect(one(skole, {}, { caseId: null })).toMatchObject({ status: "GRANTED", reason: "OWN_SERVICE" });
  });

  it("gives barnevern nothing for being a member of a case: no information duty by membership (issue 17)", () => {
    expect(one(barnevern, {})).toMatchObject({ status: "RESTRICTED", reason: "NO_CONSENT" });
    expect(one(barnevern, { personId: "p-adult" }).status).toBe("RESTRICTED");
  });

  describe("under barnevern's information request (barnevernsloven § 13-2, issue 17)", () => {
    const request: RequestFacts = {
      id: "ir-1", childPersonId: "p-child", services: ["SKOLE", "HELSE"], validFrom: new Date("2026-11-20T00:00:00Z"), validTo: new Date("2026-12-20T00:00:00Z"),
      closedAt: null, memberActorIds: new Set(["barnevern-saksbehandler-1"]),
    };
    const under = (actor: DecisionActor, q: Partial<DecisionQuestion>, over: Partial<RequestFacts> = {}) =>
      one(actor, q, { caseId: "ir-1", caseFacts: null, request: { ...request, ...over } });

    it("releases the asked services' data and the child's identity to its barnevern employees, flagged extraordinary", () => {
      expect(under(barnevern, {})).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST", basis: "information-request:ir-1", extraordinary: true });
      expect(under(barnevern, { service: "helse", category: "INVOLVEMENT" })).toMatchObject({ status: "GRANTED", extraordinary: true });
      expect(under(barnevern, { service: "registry", category: "IDENTITY" })).toMatchObject({ status: "GRANTED", reason: "INFORMATION_REQUEST", extraordinary: true });
    });

    it("releases nothing else: another service, another category, another person, anyone not on it, once closed or expired, an adult", () => {
      expect(under(barnevern, { service: "nav" }).reason).toBe("NOT_REQUESTED");
      expect(under(barnevern, { category: "STAFETTLOGG" }).reason).toBe("NOT_REQUESTED");
      expect(under(barnevern, { personId: "p-youth" }).reason).toBe("NOT_A_SUBJECT");
      expect(under({ ...barnevern, id: "barnevern-saksbehandler-2" }, {}).reason).toBe("NOT_A_MEMBER");
      expect(under(nav, { service: "helse" }).reason).toBe("NOT_A_MEMBER");
      expect(under(barnevern, {}, { closedAt: new Date("2026-11-22T00:00:00Z") }).reason).toBe("REQUEST_CLOSED");
      expect(under(barnevern, {}, { validTo: new Date("2026-11-23T11:00:00Z") }).reason).toBe("REQUEST_CLOSED");
      expect(under(barnevern, { personId: "p-adult" }, { childPersonId: "p-adult" }).reason).toBe("NOT_A_CHILD");
    });
  });

  it("counts a consent from a paper form only once attested; a staff-recorded refusal at once (issue 17)", () => {
    expect(one(nav, {}, { consents: [consent({ channel: "PAPER_FORM" })] }).reason).toBe("NO_CONSENT");
    expect(one(nav, {}, { consents: [consent({ channel: "PAPER_FORM", attestedAt: new Date("2026-01-02T00:00:00Z") })] }).reason).toBe("CONSENT");
    expect(one(nav, {}, { consents: [consent({}), consent({ id: "k-2", decision: "DENY", channel: "STAFF_RECORDED", createdAt: new Date("2026-06-01T00:00:00Z") })] }).reason).toBe("REFUSED");
  });

  it("releases nothing to an auditor, whatever else their sign-in says (roles apart, issue 17)", () => {
    expect(one({ ...skole, roles: ["auditor", "caseworker"] }, {})).toEqual({ status: "RESTRICTED", reason: "AUDITOR", basis: null });
    expect(one({ ...nav, roles: ["auditor"] }, {}, { consents: [consent({})] }).reason).toBe("AUDITOR");
  });

  it("lets a 16–17-year-old decide on health data; a guardian's health consent does not count", () => {
    const own = consent({ subjectPersonId: "p-youth", givenByPersonId: "p-youth", capacity: "SELF", services: ["HELSE"] });
    const parents = consent({ subjectPersonId: "p-youth", services: ["HELSE"] });
    expect(one(nav, { personId: "p-youth", service: "helse" }, { consents: [own] }).status).toBe("GRANTED");
    expect(one(nav, { personId: "p-youth", service: "helse" }, { consents: [parents] }).status).toBe("RESTRICTED");
  });

  it("shows registry identity to case members for subjects and member persons only", () => {
    expect(one(nav, { service: "registry", category: "IDENTITY" })).toMatchObject({ status: "GRANTED", reason: "CASE_MEMBERSHIP" });
    expect(one(nav, { personId: "p-mother", service: "registry", category: "IDENTITY" }).status).toBe("GRANTED");
    expect(one(nav, { personId: "p-stranger", service: "registry", category: "IDENTITY" }).reason).toBe("NOT_A_SUBJECT");
    expect(one(outsider, { service: "registry", category: "IDENTITY" }).reason).toBe("NOT_A_MEMBER");
  });

  it("lets a guardian see who looked at their child's data until 16, withholding what an open information request released (issue 17)", () => {
    const mother: DecisionActor = { id: "citizen-m", service: "citizen", roles: [], personId: "p-mother" };
    const open = [{ id: "ir-1", childPersonId: "p-child", validTo: new Date("2026-12-01T00:00:00Z") }, { id: "ir-0", childPersonId: "p-child", validTo: new Date("2026-11-01T00:00:00Z") }];
    expect(one(mother, { category: "ACCESS_LOG" }, { openRequests: open })).toMatchObject({ status: "GRANTED", reason: "PARENTAL_RESPONSIBILITY", withhold: ["ir-1"] });
    expect(one(mother, { personId: "p-youth", category: "ACCESS_LOG" }).status).toBe("RESTRICTED");
    expect(one({ ...mother, personId: "p-youth" }, { personId: "p-youth", category: "ACCESS_LOG" })).toMatchObject({ status: "GRANTED", reason: "SELF" });
    expect(one(nav, { category: "ACCESS_LOG" }).status).toBe("RESTRICTED");
  });

  it("lets a citizen see their own data and, with parental responsibility, their child's", () => {
    const mother: DecisionActor = { id: "citizen-m", service: "citizen", roles: [], personId: "p-mother" };
    const father: DecisionActor = { id: "citizen-f", service: "citizen", roles: [], personId: "p-father" };
    expect(one(mother, { personId: "p-mother" })).toMatchObject({ status: "GRANTED", reason: "SELF" });
    expect(one(mother, {})).toMatchObject({ status: "GRANTED", reason: "PARENTAL_RESPONSIBILITY" });
    expect(one(father, {}).status).toBe("RESTRICTED");
    expect(one(mother, { personId: "p-youth", service: "helse" }).status).toBe("RESTRICTED");
    expect(one(mother, { personId: "p-adult" }).status).toBe("RESTRICTED");
  });
});
