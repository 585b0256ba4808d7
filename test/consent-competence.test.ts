// The competence rules for consent (services/samhandling/consent/competence.ts):
// who may give or refuse a consent about whom, at which age, for which services.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ageAt,
  competenceProblem,
  inPeriod,
  isPersonsAct,
  isStillCompetent,
  servicesInForce,
  type CompetenceInput,
} from "../services/samhandling/consent/competence.ts";
import type { PersonFacts } from "../services/samhandling/person-facts.ts";
import type { ServiceName } from "../prisma/samhandling/generated/enums.ts";

const CHILD = "p-child";
const MOTHER = "p-mother"; // guardian with parental responsibility
const FATHER = "p-father"; // parent without parental responsibility
const STRANGER = "p-stranger";

const OTHER_SERVICES: ServiceName[] = ["NAV", "BARNEVERN", "SKOLE", "FRIVILLIGHET", "SAMHANDLING", "FAMILY"];
const ALL_SERVICES: ServiceName[] = [...OTHER_SERVICES, "HELSE"];

/** A child born on `born` (YYYY-MM-DD, stored as UTC midnight like registry birth dates). */
function child(born: string): PersonFacts {
  return {
    personId: CHILD,
    birthDate: new Date(`${born}T00:00:00.000Z`),
    guardians: [
      { guardianId: MOTHER, parentalResponsibility: true },
      { guardianId: FATHER, parentalResponsibility: false },
    ],
  };
}

/** Noon in Oslo on a calendar date: unambiguous whatever the UTC offset. */
const noon = (date: string) => new Date(`${date}T10:00:00.000Z`);

function check(over: Partial<CompetenceInput> & { subject: PersonFacts }) {
  return competenceProblem({
    givenBy: MOTHER,
    capacity: "GUARDIAN",
    services: ["SKOLE"],
    childView: "Jeg vil at læreren skal vite det.",
    on: noon("2026-11-23"),
    ...over,
  });
}
const code = (over: Partial<CompetenceInput> & { subject: PersonFacts }) => check(over)?.code ?? null;

/** Born on this day `age` years before 2026-11-23. */
const bornYearsAgo = (age: number) => `${2026 - age}-11-23`;

describe("ageAt", () => {
  it("counts whole years on the Oslo calendar date", () => {
    const s = child("2009-04-11");
    expect(ageAt(s, noon("2027-04-10"))).toBe(17);
    expect(ageAt(s, noon("2027-04-11"))).toBe(18);
    // 2027-04-10 23:30 in Oslo (CEST, UTC+2) is still the 10th in Oslo…
    expect(ageAt(s, new Date("2027-04-10T21:30:00.000Z"))).toBe(17);
    // …and 00:30 on the 11th in Oslo is the birthday, though it is the 10th in UTC.
    expect(ageAt(s, new Date("2027-04-10T22:30:00.000Z"))).toBe(18);
    // Winter time (CET, UTC+1).
    const w = child("2010-01-15");
    expect(ageAt(w, new Date("2026-01-14T22:59:59.000Z"))).toBe(15);
    expect(ageAt(w, new Date("2026-01-14T23:00:00.000Z"))).toBe(16);
  });

  it("handles a 29 February birthday: the birthday counts from 1 March in common years", () => {
    const leap = child("2008-02-29");
    expect(ageAt(leap, noon("2026-02-28"))).toBe(17);
    expect(ageAt(leap, noon("2026-03-01"))).toBe(18);
    expect(ageAt(leap, noon("2028-02-29"))).toBe(20);
  });
});

