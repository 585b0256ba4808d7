// The demo municipality "Fjordvik": the eight fictional families of
// shared/DOMAIN.md, with what every service knows about them.
//
// Everything here is invented and deterministic: the same call always gives
// the same rows and the same ids, so a README can show a stable example id
// and tests can find demo entities through the helpers at the bottom
// (`demoFamilyId`, `demoPersonId`, `demoCaseId`, `demoStaff`, …) instead of
// hardcoding ids. The data is written for DEMO_WRITTEN_FOR (2026-11-23) and
// moved to the demo's today (today.ts): every date shifts by the same number
// of days, so ages in DOMAIN.md, deadlines and consent periods hold whenever
// it runs. The helpers describe the world for DEMO_TODAY.
//
// Ids are opaque and carry no names (they end up in logs): a type prefix and
// ten characters of a seeded hash, written with an alphabet that has no
// vowels, so no id can ever spell a name. National ids are synthetic
// (month + 80, Norway's convention for test identities) with valid mod-11
// control digits; they can never be a real person's number.
import { emptySamhandling, type World } from "./world.ts";
import type { DataCategory } from "../services/kit/categories.ts";
import { hash48 } from "./random.ts";
import { demoConfig } from "./config.ts";
import { CASEWORK_SERVICES, type CaseworkService } from "../services/kit/catalog.ts";
import { controlDigits } from "../services/kit/national-id.ts";
import { DEMO_WRITTEN_FOR, demoShift, shiftIsoDay, shiftWorld, type DemoShift } from "./today.ts";

// ---------------------------------------------------------------------------
// Shared primitives (synthetic.ts uses them too)
// ---------------------------------------------------------------------------

/** The demo's today (HUB_DEMO_TODAY, else today in Norway): the data is moved to it. */
export const DEMO_TODAY = demoConfig().today;
export { DEMO_WRITTEN_FOR } from "./today.ts";
const DEMO_SHIFT = demoShift(DEMO_TODAY);
export const DEMO_MUNICIPALITY = "Fjordvik";

/** Digits and consonants only: an id written with it can never contain a name. */
export const ID_ALPHABET = "0123456789bcdfghjklmnpqrstvwxz";

const DAY_MS = 86_400_000;

/** A date (UTC midnight) from "YYYY-MM-DD". */
export function day(iso: string): Date {
  const d = new Date(`${iso}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad date ${iso}`);
  return d;
}

/** A stable 48-bit hash of a text; see random.ts. */
export const hash53 = hash48;

const FJORDVIK_HASH_SEED = 0x46_4a_56_4b; // "FJVK"
const TEN_CHARS = 30 ** 10;

/**
 * The opaque id of a demo entity: `<prefix>-` + 10 characters of a seeded
 * hash of `key`. Keys may mention names; the id never does.
 */
export function demoOpaqueId(prefix: string, key: string): string {
  let v = hash53(`${prefix}|${key}`, FJORDVIK_HASH_SEED) % TEN_CHARS;
  let out = "";
  for (let i = 0; i < 10; i++) {
    out += ID_ALPHABET[v % 30];
    v = Math.floor(v / 30);
  }
  return `${prefix}-${out}`;
}

/**
 * A synthetic national id (fødselsnummer with month + 80) for a birth date
 * and a three-digit individual number, or null when that individual number
 * gives no valid control digits. The third digit of the individual number is
 * even for women and odd for men.
 */
export function syntheticNationalId(birthDate: Date, individual: number): string | null {
  const dd = birthDate.getUTCDate();
  const mm = birthDate.getUTCMonth() + 1 + 80;
  const yy = birthDate.getUTCFullYear() % 100;
  const d = [
    (dd / 10) | 0, dd % 10,
    (mm / 10) | 0, mm % 10,
    (yy / 10) | 0, yy % 10,
    (individual / 100) | 0, ((individual / 10) | 0) % 10, individual % 10,
  ];
  const k = controlDigits(d);
  return k === null ? null : [...d, ...k].join("");
}

// ---------------------------------------------------------------------------
// Types derived from the World rows (enums stay type-only: no Prisma runtime)
// ---------------------------------------------------------------------------

type Row<S extends keyof World, T extends keyof World[S]> = World[S][T] extends (infer R)[] ? R : never;
export type ServiceName = Row<"samhandling", "caseMember">["service"];
type MemberRole = Row<"samhandling", "caseMember">["role"];
type ConsentCapacity = Row<"samhandling", "consent">["capacity"];
type ConsentDecision = Row<"samhandling", "consent">["decision"];
type CaseKind = Row<"samhandling", "coordinationCase">["kind"];
type NavMeasureKind = Row<"nav", "navMeasure">["kind"];
type MeasureStatus = Row<"nav", "navMeasure">["status"];
type BarnevernPhase = Row<"barnevern", "barnevernCase">["phase"];
type BarnevernMeasureKind = Row<"barnevern", "barnevernMeasure">["kind"];
type SchoolLevel = Row<"skole", "enrolment">["level"];
type SchoolSupportKind = Row<"skole", "schoolSupport">["kind"];
type HealthServiceKind = Row<"helse", "healthContact">["kind"];
type FollowUpType = Row<"helse", "healthContact">["followUp"];
type VoluntaryKind = Row<"frivillighet", "voluntaryActivity">["kind"];

// ---------------------------------------------------------------------------
// Staff: employees of the services, as they appear in cases and records
// ---------------------------------------------------------------------------

/**
 * Employee actor ids follow `<service>-<role>-<n>` (n = 1…9 in the demo;
 * the synthetic generator numbers its staff from 100, so they never meet).
 * External partners without a subgraph of their own (Kriminalomsorgen) take
 * part as SAMHANDLING members.
 */
export interface DemoStaff {
  actorId: string;
  displayName: string;
  service: ServiceName;
  title: string;
  unit: string;
  phone: string;
}

const STAFF_LIST: DemoStaff[] = [
  s("nav-veileder-1", "Ingrid Solberg", "NAV", "familiekoordinator", "NAV Fjordvik", "+47 400 01 101"),
  s("nav-veileder-2", "Morten Aas", "NAV", "veileder", "NAV Fjordvik", "+47 400 01 102"),
  s("nav-veileder-3", "Kjetil Bakke", "NAV", "veileder", "NAV Fjordvik", "+47 400 01 103"),
  s("nav-ungdom-1", "Silje Strand", "NAV", "veileder, ungdomsteamet", "NAV Fjordvik", "+47 400 01 111"),
  s("nav-okonomi-1", "Hanne Lie", "NAV", "økonomisk rådgiver", "NAV Fjordvik", "+47 400 01 121"),
  s("nav-bolig-1", "Espen Dahl", "NAV", "boligkonsulent", "Boligkontoret, NAV Fjordvik", "+47 400 01 131"),
  s("nav-flyktning-1", "Nadia Haddad", "NAV", "programrådgiver", "Flyktningtjenesten, NAV Fjordvik", "+47 400 01 141"),
  s("skole-kontaktlaerer-1", "Marte Fossum", "SKOLE", "kontaktlærer 8B", "Fjordvik ungdomsskole", "+47 400 02 101"),
  s("skole-kontaktlaerer-2", "Anders Voll", "SKOLE", "kontaktlærer Vg2", "Fjordvik videregående skole", "+47 400 02 102"),
  s("skole-kontaktlaerer-3", "Tone Hagen", "SKOLE", "kontaktlærer 6A", "Fjordvik barneskole", "+47 400 02 103"),
  s("skole-kontaktlaerer-4", "Siv Haugen", "SKOLE", "kontaktlærer Vg1", "Fjordvik videregående skole", "+47 400 02 104"),
  s("skole-kontaktlaerer-5", "Bjørn Ulstein", "SKOLE", "kontaktlærer 10A", "Fjordvik ungdomsskole", "+47 400 02 105"),
  s("skole-ppt-1", "Lise Brekke", "SKOLE", "PP-rådgiver", "PPT Fjordvik", "+47 400 02 121"),
  s("skole-ot-1", "Jon Ruud", "SKOLE", "rådgiver", "Oppfølgingstjenesten", "+47 400 02 131"),
  s("skole-ungdomslos-1", "Amira Saleh", "SKOLE", "ungdomslos", "Fjordvik videregående skole", "+47 400 02 141"),
  s("barnevern-saksbehandler-1", "Elin Sæther", "BARNEVERN", "saksbehandler", "Barneverntjenesten i Fjordvik", "+47 400 03 101"),
  s("barnevern-saksbehandler-2", "Rune Aune", "BARNEVERN", "saksbehandler", "Barneverntjenesten i Fjordvik", "+47 400 03 102"),
  s("barnevern-ettervern-1", "Guro Lien", "BARNEVERN", "kontaktperson ettervern", "Barneverntjenesten i Fjordvik", "+47 400 03 111"),
  s("helse-helsesykepleier-1", "Ragnhild Eide", "HELSE", "helsesykepleier", "Skolehelsetjenesten, Fjordvik videregående skole", "+47 400 04 101"),
  s("helse-helsesykepleier-2", "Synnøve Tangen", "HELSE", "helsesykepleier", "Fjordvik helsestasjon", "+47 400 04 102"),
  s("helse-rus-1", "Øystein Holm", "HELSE", "miljøterapeut", "Rus- og psykisk helsetjeneste Fjordvik", "+47 400 04 111"),
  s("helse-psykisk-1", "Torill Nes", "HELSE", "psykiatrisk sykepleier", "Rus- og psykisk helsetjeneste Fjordvik", "+47 400 04 112"),
  s("frivillighet-koordinator-1", "Bente Myhre", "FRIVILLIGHET", "daglig leder", "Fjordvik Frivilligsentral", "+47 400 05 101"),
  s("frivillighet-likeperson-1", "Stian Kvam", "FRIVILLIGHET", "erfaringskonsulent", "Kirkens Bymisjon Fjordvik", "+47 400 05 111"),
  s("frivillighet-trener-1", "Vegard Tveit", "FRIVILLIGHET", "frivillig trener", "Fjordvik IL", "+47 400 05 121"),
  s("frivillighet-mentor-1", "Camilla Rønning", "FRIVILLIGHET", "mentor", "Kirkens Bymisjon Fjordvik", "+47 400 05 131"),
  // PP-tjenesten and the housing office as services of their own (issue 23), in the Berg and Moe teams; Lise Brekke
  // (skole-ppt-1) and Espen Dahl (nav-bolig-1) take part in cases from the units they were in before.
  s("ppt-radgiver-1", "Øyvind Lunde", "PPT", "PP-rådgiver", "PP-tjenesten i Fjordvik", "+47 400 09 102"),
  s("bolig-boveileder-1", "Kristin Aasen", "BOLIG", "boveileder", "Boligkontoret, Fjordvik kommune", "+47 400 10 111"),
  s("samhandling-investeringsleder-1", "Maria Holt", "SAMHANDLING", "investeringsleder", "Velferdslab Fjordvik", "+47 400 06 101"),
  s("kriminalomsorg-koordinator-1", "Terje Olsen", "SAMHANDLING", "tilbakeføringskoordinator", "Kriminalomsorgen", "+47 400 07 101"),
];

