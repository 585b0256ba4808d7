// The demo municipality (fjordvik) and the synthetic generator: determinism,
// referential integrity across services, synthetic national ids, opaque ids;
// and the demo kept out of the servers that do not seed it.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { World } from "../demo/world.ts";
import {
  DEMO_FAMILY_KEYS,
  DEMO_TODAY,
  demoCaseId,
  demoCaseMemberId,
  demoConsentId,
  demoCases,
  demoFamilies,
  demoFamilyId,
  demoPerson,
  demoPersonId,
  demoStaff,
  fjordvik,
} from "../demo/fjordvik.ts";
import { mergeWorlds, syntheticFamilyId, syntheticPersonId, syntheticWorld } from "../demo/synthetic.ts";
import { DATA_CATEGORIES } from "../services/kit/categories.ts";
import { competenceProblem } from "../services/samhandling/consent/competence.ts";
import type { PersonFacts } from "../services/samhandling/person-facts.ts";
import { followUpOverdue } from "../services/samhandling/coordination/rules.ts";
import { DEMO_WRITTEN_FOR, demoShift } from "../demo/today.ts";
import { demoConfig } from "../demo/config.ts";
import { demoSeed } from "../demo/seed.ts";
import { loadServiceDemo } from "../demo/service-demo.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { ROOT_DIR, subgraphConfig } from "../services/kit/config.ts";

type AnyRow = Record<string, unknown>;

function tables(world: World): [string, string, AnyRow[]][] {
  const out: [string, string, AnyRow[]][] = [];
  for (const [service, ts] of Object.entries(world)) {
    for (const [table, rows] of Object.entries(ts as Record<string, AnyRow[]>)) out.push([service, table, rows]);
  }
  return out;
}

/** Every id-like value: `id` and `…Id` columns, except actor ids (employees) and national ids. */
function idValues(world: World): string[] {
  const out: string[] = [];
  for (const [, , rows] of tables(world)) {
    for (const row of rows) {
      for (const [k, v] of Object.entries(row)) {
        if ((k === "id" || k.endsWith("Id")) && k !== "actorId" && k !== "authorActorId" && k !== "nationalId" && typeof v === "string") out.push(v);
      }
    }
  }
  return out;
}