describe("adults (18+)", () => {
  const adult = child(bornYearsAgo(30));

  it("decide alone: SELF by the person is competent for every service, health included", () => {
    expect(check({ subject: adult, givenBy: CHILD, capacity: "SELF", services: ALL_SERVICES, childView: null })).toBeNull();
  });

  it("a guardian can no longer consent, even one with parental responsibility", () => {
    const problem = check({ subject: adult, givenBy: MOTHER, capacity: "GUARDIAN" });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/30 years old/);
    expect(problem?.message).toMatch(/capacity SELF/);
  });

  it("SELF must be given by the person themselves", () => {
    expect(code({ subject: adult, givenBy: MOTHER, capacity: "SELF", childView: null })).toBe("NOT_COMPETENT");
    expect(code({ subject: adult, givenBy: STRANGER, capacity: "SELF", childView: null })).toBe("NOT_COMPETENT");
  });

  it("the GUARDIAN rule does not care about the child view for adults", () => {
    expect(code({ subject: adult, givenBy: CHILD, capacity: "SELF", childView: "" })).toBeNull();
  });
});

describe("children under 18: a guardian with parental responsibility decides", () => {
  it.each([0, 3, 6, 7, 12, 15, 16, 17])("at %i, the guardian with parental responsibility may consent to non-health services", (age) => {
    expect(code({ subject: child(bornYearsAgo(age)), services: OTHER_SERVICES })).toBeNull();
  });

  it.each([0, 6, 7, 15])("at %i, the guardian may consent to HELSE too", (age) => {
    expect(code({ subject: child(bornYearsAgo(age)), services: ["HELSE", "SKOLE"] })).toBeNull();
  });

  it("a parent without parental responsibility cannot", () => {
    const problem = check({ subject: child(bornYearsAgo(10)), givenBy: FATHER });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/without parental responsibility/);
  });

  it("someone who is not a guardian cannot", () => {
    const problem = check({ subject: child(bornYearsAgo(10)), givenBy: STRANGER });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/not registered as the child's guardian/);
  });

  it("the child cannot be its own guardian", () => {
    expect(code({ subject: child(bornYearsAgo(17)), givenBy: CHILD, capacity: "GUARDIAN" })).toBe("NOT_COMPETENT");
  });

  it("a child without a registered guardian: no one can consent for it, though at 16 it gives its own HELSE consent", () => {
    const alone: PersonFacts = { ...child(bornYearsAgo(16)), guardians: [] };
    expect(code({ subject: alone, givenBy: MOTHER })).toBe("NOT_COMPETENT");
    expect(code({ subject: alone, givenBy: CHILD, capacity: "SELF", services: ["HELSE"], childView: null })).toBeNull();
  });
});

describe("from 16 the youth decides about health data", () => {
  const youth = child(bornYearsAgo(17));

  it("SELF by the youth for HELSE alone is competent", () => {
    expect(check({ subject: youth, givenBy: CHILD, capacity: "SELF", services: ["HELSE"], childView: null })).toBeNull();
  });

  it("SELF by the youth for other services is not: the guardian decides those", () => {
    for (const s of OTHER_SERVICES) {
      expect(code({ subject: youth, givenBy: CHILD, capacity: "SELF", services: [s], childView: null }), s).toBe("NOT_COMPETENT");
    }
  });

  it("SELF by the youth for HELSE and others is refused with advice to split", () => {
    const problem = check({ subject: youth, givenBy: CHILD, capacity: "SELF", services: ["HELSE", "SKOLE"], childView: null });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/HELSE only/);
    expect(problem?.message).toMatch(/separately/);
  });

  it("a guardian cannot consent to HELSE alone for a 16–17-year-old", () => {
    const problem = check({ subject: youth, services: ["HELSE"] });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/17 years old/);
    expect(problem?.message).toMatch(/capacity SELF/);
  });

  it("a guardian's consent covering HELSE and other services is refused with advice to give HELSE separately", () => {
    const problem = check({ subject: youth, services: ["SKOLE", "NAV", "HELSE"] });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/Remove HELSE/);
    expect(problem?.message).toMatch(/separately/);
  });

  it("NOT_COMPETENT is reported before CHILD_VIEW_MISSING", () => {
    expect(code({ subject: youth, services: ["HELSE"], childView: null })).toBe("NOT_COMPETENT");
    expect(code({ subject: child(bornYearsAgo(10)), givenBy: FATHER, childView: null })).toBe("NOT_COMPETENT");
  });
});