function s(actorId: string, displayName: string, service: ServiceName, title: string, unit: string, phone: string): DemoStaff {
  return { actorId, displayName, service, title, unit, phone };
}

/** Every demo employee by actor id. */
export const demoStaff: Readonly<Record<string, DemoStaff>> = Object.freeze(
  Object.fromEntries(STAFF_LIST.map((x) => [x.actorId, Object.freeze(x)])),
);

/** Staff of a service's own besides its caseworkers, one auditor and one administrator each, for every service with an employee directory (samhandling's `employee`): every one that takes part in cases. */
export interface DemoOfficeStaff {
  actorId: string;
  displayName: string;
  service: CaseworkService;
  roles: ["auditor"] | ["admin"];
}

export const demoOfficeStaff: readonly DemoOfficeStaff[] = Object.freeze(
  CASEWORK_SERVICES.flatMap((service): DemoOfficeStaff[] => [
    { actorId: `${service}-auditor-1`, displayName: `Revisor ${service}`, service, roles: ["auditor"] },
    { actorId: `${service}-admin-1`, displayName: `Administrator ${service}`, service, roles: ["admin"] },
  ]),
);

function staff(actorId: string): DemoStaff {
  const x = demoStaff[actorId];
  if (!x) throw new Error(`unknown demo actor ${actorId}`);
  return x;
}

// ---------------------------------------------------------------------------
// The families (registry)
// ---------------------------------------------------------------------------

export type DemoFamilyKey = "haugland" | "eriksen" | "rahimi" | "nilsen" | "sandvik" | "berg" | "moe" | "baer";
export const DEMO_FAMILY_KEYS: readonly DemoFamilyKey[] = ["haugland", "eriksen", "rahimi", "nilsen", "sandvik", "berg", "moe", "baer"];

type Sex = "F" | "M";

interface PersonSpec {
  given: string;
  family: string;
  born: string;
  sex: Sex;
  /** Household role; "OUTSIDE" = a registry person outside the household (e.g. a separated parent). */
  role: "ADULT" | "CHILD" | "OUTSIDE";
  language?: string;
}

interface FamilySpec {
  key: DemoFamilyKey;
  name: string;
  persons: PersonSpec[];
  /** [guardian, child, parental responsibility] by given name. */
  guardians: [string, string, boolean][];
}

const p = (given: string, family: string, born: string, sex: Sex, role: PersonSpec["role"], language?: string): PersonSpec =>
  language ? { given, family, born, sex, role, language } : { given, family, born, sex, role };

const FAMILIES: FamilySpec[] = [
  {
    key: "haugland",
    name: "Haugland",
    persons: [
      p("Sara", "Haugland", "1992-03-14", "F", "ADULT"),
      p("Jonas", "Haugland", "2013-05-02", "M", "CHILD"),
      p("Ella", "Haugland", "2017-09-19", "F", "CHILD"),
      p("Noah", "Haugland", "2021-01-30", "M", "CHILD"),
      // The children's father: separated, lives outside Fjordvik, no parental responsibility.
      p("Kristian", "Lunde", "1989-07-22", "M", "OUTSIDE"),
    ],
    guardians: [
      ["Sara", "Jonas", true], ["Sara", "Ella", true], ["Sara", "Noah", true],
      ["Kristian", "Jonas", false], ["Kristian", "Ella", false], ["Kristian", "Noah", false],
    ],
  },
  {
    key: "eriksen",
    name: "Eriksen",
    persons: [p("Tor", "Eriksen", "1985-02-17", "M", "ADULT")],
    guardians: [],
  },
  {
    key: "rahimi",
    name: "Rahimi",
    persons: [
      p("Ahmad", "Rahimi", "1986-06-10", "M", "ADULT", "prs"),
      p("Mariam", "Rahimi", "1990-01-05", "F", "ADULT", "prs"),
      p("Zahra", "Rahimi", "2013-02-14", "F", "CHILD"),
      p("Omid", "Rahimi", "2016-03-21", "M", "CHILD"),
      p("Sana", "Rahimi", "2020-04-08", "F", "CHILD"),
      p("Yusuf", "Rahimi", "2024-08-12", "M", "CHILD", "prs"),
    ],
    guardians: [
      ["Ahmad", "Zahra", true], ["Mariam", "Zahra", true],
      ["Ahmad", "Omid", true], ["Mariam", "Omid", true],
      ["Ahmad", "Sana", true], ["Mariam", "Sana", true],
      ["Ahmad", "Yusuf", true], ["Mariam", "Yusuf", true],
    ],
  },
  {
    key: "nilsen",
    name: "Nilsen",
    persons: [
      p("Anne", "Nilsen", "1978-10-03", "F", "ADULT"),
      p("Trond", "Nilsen", "1976-12-29", "M", "ADULT"),
      p("Emma", "Nilsen", "2009-04-11", "F", "CHILD"),
    ],
    guardians: [["Anne", "Emma", true], ["Trond", "Emma", true]],
  },
  {
    key: "sandvik",
    name: "Sandvik",
    persons: [
      p("Per", "Sandvik", "1981-08-25", "M", "ADULT"),
      p("Kari", "Sandvik", "1983-05-16", "F", "ADULT"),
      p("Lars", "Sandvik", "2011-03-03", "M", "CHILD"),
      p("Sofie", "Sandvik", "2017-11-30", "F", "CHILD"),
    ],
    guardians: [["Per", "Lars", true], ["Kari", "Lars", true], ["Per", "Sofie", true], ["Kari", "Sofie", true]],
  },
  {
    key: "berg",
    name: "Berg",
    persons: [
      p("Geir", "Berg", "1979-09-07", "M", "ADULT"),
      p("Line", "Berg", "1982-02-11", "F", "ADULT"),
      p("Ida", "Berg", "2009-07-28", "F", "CHILD"),
      p("Mats", "Berg", "2015-04-19", "M", "CHILD"),
    ],
    guardians: [["Geir", "Ida", true], ["Line", "Ida", true], ["Geir", "Mats", true], ["Line", "Mats", true]],
  },
  {
    key: "moe",
    name: "Moe",
    persons: [p("Sander", "Moe", "2007-06-02", "M", "ADULT")],
    guardians: [],
  },
  {
    key: "baer",
    name: "Bær",
    persons: [p("Ole Henrik", "Bær", "1974-03-09", "M", "ADULT", "se")],
    guardians: [],
  },
];

const FAMILY_BY_KEY = new Map(FAMILIES.map((f) => [f.key, f]));

function familySpec(key: DemoFamilyKey): FamilySpec {
  const f = FAMILY_BY_KEY.get(key);
  if (!f) throw new Error(`unknown demo family ${String(key)}`);
  return f;
}

/** The id of a demo family (household). */
export function demoFamilyId(key: DemoFamilyKey): string {
  familySpec(key);
  return demoOpaqueId("f", `family/${key}`);
}

/** The id of a demo person, by family and given name (e.g. ("haugland", "Sara"), ("baer", "Ole Henrik")). */
export function demoPersonId(key: DemoFamilyKey, givenName: string): string {
  const f = familySpec(key);
  if (!f.persons.some((x) => x.given === givenName)) {
    throw new Error(`no demo person ${givenName} in family ${key}`);
  }
  return demoOpaqueId("p", `person/${key}/${givenName}`);
}

/** Fjordvik's national ids use individual numbers 990–999; the synthetic generator stays below 990. They encode the moved birth date. */
function demoNationalId(x: PersonSpec, shift: DemoShift): string {
  const born = day(shiftIsoDay(x.born, shift));
  const parity = x.sex === "F" ? 0 : 1;
  for (let i = 999; i >= 990; i--) {
    if (i % 2 !== parity) continue;
    const id = syntheticNationalId(born, i);
    if (id) return id;
  }
  throw new Error(`no demo national id for ${x.born}`);
}

export interface DemoPerson {
  familyKey: DemoFamilyKey;
  personId: string;
  givenName: string;
  familyName: string;
  /** "YYYY-MM-DD" */
  birthDate: string;
  nationalId: string;
  /** Household role; OUTSIDE = known to the registry but not living in the household. */
  role: "ADULT" | "CHILD" | "OUTSIDE";
  preferredLanguage: string | null;
}

export interface DemoFamily {
  key: DemoFamilyKey;
  familyId: string;
  name: string;
  /** Household members and related persons outside the household. */
  persons: readonly DemoPerson[];
  /** Coordination case ids about this family (at most one in the demo). */
  caseIds: readonly string[];
}

// ---------------------------------------------------------------------------
// Coordination cases (samhandling)
// ---------------------------------------------------------------------------

type MemberSpec =
  | { actor: string; role: MemberRole; joined: string; left?: string }
  | { person: string; role: MemberRole; joined: string; left?: string };

/** The task a case was opened from: a concern (who noticed what, when) or a referral or decision with its reference. */
type TaskSpec =
  | { concern: { by: string; noticed: string; text: string } }
  | { referral: { kind: "REFERRAL" | "DECISION"; reference: string } };

interface CaseSpec {
  family: DemoFamilyKey;
  kind: CaseKind;
  task: TaskSpec;
  title: string;
  btiLevel: number | null;
  openedAt: string;
  closedAt?: string;
  subjects: string[];
  members: MemberSpec[];
}