const iso = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** An independent check of a synthetic fødselsnummer against the birth date. */
function nationalIdProblem(nid: string, birthDate: string): string | null {
  if (!/^\d{11}$/.test(nid)) return "not 11 digits";
  const d = nid.split("").map(Number);
  const [y, m, dd] = birthDate.split("-").map(Number) as [number, number, number];
  const day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  const yy = d[4]! * 10 + d[5]!;
  if (month < 81 || month > 92) return `month ${month} is not month + 80`;
  if (month - 80 !== m || day !== dd || yy !== y % 100) return "does not match birth date";
  const individual = d[6]! * 100 + d[7]! * 10 + d[8]!;
  if (y >= 2000 && y <= 2039 && individual < 500) return "individual number outside 500–999 for 2000–2039";
  if (y >= 1900 && y <= 1999 && individual >= 500 && !(y >= 1940 && individual >= 900)) return "individual number outside the 1900s ranges";
  const mod = (weights: number[]): number => {
    const r = 11 - (weights.reduce((s, w, i) => s + w * d[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = mod([3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  if (k1 === 10 || k1 !== d[9]) return "first control digit";
  if (k2 === 10 || k2 !== d[10]) return "second control digit";
  return null;
}

function referenceProblems(world: World): string[] {
  const problems: string[] = [];
  const persons = new Set(world.registry.person.map((p) => p.id));
  const families = new Set(world.registry.family.map((f) => f.id));
  const cases = new Set(world.samhandling.coordinationCase.map((c) => c.id));
  const need = (set: Set<string>, v: unknown, what: string): void => {
    if (typeof v !== "string" || !set.has(v)) problems.push(`${what}: ${String(v)}`);
  };
  for (const m of world.registry.familyMember) {
    need(families, m.familyId, "familyMember.familyId");
    need(persons, m.personId, "familyMember.personId");
  }
  for (const g of world.registry.guardianship) {
    need(persons, g.childId, "guardianship.childId");
    need(persons, g.guardianId, "guardianship.guardianId");
    if (g.childId === g.guardianId) problems.push("guardian of oneself");
  }
  for (const c of world.samhandling.coordinationCase) if (c.familyId != null) need(families, c.familyId, "coordinationCase.familyId");
  for (const s of world.samhandling.caseSubject) {
    need(cases, s.caseId, "caseSubject.caseId");
    need(persons, s.personId, "caseSubject.personId");
  }
  for (const m of world.samhandling.caseMember) {
    need(cases, m.caseId, "caseMember.caseId");
    if (m.personId != null) need(persons, m.personId, "caseMember.personId");
    if ((m.actorId == null) === (m.personId == null)) problems.push(`caseMember ${m.id} needs exactly one of actorId/personId`);
  }
  const subjectsOf = new Set(world.samhandling.caseSubject.map((s) => `${s.caseId}/${s.personId}`));
  for (const c of world.samhandling.consent) {
    need(cases, c.caseId, "consent.caseId");
    need(persons, c.subjectPersonId, "consent.subjectPersonId");
    need(persons, c.givenByPersonId, "consent.givenByPersonId");
    if (!subjectsOf.has(`${c.caseId}/${c.subjectPersonId}`)) problems.push(`consent ${c.id} is about a person who is not a subject of its case`);
    const services = c.services as string[];
    const categories = c.categories as string[];
    if (services.length === 0 || services.includes("FAMILY")) problems.push(`consent ${c.id} services: ${services.join(",")}`);
    if (categories.length === 0 || categories.some((k) => !(DATA_CATEGORIES as readonly string[]).includes(k))) {
      problems.push(`consent ${c.id} categories: ${categories.join(",")}`);
    }
    if ((c.withdrawnAt == null) !== (c.withdrawnBy == null)) problems.push(`consent ${c.id} needs both or neither of withdrawnAt/withdrawnBy`);
    if (!c.recordedBy) problems.push(`consent ${c.id} has no recordedBy`);
  }
  // Every personId in every service's tables
  for (const [service, table, rows] of tables(world)) {
    if (service === "registry" || service === "samhandling") continue;
    for (const row of rows) need(persons, row.personId, `${service}.${table}.personId`);
  }
  return problems;
}

/** Every consent was given by someone competent on its first day, by the registry's facts (services/samhandling/consent/competence.ts). */
function competenceProblems(world: World): string[] {
  const facts = new Map<string, PersonFacts>(
    world.registry.person.map((p) => [p.id, { personId: p.id, birthDate: new Date(p.birthDate), guardians: [] }]),
  );
  for (const g of world.registry.guardianship) {
    facts.get(g.childId)?.guardians.push({ guardianId: g.guardianId, parentalResponsibility: g.parentalResponsibility });
  }
  const problems: string[] = [];
  for (const c of world.samhandling.consent) {
    const problem = competenceProblem({
      subject: facts.get(c.subjectPersonId)!,
      givenBy: c.givenByPersonId,
      capacity: c.capacity,
      services: c.services as never,
      childView: c.childView ?? null,
      on: new Date(c.validFrom),
    });
    if (problem) problems.push(`consent ${c.id}: ${problem.code} ${problem.message}`);
  }
  return problems;
}

/** Whether a consent row is in force on `today` by its period (competence aside). */
function inForce(c: World["samhandling"]["consent"][number], today: string = DEMO_TODAY): boolean {
  const now = new Date(`${today}T12:00:00.000Z`).getTime();
  return c.withdrawnAt == null && new Date(c.validFrom).getTime() <= now && (c.validTo == null || new Date(c.validTo).getTime() > now);
}

function duplicateKeys(world: World): string[] {
  const dups: string[] = [];
  const seen = new Set<string>();
  const add = (key: string): void => {
    if (seen.has(key)) dups.push(key);
    seen.add(key);
  };
  for (const [service, table, rows] of tables(world)) {
    for (const row of rows) if (typeof row.id === "string") add(`id:${row.id}`);
    if (table === "familyMember") for (const r of rows) add(`fm:${r.familyId}/${r.personId}`);
    if (table === "guardianship") for (const r of rows) add(`g:${r.childId}/${r.guardianId}`);
    if (table === "caseSubject") for (const r of rows) add(`cs:${r.caseId}/${r.personId}`);
    if (table === "attendanceMonth") for (const r of rows) add(`am:${r.personId}/${iso(r.month)}`);
    if (table === "navFollowUp" || table === "barnevernCase") for (const r of rows) add(`${service}.${table}:${r.personId}`);
    if (table === "person") for (const r of rows) add(`nid:${r.nationalId}`);
  }
  return dups;
}

/** Lowercased name parts: "Ole Henrik" → "ole henrik", "ole", "henrik". */
function nameParts(world: World): Set<string> {
  const out = new Set<string>();
  for (const p of world.registry.person) {
    for (const name of [p.givenName, p.familyName]) {
      const n = name.toLowerCase();
      out.add(n);
      for (const part of n.split(/[\s-]+/)) if (part.length > 0) out.add(part);
    }
  }
  return out;
}

function namesInIds(world: World, against: World = world): string[] {
  const haystack = idValues(world).join("\n").toLowerCase();
  const found: string[] = [];
  for (const name of nameParts(against)) if (haystack.includes(name)) found.push(name);
  // Employee actor ids are role ids, not names of anyone
  const parts = nameParts(against);
  for (const m of world.samhandling.caseMember) {
    for (const token of (m.actorId ?? "").toLowerCase().split("-")) if (parts.has(token)) found.push(`${m.actorId}`);
  }
  return found;
}

/** Dates that make sense on `today`: nothing before birth, past events not in the future, ends after starts. */
function dateProblems(world: World, today: string = DEMO_TODAY): string[] {
  const problems: string[] = [];
  const born = new Map(world.registry.person.map((p) => [p.id, iso(p.birthDate)]));
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const d = (x: unknown): string | null => (x == null ? null : iso(x));
  for (const p of world.registry.person) check(iso(p.birthDate) <= today, `born in the future: ${p.id}`);
  const personal = (table: string, rows: AnyRow[], start: string, end: string | null, startsInFuture: (r: AnyRow) => boolean) => {
    for (const r of rows) {
      const s = d(r[start])!;
      const b = born.get(r.personId as string)!;
      check(s >= b, `${table} ${start} before birth: ${r.id ?? r.personId}`);
      if (!startsInFuture(r)) check(s <= today, `${table} ${start} in the future: ${r.id ?? r.personId}`);
      const e = end ? d(r[end]) : null;
      if (e) check(e >= s, `${table} ${end} before ${start}: ${r.id ?? r.personId}`);
      if (e && r.status === "ENDED") check(e <= today, `${table} ended in the future: ${r.id}`);
    }
  };
  personal("navFollowUp", world.nav.navFollowUp, "since", "endedAt", () => false);
  personal("navMeasure", world.nav.navMeasure, "startedAt", "endsAt", (r) => r.status === "PLANNED");
  personal("barnevernCase", world.barnevern.barnevernCase, "openedAt", "aftercareEndsAt", () => false);
  personal("barnevernMeasure", world.barnevern.barnevernMeasure, "startedAt", "endsAt", (r) => r.status === "PLANNED");
  personal("enrolment", world.skole.enrolment, "since", "until", () => false);
  personal("schoolSupport", world.skole.schoolSupport, "startedAt", null, (r) => r.status === "PLANNED");
  personal("attendanceMonth", world.skole.attendanceMonth, "month", null, () => false);
  personal("healthContact", world.helse.healthContact, "since", "until", () => false);
  personal("voluntaryActivity", world.frivillighet.voluntaryActivity, "since", "until", () => false);
  const opened = new Map<string, string>();
  for (const c of world.samhandling.coordinationCase) {
    const o = iso(c.openedAt);
    opened.set(c.id, o);
    check(o <= today, `case opened in the future: ${c.id}`);
    check((c.status === "CLOSED") === (c.closedAt != null), `case status/closedAt: ${c.id}`);
    if (c.closedAt) check(iso(c.closedAt) >= o && iso(c.closedAt) <= today, `case closedAt: ${c.id}`);
  }
  for (const m of world.samhandling.caseMember) {
    const j = iso(m.joinedAt);
    check(j >= opened.get(m.caseId)! && j <= today, `member joinedAt: ${m.id}`);
    if (m.leftAt) check(iso(m.leftAt) >= j && iso(m.leftAt) <= today, `member leftAt: ${m.id}`);
  }
  for (const c of world.samhandling.consent) {
    const from = iso(c.validFrom);
    check(from >= opened.get(c.caseId)! && from <= today, `consent validFrom: ${c.id}`);
    check(iso(c.createdAt) <= today && new Date(c.createdAt!).getTime() >= new Date(c.validFrom).getTime(), `consent createdAt: ${c.id}`);
    if (c.validTo) check(new Date(c.validTo).getTime() > new Date(c.validFrom).getTime(), `consent validTo before validFrom: ${c.id}`);
    if (c.withdrawnAt) check(new Date(c.withdrawnAt).getTime() >= new Date(c.validFrom).getTime() && iso(c.withdrawnAt) <= today, `consent withdrawnAt: ${c.id}`);
  }
  return problems;
}

const ID_FORMAT = /^[a-z]{1,2}-[0-9bcdfghjklmnpqrstvwxz]{10,12}$/;

describe("fjordvik()", () => {
  const world = fjordvik();

  it("is deterministic", () => {
    expect(fjordvik()).toEqual(world);
    expect(fjordvik()).not.toBe(world);
  });

  it("has every table filled", () => {
    for (const [service, table, rows] of tables(world)) expect(rows.length, `${service}.${table}`).toBeGreaterThan(0);
  });

  it("references only registry persons, families and cases", () => {
    expect(referenceProblems(world)).toEqual([]);
  });

  it("has unique ids and keys", () => {
    expect(duplicateKeys(world)).toEqual([]);
  });

  it("has dates that make sense today", () => {
    expect(dateProblems(world)).toEqual([]);
  });

  it("has consents given by someone competent, about subjects of their case", () => {
    expect(competenceProblems(world)).toEqual([]);
  });

  it("has the consents of DOMAIN.md: Haugland partial, Emma's parents and Emma herself, Berg broad", () => {
    const consents = world.samhandling.consent;
    const about = (key: Parameters<typeof demoPersonId>[0], given: string) =>
      consents.filter((c) => c.subjectPersonId === demoPersonId(key, given) && inForce(c));
    const permits = (rows: typeof consents) => new Set(rows.filter((c) => c.decision === "PERMIT").flatMap((c) => c.services as string[]));

    // Haugland: school and NAV yes, the housing office about Sara (the application is hers); barnevern only in meetings:
    // no standing consent, a recorded refusal with a reason.
    for (const given of ["Sara", "Jonas", "Ella", "Noah"]) {
      const mine = about("haugland", given);
      expect(permits(mine), given).toEqual(new Set(given === "Sara" ? ["NAV", "SKOLE", "BOLIG"] : ["NAV", "SKOLE"]));
      expect(mine.every((c) => c.caseId === demoCaseId("haugland"))).toBe(true);
    }
    for (const given of ["Sara", "Jonas", "Ella"]) {
      const refusals = about("haugland", given).filter((c) => c.decision === "DENY");
      expect(refusals.map((c) => c.services), given).toEqual([["BARNEVERN"]]);
      expect(refusals[0]!.note).toMatch(/møte/);
    }
    expect(consents.find((c) => c.id === demoConsentId("haugland", "jonas"))).toMatchObject({
      capacity: "GUARDIAN",
      givenByPersonId: demoPersonId("haugland", "Sara"),
    });

    // Emma (17): her parents for school, NAV and the voluntary sector, with her own view; she alone for HELSE.
    const emma = about("nilsen", "Emma");
    const guardians = emma.filter((c) => c.capacity === "GUARDIAN");
    expect(guardians.map((c) => c.givenByPersonId).sort()).toEqual([demoPersonId("nilsen", "Anne"), demoPersonId("nilsen", "Trond")].sort());
    for (const c of guardians) {
      expect([...(c.services as string[])].sort()).toEqual(["FRIVILLIGHET", "NAV", "SKOLE"]);
      expect(c.childView).toBeTruthy();
    }
    const own = emma.filter((c) => c.capacity === "SELF");
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ services: ["HELSE"], givenByPersonId: demoPersonId("nilsen", "Emma"), recordedBy: demoPersonId("nilsen", "Emma") });

    // Berg: broad consent to the whole investeringsteam, for a year.
    const geir = about("berg", "Geir");
    expect(permits(geir)).toEqual(new Set(["NAV", "BARNEVERN", "SKOLE", "HELSE", "FRIVILLIGHET", "SAMHANDLING", "PPT", "BOLIG"]));
    expect(geir[0]!.validTo).toBeTruthy();
    for (const given of ["Line", "Ida", "Mats"]) expect(permits(about("berg", given)).size, given).toBeGreaterThanOrEqual(5);

    // Realism: an expired and a withdrawn consent.
    const expired = consents.filter((c) => c.validTo != null && iso(c.validTo) < DEMO_TODAY);
    expect(expired.length).toBeGreaterThan(0);
    const withdrawn = consents.find((c) => c.id === demoConsentId("nilsen", "emma-helse-2026-03"));
    expect(withdrawn).toMatchObject({ withdrawnBy: demoPersonId("nilsen", "Emma") });
    expect(withdrawn!.withdrawnAt).toBeTruthy();
    expect(() => demoConsentId("nilsen", "nobody")).toThrow();
  });

  it("has opaque ids without names", () => {
    for (const id of idValues(world)) expect(id).toMatch(ID_FORMAT);
    expect(namesInIds(world)).toEqual([]);
  });

  it("has synthetic national ids (month + 80) with valid control digits", () => {
    for (const p of world.registry.person) {
      expect(nationalIdProblem(p.nationalId, iso(p.birthDate)), `${p.givenName} ${p.nationalId}`).toBeNull();
    }
  });

  it("has the eight families of DOMAIN.md", () => {
    expect(DEMO_FAMILY_KEYS).toHaveLength(8);
    const families = new Map(world.registry.family.map((f) => [f.id, f]));
    for (const key of DEMO_FAMILY_KEYS) {
      const f = families.get(demoFamilyId(key));
      expect(f, key).toBeDefined();
      expect(f!.municipality).toBe("Fjordvik");
    }
    expect(world.registry.family.map((f) => f.name).sort()).toEqual(["Berg", "Bær", "Eriksen", "Haugland", "Moe", "Nilsen", "Rahimi", "Sandvik"]);
    expect(demoFamilies.map((f) => f.key)).toEqual([...DEMO_FAMILY_KEYS]);
    expect(demoFamilyId("haugland")).toBe(fjordvik().registry.family[0]!.id);
  });

  it("has households, ages and languages as described", () => {
    const members = (key: (typeof DEMO_FAMILY_KEYS)[number]) => world.registry.familyMember.filter((m) => m.familyId === demoFamilyId(key));
    const person = new Map(world.registry.person.map((p) => [p.id, p]));
    const age = (key: (typeof DEMO_FAMILY_KEYS)[number], given: string) => ageOn(iso(person.get(demoPersonId(key, given))!.birthDate), DEMO_TODAY);

    expect(age("haugland", "Sara")).toBe(34);
    // Born 2013, 2017 and 2021 as written (DOMAIN.md); the dates move with today, the ages stay.
    expect(["Jonas", "Ella", "Noah"].map((g) => age("haugland", g))).toEqual([13, 9, 5]);
    const written = new Map(fjordvik(DEMO_WRITTEN_FOR).registry.person.map((p) => [p.id, iso(p.birthDate)]));
    expect(["Jonas", "Ella", "Noah"].map((g) => written.get(demoPersonId("haugland", g))!.slice(0, 4))).toEqual(["2013", "2017", "2021"]);
    expect(age("eriksen", "Tor")).toBe(41);
    expect(age("nilsen", "Emma")).toBe(17);
    expect(age("moe", "Sander")).toBe(19);
    expect(age("baer", "Ole Henrik")).toBe(52);

    for (const key of ["eriksen", "moe", "baer"] as const) {
      expect(members(key).map((m) => m.role), key).toEqual(["ADULT"]);
    }
    const rahimi = members("rahimi");
    expect(rahimi.filter((m) => m.role === "ADULT")).toHaveLength(2);
    expect(rahimi.filter((m) => m.role === "CHILD")).toHaveLength(4);
    expect(members("sandvik").filter((m) => m.role === "CHILD")).toHaveLength(2);

    expect(person.get(demoPersonId("rahimi", "Ahmad"))!.preferredLanguage).toBe("prs");
    expect(person.get(demoPersonId("rahimi", "Mariam"))!.preferredLanguage).toBe("prs");
    expect(person.get(demoPersonId("baer", "Ole Henrik"))!.preferredLanguage).toBe("se");
  });

  it("has guardianships, one without parental responsibility, and every minor has a responsible guardian", () => {
    const without = world.registry.guardianship.filter((g) => !g.parentalResponsibility);
    expect(without.length).toBeGreaterThan(0);
    expect(without.every((g) => g.guardianId === demoPersonId("haugland", "Kristian"))).toBe(true);
    const person = new Map(world.registry.person.map((p) => [p.id, p]));
    for (const m of world.registry.familyMember) {
      const p = person.get(m.personId)!;
      if (ageOn(iso(p.birthDate), DEMO_TODAY) >= 18) continue;
      expect(m.role).toBe("CHILD");
      const responsible = world.registry.guardianship.filter((g) => g.childId === p.id && g.parentalResponsibility);
      expect(responsible.length, p.givenName).toBeGreaterThan(0);
    }
  });

  it("has the coordination cases: BTI level 2 for Emma, ansvarsgrupper for Haugland and Berg", () => {
    const cases = new Map(world.samhandling.coordinationCase.map((c) => [c.id, c]));
    const subjects = (caseId: string) => world.samhandling.caseSubject.filter((s) => s.caseId === caseId).map((s) => s.personId);
    const members = (caseId: string) => world.samhandling.caseMember.filter((m) => m.caseId === caseId);

    const emma = cases.get(demoCaseId("nilsen"))!;
    expect(emma).toMatchObject({ kind: "BTI", btiLevel: 2, status: "OPEN", familyId: demoFamilyId("nilsen") });
    expect(subjects(emma.id)).toEqual([demoPersonId("nilsen", "Emma")]);
    const batons = members(emma.id).filter((m) => m.role === "STAFETTHOLDER" && m.leftAt == null);
    expect(batons.map((m) => m.actorId)).toEqual(["skole-ungdomslos-1"]);

    const haugland = cases.get(demoCaseId("haugland"))!;
    expect(haugland.kind).toBe("ANSVARSGRUPPE");
    expect(subjects(haugland.id)).toContain(demoPersonId("haugland", "Sara"));
    const berg = cases.get(demoCaseId("berg"))!;
    expect(berg).toMatchObject({ kind: "INVESTERINGSTEAM", btiLevel: 3 });

    for (const c of world.samhandling.coordinationCase) {
      const ms = members(c.id);
      const staff = ms.filter((m) => m.actorId != null);
      const family = ms.filter((m) => m.role === "FAMILY");
      expect(subjects(c.id).length).toBeGreaterThan(0);
      expect(family.length, c.title).toBeGreaterThan(0);
      for (const f of family) expect(f).toMatchObject({ service: "FAMILY", actorId: null });
      for (const f of family) expect(f.personId).toBeTruthy();
      for (const s of staff) {
        expect(s.actorId).toMatch(/^[a-z]+-[a-z]+-\d$/);
        expect(demoStaff[s.actorId!], s.actorId!).toBeDefined();
        expect(s.displayName.length).toBeGreaterThan(0);
        expect(s.service).toBe(demoStaff[s.actorId!]!.service);
      }
    }
    const services = (caseId: string) => new Set(members(caseId).filter((m) => m.actorId).map((m) => m.service));
    expect(services(haugland.id).size).toBeGreaterThanOrEqual(4);
    expect(services(berg.id).size).toBeGreaterThanOrEqual(5);
    expect(demoCases.find((c) => c.key === "nilsen")!.activeActorIds).toContain("skole-ungdomslos-1");
    expect(demoCaseMemberId("nilsen", "Emma")).toMatch(ID_FORMAT);
  });

  it("shows Emma's absence rising", () => {
    const months = world.skole.attendanceMonth
      .filter((a) => a.personId === demoPersonId("nilsen", "Emma"))
      .sort((a, b) => iso(a.month).localeCompare(iso(b.month)))
      .map((a) => Number(a.absencePercent));
    expect(months.length).toBeGreaterThanOrEqual(12);
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(avg(months.slice(-3))).toBeGreaterThan(avg(months.slice(0, 3)) + 10);
  });

  it("keeps barnevern to the families where it fits the story", () => {
    const families = new Set(
      world.barnevern.barnevernCase.map((c) => demoFamilies.find((f) => f.persons.some((p) => p.personId === c.personId))!.key),
    );
    expect([...families].sort()).toEqual(["berg", "haugland", "moe"]);
  });

  it("helpers refuse what does not exist", () => {
    expect(() => demoPersonId("haugland", "Nobody")).toThrow();
    expect(() => demoCaseId("rahimi" as never)).toThrow();
    expect(demoPerson("baer", "Ole Henrik").personId).toBe(demoPersonId("baer", "Ole Henrik"));
  });
});

describe("syntheticWorld()", () => {
  let big: World;

  // How long generation takes is the benchmark's business (npm run bench reports seeding time), not a test's.
  beforeAll(() => {
    big = syntheticWorld({ families: 6000 });
  });

  it("generates 6000 families with 20,000+ persons", () => {
    expect(big.registry.family).toHaveLength(6000);
    expect(big.registry.person.length).toBeGreaterThanOrEqual(20_000);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = syntheticWorld({ families: 200, seed: 42 });
    expect(syntheticWorld({ families: 200, seed: 42 })).toEqual(a);
    const b = syntheticWorld({ families: 200, seed: 43 });
    expect(b.registry.person.map((p) => p.id)).not.toEqual(a.registry.person.map((p) => p.id));
    expect(b.registry.person.map((p) => p.givenName)).not.toEqual(a.registry.person.map((p) => p.givenName));
  });

  it("generates the same families in chunks as in one go", () => {
    const whole = syntheticWorld({ families: 300, seed: 7 });
    const chunked = mergeWorlds(
      syntheticWorld({ families: 100, seed: 7 }),
      syntheticWorld({ families: 117, seed: 7, startIndex: 100 }),
      syntheticWorld({ families: 0, seed: 7, startIndex: 217 }),
      syntheticWorld({ families: 83, seed: 7, startIndex: 217 }),
    );
    expect(chunked).toEqual(whole);
    expect(syntheticFamilyId(250, 7)).toBe(whole.registry.family[250]!.id);
    expect(syntheticPersonId(250, 0, 7)).toBe(whole.registry.familyMember.find((m) => m.familyId === whole.registry.family[250]!.id)!.personId);
  });

  it("references only registry persons, families and cases", () => {
    expect(referenceProblems(big)).toEqual([]);
  });

  it("has no duplicate ids or keys, alone and together with fjordvik()", () => {
    expect(duplicateKeys(big)).toEqual([]);
    const all = mergeWorlds(fjordvik(), big);
    expect(duplicateKeys(all)).toEqual([]);
    const staffIds = new Set(big.samhandling.caseMember.flatMap((m) => (m.actorId ? [m.actorId] : [])));
    for (const id of Object.keys(demoStaff)) expect(staffIds.has(id)).toBe(false);
  });

  it("has dates that make sense today", () => {
    expect(dateProblems(big)).toEqual([]);
  });

  it("has consents in most cases, given by someone competent, with refusals, withdrawals and the youth's own HELSE consents", () => {
    expect(competenceProblems(big)).toEqual([]);
    const consents = big.samhandling.consent;
    const withConsent = new Set(consents.map((c) => c.caseId));
    expect(withConsent.size / big.samhandling.coordinationCase.length).toBeGreaterThan(0.9);
    expect(consents.some((c) => c.decision === "DENY" && c.note)).toBe(true);
    expect(consents.some((c) => c.withdrawnAt != null)).toBe(true);
    expect(consents.some((c) => c.capacity === "GUARDIAN" && c.childView)).toBe(true);
    expect(consents.some((c) => c.capacity === "SELF" && c.subjectPersonId === c.givenByPersonId && (c.services as string[]).join() === "HELSE")).toBe(true);
  });

  it("has synthetic national ids with valid control digits", () => {
    const problems = big.registry.person.flatMap((p) => {
      const why = nationalIdProblem(p.nationalId, iso(p.birthDate));
      return why ? [`${p.nationalId}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("has opaque ids without names", () => {
    for (const id of idValues(big)) if (!ID_FORMAT.test(id)) expect(id).toMatch(ID_FORMAT);
    expect(namesInIds(big)).toEqual([]);
    expect(namesInIds(fjordvik(), big)).toEqual([]);
    expect(namesInIds(big, fjordvik())).toEqual([]);
  });

  it("has realistic households", () => {
    const byFamily = new Map<string, { adults: number; children: number }>();
    for (const m of big.registry.familyMember) {
      const f = byFamily.get(m.familyId) ?? { adults: 0, children: 0 };
      if (m.role === "ADULT") f.adults++;
      else f.children++;
      byFamily.set(m.familyId, f);
    }
    expect(byFamily.size).toBe(6000);
    let singles = 0;
    for (const f of byFamily.values()) {
      expect(f.adults).toBeGreaterThanOrEqual(1);
      expect(f.adults).toBeLessThanOrEqual(2);
      expect(f.children).toBeLessThanOrEqual(5);
      if (f.adults === 1 && f.children === 0) singles++;
    }
    expect(singles / 6000).toBeGreaterThan(0.04);
    expect(singles / 6000).toBeLessThan(0.2);
    expect(big.registry.guardianship.some((g) => !g.parentalResponsibility)).toBe(true);
  });

  it("involves the services with plausible frequencies", () => {
    const persons = new Map(big.registry.person.map((p) => [p.id, p]));
    const schoolAge = big.registry.familyMember.filter((m) => {
      const a = ageOn(iso(persons.get(m.personId)!.birthDate), DEMO_TODAY);
      return m.role === "CHILD" && a >= 7 && a <= 15;
    });
    const enrolled = new Set(big.skole.enrolment.map((e) => e.personId));
    expect(schoolAge.filter((m) => enrolled.has(m.personId)).length / schoolAge.length).toBeGreaterThan(0.95);
    const children = big.registry.familyMember.filter((m) => m.role === "CHILD").length;
    expect(big.barnevern.barnevernCase.length / children).toBeLessThan(0.08);
    expect(big.nav.navFollowUp.length).toBeGreaterThan(0);
    expect(big.helse.healthContact.length).toBeGreaterThan(0);
    expect(big.frivillighet.voluntaryActivity.length).toBeGreaterThan(0);
  });

  it("has about one coordination case per three families, each with subjects and 2–5 professionals", () => {
    const cases = big.samhandling.coordinationCase;
    expect(cases.length / 6000).toBeGreaterThan(0.2);
    expect(cases.length / 6000).toBeLessThan(0.45);
    const subjects = new Map<string, number>();
    for (const s of big.samhandling.caseSubject) subjects.set(s.caseId, (subjects.get(s.caseId) ?? 0) + 1);
    const staff = new Map<string, number>();
    for (const m of big.samhandling.caseMember) if (m.actorId) staff.set(m.caseId, (staff.get(m.caseId) ?? 0) + 1);
    for (const c of cases) {
      expect(["BTI", "ANSVARSGRUPPE"]).toContain(c.kind);
      if (c.kind === "BTI") expect([0, 1, 2, 3]).toContain(c.btiLevel);
      expect(subjects.get(c.id) ?? 0).toBeGreaterThan(0);
      const n = staff.get(c.id) ?? 0;
      if (n < 2 || n > 5) expect(n, c.id).toBe("2–5");
    }
    expect(cases.some((c) => c.kind === "BTI")).toBe(true);
    expect(cases.some((c) => c.kind === "ANSVARSGRUPPE")).toBe(true);
  });
});

describe("the demo world moves with today", () => {
  // The written date, the real one, and the days on which fixed dates used to break the tests:
  // Haugland's second follow-up falling due, Berg's consents expiring, Emma turning 18, a leap day.
  const todays = [DEMO_WRITTEN_FOR, DEMO_TODAY, "2026-12-19", "2027-01-20", "2027-04-11", "2027-06-01", "2028-02-29", "2031-07-15"];
  const written = fjordvik(DEMO_WRITTEN_FOR);
  const writtenAges = new Map(written.registry.person.map((p) => [p.id, ageOn(iso(p.birthDate), DEMO_WRITTEN_FOR)]));

  it("reads HUB_DEMO_TODAY, else today's date in Norway, and refuses a malformed date", () => {
    expect(demoConfig({ HUB_DEMO_TODAY: "2027-06-01" }).today).toBe("2027-06-01");
    expect(demoConfig({}, new Date("2026-12-31T23:30:00Z")).today).toBe("2027-01-01");
    for (const bad of ["2027-02-30", "01.06.2027", "2027-6-1", "tomorrow"]) {
      expect(() => demoConfig({ HUB_DEMO_TODAY: bad }), bad).toThrow(`HUB_DEMO_TODAY must be a date written YYYY-MM-DD, got "${bad}".`);
    }
    expect(demoShift("2026-12-01")).toEqual({ today: "2026-12-01", days: 8, months: 1 });
  });

  it.each(todays)("tells the same story on %s: ages, deadlines, consents, ids", (today) => {
    const world = fjordvik(today);
    expect(dateProblems(world, today)).toEqual([]);
    expect(competenceProblems(world)).toEqual([]);
    for (const p of world.registry.person) {
      expect(ageOn(iso(p.birthDate), today), p.givenName).toBe(writtenAges.get(p.id));
      expect(nationalIdProblem(p.nationalId, iso(p.birthDate)), p.givenName).toBeNull();
    }
    expect(idValues(world)).toEqual(idValues(written));
    expect(duplicateKeys(world)).toEqual([]);

    // Haugland: the housing application is overdue, the school's weekly report is not.
    const noon = new Date(`${today}T11:00:00Z`);
    const haugland = world.samhandling.measure.filter((m) => m.caseId === demoCaseId("haugland"));
    expect(haugland.filter((m) => followUpOverdue({ status: m.status!, dueDate: m.dueDate as Date }, noon)).map((m) => m.responsibleService)).toEqual(["NAV"]);
    // Berg's consents are still in force, Emma's own HELSE consent too; the spring fritidskort consent has expired.
    const inForceNow = (id: string) => inForce(world.samhandling.consent.find((c) => c.id === id)!, today);
    expect(inForceNow(demoConsentId("berg", "geir"))).toBe(true);
    expect(inForceNow(demoConsentId("nilsen", "emma-helse"))).toBe(true);
    expect(inForceNow(demoConsentId("haugland", "jonas-fritidskort"))).toBe(false);
    // An upcoming meeting stays upcoming; monthly attendance ends in today's month.
    expect(world.samhandling.meeting.some((m) => m.status === "PLANNED" && iso(m.startsAt) > today)).toBe(true);
    const months = world.skole.attendanceMonth.map((a) => iso(a.month));
    expect(months.every((m) => m.endsWith("-01") && m <= today)).toBe(true);
    expect(months.some((m) => m.slice(0, 7) === today.slice(0, 7))).toBe(true);
  });

  it("moves dates written inside texts with the rest", () => {
    const texts = (w: World) => w.nav.navMeasure.map((m) => m.description);
    const moved = texts(fjordvik("2027-06-01")).join("\n");
    expect(texts(written).join("\n")).toContain("frist 2027-01-15");
    expect(moved).toContain(`frist ${new Date(Date.parse("2027-01-15T00:00:00Z") + demoShift("2027-06-01").days * 86_400_000).toISOString().slice(0, 10)}`);
    expect(moved).not.toContain("2027-01-15");
  });

  it.each(todays)("moves the synthetic families to %s with the same ids and valid, unique national ids", (today) => {
    const world = syntheticWorld({ families: 400, seed: 11, today });
    const base = syntheticWorld({ families: 400, seed: 11, today: DEMO_WRITTEN_FOR });
    expect(idValues(world)).toEqual(idValues(base));
    expect(dateProblems(world, today)).toEqual([]);
    expect(competenceProblems(world)).toEqual([]);
    expect(duplicateKeys(mergeWorlds(fjordvik(today), world))).toEqual([]);
    const problems = world.registry.person.flatMap((p) => {
      const why = nationalIdProblem(p.nationalId, iso(p.birthDate));
      return why ? [`${p.nationalId}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

// --- the demo and the servers ---------------------------------------------------------

const DEMO_DIR = path.join(ROOT_DIR, "demo");
const KIT_DIR = path.join(ROOT_DIR, "services", "kit");

/** Relative imports of a module: loaded with it (value imports and re-exports), types only, or dynamic. */
function importsOf(file: string): { loaded: string[]; typesOnly: string[]; dynamic: string[] } {
  const source = fs.readFileSync(file, "utf8");
  const out = { loaded: [] as string[], typesOnly: [] as string[], dynamic: [] as string[] };
  const resolve = (spec: string) => path.resolve(path.dirname(file), spec);
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm)) {
    (m[1] ? out.typesOnly : out.loaded).push(resolve(m[2]!));
  }
  for (const m of source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) out.dynamic.push(resolve(m[1]!));
  return out;
}

function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module loaded when `entry` is loaded, following value imports (not dynamic ones). */
function loadedWith(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file).loaded);
  }
  return seen;
}

const inDemo = (file: string) => file.startsWith(DEMO_DIR + path.sep);

describe("the demo and the servers", () => {
  it("the kit imports nothing from demo/, not even a type", () => {
    const found = tsFilesUnder(KIT_DIR).flatMap((file) => {
      const { loaded, typesOnly, dynamic } = importsOf(file);
      return [...loaded, ...typesOnly, ...dynamic].filter(inDemo).map((target) => `${path.relative(ROOT_DIR, file)} → ${path.relative(ROOT_DIR, target)}`);
    });
    expect(found).toEqual([]);
  });

  it.each(SERVICE_NAMES)("%s loads only demo/seed.ts at start, whose data comes by a dynamic import when it seeds", (service) => {
    const loaded = loadedWith(path.join(ROOT_DIR, "services", service, "index.ts"));
    // The walk does follow imports: the kit's entry point is reached.
    expect(loaded).toContain(path.join(KIT_DIR, "subgraph.ts"));
    expect([...loaded].filter(inDemo).map((f) => path.relative(ROOT_DIR, f))).toEqual(["demo/seed.ts"]);
    expect(importsOf(path.join(DEMO_DIR, "seed.ts")).dynamic).toEqual([path.join(DEMO_DIR, "index.ts")]);
  });

  it.each(SERVICE_NAMES)("hands %s its own part of the world (what its demo-data file makes of it) and nothing else", async (service) => {
    const tables = await demoSeed(service)({ ...subgraphConfig(service), syntheticFamilies: 0 });
    const world = fjordvik();
    // The services whose rows are written with the families' stories have them in the world; a newer one makes its own.
    expect(tables).toEqual(service in world ? world[service as keyof World] : (await loadServiceDemo(service)).rows(world));
  });
});