describe("under 16 a child cannot consent alone", () => {
  it.each([0, 7, 12, 15])("SELF by a %i-year-old is not competent, not even for HELSE", (age) => {
    const problem = check({ subject: child(bornYearsAgo(age)), givenBy: CHILD, capacity: "SELF", services: ["HELSE"], childView: null });
    expect(problem?.code).toBe("NOT_COMPETENT");
    expect(problem?.message).toMatch(/guardian with parental responsibility/);
  });
});

describe("the child's own view, from 7", () => {
  it.each([7, 10, 15, 16, 17])("at %i, a guardian's consent without the child's view is CHILD_VIEW_MISSING", (age) => {
    for (const childView of [null, "", "   \n"]) {
      const problem = check({ subject: child(bornYearsAgo(age)), childView });
      expect(problem?.code).toBe("CHILD_VIEW_MISSING");
      expect(problem?.message).toMatch(new RegExp(`${age} years old`));
      expect(problem?.message).toMatch(/childView/);
    }
  });

  it.each([0, 1, 6])("at %i, no view is needed", (age) => {
    expect(code({ subject: child(bornYearsAgo(age)), childView: null })).toBeNull();
  });

  it("is not needed with the youth's own SELF consent", () => {
    expect(code({ subject: child(bornYearsAgo(16)), givenBy: CHILD, capacity: "SELF", services: ["HELSE"], childView: null })).toBeNull();
  });
});

describe("boundary birthdays", () => {
  // A child born 2019-06-15 turns 7 on 2026-06-15; one born 2010-06-15 turns 16; one born 2008-06-15 turns 18.
  const before = noon("2026-06-14");
  const on = noon("2026-06-15");
  const after = noon("2026-06-16");

  it("turning 7: the child's view is required from the birthday on", () => {
    const s = child("2019-06-15");
    expect(code({ subject: s, childView: null, on: before })).toBeNull();
    expect(code({ subject: s, childView: null, on })).toBe("CHILD_VIEW_MISSING");
    expect(code({ subject: s, childView: null, on: after })).toBe("CHILD_VIEW_MISSING");
    expect(code({ subject: s, childView: "Jeg vil at helsesykepleieren hjelper.", on })).toBeNull();
  });

  it("turning 16: the HELSE decision moves from the guardian to the youth on the birthday", () => {
    const s = child("2010-06-15");
    const guardianHealth = { subject: s, services: ["HELSE"] as ServiceName[] };
    const ownHealth = { subject: s, givenBy: CHILD, capacity: "SELF" as const, services: ["HELSE"] as ServiceName[], childView: null };
    expect(code({ ...guardianHealth, on: before })).toBeNull();
    expect(code({ ...guardianHealth, on })).toBe("NOT_COMPETENT");
    expect(code({ ...guardianHealth, on: after })).toBe("NOT_COMPETENT");
    expect(code({ ...ownHealth, on: before })).toBe("NOT_COMPETENT");
    expect(code({ ...ownHealth, on })).toBeNull();
    expect(code({ ...ownHealth, on: after })).toBeNull();
    // Non-health services stay with the guardian on either side.
    for (const day of [before, on, after]) expect(code({ subject: s, services: ["SKOLE", "NAV"], on: day })).toBeNull();
  });

  it("turning 18: the guardian's competence ends and the person's own begins on the birthday", () => {
    const s = child("2008-06-15");
    const guardian = { subject: s, services: ["SKOLE"] as ServiceName[] };
    const own = { subject: s, givenBy: CHILD, capacity: "SELF" as const, services: ["SKOLE", "NAV"] as ServiceName[], childView: null };
    expect(code({ ...guardian, on: before })).toBeNull();
    expect(code({ ...guardian, on })).toBe("NOT_COMPETENT");
    expect(code({ ...guardian, on: after })).toBe("NOT_COMPETENT");
    expect(code({ ...own, on: before })).toBe("NOT_COMPETENT");
    expect(code({ ...own, on })).toBeNull();
    expect(code({ ...own, on: after })).toBeNull();
  });

  it("the birthday begins at midnight in Oslo, not in UTC", () => {
    const s = child("2008-06-15");
    // 2026-06-14 22:30 UTC is 00:30 on the 15th in Oslo (CEST).
    expect(code({ subject: s, on: new Date("2026-06-14T21:59:00.000Z") })).toBeNull();
    expect(code({ subject: s, on: new Date("2026-06-14T22:30:00.000Z") })).toBe("NOT_COMPETENT");
  });
});