const CASES: CaseSpec[] = [
  {
    family: "haugland",
    kind: "ANSVARSGRUPPE",
    task: { referral: { kind: "REFERRAL", reference: "Henvisning fra Fjordvik helsestasjon, journal 2026/0114" } },
    title: "Familieplan – bolig, skole og økonomi",
    btiLevel: null,
    openedAt: "2026-02-10",
    subjects: ["Sara", "Jonas", "Ella", "Noah"],
    members: [
      { actor: "nav-veileder-1", role: "COORDINATOR", joined: "2026-02-10" },
      { actor: "skole-kontaktlaerer-1", role: "PROFESSIONAL", joined: "2026-08-24" },
      { actor: "helse-helsesykepleier-2", role: "PROFESSIONAL", joined: "2026-02-10" },
      { actor: "nav-bolig-1", role: "PROFESSIONAL", joined: "2026-04-15" },
      // Sara's consent lets barnevern take part in the meetings only.
      { actor: "barnevern-saksbehandler-1", role: "PROFESSIONAL", joined: "2026-02-10" },
      { actor: "frivillighet-koordinator-1", role: "PROFESSIONAL", joined: "2026-03-05" },
      { person: "Sara", role: "FAMILY", joined: "2026-02-10" },
    ],
  },
  {
    family: "eriksen",
    kind: "ANSVARSGRUPPE",
    task: { referral: { kind: "REFERRAL", reference: "Melding om løslatelse fra Kriminalomsorgen, ref. KRUS-2026-8841" } },
    title: "Tilbakeføring etter soning",
    btiLevel: null,
    openedAt: "2026-10-12",
    subjects: ["Tor"],
    members: [
      { actor: "nav-veileder-2", role: "COORDINATOR", joined: "2026-10-12" },
      { actor: "kriminalomsorg-koordinator-1", role: "PROFESSIONAL", joined: "2026-10-12" },
      { actor: "nav-bolig-1", role: "PROFESSIONAL", joined: "2026-10-12" },
      { actor: "helse-rus-1", role: "PROFESSIONAL", joined: "2026-10-26" },
      { actor: "frivillighet-likeperson-1", role: "PROFESSIONAL", joined: "2026-11-09" },
      { person: "Tor", role: "FAMILY", joined: "2026-10-12" },
    ],
  },
  {
    family: "nilsen",
    kind: "BTI",
    task: { concern: { by: "skole-kontaktlaerer-4", noticed: "2026-03-02T10:00", text: "Emma har hatt høyt fravær de siste to månedene og virker sliten i timene." } },
    title: "BTI nivå 2 – fravær i videregående",
    btiLevel: 2,
    openedAt: "2026-03-02",
    subjects: ["Emma"],
    members: [
      // The Vg1 contact teacher held the baton until the ungdomslos accepted it.
      { actor: "skole-kontaktlaerer-4", role: "STAFETTHOLDER", joined: "2026-03-02", left: "2026-09-08" },
      { actor: "skole-ungdomslos-1", role: "STAFETTHOLDER", joined: "2026-09-08" },
      { actor: "skole-kontaktlaerer-2", role: "PROFESSIONAL", joined: "2026-08-24" },
      { actor: "helse-helsesykepleier-1", role: "PROFESSIONAL", joined: "2026-03-02" },
      { actor: "skole-ot-1", role: "PROFESSIONAL", joined: "2026-09-15" },
      { person: "Emma", role: "FAMILY", joined: "2026-03-02" },
      { person: "Anne", role: "FAMILY", joined: "2026-03-02" },
      { person: "Trond", role: "FAMILY", joined: "2026-03-02" },
    ],
  },
  {
    family: "sandvik",
    kind: "BTI",
    task: { concern: { by: "skole-kontaktlaerer-5", noticed: "2025-02-03T08:00", text: "Lars holder seg mye for seg selv i friminuttene og virker lei seg." } },
    title: "BTI nivå 1 – trivsel på skolen",
    btiLevel: 1,
    openedAt: "2025-02-03",
    closedAt: "2025-06-20",
    subjects: ["Lars"],
    members: [
      { actor: "skole-kontaktlaerer-5", role: "STAFETTHOLDER", joined: "2025-02-03", left: "2025-06-20" },
      { person: "Per", role: "FAMILY", joined: "2025-02-03", left: "2025-06-20" },
      { person: "Kari", role: "FAMILY", joined: "2025-02-03", left: "2025-06-20" },
    ],
  },
  {
    family: "berg",
    kind: "INVESTERINGSTEAM",
    task: { referral: { kind: "DECISION", reference: "Vedtak om deltakelse i Velferdslab Fjordvik, sak 2026/0033" } },
    title: "Velferdslab – investeringsteam og familieplan",
    btiLevel: 3,
    openedAt: "2026-01-19",
    subjects: ["Geir", "Line", "Ida", "Mats"],
    members: [
      { actor: "samhandling-investeringsleder-1", role: "COORDINATOR", joined: "2026-01-19" },
      { actor: "nav-veileder-3", role: "PROFESSIONAL", joined: "2026-01-19" },
      { actor: "barnevern-saksbehandler-2", role: "PROFESSIONAL", joined: "2026-01-19" },
      { actor: "skole-ppt-1", role: "PROFESSIONAL", joined: "2026-01-19" },
      // PPT's own rådgiver, for the new assessment before lower secondary (issue 23: PPT is a service of its own).
      { actor: "ppt-radgiver-1", role: "PROFESSIONAL", joined: "2026-10-05" },
      { actor: "skole-kontaktlaerer-3", role: "PROFESSIONAL", joined: "2026-08-24" },
      { actor: "helse-rus-1", role: "PROFESSIONAL", joined: "2026-01-19" },
      { actor: "helse-psykisk-1", role: "PROFESSIONAL", joined: "2026-02-16" },
      { actor: "frivillighet-trener-1", role: "TRUSTED_PERSON", joined: "2026-04-20" },
      { person: "Geir", role: "FAMILY", joined: "2026-01-19" },
      { person: "Line", role: "FAMILY", joined: "2026-01-19" },
      { person: "Ida", role: "FAMILY", joined: "2026-01-19" },
      { person: "Mats", role: "FAMILY", joined: "2026-01-19" },
    ],
  },
  {
    family: "moe",
    kind: "ANSVARSGRUPPE",
    task: { referral: { kind: "REFERRAL", reference: "Henvisning fra barneverntjenesten (ettervern), sak 2016/0188" } },
    title: "Overgang fra ettervern til voksenlivet",
    btiLevel: null,
    openedAt: "2026-05-04",
    subjects: ["Sander"],
    members: [
      { actor: "nav-ungdom-1", role: "COORDINATOR", joined: "2026-05-04" },
      { actor: "barnevern-ettervern-1", role: "PROFESSIONAL", joined: "2026-05-04" },
      { actor: "nav-bolig-1", role: "PROFESSIONAL", joined: "2026-05-04" },
      { actor: "nav-okonomi-1", role: "PROFESSIONAL", joined: "2026-08-20" },
      { actor: "skole-ot-1", role: "PROFESSIONAL", joined: "2026-05-04" },
      { actor: "frivillighet-mentor-1", role: "TRUSTED_PERSON", joined: "2026-06-01" },
      { actor: "bolig-boveileder-1", role: "PROFESSIONAL", joined: "2026-06-01" },
      { actor: "ppt-radgiver-1", role: "PROFESSIONAL", joined: "2026-09-14" },
      { person: "Sander", role: "FAMILY", joined: "2026-05-04" },
    ],
  },
];

/** Families with a coordination case in the demo. */
export type DemoCaseKey = "haugland" | "eriksen" | "nilsen" | "sandvik" | "berg" | "moe";

/** The id of the coordination case about a demo family. */
export function demoCaseId(key: DemoCaseKey): string {
  if (!CASES.some((c) => c.family === key)) throw new Error(`no demo case for ${String(key)}`);
  return demoOpaqueId("c", `case/${key}`);
}

/**
 * The id of a member of a demo case: `who` is an employee's actor id
 * ("nav-veileder-1") or a family member's given name ("Sara").
 */
export function demoCaseMemberId(key: DemoCaseKey, who: string): string {
  const c = CASES.find((x) => x.family === key);
  if (!c) throw new Error(`no demo case for ${String(key)}`);
  const found = c.members.filter((m) => ("actor" in m ? m.actor : m.person) === who);
  if (found.length === 0) throw new Error(`no member ${who} in demo case ${key}`);
  return memberId(key, who);
}

function memberId(key: DemoCaseKey | DemoFamilyKey, who: string): string {
  return demoOpaqueId("m", `member/${key}/${who}`);
}

export interface DemoCase {
  key: DemoCaseKey;
  caseId: string;
  kind: CaseKind;
  btiLevel: number | null;
  open: boolean;
  title: string;
  subjectIds: readonly string[];
  /** Employee actor ids of the members still in the case. */
  activeActorIds: readonly string[];
}

export const demoCases: readonly DemoCase[] = Object.freeze(
  CASES.map((c) =>
    Object.freeze({
      key: c.family as DemoCaseKey,
      caseId: demoCaseId(c.family as DemoCaseKey),
      kind: c.kind,
      btiLevel: c.btiLevel,
      open: !c.closedAt,
      title: c.title,
      subjectIds: Object.freeze(c.subjects.map((g) => demoPersonId(c.family, g))),
      activeActorIds: Object.freeze(
        c.members.flatMap((m) => ("actor" in m && !m.left && !c.closedAt ? [m.actor] : [])),
      ),
    }),
  ),
);

export const demoPersons: readonly DemoPerson[] = Object.freeze(
  FAMILIES.flatMap((f) =>
    f.persons.map((x) =>
      Object.freeze({
        familyKey: f.key,
        personId: demoPersonId(f.key, x.given),
        givenName: x.given,
        familyName: x.family,
        birthDate: shiftIsoDay(x.born, DEMO_SHIFT),
        nationalId: demoNationalId(x, DEMO_SHIFT),
        role: x.role,
        preferredLanguage: x.language ?? null,
      }),
    ),
  ),
);

export const demoFamilies: readonly DemoFamily[] = Object.freeze(
  FAMILIES.map((f) =>
    Object.freeze({
      key: f.key,
      familyId: demoFamilyId(f.key),
      name: f.name,
      persons: Object.freeze(demoPersons.filter((x) => x.familyKey === f.key)),
      caseIds: Object.freeze(CASES.filter((c) => c.family === f.key).map((c) => demoCaseId(c.family as DemoCaseKey))),
    }),
  ),
);

/** A demo person by family and given name, with national id and birth date. */
export function demoPerson(key: DemoFamilyKey, givenName: string): DemoPerson {
  const x = demoPersons.find((d) => d.familyKey === key && d.givenName === givenName);
  if (!x) throw new Error(`no demo person ${givenName} in family ${key}`);
  return x;
}

// ---------------------------------------------------------------------------
// Consents (samhandling): who consented to what, and who refused
// ---------------------------------------------------------------------------

/** Services whose data a consent can cover (FAMILY has none of its own). */
type ConsentService = Exclude<ServiceName, "FAMILY">;

interface ConsentSpec {
  /** Stable key within the case, for the id (`demoConsentId`). */
  label: string;
  family: DemoCaseKey;
  /** Given names within the family. */
  subject: string;
  givenBy: string;
  capacity: ConsentCapacity;
  decision: ConsentDecision;
  services: ConsentService[];
  categories: DataCategory[];
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (UTC). */
  validFrom: string;
  validTo?: string;
  /** `by`: an employee's actor id, or a family member's given name (a citizen withdrawing it themselves). */
  withdrawn?: { at: string; by: string };
  childView?: string;
  note?: string;
  /** An employee's actor id, or a family member's given name (a citizen giving it themselves, digitally). */
  recordedBy: string;
  /**
   * Recorded by an employee from a signed paper form: the form's reference and the second member of the
   * case who attested it. Without one, a consent an employee recorded counts for nothing.
   */
  form?: { reference: string; attestedBy: string };
}

const ALL_CATEGORIES_BUT_IDENTITY: DataCategory[] = ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG"];
const EVERY_CATEGORY: DataCategory[] = ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG", "IDENTITY"];
const BERG_SERVICES: ConsentService[] = ["NAV", "BARNEVERN", "SKOLE", "HELSE", "FRIVILLIGHET", "SAMHANDLING", "PPT", "BOLIG"];
const HAUGLAND_NO_BARNEVERN =
  "Barnevernet kan være med i møtene, men det de skriver om oss skal ikke deles med de andre. Det vi tar opp med barnevernet, tar vi i møtet.";

const CONSENTS: ConsentSpec[] = [
  // Haugland: partial consent. School and NAV yes, and the housing office about Sara (the application is hers); barnevern only in
  // the meetings, so no standing consent for BARNEVERN: recorded refusals, with
  // Sara's reason as she said it.
  {
    label: "sara", family: "haugland", subject: "Sara", givenBy: "Sara", capacity: "SELF", decision: "PERMIT",
    services: ["NAV", "SKOLE", "BOLIG"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-02-10T09:30",
    note: "Skolen og boligkontoret kan få vite det de trenger for å hjelpe oss med flyttingen.", recordedBy: "nav-veileder-1", form: { reference: "Samtykkeskjema, Familieplan Haugland, NAV arkiv 26/0217-3", attestedBy: "helse-helsesykepleier-2" },
  },
  {
    label: "jonas", family: "haugland", subject: "Jonas", givenBy: "Sara", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["NAV", "SKOLE"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-02-10T09:30",
    childView: "Det er greit at læreren vet at vi skal flytte. Jeg vil ikke at hele klassen skal vite det.", recordedBy: "nav-veileder-1", form: { reference: "Samtykkeskjema, Familieplan Haugland, NAV arkiv 26/0217-4", attestedBy: "helse-helsesykepleier-2" },
  },
  {
    label: "ella", family: "haugland", subject: "Ella", givenBy: "Sara", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["NAV", "SKOLE"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-02-10T09:30",
    childView: "Jeg vil at læreren skal vite det, så hun kan hjelpe meg.", recordedBy: "nav-veileder-1", form: { reference: "Samtykkeskjema, Familieplan Haugland, NAV arkiv 26/0217-5", attestedBy: "helse-helsesykepleier-2" },
  },
  {
    label: "noah", family: "haugland", subject: "Noah", givenBy: "Sara", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["NAV", "SKOLE"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-02-10T09:30",
    recordedBy: "nav-veileder-1", form: { reference: "Samtykkeskjema, Familieplan Haugland, NAV arkiv 26/0217-6", attestedBy: "helse-helsesykepleier-2" },
  },
  {
    label: "sara-barnevern", family: "haugland", subject: "Sara", givenBy: "Sara", capacity: "SELF", decision: "DENY",
    services: ["BARNEVERN"], categories: EVERY_CATEGORY, validFrom: "2026-02-10T09:30",
    note: HAUGLAND_NO_BARNEVERN, recordedBy: "nav-veileder-1",
  },
  {
    label: "jonas-barnevern", family: "haugland", subject: "Jonas", givenBy: "Sara", capacity: "GUARDIAN", decision: "DENY",
    services: ["BARNEVERN"], categories: EVERY_CATEGORY, validFrom: "2026-02-10T09:30",
    childView: "Jeg vil ikke at alle skal vite at jeg har støttekontakt.", note: HAUGLAND_NO_BARNEVERN, recordedBy: "nav-veileder-1",
  },
  {
    label: "ella-barnevern", family: "haugland", subject: "Ella", givenBy: "Sara", capacity: "GUARDIAN", decision: "DENY",
    services: ["BARNEVERN"], categories: EVERY_CATEGORY, validFrom: "2026-02-10T09:30",
    childView: "Jeg vet ikke. Mamma bestemmer.", note: HAUGLAND_NO_BARNEVERN, recordedBy: "nav-veileder-1",
  },
  // Expired: for the fritidskort application of the spring season only.
  {
    label: "jonas-fritidskort", family: "haugland", subject: "Jonas", givenBy: "Sara", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["FRIVILLIGHET"], categories: ["INVOLVEMENT"], validFrom: "2026-03-05T13:00", validTo: "2026-08-31",
    childView: "Jeg vil spille fotball.", note: "Gjelder søknaden om fritidskort for forrige sesong.", recordedBy: "frivillighet-koordinator-1", form: { reference: "Søknad om fritidskort med samtykke, Frivilligsentralen 2026-031", attestedBy: "nav-veileder-1" },
  },

  // Eriksen: Tor decides for himself, for the return from prison.
  {
    label: "tor", family: "eriksen", subject: "Tor", givenBy: "Tor", capacity: "SELF", decision: "PERMIT",
    services: ["NAV", "HELSE", "FRIVILLIGHET", "SAMHANDLING", "BOLIG"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-10-12T10:00",
    note: "Kriminalomsorgen og NAV kan snakke sammen om bolig og oppfølging fra løslatelsen.", recordedBy: "nav-veileder-2", form: { reference: "Samtykkeskjema, tilbakeføring, NAV arkiv 26/1104-2", attestedBy: "kriminalomsorg-koordinator-1" },
  },

  // Nilsen: Emma is 17. Her parents consent for school, NAV and the voluntary
  // sector, with her own view recorded; from 16 she alone decides about health
  // data. Her first health consent also let the nurse write in the
  // stafettlogg; she withdrew it herself and gave a narrower one.
  {
    label: "anne", family: "nilsen", subject: "Emma", givenBy: "Anne", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["SKOLE", "NAV", "FRIVILLIGHET"], categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-03-02T12:00",
    childView: "Skolen, OT og NAV kan snakke sammen om meg, men jeg vil være med når de bestemmer noe.", recordedBy: "skole-kontaktlaerer-4", form: { reference: "Samtykkeskjema BTI, Fjordvik videregående skole, arkiv 26/0301-1", attestedBy: "helse-helsesykepleier-1" },
  },
  {
    label: "trond", family: "nilsen", subject: "Emma", givenBy: "Trond", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["SKOLE", "NAV", "FRIVILLIGHET"], categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-03-02T12:00",
    childView: "Skolen, OT og NAV kan snakke sammen om meg, men jeg vil være med når de bestemmer noe.", recordedBy: "skole-kontaktlaerer-4", form: { reference: "Samtykkeskjema BTI, Fjordvik videregående skole, arkiv 26/0301-2", attestedBy: "helse-helsesykepleier-1" },
  },
  {
    label: "emma-helse-2026-03", family: "nilsen", subject: "Emma", givenBy: "Emma", capacity: "SELF", decision: "PERMIT",
    services: ["HELSE"], categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-03-02T12:00",
    withdrawn: { at: "2026-09-10T14:20", by: "Emma" }, recordedBy: "skole-kontaktlaerer-4", form: { reference: "Samtykkeskjema BTI, Fjordvik videregående skole, arkiv 26/0301-3", attestedBy: "helse-helsesykepleier-1" },
  },
  {
    label: "emma-helse", family: "nilsen", subject: "Emma", givenBy: "Emma", capacity: "SELF", decision: "PERMIT",
    services: ["HELSE"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-09-10T14:25",
    note: "Helsesykepleieren kan si at jeg går til samtaler hos henne, men ikke skrive i stafettloggen.", recordedBy: "Emma",
  },

  // Sandvik: the BTI case is closed; its consent ended with it. The form was never attested (the
  // contact teacher was the only professional in the case), so it never counted.
  {
    label: "lars", family: "sandvik", subject: "Lars", givenBy: "Kari", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["SKOLE"], categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2025-02-03T08:30", validTo: "2025-06-20",
    childView: "Læreren kan snakke med mamma og pappa om hvordan jeg har det på skolen.", recordedBy: "skole-kontaktlaerer-5",
  },

  // Berg (Velferdslab): broad consent to the whole investeringsteam for a year,
  // evaluated with the plan. Ida (17) decides about health data herself.
  {
    label: "geir", family: "berg", subject: "Geir", givenBy: "Geir", capacity: "SELF", decision: "PERMIT",
    services: BERG_SERVICES, categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-01-19T11:00", validTo: "2027-01-19",
    note: "Hele teamet kan se det de trenger. Vi ser på samtykket igjen når planen evalueres.", recordedBy: "samhandling-investeringsleder-1", form: { reference: "Samtykkeskjema Velferdslab, sak 2026/0033-2", attestedBy: "nav-veileder-3" },
  },
  {
    label: "line", family: "berg", subject: "Line", givenBy: "Line", capacity: "SELF", decision: "PERMIT",
    services: BERG_SERVICES, categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-01-19T11:00", validTo: "2027-01-19",
    recordedBy: "Line",
  },
  {
    label: "ida", family: "berg", subject: "Ida", givenBy: "Line", capacity: "GUARDIAN", decision: "PERMIT",
    services: ["NAV", "BARNEVERN", "SKOLE", "FRIVILLIGHET", "SAMHANDLING", "PPT", "BOLIG"], categories: ALL_CATEGORIES_BUT_IDENTITY,
    validFrom: "2026-01-19T11:00", validTo: "2027-01-19",
    childView: "Jeg vil at skolen og teamet skal vite hvordan det er hjemme, så de kan hjelpe pappa.", recordedBy: "samhandling-investeringsleder-1", form: { reference: "Samtykkeskjema Velferdslab, sak 2026/0033-4", attestedBy: "nav-veileder-3" },
  },
  {
    label: "ida-helse", family: "berg", subject: "Ida", givenBy: "Ida", capacity: "SELF", decision: "PERMIT",
    services: ["HELSE"], categories: ["INVOLVEMENT"], validFrom: "2026-01-19T11:00", validTo: "2027-01-19",
    note: "Bare at jeg snakker med helsesykepleier, ikke hva vi snakker om.", recordedBy: "Ida",
  },
  {
    label: "mats", family: "berg", subject: "Mats", givenBy: "Geir", capacity: "GUARDIAN", decision: "PERMIT",
    services: BERG_SERVICES, categories: ALL_CATEGORIES_BUT_IDENTITY, validFrom: "2026-01-19T11:00", validTo: "2027-01-19",
    childView: "Det er greit at læreren og treneren snakker sammen om meg.", recordedBy: "samhandling-investeringsleder-1", form: { reference: "Samtykkeskjema Velferdslab, sak 2026/0033-5", attestedBy: "nav-veileder-3" },
  },

  // Moe: Sander (19) decides for himself.
  {
    label: "sander", family: "moe", subject: "Sander", givenBy: "Sander", capacity: "SELF", decision: "PERMIT",
    services: ["NAV", "BARNEVERN", "SKOLE", "FRIVILLIGHET", "PPT", "BOLIG"], categories: ["INVOLVEMENT", "SERVICE_DATA"], validFrom: "2026-05-04T10:00",
    recordedBy: "nav-ungdom-1", form: { reference: "Samtykkeskjema, ansvarsgruppe, NAV arkiv 26/0402-1", attestedBy: "barnevern-ettervern-1" },
  },
];

// ---------------------------------------------------------------------------
// Barnevern's information requests (barnevernsloven § 13-2)
// ---------------------------------------------------------------------------

/**
 * An investigation (undersøkelse) about Jonas Haugland: barnevern asked the
 * school and the health services, for 30 days. It is open on the demo's today,
 * so the demo shows a release under it, the auditors' review list, and that
 * Sara (his guardian) sees those releases only once it has closed.
 */
const INFORMATION_REQUESTS: { family: DemoFamilyKey; key: string; child: string; services: ("NAV" | "SKOLE" | "HELSE" | "FRIVILLIGHET")[]; reference: string; from: string; members: string[] }[] = [
  {
    family: "haugland", key: "jonas", child: "Jonas", services: ["SKOLE", "HELSE"], reference: "Barneverntjenesten i Fjordvik, undersøkelse 2026/0871",
    from: "2026-11-18T09:00", members: ["barnevern-saksbehandler-1", "barnevern-saksbehandler-2"],
  },
];

/** The id of a demo information request, by family (e.g. "haugland": the investigation about Jonas). */
export function demoInformationRequestId(key: DemoFamilyKey): string {
  if (!INFORMATION_REQUESTS.some((r) => r.family === key)) throw new Error(`no demo information request in family ${key}`);
  return demoOpaqueId("ir", `information-request/${key}`);
}

/** The id of a demo consent, by case and label (e.g. ("haugland", "sara-barnevern"), ("nilsen", "emma-helse")). */
export function demoConsentId(key: DemoCaseKey, label: string): string {
  if (!CONSENTS.some((c) => c.family === key && c.label === label)) throw new Error(`no demo consent ${label} in case ${key}`);
  return demoOpaqueId("cn", `consent/${key}/${label}`);
}

/** A moment from "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM" (UTC). */
function moment(iso: string): Date {
  if (iso.length === 10) return day(iso);
  const d = new Date(`${iso}:00.000Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad moment ${iso}`);
  return d;
}

/** An employee's actor id as is; a family member's given name as their person id. */
function actorOrPerson(key: DemoFamilyKey, who: string): string {
  return demoStaff[who] ? who : demoPersonId(key, who);
}

// ---------------------------------------------------------------------------
// What each service knows
// ---------------------------------------------------------------------------

type NavFollowUpSpec = [family: DemoFamilyKey, given: string, actor: string, since: string];
const NAV_FOLLOW_UPS: NavFollowUpSpec[] = [
  ["haugland", "Sara", "nav-veileder-1", "2025-09-01"],
  ["eriksen", "Tor", "nav-veileder-2", "2026-09-15"],
  ["rahimi", "Ahmad", "nav-flyktning-1", "2024-11-04"],
  ["rahimi", "Mariam", "nav-flyktning-1", "2024-11-04"],
  ["sandvik", "Per", "nav-okonomi-1", "2026-06-10"],
  ["sandvik", "Kari", "nav-okonomi-1", "2026-06-10"],
  ["berg", "Geir", "nav-veileder-3", "2025-10-01"],
  ["moe", "Sander", "nav-ungdom-1", "2025-06-02"],
  ["baer", "Ole Henrik", "nav-veileder-2", "2019-04-01"],
];

type NavMeasureSpec = [DemoFamilyKey, string, NavMeasureKind, MeasureStatus, string, string | null, string];
const NAV_MEASURES: NavMeasureSpec[] = [
  ["haugland", "Sara", "SOCIAL_ASSISTANCE", "ACTIVE", "2025-09-01", null, "Supplerende økonomisk sosialhjelp til livsopphold"],
  ["haugland", "Sara", "FAMILY_COORDINATOR", "ACTIVE", "2026-02-10", null, "Helhetlig oppfølging av familien med familiekoordinator; familieplan med kort- og langsiktige mål"],
  ["haugland", "Sara", "HOUSING_FOLLOW_UP", "ACTIVE", "2026-04-15", null, "Søknad om kommunal utleiebolig (4 rom) registrert; behandles i tildelingsmøtet 2026-12-10"],
  ["eriksen", "Tor", "RELEASE_FOLLOW_UP", "ACTIVE", "2026-10-12", null, "Tilbakeføring etter soning sammen med Kriminalomsorgen; løslatelse 2026-12-14"],
  ["eriksen", "Tor", "TEMPORARY_HOUSING", "PLANNED", "2026-12-14", "2027-03-14", "Midlertidig botilbud fra løslatelsesdagen til varig bolig er på plass"],
  ["eriksen", "Tor", "SOCIAL_ASSISTANCE", "PLANNED", "2026-12-14", null, "Økonomisk sosialhjelp fra løslatelse; søknad forhåndsvurdert"],
  ["rahimi", "Ahmad", "INTRODUCTION_PROGRAMME", "ACTIVE", "2024-11-04", "2027-01-22", "Introduksjonsprogrammet (Flyktningtjenesten): norsk, samfunnskunnskap og arbeidspraksis"],
  ["rahimi", "Ahmad", "KVP", "PLANNED", "2027-01-25", null, "Søknad om kvalifiseringsprogrammet etter introduksjonsprogrammet; under behandling"],
  ["rahimi", "Mariam", "INTRODUCTION_PROGRAMME", "ACTIVE", "2024-11-04", "2027-01-22", "Introduksjonsprogrammet (Flyktningtjenesten): norsk og samfunnskunnskap"],
  ["sandvik", "Per", "DEBT_ADVICE", "ACTIVE", "2026-06-10", null, "Økonomisk rådgivning: budsjett, utleggstrekk i lønn; søknad om gjeldsordning sendt namsmannen 2026-10-05, under behandling"],
  ["sandvik", "Per", "HOUSING_FOLLOW_UP", "ACTIVE", "2026-10-28", "2027-01-15", "Varsel om tvangsfravikelse, frist 2027-01-15; dialog med utleier om nedbetalingsplan for husleierestanse"],
  ["sandvik", "Kari", "DEBT_ADVICE", "ACTIVE", "2026-06-10", null, "Økonomisk rådgivning sammen med ektefelle; felles budsjett"],
  ["berg", "Geir", "SOCIAL_ASSISTANCE", "ACTIVE", "2025-10-01", null, "Økonomisk sosialhjelp i behandlingsperioden"],
  ["berg", "Geir", "IPS", "PLANNED", "2027-01-11", null, "Jobbspesialist (IPS) når behandlingen er kommet i gang"],
  ["moe", "Sander", "YOUTH_TEAM", "ACTIVE", "2025-06-02", null, "Oppfølging i ungdomsteamet etter fylte 18"],
  ["moe", "Sander", "HOUSING_FOLLOW_UP", "ACTIVE", "2026-05-04", null, "Boveileder; søknad om kommunal utleiebolig med oppstart 2027-02-01"],
  ["moe", "Sander", "DEBT_ADVICE", "ACTIVE", "2026-08-20", null, "Økonomisk rådgivning: eget budsjett og sparing før egen bolig"],
  ["baer", "Ole Henrik", "SOCIAL_ASSISTANCE", "ACTIVE", "2019-04-01", null, "Økonomisk sosialhjelp, langvarig mottaker"],
  ["baer", "Ole Henrik", "WORK_TRAINING", "ACTIVE", "2026-08-03", "2027-02-01", "Arbeidstrening hos Fjordvik Gartneri tre dager i uka"],
];

type BarnevernCaseSpec = [DemoFamilyKey, string, BarnevernPhase, string, string, string | null];
const BARNEVERN_CASES: BarnevernCaseSpec[] = [
  ["haugland", "Jonas", "MEASURES", "2025-11-03", "barnevern-saksbehandler-1", null],
  ["haugland", "Ella", "MEASURES", "2025-11-03", "barnevern-saksbehandler-1", null],
  ["berg", "Mats", "MEASURES", "2025-09-22", "barnevern-saksbehandler-2", null],
  ["moe", "Sander", "AFTERCARE", "2016-03-14", "barnevern-ettervern-1", "2027-06-30"],
];

type BarnevernMeasureSpec = [DemoFamilyKey, string, BarnevernMeasureKind, MeasureStatus, string, string | null];
const BARNEVERN_MEASURES: BarnevernMeasureSpec[] = [
  ["haugland", "Jonas", "SUPPORT_CONTACT", "ACTIVE", "2026-01-12", null],
  ["haugland", "Ella", "PARENTAL_GUIDANCE", "ACTIVE", "2026-01-12", "2026-12-31"],
  ["berg", "Mats", "PARENTAL_GUIDANCE", "ENDED", "2025-10-15", "2026-06-30"],
  ["berg", "Mats", "RELIEF_MEASURE", "ACTIVE", "2026-02-01", null],
  ["moe", "Sander", "FOSTER_CARE", "ENDED", "2016-05-01", "2025-06-02"],
  ["moe", "Sander", "AFTERCARE_HOUSING", "ACTIVE", "2025-06-02", "2027-06-30"],
  ["moe", "Sander", "AFTERCARE_FINANCIAL", "ACTIVE", "2025-06-02", "2027-06-30"],
  ["moe", "Sander", "AFTERCARE_FOLLOW_UP", "ACTIVE", "2025-06-02", "2027-06-30"],
];

/** [family, given, institution, level, grade (trinn 1–13, Vg1 = 11), teacher name, teacher phone, since, until] */
type EnrolmentSpec = [DemoFamilyKey, string, string, SchoolLevel, number | null, string | null, string | null, string, string | null];
const T = (actorId: string): [string, string] => [staff(actorId).displayName, staff(actorId).phone];
const ENROLMENTS: EnrolmentSpec[] = [
  ["haugland", "Jonas", "Fjordvik barneskole", "PRIMARY", 7, "Gunn Reitan", "+47 400 02 201", "2019-08-19", "2026-06-19"],
  ["haugland", "Jonas", "Fjordvik ungdomsskole", "LOWER_SECONDARY", 8, ...T("skole-kontaktlaerer-1"), "2026-08-17", null],
  ["haugland", "Ella", "Fjordvik barneskole", "PRIMARY", 4, "Hege Myklebust", "+47 400 02 202", "2023-08-21", null],
  ["haugland", "Noah", "Solsikken barnehage", "KINDERGARTEN", null, "Petter Kolstad", "+47 400 02 301", "2022-08-15", null],
  ["rahimi", "Ahmad", "Fjordvik voksenopplæring", "ADULT_EDUCATION", null, "Randi Kvalheim", "+47 400 02 401", "2024-11-04", null],
  ["rahimi", "Mariam", "Fjordvik voksenopplæring", "ADULT_EDUCATION", null, "Randi Kvalheim", "+47 400 02 401", "2024-11-04", null],
  ["rahimi", "Zahra", "Fjordvik ungdomsskole", "LOWER_SECONDARY", 8, ...T("skole-kontaktlaerer-1"), "2026-08-17", null],
  ["rahimi", "Omid", "Fjordvik barneskole", "PRIMARY", 5, "Gunn Reitan", "+47 400 02 201", "2024-11-11", null],
  ["rahimi", "Sana", "Fjordvik barneskole", "PRIMARY", 1, "Kristine Vold", "+47 400 02 203", "2026-08-17", null],
  ["nilsen", "Emma", "Fjordvik videregående skole", "UPPER_SECONDARY", 11, ...T("skole-kontaktlaerer-4"), "2025-08-18", "2026-06-19"],
  ["nilsen", "Emma", "Fjordvik videregående skole", "UPPER_SECONDARY", 12, ...T("skole-kontaktlaerer-2"), "2026-08-17", null],
  ["sandvik", "Lars", "Fjordvik ungdomsskole", "LOWER_SECONDARY", 10, ...T("skole-kontaktlaerer-5"), "2024-08-19", null],
  ["sandvik", "Sofie", "Fjordvik barneskole", "PRIMARY", 4, "Hege Myklebust", "+47 400 02 202", "2023-08-21", null],
  ["berg", "Ida", "Fjordvik videregående skole", "UPPER_SECONDARY", 12, ...T("skole-kontaktlaerer-2"), "2025-08-18", null],
  ["berg", "Mats", "Fjordvik barneskole", "PRIMARY", 6, ...T("skole-kontaktlaerer-3"), "2021-08-16", null],
];

type SupportSpec = [DemoFamilyKey, string, SchoolSupportKind, MeasureStatus, string, string];
const SCHOOL_SUPPORT: SupportSpec[] = [
  ["haugland", "Jonas", "ADAPTED_EDUCATION", "ACTIVE", "2026-09-01", "Tilpasset opplæring: leksehjelp og fast samtale med kontaktlærer hver uke"],
  ["rahimi", "Zahra", "LANGUAGE_SUPPORT", "ACTIVE", "2024-11-11", "Særskilt norskopplæring og tospråklig fagopplæring (dari)"],
  ["rahimi", "Omid", "LANGUAGE_SUPPORT", "ACTIVE", "2024-11-11", "Særskilt norskopplæring"],
  ["rahimi", "Sana", "LANGUAGE_SUPPORT", "ACTIVE", "2026-08-17", "Særskilt norskopplæring fra skolestart"],
  ["rahimi", "Yusuf", "KINDERGARTEN_QUEUE", "ACTIVE", "2026-09-01", "Søkt barnehageplass; på venteliste til opptaket 2027-01-15"],
  ["nilsen", "Emma", "OT_FOLLOW_UP", "ACTIVE", "2026-09-15", "Oppfølgingstjenesten følger opp for å hindre avbrudd i Vg2"],
  ["nilsen", "Emma", "ADAPTED_EDUCATION", "ACTIVE", "2026-10-01", "Redusert timeplan i en overgangsperiode og ukentlig samtale med ungdomslos"],
  ["berg", "Mats", "PPT_REFERRAL", "ENDED", "2025-11-10", "Henvist til PPT for sakkyndig vurdering; vurdering levert 2026-02-20"],
  ["berg", "Mats", "SPECIAL_EDUCATION", "ACTIVE", "2026-03-02", "Spesialundervisning etter sakkyndig vurdering, fem timer i uka"],
  ["berg", "Mats", "ADAPTED_EDUCATION", "ACTIVE", "2026-03-02", "Tilrettelegging i klasserommet: pauser, fast plass og visuell dagsplan"],
  ["moe", "Sander", "OT_FOLLOW_UP", "ACTIVE", "2026-02-01", "Oppfølgingstjenesten: plan for å fullføre Vg2 som lærling"],
];

/** Monthly absence in percent. Emma's trend is the one coordinators look at. */
const ATTENDANCE: [DemoFamilyKey, string, [string, number][]][] = [
  ["nilsen", "Emma", [
    ["2025-08", 3.5], ["2025-09", 5], ["2025-10", 7.5], ["2025-11", 9], ["2025-12", 11],
    ["2026-01", 14.5], ["2026-02", 17], ["2026-03", 19.5], ["2026-04", 18], ["2026-05", 21.5], ["2026-06", 24],
    ["2026-08", 16], ["2026-09", 23.5], ["2026-10", 28], ["2026-11", 26.5],
  ]],
  ["haugland", "Jonas", [["2026-08", 3], ["2026-09", 4.5], ["2026-10", 6.5], ["2026-11", 5]]],
  ["haugland", "Ella", [["2026-08", 2], ["2026-09", 1.5], ["2026-10", 3], ["2026-11", 2.5]]],
  ["rahimi", "Zahra", [["2026-08", 2.5], ["2026-09", 3], ["2026-10", 2], ["2026-11", 4]]],
  ["rahimi", "Omid", [["2026-08", 1], ["2026-09", 2.5], ["2026-10", 3.5], ["2026-11", 1.5]]],
  ["rahimi", "Sana", [["2026-08", 0], ["2026-09", 4], ["2026-10", 2.5], ["2026-11", 3]]],
  ["sandvik", "Lars", [["2026-08", 5], ["2026-09", 7.5], ["2026-10", 9], ["2026-11", 12]]],
  ["sandvik", "Sofie", [["2026-08", 1], ["2026-09", 2.5], ["2026-10", 3.5], ["2026-11", 2]]],
  ["berg", "Ida", [["2026-08", 6], ["2026-09", 9.5], ["2026-10", 11], ["2026-11", 10.5]]],
  ["berg", "Mats", [["2026-08", 4], ["2026-09", 5.5], ["2026-10", 7], ["2026-11", 6]]],
];

/** [family, given, kind, follow-up, unit, contact name, contact phone, since, until]; never a diagnosis. */
type HealthSpec = [DemoFamilyKey, string, HealthServiceKind, FollowUpType, string, string | null, string | null, string, string | null];
const H = (actorId: string): [string, string, string] => [staff(actorId).unit, staff(actorId).displayName, staff(actorId).phone];
const FASTLEGE = (doctor: string, phone: string): [string, string, string] => ["Fjordvik legesenter", doctor, phone];
const HEALTH: HealthSpec[] = [
  ["haugland", "Sara", "FASTLEGE", "ROUTINE", ...FASTLEGE("Camilla Hovland", "+47 400 04 201"), "2015-06-01", null],
  ["haugland", "Noah", "HELSESTASJON", "ROUTINE", ...H("helse-helsesykepleier-2"), "2021-02-08", null],
  ["haugland", "Ella", "SCHOOL_HEALTH", "ROUTINE", "Skolehelsetjenesten, Fjordvik barneskole", "Kjersti Ness", "+47 400 04 103", "2023-08-21", null],
  ["haugland", "Jonas", "SCHOOL_HEALTH", "CONSULTATIONS", "Skolehelsetjenesten, Fjordvik ungdomsskole", "Kjersti Ness", "+47 400 04 103", "2026-09-14", null],
  ["eriksen", "Tor", "SUBSTANCE_SERVICE", "TREATMENT", ...H("helse-rus-1"), "2026-10-26", null],
  ["eriksen", "Tor", "FASTLEGE", "ROUTINE", ...FASTLEGE("Jens Aarnes", "+47 400 04 202"), "2026-11-02", null],
  ["rahimi", "Ahmad", "FASTLEGE", "ROUTINE", ...FASTLEGE("Camilla Hovland", "+47 400 04 201"), "2024-11-18", null],
  ["rahimi", "Mariam", "FASTLEGE", "ROUTINE", ...FASTLEGE("Camilla Hovland", "+47 400 04 201"), "2024-11-18", null],
  ["rahimi", "Yusuf", "HELSESTASJON", "ROUTINE", ...H("helse-helsesykepleier-2"), "2024-11-18", null],
  ["rahimi", "Zahra", "SCHOOL_HEALTH", "ROUTINE", "Skolehelsetjenesten, Fjordvik ungdomsskole", "Kjersti Ness", "+47 400 04 103", "2024-11-11", null],
  ["nilsen", "Emma", "SCHOOL_HEALTH", "CONSULTATIONS", ...H("helse-helsesykepleier-1"), "2026-02-16", null],
  ["nilsen", "Emma", "FASTLEGE", "ROUTINE", ...FASTLEGE("Jens Aarnes", "+47 400 04 202"), "2009-05-01", null],
  ["sandvik", "Per", "FASTLEGE", "ROUTINE", ...FASTLEGE("Jens Aarnes", "+47 400 04 202"), "2012-03-01", null],
  ["sandvik", "Kari", "FASTLEGE", "CONSULTATIONS", ...FASTLEGE("Jens Aarnes", "+47 400 04 202"), "2012-03-01", null],
  ["berg", "Geir", "SUBSTANCE_SERVICE", "TREATMENT", ...H("helse-rus-1"), "2025-10-06", null],
  ["berg", "Geir", "DPS", "CONSULTATIONS", "Fjordvik DPS, poliklinikk", null, "+47 400 04 301", "2026-02-02", null],
  ["berg", "Geir", "MUNICIPAL_MENTAL_HEALTH", "CONSULTATIONS", ...H("helse-psykisk-1"), "2026-02-16", null],
  ["berg", "Geir", "FASTLEGE", "ROUTINE", ...FASTLEGE("Camilla Hovland", "+47 400 04 201"), "2008-01-01", null],
  ["berg", "Mats", "BUP", "CONSULTATIONS", "BUP Fjordvik", null, "+47 400 04 302", "2025-12-01", null],
  ["berg", "Ida", "SCHOOL_HEALTH", "CONSULTATIONS", ...H("helse-helsesykepleier-1"), "2026-03-09", null],
  ["moe", "Sander", "FASTLEGE", "ROUTINE", ...FASTLEGE("Jens Aarnes", "+47 400 04 202"), "2016-04-01", null],
  ["baer", "Ole Henrik", "FASTLEGE", "CONSULTATIONS", ...FASTLEGE("Camilla Hovland", "+47 400 04 201"), "2004-09-01", null],
  ["baer", "Ole Henrik", "FRISKLIVSSENTRAL", "CONSULTATIONS", "Frisklivssentralen Fjordvik", "Aslak Somby", "+47 400 04 401", "2026-09-07", "2026-12-18"],
];

/** [family, given, kind, organisation, title, contact name, contact phone, since, until] */
type VoluntarySpec = [DemoFamilyKey, string, VoluntaryKind, string, string, string | null, string | null, string, string | null];
const V = (actorId: string): [string, string] => [staff(actorId).displayName, staff(actorId).phone];
const VOLUNTARY: VoluntarySpec[] = [
  ["haugland", "Jonas", "FRITIDSKORT", "Fjordvik Frivilligsentral", "Fritidskort – fotball i Fjordvik IL", ...V("frivillighet-koordinator-1"), "2026-01-15", null],
  ["haugland", "Ella", "FRITIDSKORT", "Fjordvik Frivilligsentral", "Fritidskort – skolekorps", ...V("frivillighet-koordinator-1"), "2026-01-15", null],
  ["eriksen", "Tor", "PEER_WORKER", "Kirkens Bymisjon Fjordvik", "Erfaringskonsulent før og etter løslatelse", ...V("frivillighet-likeperson-1"), "2026-11-09", null],
  ["rahimi", "Mariam", "LANGUAGE_MENTOR", "Fjordvik Røde Kors", "Språkvenn – norsktrening en gang i uka", "Eva Lindgren", "+47 400 05 201", "2025-02-03", null],
  ["rahimi", "Ahmad", "LANGUAGE_MENTOR", "Fjordvik Røde Kors", "Norsktrening på biblioteket", "Eva Lindgren", "+47 400 05 201", "2025-09-01", null],
  ["rahimi", "Zahra", "ACTIVITY", "Fjordvik Røde Kors", "Leksehjelp", null, null, "2025-01-13", null],
  ["rahimi", "Omid", "FRITIDSKORT", "Fjordvik Frivilligsentral", "Fritidskort – svømming", ...V("frivillighet-koordinator-1"), "2025-03-01", null],
  ["sandvik", "Lars", "FRITIDSKORT", "Fjordvik Frivilligsentral", "Fritidskort – håndball", ...V("frivillighet-koordinator-1"), "2026-02-01", null],
  ["sandvik", "Sofie", "FRITIDSKORT", "Fjordvik Frivilligsentral", "Fritidskort – turn", ...V("frivillighet-koordinator-1"), "2026-02-01", null],
  ["berg", "Mats", "ACTIVITY", "Fjordvik IL", "Fotball, G12", ...V("frivillighet-trener-1"), "2024-04-15", null],
  ["moe", "Sander", "MENTOR", "Kirkens Bymisjon Fjordvik", "Mentor for unge voksne", ...V("frivillighet-mentor-1"), "2026-06-01", null],
  ["baer", "Ole Henrik", "ACTIVITY", "Fjordvik Frivilligsentral", "Turgruppe tirsdager", ...V("frivillighet-koordinator-1"), "2026-09-08", null],
];

// ---------------------------------------------------------------------------
// The world
// ---------------------------------------------------------------------------

const opt = (iso: string | null | undefined): Date | null => (iso ? day(iso) : null);

// ---------------------------------------------------------------------------
// Coordination work in the demo cases: level decisions, the baton, the
// stafettlogg, meetings, the plan and its follow-ups. Dates are around
// DEMO_TODAY, so some follow-ups are overdue and a meeting is upcoming.
// ---------------------------------------------------------------------------

/** The member holding the baton: the active stafettholder or coordinator. */
function holderOf(c: CaseSpec): string | null {
  const holder = c.members.find((m) => "actor" in m && !m.left && (m.role === "STAFETTHOLDER" || m.role === "COORDINATOR"));
  return holder && "actor" in holder ? memberId(c.family, holder.actor) : null;
}

const LEVEL_CHANGES: { family: DemoCaseKey; from: number | null; to: number; at: string; by: string; reason: string }[] = [
  { family: "nilsen", from: 0, to: 1, at: "2026-03-09", by: "skole-kontaktlaerer-4", reason: "Bekymringen er reell: fravær over 15 % siste to måneder. Tiltak i skolen først." },
  { family: "nilsen", from: 1, to: 2, at: "2026-06-02", by: "skole-kontaktlaerer-4", reason: "Fraværet øker; helsesykepleier trekkes inn med samtykke." },
  { family: "sandvik", from: 0, to: 1, at: "2025-02-10", by: "skole-kontaktlaerer-5", reason: "Trivselssamtaler og tett oppfølging i klassen." },
];

const STAFETTLOGG: { family: DemoCaseKey; key: string; kind: "CONCERN" | "DECISION" | "MEASURE" | "EVALUATION" | "NOTE"; at: string; by: string; text: string; responsible?: string; evaluate?: string; corrects?: string }[] = [
  { family: "nilsen", key: "concern", kind: "CONCERN", at: "2026-03-02T10:00", by: "skole-kontaktlaerer-4", text: "Emma har hatt høyt fravær de siste to månedene og virker sliten i timene." },
  { family: "nilsen", key: "samtale", kind: "MEASURE", at: "2026-03-16T09:00", by: "skole-kontaktlaerer-4", text: "Ukentlige samtaler med kontaktlærer.", responsible: "skole-kontaktlaerer-4", evaluate: "2026-05-04" },
  { family: "nilsen", key: "helse", kind: "MEASURE", at: "2026-06-10T13:00", by: "helse-helsesykepleier-1", text: "Samtaler hos helsesykepleier annenhver uke.", responsible: "helse-helsesykepleier-1", evaluate: "2026-09-01" },
  { family: "nilsen", key: "eval", kind: "EVALUATION", at: "2026-09-01T14:00", by: "helse-helsesykepleier-1", text: "Emma sier samtalene hjelper; fraværet er noe lavere." },
  { family: "nilsen", key: "los", kind: "DECISION", at: "2026-09-08T12:00", by: "skole-ungdomslos-1", text: "Ungdomslosen overtar stafettpinnen etter Emmas ønske.", responsible: "skole-ungdomslos-1", evaluate: "2026-11-16" },
  { family: "nilsen", key: "los-fix", kind: "NOTE", at: "2026-09-09T08:00", by: "skole-ungdomslos-1", text: "Rettelse: neste evaluering er 2026-11-16, ikke 2026-11-02.", corrects: "los" },
];

const GOALS: { family: DemoCaseKey; key: string; text: string; term: "SHORT" | "LONG"; priority: number; status?: "OPEN" | "ACHIEVED" }[] = [
  { family: "haugland", key: "bolig", text: "Vi skal ha et trygt og varig sted å bo", term: "LONG", priority: 1 },
  { family: "haugland", key: "skole", text: "Jonas trives og går på skolen hver dag", term: "SHORT", priority: 2 },
  { family: "berg", key: "hverdag", text: "En forutsigbar hverdag for Ida og Mats", term: "LONG", priority: 1 },
  { family: "berg", key: "jobb", text: "Geir er i arbeidstrening to dager i uka", term: "SHORT", priority: 2 },
];

const MEETINGS: { family: DemoCaseKey; key: string; title: string; at: string; held?: { participants: string[]; summary: string } }[] = [
  { family: "haugland", key: "okt", title: "Ansvarsgruppemøte – bolig og skolestart", at: "2026-10-20T12:00", held: { participants: ["nav-veileder-1", "skole-kontaktlaerer-1", "nav-bolig-1", "Sara"], summary: "Gjennomgang av boligsøknad og skolestart." } },
  { family: "haugland", key: "des", title: "Ansvarsgruppemøte – neste møte", at: "2026-12-03T12:00" },
  { family: "berg", key: "nov", title: "Investeringsteam – evaluering", at: "2026-11-02T09:00", held: { participants: ["samhandling-investeringsleder-1", "nav-veileder-3", "skole-ppt-1", "helse-psykisk-1", "Geir", "Line"], summary: "Planen evaluert med familien." } },
  { family: "berg", key: "jan", title: "Investeringsteam – neste evaluering", at: "2027-01-11T09:00" },
];

const DECISIONS: { family: DemoCaseKey; meeting: string; key: string; text: string; goal?: string; measure?: { text: string; responsible: string; due: string; status: "PLANNED" | "ACTIVE" | "DONE" } }[] = [
  { family: "haugland", meeting: "okt", key: "bolig", text: "NAV sender søknad om kommunal bolig.", goal: "bolig", measure: { text: "Søknad om kommunal bolig sendt og fulgt opp", responsible: "nav-bolig-1", due: "2026-11-10", status: "ACTIVE" } },
  { family: "haugland", meeting: "okt", key: "skole", text: "Skolen melder fravær ukentlig til Sara.", goal: "skole", measure: { text: "Ukentlig fraværsmelding til Sara", responsible: "skole-kontaktlaerer-1", due: "2026-12-18", status: "ACTIVE" } },
  { family: "berg", meeting: "nov", key: "trening", text: "Avtale om arbeidstrening to dager i uka.", goal: "jobb", measure: { text: "Avtale med arbeidsgiver om arbeidstrening", responsible: "nav-veileder-3", due: "2026-11-16", status: "PLANNED" } },
  { family: "berg", meeting: "nov", key: "ppt", text: "PPT utreder Mats sitt behov for tilrettelegging.", goal: "hverdag", measure: { text: "Sakkyndig vurdering fra PPT", responsible: "skole-ppt-1", due: "2027-01-08", status: "ACTIVE" } },
];

function coordinationWork(world: World): void {
  const w = world.samhandling;
  const caseOf = (key: DemoCaseKey) => demoCaseId(key);
  const serviceOf = (actor: string) => staff(actor).service;
  for (const [i, l] of LEVEL_CHANGES.entries()) {
    w.btiLevelChange.push({
      id: demoOpaqueId("lv", `level/${l.family}/${i}`),
      caseId: caseOf(l.family), fromLevel: l.from, toLevel: l.to, reason: l.reason,
      decidedBy: l.by, decidedByService: serviceOf(l.by), decidedAt: day(l.at),
    });
  }
  // Nilsen: the contact teacher handed the baton to the ungdomslos, as Emma wished.
  w.handover.push({
    id: demoOpaqueId("hd", "handover/nilsen/1"),
    caseId: caseOf("nilsen"),
    fromMemberId: memberId("nilsen", "skole-kontaktlaerer-4"),
    toMemberId: memberId("nilsen", "skole-ungdomslos-1"),
    status: "ACCEPTED",
    familyWish: "Emma ønsker ungdomslosen, som hun kjenner fra ungdomsklubben.",
    proposedAt: moment("2026-09-01T15:00"),
    respondedAt: moment("2026-09-08T11:00"),
    responseNote: null,
  });
  const entryId = (family: string, key: string) => demoOpaqueId("sl", `stafettlogg/${family}/${key}`);
  for (const e of STAFETTLOGG) {
    w.stafettloggEntry.push({
      id: entryId(e.family, e.key),
      caseId: caseOf(e.family), kind: e.kind, text: e.text,
      authorActorId: e.by, authorName: staff(e.by).displayName, authorService: serviceOf(e.by), at: moment(e.at),
      responsibleMemberId: e.responsible ? memberId(e.family, e.responsible) : null,
      evaluationDate: opt(e.evaluate), correctsId: e.corrects ? entryId(e.family, e.corrects) : null,
    });
  }
  const goalId = (family: string, key: string) => demoOpaqueId("gl", `goal/${family}/${key}`);
  for (const g of GOALS) {
    const opened = CASES.find((c) => c.family === g.family)!.openedAt;
    w.goal.push({ id: goalId(g.family, g.key), caseId: caseOf(g.family), text: g.text, term: g.term, familyPriority: g.priority, status: g.status ?? "OPEN", createdAt: day(opened) });
  }
  const meetingId = (family: string, key: string) => demoOpaqueId("mt", `meeting/${family}/${key}`);
  for (const m of MEETINGS) {
    const coordinator = holderOf(CASES.find((c) => c.family === m.family)!);
    w.meeting.push({
      id: meetingId(m.family, m.key), caseId: caseOf(m.family), title: m.title, startsAt: moment(m.at),
      status: m.held ? "HELD" : "PLANNED", summary: m.held?.summary ?? null,
      participantIds: m.held ? m.held.participants.map((who) => memberId(m.family, who)) : [],
      createdBy: coordinator ?? "demo",
    });
  }
  for (const d of DECISIONS) {
    const id = demoOpaqueId("md", `decision/${d.family}/${d.key}`);
    const position = DECISIONS.filter((x) => x.family === d.family && x.meeting === d.meeting).indexOf(d);
    w.meetingDecision.push({ id, meetingId: meetingId(d.family, d.meeting), text: d.text, position });
    if (d.goal) {
      w.goalEvaluation.push({ id: demoOpaqueId("ge", `evaluation/${d.family}/${d.key}`), goalId: goalId(d.family, d.goal), meetingId: meetingId(d.family, d.meeting), status: "OPEN", note: d.text });
    }
    if (d.measure) {
      const meeting = MEETINGS.find((m) => m.family === d.family && m.key === d.meeting)!;
      w.measure.push({
        id: demoOpaqueId("ms", `measure/${d.family}/${d.key}`),
        caseId: caseOf(d.family), goalId: d.goal ? goalId(d.family, d.goal) : null, decisionId: id,
        description: d.measure.text, responsibleMemberId: memberId(d.family, d.measure.responsible), responsibleService: serviceOf(d.measure.responsible),
        dueDate: day(d.measure.due), status: d.measure.status, completedAt: null, createdAt: moment(meeting.at), createdBy: "demo",
      });
    }
  }
}

/**
 * The Fjordvik demo municipality: eight families and what every service knows
 * about them, with every date moved to `today` (default DEMO_TODAY).
 */
export function fjordvik(today: string = DEMO_TODAY): World {
  const shift = demoShift(today);
  const world: World = {
    registry: { person: [], family: [], familyMember: [], guardianship: [] },
    samhandling: emptySamhandling(),
    nav: { navFollowUp: [], navMeasure: [] },
    barnevern: { barnevernCase: [], barnevernMeasure: [] },
    skole: { enrolment: [], schoolSupport: [], attendanceMonth: [] },
    helse: { healthContact: [] },
    frivillighet: { voluntaryActivity: [] },
  };

  // registry: rows as written (shiftWorld moves the birth date below); the national id already encodes the moved one.
  for (const f of FAMILIES) {
    for (const x of f.persons) {
      world.registry.person.push({
        id: demoPersonId(f.key, x.given),
        nationalId: demoNationalId(x, shift),
        givenName: x.given,
        familyName: x.family,
        birthDate: day(x.born),
        preferredLanguage: x.language ?? null,
      });
    }
  }
  for (const f of FAMILIES) {
    const familyId = demoFamilyId(f.key);
    world.registry.family.push({ id: familyId, name: f.name, municipality: DEMO_MUNICIPALITY });
    for (const x of f.persons) {
      if (x.role === "OUTSIDE") continue;
      world.registry.familyMember.push({ familyId, personId: demoPersonId(f.key, x.given), role: x.role });
    }
    for (const [guardian, child, parentalResponsibility] of f.guardians) {
      world.registry.guardianship.push({
        childId: demoPersonId(f.key, child),
        guardianId: demoPersonId(f.key, guardian),
        parentalResponsibility,
      });
    }
  }

  // samhandling: the employee directory first (case members are entries in it)
  const seeded = day(DEMO_WRITTEN_FOR);
  for (const st of STAFF_LIST) {
    world.samhandling.employee.push({
      actorId: st.actorId, displayName: st.displayName, service: st.service, unit: st.unit, roles: ["caseworker"], active: true, source: "SEED", updatedAt: seeded,
    });
  }
  for (const st of demoOfficeStaff) {
    world.samhandling.employee.push({
      actorId: st.actorId, displayName: st.displayName, service: st.service.toUpperCase() as ServiceName, unit: null, roles: [...st.roles], active: true, source: "SEED", updatedAt: seeded,
    });
  }
  for (const r of INFORMATION_REQUESTS) {
    const id = demoInformationRequestId(r.family);
    const from = moment(r.from);
    world.samhandling.informationRequest.push({
      id, childPersonId: demoPersonId(r.family, r.child), services: [...r.services], reference: r.reference,
      validFrom: from, validTo: new Date(from.getTime() + 30 * DAY_MS), requestedBy: r.members[0]!,
    });
    for (const actorId of r.members) world.samhandling.informationRequestMember.push({ requestId: id, actorId });
  }
  for (const c of CASES) {
    const caseId = demoCaseId(c.family as DemoCaseKey);
    world.samhandling.coordinationCase.push({
      id: caseId,
      kind: c.kind,
      title: c.title,
      familyId: demoFamilyId(c.family),
      btiLevel: c.btiLevel,
      status: c.closedAt ? "CLOSED" : "OPEN",
      openedAt: day(c.openedAt),
      closedAt: opt(c.closedAt),
      concernRegisteredAt: c.kind === "BTI" ? ("concern" in c.task ? moment(c.task.concern.noticed) : day(c.openedAt)) : null,
      basis: "concern" in c.task ? "CONCERN" : c.task.referral.kind,
      basisReference: "referral" in c.task ? c.task.referral.reference : null,
      levelDecidedAt: c.kind === "BTI" && (c.btiLevel ?? 0) > 0 ? opt(LEVEL_CHANGES.find((l) => l.family === c.family)?.at ?? c.openedAt) : null,
      holderMemberId: holderOf(c),
    });
    if ("concern" in c.task) {
      const concern = c.task.concern;
      world.samhandling.concern.push({
        id: demoOpaqueId("bk", `concern/${c.family}`),
        subjectPersonId: demoPersonId(c.family, c.subjects[0]!),
        text: concern.text,
        noticedAt: moment(concern.noticed),
        registeredAt: moment(concern.noticed),
        registeredBy: concern.by,
        service: staff(concern.by).service,
        caseId,
      });
    }
    for (const given of c.subjects) {
      world.samhandling.caseSubject.push({ caseId, personId: demoPersonId(c.family, given) });
    }
    for (const m of c.members) {
      if ("actor" in m) {
        const st = staff(m.actor);
        world.samhandling.caseMember.push({
          id: memberId(c.family, m.actor),
          caseId,
          actorId: st.actorId,
          personId: null,
          // External partners are named with their organisation.
          displayName: st.unit === "Kriminalomsorgen" ? `${st.displayName}, ${st.unit}` : st.displayName,
          service: st.service,
          role: m.role,
          joinedAt: day(m.joined),
          leftAt: opt(m.left),
        });
      } else {
        const x = demoPerson(c.family, m.person);
        world.samhandling.caseMember.push({
          id: memberId(c.family, m.person),
          caseId,
          actorId: null,
          personId: x.personId,
          displayName: `${x.givenName} ${x.familyName}`,
          service: "FAMILY",
          role: m.role,
          joinedAt: day(m.joined),
          leftAt: opt(m.left),
        });
      }
    }
  }

  for (const c of CONSENTS) {
    const validFrom = moment(c.validFrom);
    world.samhandling.consent.push({
      id: demoConsentId(c.family, c.label),
      caseId: demoCaseId(c.family),
      subjectPersonId: demoPersonId(c.family, c.subject),
      givenByPersonId: demoPersonId(c.family, c.givenBy),
      capacity: c.capacity,
      decision: c.decision,
      services: [...c.services],
      categories: [...c.categories],
      validFrom,
      validTo: c.validTo ? moment(c.validTo) : null,
      withdrawnAt: c.withdrawn ? moment(c.withdrawn.at) : null,
      withdrawnBy: c.withdrawn ? actorOrPerson(c.family, c.withdrawn.by) : null,
      childView: c.childView ?? null,
      note: c.note ?? null,
      recordedBy: actorOrPerson(c.family, c.recordedBy),
      createdAt: validFrom,
      // Given by the person signed in (the recorder is a family member), recorded from a signed form, or a refusal an employee recorded.
      channel: !demoStaff[c.recordedBy] ? "DIGITAL" : c.decision === "DENY" ? "STAFF_RECORDED" : "PAPER_FORM",
      formReference: c.form?.reference ?? null,
      attestedBy: c.form?.attestedBy ?? null,
      attestedAt: c.form ? validFrom : null,
    });
  }

  coordinationWork(world);

  // nav
  for (const [fam, given, actor, since] of NAV_FOLLOW_UPS) {
    const st = staff(actor);
    world.nav.navFollowUp.push({
      personId: demoPersonId(fam, given),
      office: "NAV Fjordvik",
      veilederName: st.displayName,
      veilederPhone: st.phone,
      since: day(since),
      endedAt: null,
    });
  }
  NAV_MEASURES.forEach(([fam, given, kind, status, started, ends, description], i) => {
    world.nav.navMeasure.push({
      id: demoOpaqueId("nt", `nav/${fam}/${given}/${kind}/${i}`),
      personId: demoPersonId(fam, given),
      kind,
      description,
      status,
      startedAt: day(started),
      endsAt: opt(ends),
    });
  });

  // barnevern
  for (const [fam, given, phase, opened, actor, aftercareEnds] of BARNEVERN_CASES) {
    const st = staff(actor);
    world.barnevern.barnevernCase.push({
      personId: demoPersonId(fam, given),
      phase,
      openedAt: day(opened),
      caseworkerName: st.displayName,
      caseworkerPhone: st.phone,
      aftercareEndsAt: opt(aftercareEnds),
    });
  }
  BARNEVERN_MEASURES.forEach(([fam, given, kind, status, started, ends], i) => {
    world.barnevern.barnevernMeasure.push({
      id: demoOpaqueId("bt", `barnevern/${fam}/${given}/${kind}/${i}`),
      personId: demoPersonId(fam, given),
      kind,
      status,
      startedAt: day(started),
      endsAt: opt(ends),
    });
  });

  // skole
  ENROLMENTS.forEach(([fam, given, institution, level, grade, teacher, phone, since, until], i) => {
    world.skole.enrolment.push({
      id: demoOpaqueId("sk", `enrolment/${fam}/${given}/${i}`),
      personId: demoPersonId(fam, given),
      institution,
      level,
      grade,
      contactTeacherName: teacher,
      contactTeacherPhone: phone,
      since: day(since),
      until: opt(until),
    });
  });
  SCHOOL_SUPPORT.forEach(([fam, given, kind, status, started, description], i) => {
    world.skole.schoolSupport.push({
      id: demoOpaqueId("st", `support/${fam}/${given}/${kind}/${i}`),
      personId: demoPersonId(fam, given),
      kind,
      description,
      status,
      startedAt: day(started),
    });
  });
  for (const [fam, given, months] of ATTENDANCE) {
    const personId = demoPersonId(fam, given);
    for (const [month, absencePercent] of months) {
      world.skole.attendanceMonth.push({ personId, month: day(`${month}-01`), absencePercent });
    }
  }

  // helse
  HEALTH.forEach(([fam, given, kind, followUp, unit, contactName, contactPhone, since, until], i) => {
    world.helse.healthContact.push({
      id: demoOpaqueId("hk", `health/${fam}/${given}/${kind}/${i}`),
      personId: demoPersonId(fam, given),
      kind,
      followUp,
      unit,
      contactName,
      contactPhone,
      since: day(since),
      until: opt(until),
    });
  });

  // frivillighet
  VOLUNTARY.forEach(([fam, given, kind, organisation, title, contactName, contactPhone, since, until], i) => {
    world.frivillighet.voluntaryActivity.push({
      id: demoOpaqueId("fr", `voluntary/${fam}/${given}/${kind}/${i}`),
      personId: demoPersonId(fam, given),
      kind,
      organisation,
      title,
      contactName,
      contactPhone,
      since: day(since),
      until: opt(until),
    });
  });

  return shiftWorld(world, shift);
}