describe("isStillCompetent (decision time)", () => {
  const s = child("2008-06-15");
  const before = noon("2026-06-14");
  const after = noon("2026-06-15");

  it("a guardian's consent lapses when the child turns 18", () => {
    const c = { subject: s, givenBy: MOTHER, capacity: "GUARDIAN" as const, service: "SKOLE" as ServiceName };
    expect(isStillCompetent({ ...c, on: before })).toBe(true);
    expect(isStillCompetent({ ...c, on: after })).toBe(false);
  });

  it("the HELSE part of a guardian's consent lapses at 16, the rest stays", () => {
    const y = child("2010-06-15");
    const on = noon("2026-06-15");
    expect(isStillCompetent({ subject: y, givenBy: MOTHER, capacity: "GUARDIAN", service: "HELSE", on: noon("2026-06-14") })).toBe(true);
    expect(isStillCompetent({ subject: y, givenBy: MOTHER, capacity: "GUARDIAN", service: "HELSE", on })).toBe(false);
    expect(isStillCompetent({ subject: y, givenBy: MOTHER, capacity: "GUARDIAN", service: "SKOLE", on })).toBe(true);
  });

  it("a youth's own HELSE consent stays valid after 18", () => {
    expect(isStillCompetent({ subject: s, givenBy: CHILD, capacity: "SELF", service: "HELSE", on: before })).toBe(true);
    expect(isStillCompetent({ subject: s, givenBy: CHILD, capacity: "SELF", service: "HELSE", on: after })).toBe(true);
    expect(isStillCompetent({ subject: s, givenBy: CHILD, capacity: "SELF", service: "SKOLE", on: before })).toBe(false);
  });

  it("lapses when the guardian no longer has parental responsibility", () => {
    const changed: PersonFacts = { ...s, guardians: [{ guardianId: MOTHER, parentalResponsibility: false }] };
    expect(isStillCompetent({ subject: changed, givenBy: MOTHER, capacity: "GUARDIAN", service: "SKOLE", on: before })).toBe(false);
  });

  it("does not re-check the child's view (it was required when the consent was recorded)", () => {
    const turnedSeven = child("2019-06-15");
    expect(isStillCompetent({ subject: turnedSeven, givenBy: MOTHER, capacity: "GUARDIAN", service: "SKOLE", on: noon("2026-06-16") })).toBe(true);
  });
});

describe("servicesInForce (what a consent decision uses)", () => {
  const youth = child("2010-06-15"); // 16 on 2026-06-15, 18 on 2028-06-15
  const guardianConsent = {
    decision: "PERMIT" as const,
    channel: "DIGITAL" as const,
    attestedAt: null,
    services: ["SKOLE", "HELSE"] as ServiceName[],
    capacity: "GUARDIAN" as const,
    givenByPersonId: MOTHER,
    validFrom: new Date("2026-01-10T09:00:00.000Z"),
    validTo: new Date("2029-01-01T00:00:00.000Z") as Date | null,
    withdrawnAt: null as Date | null,
  };

  it("counts only within the period: from validFrom, until (not including) validTo", () => {
    expect(inPeriod(guardianConsent, new Date("2026-01-10T08:59:59.999Z"))).toBe(false);
    expect(inPeriod(guardianConsent, new Date("2026-01-10T09:00:00.000Z"))).toBe(true);
    expect(inPeriod(guardianConsent, new Date("2028-12-31T23:59:59.999Z"))).toBe(true);
    expect(inPeriod(guardianConsent, new Date("2029-01-01T00:00:00.000Z"))).toBe(false);
    expect(inPeriod({ ...guardianConsent, validTo: null }, new Date("2040-01-01T00:00:00.000Z"))).toBe(true);
  });

  it("a withdrawn consent counts for nothing", () => {
    const withdrawn = { ...guardianConsent, withdrawnAt: new Date("2026-02-01T00:00:00.000Z") };
    expect(inPeriod(withdrawn, noon("2026-03-01"))).toBe(false);
    expect(servicesInForce(withdrawn, youth, noon("2026-03-01"))).toEqual([]);
  });

  it("drops HELSE from a guardian's consent at 16 and everything at 18", () => {
    expect(servicesInForce(guardianConsent, youth, noon("2026-06-14"))).toEqual(["SKOLE", "HELSE"]);
    expect(servicesInForce(guardianConsent, youth, noon("2026-06-15"))).toEqual(["SKOLE"]);
    expect(servicesInForce(guardianConsent, youth, noon("2028-06-14"))).toEqual(["SKOLE"]);
    expect(servicesInForce(guardianConsent, youth, noon("2028-06-15"))).toEqual([]);
  });

  it("fails closed when the subject's facts are unknown", () => {
    expect(servicesInForce(guardianConsent, null, noon("2026-03-01"))).toEqual([]);
  });

  it("counts a consent from a paper form only once a second member has attested it; a refusal always (issue 17)", () => {
    const form = { ...guardianConsent, channel: "PAPER_FORM" as const };
    expect(servicesInForce(form, youth, noon("2026-03-01"))).toEqual([]);
    expect(servicesInForce({ ...form, attestedAt: noon("2026-02-01") }, youth, noon("2026-03-01"))).toEqual(["SKOLE", "HELSE"]);
    expect(isPersonsAct({ decision: "DENY", channel: "STAFF_RECORDED", attestedAt: null })).toBe(true);
    expect(isPersonsAct({ decision: "PERMIT", channel: "STAFF_RECORDED", attestedAt: null })).toBe(false);
  });
});

describe("properties", () => {
  const services = fc.uniqueArray(fc.constantFrom(...ALL_SERVICES), { minLength: 1 });
  const birth = fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2026-11-23T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const givenBy = fc.constantFrom(CHILD, MOTHER, FATHER, STRANGER);
  const capacity = fc.constantFrom("SELF" as const, "GUARDIAN" as const);
  const childView = fc.constantFrom(null, "", "Jeg vil det.");

  it("a competent giver is always the subject (SELF) or a guardian with parental responsibility of a minor (GUARDIAN)", () => {
    fc.assert(
      fc.property(birth, givenBy, capacity, services, childView, (born, by, cap, ss, view) => {
        const subject = child(born);
        const on = noon("2026-11-23");
        const problem = competenceProblem({ subject, givenBy: by, capacity: cap, services: ss, childView: view, on });
        if (problem !== null) {
          expect(problem.message.length).toBeGreaterThan(20);
          expect(problem.message).not.toMatch(/p-(child|mother|father|stranger)/);
          return;
        }
        const age = ageAt(subject, on);
        if (cap === "SELF") {
          expect(by).toBe(CHILD);
          if (age < 18) expect(ss).toEqual(["HELSE"]);
          if (age < 18) expect(age).toBeGreaterThanOrEqual(16);
        } else {
          expect(by).toBe(MOTHER);
          expect(age).toBeLessThan(18);
          if (age >= 16) expect(ss).not.toContain("HELSE");
          if (age >= 7) expect(view).toBeTruthy();
        }
      }),
    );
  });

  it("competence on a day equals isStillCompetent for every service covered (the child's view aside)", () => {
    fc.assert(
      fc.property(birth, givenBy, capacity, services, (born, by, cap, ss) => {
        const subject = child(born);
        const on = noon("2026-11-23");
        const whole = competenceProblem({ subject, givenBy: by, capacity: cap, services: ss, childView: "Mitt syn.", on });
        const each = ss.every((service) => isStillCompetent({ subject, givenBy: by, capacity: cap, service, on }));
        expect(whole === null).toBe(each);
      }),
    );
  });
});
