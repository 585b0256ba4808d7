// A deterministic generator of synthetic families for load tests and
// benchmarks: a larger "Fjordvik" with plausible involvement across every
// service and coordination cases about roughly one family in three.
//
// - Deterministic: a seeded SHA-256 stream (random.ts) per family and stream, never
//   Math.random. Dates are generated for DEMO_WRITTEN_FOR and moved to the demo's
//   today like Fjordvik's (today.ts); ids never depend on the date.
//   Family i depends only on (seed, i, today), so a large
//   municipality can be generated in chunks (`startIndex`) with the same rows
//   as in one go; `mergeWorlds` joins the chunks.
// - Ids: `<prefix>-` + 12 characters from a keyed permutation (a Feistel
//   network) of (family index, local number), so ids are opaque, never repeat
//   within a seed, and never meet the demo's 10-character ids. Like the demo
//   ids they use a vowel-free alphabet, so they cannot contain a name.
// - National ids: synthetic (month + 80) with valid control digits, unique:
//   the n-th person born on a given date (counted over families 0, 1, 2, …)
//   gets the n-th valid individual number below 990 (the demo uses 990–999).
//   A chunk starting at startIndex first replays the cheap "skeletons"
//   (sizes, sexes, birth dates) of the families before it to know n.
// - Staff actor ids follow the demo's `<service>-<role>-<n>` with n ≥ 100.
import { emptySamhandling, type World } from "./world.ts";
import { DEMO_MUNICIPALITY, DEMO_TODAY, ID_ALPHABET, day, hash53, syntheticNationalId } from "./fjordvik.ts";
import { DEMO_WRITTEN_FOR, demoShift, shiftWorld } from "./today.ts";
import { mix32, seededRandom } from "./random.ts";
import { ageOn } from "../services/kit/scalars.ts";

type Row<S extends keyof World, T extends keyof World[S]> = World[S][T] extends (infer R)[] ? R : never;
type ServiceName = Row<"samhandling", "caseMember">["service"];
type MemberRole = Row<"samhandling", "caseMember">["role"];
type ConsentCapacity = Row<"samhandling", "consent">["capacity"];
type ConsentDecision = Row<"samhandling", "consent">["decision"];
type NavMeasureKind = Row<"nav", "navMeasure">["kind"];
type MeasureStatus = Row<"nav", "navMeasure">["status"];
type BarnevernPhase = Row<"barnevern", "barnevernCase">["phase"];
type BarnevernMeasureKind = Row<"barnevern", "barnevernMeasure">["kind"];
type SchoolLevel = Row<"skole", "enrolment">["level"];
type SchoolSupportKind = Row<"skole", "schoolSupport">["kind"];
type HealthServiceKind = Row<"helse", "healthContact">["kind"];
type FollowUpType = Row<"helse", "healthContact">["followUp"];
type VoluntaryKind = Row<"frivillighet", "voluntaryActivity">["kind"];

export interface SyntheticOptions {
  /** How many families to generate. */
  families: number;
  /** PRNG seed (an integer, used modulo 2^32). Default SYNTHETIC_DEFAULT_SEED. */
  seed?: number;
  /** Index of the first family (default 0): chunk k of size n is { startIndex: k * n, families: n }. */
  startIndex?: number;
  /** The demo's today (default DEMO_TODAY): generated for DEMO_WRITTEN_FOR, then every date moved to it. */
  today?: string;
}

export const SYNTHETIC_DEFAULT_SEED = 20261123;

// ---------------------------------------------------------------------------
// World helpers
// ---------------------------------------------------------------------------

/** A world with every table empty. */
export function emptyWorld(): World {
  return {
    registry: { person: [], family: [], familyMember: [], guardianship: [] },
    samhandling: emptySamhandling(),
    nav: { navFollowUp: [], navMeasure: [] },
    barnevern: { barnevernCase: [], barnevernMeasure: [] },
    skole: { enrolment: [], schoolSupport: [], attendanceMonth: [] },
    helse: { healthContact: [] },
    frivillighet: { voluntaryActivity: [] },
  };
}

/** The tables of several worlds concatenated in order (rows are shared, not copied). */
export function mergeWorlds(...worlds: World[]): World {
  const out = emptyWorld() as unknown as Record<string, Record<string, unknown[]>>;
  for (const w of worlds as unknown as Record<string, Record<string, unknown[]>>[]) {
    for (const service of Object.keys(out)) {
      const tables = out[service]!;
      for (const table of Object.keys(tables)) {
        const rows = w[service]?.[table];
        if (rows && rows.length > 0) tables[table] = tables[table]!.concat(rows);
      }
    }
  }
  const merged = out as unknown as World;
  // The same employee takes part in cases of several worlds (chunks of one municipality): one directory entry.
  const seen = new Set<string>();
  merged.samhandling.employee = merged.samhandling.employee.filter((e) => !seen.has(e.actorId) && seen.add(e.actorId));
  return merged;
}

// ---------------------------------------------------------------------------
// Randomness and ids
// ---------------------------------------------------------------------------

type Rng = () => number;

const fmix32 = mix32;

const TWO32 = 4294967296;

function familyRng(seed: number, index: number, stream: number): Rng {
  return seededRandom(`${seed}/${index}/${stream}`);
}

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = rng() * total;
  for (const [x, w] of table) {
    r -= w;
    if (r < 0) return x;
  }
  return table[table.length - 1]![0];
}

const M29 = 0x1fffffff;
const T29 = 0x20000000;
const T21 = 0x200000;
/** Family indices must stay below 2^50 (the permutation works on 58 bits: 50 for the family, 8 local). */
const MAX_FAMILY_INDEX = 2 ** 50;

/** Ids: a 4-round Feistel permutation of (family index, local) per prefix, keyed by the seed. */
class IdMaker {
  private readonly keys = new Map<string, Uint32Array>();
  constructor(private readonly seed: number) {}

  id(prefix: string, familyIndex: number, local: number): string {
    if (local < 0 || local > 255) throw new Error(`local id number out of range: ${local}`);
    let keys = this.keys.get(prefix);
    if (!keys) {
      keys = new Uint32Array(4);
      const ph = hash53(prefix) >>> 0;
      for (let r = 0; r < 4; r++) keys[r] = fmix32((this.seed >>> 0) ^ fmix32(ph + r * 0x9e3779b9));
      this.keys.set(prefix, keys);
    }
    let left = Math.floor(familyIndex / T21);
    let right = (familyIndex % T21) * 256 + local;
    for (let r = 0; r < 4; r++) {
      const t = (left ^ (fmix32(right ^ keys[r]!) & M29)) >>> 0;
      left = right;
      right = t;
    }
    // 58 bits → 12 base-30 digits (30^12 > 2^58)
    let out = `${prefix}-`;
    for (let k = 0; k < 12; k++) {
      const rHi = left % 30;
      left = (left - rHi) / 30;
      const v = rHi * T29 + right;
      const d = v % 30;
      right = (v - d) / 30;
      out += ID_ALPHABET[d];
    }
    return out;
  }
}

/** The id of synthetic family `index` for a seed. */
export function syntheticFamilyId(index: number, seed = SYNTHETIC_DEFAULT_SEED): string {
  return new IdMaker(seed).id("f", index, 0);
}

/** The id of a person of synthetic family `index`: slot 0 is the first adult (every family has one). */
export function syntheticPersonId(index: number, slot: number, seed = SYNTHETIC_DEFAULT_SEED): string {
  return new IdMaker(seed).id("p", index, slot);
}

// ---------------------------------------------------------------------------
// Dates (as day numbers since 1970-01-01, UTC). Generated for the written
// date; syntheticWorld moves the finished rows to the demo's today.
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const TODAY = Math.floor(day(DEMO_WRITTEN_FOR).getTime() / DAY_MS);
const TODAY_YEAR = day(DEMO_WRITTEN_FOR).getUTCFullYear();
const dayOf = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
const toDate = (d: number): Date => new Date(d * DAY_MS);
const optDate = (d: number | null): Date | null => (d === null ? null : toDate(d));
/** Day number of this year's "birthday" for each age: born on or before it and after it minus a year. */
const AGE_BASE: number[] = Array.from({ length: 110 }, (_, age) => dayOf(TODAY_YEAR - age, 11, 23));
const SCHOOL_START = (y: number): number => dayOf(y, 8, 17);
const ATTENDANCE_MONTHS = [dayOf(2026, 8, 1), dayOf(2026, 9, 1), dayOf(2026, 10, 1), dayOf(2026, 11, 1)];
const CASES_FROM = dayOf(2024, 1, 8);

const isoDay = (d: number): string => toDate(d).toISOString().slice(0, 10);
const between = (rng: Rng, from: number, to: number): number => (to <= from ? from : int(rng, from, to));
/** A day between from and to that has already happened (never after yesterday). */
const past = (rng: Rng, from: number, to: number): number => Math.min(between(rng, from, to), TODAY - 1);

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

interface Region {
  language: string | null;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const NO_FEMALE_OLD = ["Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Elisabeth", "Kristin", "Bente", "Heidi", "Silje", "Hanne", "Linda", "Tone", "Camilla", "Trine", "Mari", "Julie", "Kristine", "Monica", "Grete", "Lene", "Cecilie", "Siri", "Tove", "Ragnhild", "Line", "Guro", "Marte", "Stine", "Ingeborg", "Wenche", "Elin", "Torill", "Hege", "Karin", "Mette", "Sissel"];
const NO_MALE_OLD = ["Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Thomas", "Hans", "Geir", "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "Rune", "Trond", "John", "Anders", "Tore", "Espen", "Kristian", "Stian", "Frode", "Øyvind", "Jon", "Harald", "Gunnar", "Steinar", "Eirik", "Henrik", "Magnus", "Kjetil", "Jørgen", "Christian", "Vegard", "Håkon", "Daniel", "Marius", "Sindre", "Petter", "Roger", "Dag", "Ståle", "Nils", "Even"];
const NO_FEMALE_YOUNG = ["Nora", "Emma", "Olivia", "Ella", "Sofie", "Leah", "Frida", "Ingrid", "Sara", "Maja", "Astrid", "Ada", "Emilie", "Hedda", "Tiril", "Thea", "Vilde", "Ida", "Julie", "Selma", "Linnea", "Amalie", "Aurora", "Mathilde", "Live", "Oda", "Hanna", "Eline", "Sigrid", "Iben", "Alma", "Tuva", "Mia", "Jenny", "Synne", "Agnes", "Ylva", "Mille", "Helene"];
const NO_MALE_YOUNG = ["Jakob", "Emil", "Noah", "Oliver", "Filip", "William", "Lucas", "Liam", "Henrik", "Oskar", "Aksel", "Theodor", "Elias", "Isak", "Kasper", "Johannes", "Magnus", "Sander", "Jonas", "Mathias", "Tobias", "Adrian", "Sebastian", "Markus", "Ludvig", "Olav", "Håkon", "Sigurd", "Storm", "Brage", "Mikkel", "Vetle", "Eirik", "Martin", "Benjamin", "Iver", "Felix", "Mats", "Ulrik"];
const NO_FAMILY = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Rasmussen", "Holm", "Myhre", "Lunde", "Nygård", "Aasen", "Sæther", "Haugland", "Sandvik", "Fossum", "Brekke", "Ruud", "Tangen", "Moe", "Lien", "Berge", "Ness", "Hovland", "Fjeld"];

const SAMI: Region = {
  language: "se",
  female: ["Máret", "Biret", "Ánne", "Elle", "Inga", "Kristina"],
  male: ["Niillas", "Ánde", "Issát", "Jovnna", "Mihkkal", "Aslak"],
  family: ["Somby", "Eira", "Hætta", "Utsi", "Balto", "Gaup", "Mienna"],
};

const IMMIGRANT_REGIONS: readonly (readonly [Region, number])[] = [
  [{
    language: "pl",
    female: ["Anna", "Katarzyna", "Magdalena", "Agnieszka", "Joanna", "Monika", "Ewa", "Karolina", "Zofia", "Julia", "Maja", "Lena", "Aleksandra", "Natalia"],
    male: ["Piotr", "Tomasz", "Paweł", "Krzysztof", "Marcin", "Michał", "Jakub", "Kacper", "Szymon", "Antoni", "Filip", "Mateusz", "Łukasz", "Adam"],
    family: ["Nowak", "Wójcik", "Kowalczyk", "Woźniak", "Mazur", "Krawczyk", "Kaczmarek", "Zając", "Król", "Wieczorek", "Wróbel", "Pawlak", "Michalak", "Walczak"],
  }, 22],
  [{
    language: "uk",
    female: ["Olena", "Iryna", "Oksana", "Nataliia", "Tetiana", "Yuliia", "Anastasiia", "Sofiia", "Viktoriia", "Daryna"],
    male: ["Oleksandr", "Andrii", "Dmytro", "Serhii", "Volodymyr", "Mykola", "Maksym", "Artem", "Bohdan", "Denys"],
    family: ["Shevchenko", "Bondarenko", "Kovalenko", "Tkachenko", "Kravchenko", "Melnyk", "Oliinyk", "Moroz", "Lysenko", "Marchenko", "Rudenko", "Savchenko"],
  }, 16],
  [{
    language: "ar",
    female: ["Fatima", "Aisha", "Layla", "Noor", "Rania", "Hala", "Yasmin", "Maryam", "Lina", "Salma", "Huda", "Rima"],
    male: ["Mohammad", "Ahmad", "Omar", "Khaled", "Yousef", "Ali", "Hassan", "Ibrahim", "Mahmoud", "Samir", "Karim", "Adam"],
    family: ["Al-Hassan", "Haddad", "Khalil", "Ibrahim", "Mansour", "Nasser", "Saleh", "Youssef", "Hamdan", "Darwish", "Sabbagh", "Aziz"],
  }, 15],
  [{
    language: "so",
    female: ["Hodan", "Amina", "Faduma", "Sahra", "Hibo", "Ayaan", "Khadija", "Nasra", "Idil", "Sagal"],
    male: ["Abdi", "Mohamed", "Ahmed", "Abdullahi", "Hassan", "Yusuf", "Mahad", "Liban", "Omar", "Abdirahman"],
    family: ["Mohamed", "Ahmed", "Ali", "Hassan", "Abdi", "Warsame", "Farah", "Osman", "Jama", "Hussein", "Nur", "Aden"],
  }, 12],
  [{
    language: "ti",
    female: ["Senait", "Helen", "Selam", "Luwam", "Meron", "Saba", "Ruth", "Feven", "Yohana", "Winta"],
    male: ["Yonas", "Daniel", "Samuel", "Filmon", "Robel", "Merhawi", "Henok", "Tesfay", "Amanuel", "Dawit"],
    family: ["Tesfay", "Berhane", "Gebremedhin", "Haile", "Kidane", "Tekle", "Yohannes", "Ghebremariam", "Woldu", "Abraha"],
  }, 10],
  [{
    language: "prs",
    female: ["Mariam", "Zahra", "Fatima", "Parwana", "Nadia", "Sana", "Shabnam", "Laila", "Madina", "Farzana"],
    male: ["Ahmad", "Mohammad", "Ali", "Hamid", "Omid", "Yusuf", "Reza", "Jawad", "Farid", "Mustafa"],
    family: ["Rahimi", "Ahmadi", "Hosseini", "Karimi", "Sultani", "Noori", "Mohammadi", "Jafari", "Haidari", "Rezaei"],
  }, 13],
  [{
    language: "vi",
    female: ["Linh", "Mai", "Lan", "Huong", "Thao", "Ngoc", "Trang", "Anh", "Hoa", "Thu"],
    male: ["Minh", "Duc", "Tuan", "Hung", "Nam", "Khoa", "Quang", "Long", "Bao", "Huy"],
    family: ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho"],
  }, 12],
];

// ---------------------------------------------------------------------------
// Institutions and staff
// ---------------------------------------------------------------------------

const KINDERGARTENS = ["Solsikken barnehage", "Trollskogen barnehage", "Fjæra barnehage", "Måken barnehage", "Lia barnehage", "Blåbærtoppen barnehage", "Havgløtt barnehage", "Nordstrand barnehage"];
const PRIMARY_SCHOOLS = ["Fjordvik barneskole", "Nordstrand skole", "Sjøtun skole", "Havbakken skole", "Lia skole", "Brattli skole"];
const LOWER_SECONDARY = ["Fjordvik ungdomsskole", "Sjøtun ungdomsskole", "Nordstrand ungdomsskole"];
const UPPER_SECONDARY = ["Fjordvik videregående skole", "Sjøtun videregående skole"];
const ADULT_EDUCATION = "Fjordvik voksenopplæring";
/** Institution numbers, used to number teachers and school nurses. */
const INST_KG = 0;
const INST_PRIMARY = KINDERGARTENS.length;
const INST_LOWER = INST_PRIMARY + PRIMARY_SCHOOLS.length;
const INST_UPPER = INST_LOWER + LOWER_SECONDARY.length;
const INST_ADULT = INST_UPPER + UPPER_SECONDARY.length;
const INST_HELSESTASJON = INST_ADULT + 1;

const SERVICE_OF: Record<string, ServiceName> = {
  nav: "NAV",
  barnevern: "BARNEVERN",
  skole: "SKOLE",
  helse: "HELSE",
  frivillighet: "FRIVILLIGHET",
  samhandling: "SAMHANDLING",
};

/** Synthetic staff pools: actor id `<service>-<role>-<n>`, n from 100 (the demo uses 1–9). */
export const SYNTHETIC_STAFF_POOLS: Readonly<Record<string, number>> = {
  "nav-veileder": 60,
  "nav-ungdom": 20,
  "nav-flyktning": 10,
  "nav-okonomi": 10,
  "nav-bolig": 10,
  "barnevern-saksbehandler": 40,
  "barnevern-ettervern": 6,
  "skole-kontaktlaerer": 1000,
  "skole-ppt": 12,
  "skole-ot": 6,
  "skole-ungdomslos": 4,
  "helse-helsesykepleier": 30,
  "helse-rus": 10,
  "helse-psykisk": 15,
  "helse-bup": 10,
  "helse-fastlege": 40,
  "frivillighet-koordinator": 3,
  "frivillighet-mentor": 20,
  "frivillighet-likeperson": 5,
  "frivillighet-trener": 40,
  "samhandling-koordinator": 10,
};

const STAFF_GIVEN = [...NO_FEMALE_OLD, ...NO_MALE_OLD, "Amira", "Nadia", "Samir", "Yonas", "Olena", "Piotr", "Linh", "Hodan"];
const STAFF_FAMILY = [...NO_FAMILY, "Haddad", "Nowak", "Nguyen", "Tesfay", "Khalil", "Farah", "Melnyk"];

const staffNameCache = new Map<string, string>();

/** The (fictional) name of a synthetic employee; the same actor id always has the same name. */
export function syntheticStaffName(actorId: string): string {
  let name = staffNameCache.get(actorId);
  if (name === undefined) {
    const h = hash53(`staff|${actorId}`);
    name = `${STAFF_GIVEN[h % STAFF_GIVEN.length]} ${STAFF_FAMILY[Math.floor(h / 977) % STAFF_FAMILY.length]}`;
    staffNameCache.set(actorId, name);
  }
  return name;
}

/** The unit every synthetic employee of a service works in (the identity provider's group for them says the same). */
export const syntheticUnit = (service: string): string => `Syntetiske ansatte, ${service.toLowerCase()}`;

/** Every employee the synthetic pools can name (whether or not a generated case uses them), for sign-in. */
export function syntheticStaff(): { actorId: string; service: string; name: string }[] {
  return Object.entries(SYNTHETIC_STAFF_POOLS).flatMap(([pool, size]) =>
    Array.from({ length: size }, (_, n) => {
      const actorId = actor(pool, n);
      return { actorId, service: serviceOfActor(actorId).toLowerCase(), name: syntheticStaffName(actorId) };
    }),
  );
}

function staffPhone(actorId: string): string {
  const n = hash53(`phone|${actorId}`) % 10_000_000;
  return `+47 4${String(n).padStart(7, "0")}`;
}

function actor(pool: string, n: number): string {
  return `${pool}-${100 + n}`;
}

function poolActor(rng: Rng, pool: string): string {
  return actor(pool, Math.floor(rng() * SYNTHETIC_STAFF_POOLS[pool]!));
}

function serviceOfActor(actorId: string): ServiceName {
  return SERVICE_OF[actorId.slice(0, actorId.indexOf("-"))]!;
}

// ---------------------------------------------------------------------------
// Skeletons: composition, sexes and birth dates (all that national ids need)
// ---------------------------------------------------------------------------

type HouseholdRole = "ADULT" | "CHILD" | "OUTSIDE";

interface SkelPerson {
  role: HouseholdRole;
  female: boolean;
  age: number;
  birthDay: number;
  /** A resident adult who is not a parent of the children (no guardianship). */
  stepparent: boolean;
}

interface Skeleton {
  immigrant: boolean;
  persons: SkelPerson[];
}

const CHILD_COUNT: readonly (readonly [number, number])[] = [[1, 30], [2, 40], [3, 19], [4, 7], [5, 4]];

function skeleton(seed: number, index: number): Skeleton {
  const rng = familyRng(seed, index, 1);
  const immigrant = chance(rng, 0.2);
  const persons: SkelPerson[] = [];
  const add = (role: HouseholdRole, female: boolean, age: number, stepparent = false): void => {
    persons.push({ role, female, age, birthDay: AGE_BASE[age]! - int(rng, 0, 364), stepparent });
  };
  const r = rng();
  if (r < 0.09) {
    // One-person household, mostly young adults and older singles.
    const age = weighted(rng, [[int(rng, 18, 29), 45], [int(rng, 30, 49), 30], [int(rng, 50, 78), 25]] as const);
    add("ADULT", chance(rng, 0.45), age);
  } else if (r < 0.13) {
    // Couple without children at home.
    const age = int(rng, 22, 72);
    const sameSex = chance(rng, 0.03);
    add("ADULT", true, age);
    add("ADULT", sameSex, Math.max(19, age + int(rng, -3, 6)));
  } else {
    let children = weighted(rng, CHILD_COUNT);
    if (immigrant && children < 5 && chance(rng, 0.3)) children++;
    const twoAdults = !chance(rng, 0.28);
    const gaps: number[] = [];
    let span = 0;
    for (let c = 1; c < children; c++) {
      const g = weighted(rng, [[1, 20], [2, 35], [3, 25], [4, 12], [5, 8]] as const);
      gaps.push(g);
      span += g;
    }
    const oldest = Math.max(span, chance(rng, 0.88) ? int(rng, 0, 17) : int(rng, 18, 22));
    const first = Math.min(70, oldest + int(rng, 20, 38));
    const sameSex = twoAdults && chance(rng, 0.03);
    const firstFemale = twoAdults ? true : chance(rng, 0.8);
    add("ADULT", firstFemale, first);
    let stepparent = false;
    if (twoAdults) {
      stepparent = chance(rng, 0.1);
      add("ADULT", sameSex ? true : false, Math.max(oldest + 18, 20, first + int(rng, -3, 6)), stepparent);
    }
    let age = oldest;
    for (let c = 0; c < children; c++) {
      add("CHILD", chance(rng, 0.49), age);
      if (c < gaps.length) age -= gaps[c]!;
    }
    // The other parent, outside the household: always with a stepparent, often with single parents.
    if (stepparent || (!twoAdults && chance(rng, 0.75))) {
      add("OUTSIDE", !firstFemale, Math.min(80, Math.max(oldest + 18, first + int(rng, -2, 6))));
    }
  }
  return { immigrant, persons };
}

// ---------------------------------------------------------------------------
// National ids
// ---------------------------------------------------------------------------

class NationalIds {
  private readonly used = new Map<number, number>();

  /** Count a person without making the id (replaying earlier families). */
  skip(p: SkelPerson): void {
    const key = p.birthDay * 2 + (p.female ? 0 : 1);
    this.used.set(key, (this.used.get(key) ?? 0) + 1);
  }

  next(p: SkelPerson, birthDate: Date): string {
    const key = p.birthDay * 2 + (p.female ? 0 : 1);
    const n = this.used.get(key) ?? 0;
    this.used.set(key, n + 1);
    const year = birthDate.getUTCFullYear();
    // Individual numbers: 000–499 for 1900–1999, 500–999 for 2000–2039; 990–999 belong to the demo.
    const from = year >= 2000 ? 500 : 0;
    const to = year >= 2000 ? 989 : 499;
    let seen = 0;
    for (let i = from + (p.female ? 0 : 1); i <= to; i += 2) {
      const id = syntheticNationalId(birthDate, i);
      if (id && seen++ === n) return id;
    }
    throw new Error(`no synthetic national id left for ${birthDate.toISOString().slice(0, 10)}`);
  }
}

// ---------------------------------------------------------------------------
// One family
// ---------------------------------------------------------------------------

interface Involvement {
  slot: number;
  actorId: string;
  /** More than routine contact: what makes a coordination case likely. */
  serious: boolean;
}

interface PersonOut {
  slot: number;
  skel: SkelPerson;
  id: string;
  givenName: string;
  familyName: string;
  birthYear: number;
}

const NAV_MEASURE_ODDS: readonly (readonly [NavMeasureKind, number])[] = [
  ["SOCIAL_ASSISTANCE", 0.45],
  ["KVP", 0.07],
  ["IPS", 0.08],
  ["WORK_TRAINING", 0.1],
  ["DEBT_ADVICE", 0.1],
  ["HOUSING_FOLLOW_UP", 0.1],
  ["TEMPORARY_HOUSING", 0.03],
  ["RELEASE_FOLLOW_UP", 0.01],
];

const NAV_MEASURE_TEXT: Record<NavMeasureKind, string> = {
  SOCIAL_ASSISTANCE: "Økonomisk sosialhjelp til livsopphold",
  KVP: "Kvalifiseringsprogrammet",
  IPS: "Arbeidsrettet oppfølging med jobbspesialist (IPS)",
  HOUSING_FOLLOW_UP: "Oppfølging i bolig og søknad om kommunal utleiebolig",
  TEMPORARY_HOUSING: "Midlertidig botilbud",
  FAMILY_COORDINATOR: "Helhetlig oppfølging av familien med familiekoordinator",
  DEBT_ADVICE: "Økonomisk rådgivning og gjeldsrådgivning",
  YOUTH_TEAM: "Oppfølging i ungdomsteamet",
  WORK_TRAINING: "Arbeidstrening hos lokal arbeidsgiver",
  INTRODUCTION_PROGRAMME: "Introduksjonsprogrammet (Flyktningtjenesten)",
  RELEASE_FOLLOW_UP: "Tilbakeføring etter soning sammen med Kriminalomsorgen",
};

const BV_MEASURES: readonly (readonly [BarnevernMeasureKind, number])[] = [
  ["PARENTAL_GUIDANCE", 35],
  ["SUPPORT_CONTACT", 30],
  ["RELIEF_MEASURE", 20],
];

const SUPPORT_TEXT: Record<SchoolSupportKind, string> = {
  PPT_REFERRAL: "Henvist til PPT for sakkyndig vurdering",
  ADAPTED_EDUCATION: "Tilpasset opplæring og tilrettelegging i klasserommet",
  SPECIAL_EDUCATION: "Spesialundervisning etter sakkyndig vurdering",
  OT_FOLLOW_UP: "Oppfølgingstjenesten: plan for å komme tilbake i opplæring eller arbeid",
  KINDERGARTEN_QUEUE: "Søkt barnehageplass; på venteliste",
  LANGUAGE_SUPPORT: "Særskilt norskopplæring",
};

const ORGS = {
  frivilligsentral: "Fjordvik Frivilligsentral",
  redCross: "Fjordvik Røde Kors",
  bymisjon: "Kirkens Bymisjon Fjordvik",
  sport: "Fjordvik IL",
  fontenehus: "Fjordvik Fontenehus",
};
const ACTIVITIES = ["Fotball", "Håndball", "Turn", "Svømming", "Skolekorps", "Klatring", "Kor", "Friluftsgruppe", "Sjakk", "Dans"];

const BTI_TOPICS = ["skolefravær", "trivsel og læring", "tidlig innsats i barnehagen", "overgang til ungdomsskolen", "overgang til videregående", "helse og trivsel"];
/** A child's own view, as a coordinator writes it down (from age 7). */
const CHILD_VIEWS = [
  "Det er greit at de snakker sammen om meg.",
  "Jeg vil være med når de bestemmer noe om meg.",
  "Læreren kan vite det, men ikke hele klassen.",
  "Jeg vet ikke. Mamma og pappa bestemmer.",
  "Jeg vil at de skal hjelpe oss.",
  "Helst ikke så mange, men det er greit.",
];
/** Why barnevern gets no standing consent, as the person said it. */
const REFUSAL_NOTES = [
  "Barnevernet kan være med i møtene, men ikke lese det de andre skriver.",
  "Jeg vil ikke at barnevernet skal få vite om dette nå.",
  "Vi tar det opp igjen på neste møte.",
];
const AG_TITLES = ["Ansvarsgruppe – individuell plan", "Familieplan – helhetlig oppfølging", "Ansvarsgruppe – bolig og økonomi", "Ansvarsgruppe – overgang til arbeid", "Familielos – felles plan"];

class Generator {
  readonly world = emptyWorld();
  private readonly ids: IdMaker;
  private readonly nationalIds = new NationalIds();
  /** Employees already in this world's directory. */
  private readonly inDirectory = new Set<string>();

  /** `shiftDays`: how far the rows will be moved; national ids encode the moved birth date. */
  constructor(private readonly seed: number, private readonly shiftDays: number) {
    this.ids = new IdMaker(seed);
  }

  replay(index: number): void {
    for (const p of skeleton(this.seed, index).persons) this.nationalIds.skip(p);
  }

  family(index: number): void {
    const skel = skeleton(this.seed, index);
    const rng = familyRng(this.seed, index, 2);
    const w = this.world;
    const ids = this.ids;
    const counters = { nt: 0, bt: 0, sk: 0, st: 0, hk: 0, fr: 0, m: 0 };
    const next = (k: keyof typeof counters): number => counters[k]++;

    // Names and languages
    const sami = !skel.immigrant && chance(rng, 0.006);
    const region = skel.immigrant ? weighted(rng, IMMIGRANT_REGIONS) : sami ? SAMI : null;
    const familyList = region ? region.family : NO_FAMILY;
    const householdName = pick(rng, familyList);
    const used = new Set<string>();
    const givenFor = (female: boolean, birthYear: number, child: boolean): string => {
      for (let tries = 0; ; tries++) {
        let list: readonly string[];
        if (region && !(child && skel.immigrant && chance(rng, 0.2))) list = female ? region.female : region.male;
        else if (birthYear >= 1998) list = female ? NO_FEMALE_YOUNG : NO_MALE_YOUNG;
        else list = female ? NO_FEMALE_OLD : NO_MALE_OLD;
        const g = pick(rng, list);
        if (!used.has(g) || tries > 6) {
          used.add(g);
          return g;
        }
      }
    };

    const persons: PersonOut[] = [];
    skel.persons.forEach((sp, slot) => {
      const birthDate = toDate(sp.birthDay);
      const birthYear = birthDate.getUTCFullYear();
      const familyName =
        slot === 0 || sp.role === "CHILD" ? householdName
        : sp.role === "OUTSIDE" || sp.stepparent || chance(rng, 0.35) ? pick(rng, familyList)
        : householdName;
      const givenName = givenFor(sp.female, birthYear, sp.role === "CHILD");
      const id = ids.id("p", index, slot);
      let language: string | null = null;
      if (region && sp.role !== "CHILD" && chance(rng, sami ? 0.5 : 0.6)) language = region.language;
      else if (region && !sami && sp.role === "CHILD" && sp.age < 4 && chance(rng, 0.3)) language = region.language;
      w.registry.person.push({
        id,
        nationalId: this.nationalIds.next(sp, toDate(sp.birthDay + this.shiftDays)),
        givenName,
        familyName,
        birthDate,
        preferredLanguage: language,
      });
      persons.push({ slot, skel: sp, id, givenName, familyName, birthYear });
    });

    const familyId = ids.id("f", index, 0);
    w.registry.family.push({ id: familyId, name: householdName, municipality: DEMO_MUNICIPALITY });
    for (const p of persons) {
      if (p.skel.role !== "OUTSIDE") w.registry.familyMember.push({ familyId, personId: p.id, role: p.skel.role });
    }
    const adults = persons.filter((p) => p.skel.role === "ADULT");
    const children = persons.filter((p) => p.skel.role === "CHILD");
    const outside = persons.find((p) => p.skel.role === "OUTSIDE");
    const outsideShares = chance(rng, 0.7);
    const guardiansOf = new Map<number, PersonOut[]>();
    for (const c of children) {
      if (c.skel.age >= 18) continue;
      const gs: PersonOut[] = [];
      for (const a of adults) {
        if (a.skel.stepparent) continue;
        w.registry.guardianship.push({ childId: c.id, guardianId: a.id, parentalResponsibility: true });
        gs.push(a);
      }
      if (outside) {
        w.registry.guardianship.push({ childId: c.id, guardianId: outside.id, parentalResponsibility: outsideShares });
        if (outsideShares) gs.push(outside);
      }
      guardiansOf.set(c.slot, gs);
    }

    // Who the family meets in each service
    const involvements: Involvement[] = [];
    const involve = (slot: number, actorId: string, serious: boolean): void => {
      involvements.push({ slot, actorId, serious });
    };
    const district = int(rng, 0, PRIMARY_SCHOOLS.length - 1);
    const kindergarten = (district * 2 + int(rng, 0, 1)) % KINDERGARTENS.length;
    const lower = district % LOWER_SECONDARY.length;
    const upper = district % UPPER_SECONDARY.length;
    const singleParent = adults.length === 1 && children.length > 0;
    const familyVeileder = poolActor(rng, "nav-veileder");
    const familyCaseworker = poolActor(rng, "barnevern-saksbehandler");
    const barnevernFamily = children.some((c) => c.skel.age < 18) && chance(rng, singleParent ? 0.07 : 0.04);

    const enrol = (p: PersonOut, instNo: number, institution: string, level: SchoolLevel, grade: number | null, since: number, until: number | null): string => {
      const teacher = actor("skole-kontaktlaerer", (instNo * 50 + (grade ?? 0) * 3 + int(rng, 0, 2)) % SYNTHETIC_STAFF_POOLS["skole-kontaktlaerer"]!);
      const withTeacher = level !== "ADULT_EDUCATION" || chance(rng, 0.5);
      w.skole.enrolment.push({
        id: ids.id("sk", index, next("sk")),
        personId: p.id,
        institution,
        level,
        grade,
        contactTeacherName: withTeacher ? syntheticStaffName(teacher) : null,
        contactTeacherPhone: withTeacher ? staffPhone(teacher) : null,
        since: toDate(since),
        until: optDate(until),
      });
      return teacher;
    };
    const support = (p: PersonOut, kind: SchoolSupportKind, status: MeasureStatus, startedAt: number): void => {
      w.skole.schoolSupport.push({
        id: ids.id("st", index, next("st")),
        personId: p.id,
        kind,
        description: SUPPORT_TEXT[kind],
        status,
        startedAt: toDate(Math.min(startedAt, TODAY)),
      });
    };
    const health = (p: PersonOut, kind: HealthServiceKind, followUp: FollowUpType, unit: string, actorId: string | null, since: number, until: number | null = null): void => {
      w.helse.healthContact.push({
        id: ids.id("hk", index, next("hk")),
        personId: p.id,
        kind,
        followUp,
        unit,
        contactName: actorId ? syntheticStaffName(actorId) : null,
        contactPhone: actorId ? staffPhone(actorId) : null,
        since: toDate(since),
        until: optDate(until),
      });
    };
    const voluntary = (p: PersonOut, kind: VoluntaryKind, organisation: string, title: string, actorId: string | null, since: number): void => {
      w.frivillighet.voluntaryActivity.push({
        id: ids.id("fr", index, next("fr")),
        personId: p.id,
        kind,
        organisation,
        title,
        contactName: actorId ? syntheticStaffName(actorId) : null,
        contactPhone: actorId ? staffPhone(actorId) : null,
        since: toDate(since),
        until: null,
      });
    };
    const sinceAge = (p: PersonOut, minAge: number, maxYearsBack: number): number =>
      between(rng, Math.max(p.skel.birthDay + Math.ceil(minAge * 365.25), TODAY - maxYearsBack * 365), TODAY - 7);

    // Children: kindergarten, school, health, barnevern, leisure
    for (const c of children) {
      const age = c.skel.age;
      const grade = TODAY_YEAR - c.birthYear - 5;
      let schoolNurse: string | null = null;
      let inSchool = false;
      if (grade <= 0) {
        if (age >= 1 && chance(rng, 0.9)) {
          const since = SCHOOL_START(c.birthYear + (chance(rng, 0.7) ? 1 : 2));
          const teacher = enrol(c, INST_KG + kindergarten, KINDERGARTENS[kindergarten]!, "KINDERGARTEN", null, Math.min(since, TODAY - 30), null);
          involve(c.slot, teacher, false);
        } else if (age >= 1 && chance(rng, 0.5)) {
          support(c, "KINDERGARTEN_QUEUE", "ACTIVE", TODAY - int(rng, 14, 200));
        }
        const nurse = actor("helse-helsesykepleier", INST_HELSESTASJON + int(rng, 0, 1));
        if (chance(rng, 0.7)) {
          const homeVisits = chance(rng, 0.04);
          health(c, "HELSESTASJON", homeVisits ? "HOME_VISITS" : "ROUTINE", "Fjordvik helsestasjon", nurse, Math.min(TODAY, c.skel.birthDay + int(rng, 7, 20)));
          involve(c.slot, nurse, homeVisits);
        }
      } else if (grade <= 13 || (grade <= 14 && chance(rng, 0.15))) {
        const g = Math.min(grade, 13);
        let level: SchoolLevel;
        let instNo: number;
        let institution: string;
        let levelStart: number;
        if (g <= 7) [level, instNo, institution, levelStart] = ["PRIMARY", INST_PRIMARY + district, PRIMARY_SCHOOLS[district]!, 1];
        else if (g <= 10) [level, instNo, institution, levelStart] = ["LOWER_SECONDARY", INST_LOWER + lower, LOWER_SECONDARY[lower]!, 8];
        else {
          const u = chance(rng, 0.75) ? upper : 1 - upper;
          [level, instNo, institution, levelStart] = ["UPPER_SECONDARY", INST_UPPER + u, UPPER_SECONDARY[u]!, 11];
        }
        const dropout = g >= 11 && chance(rng, 0.1);
        if (!dropout) {
          inSchool = true;
          const teacher = enrol(c, instNo, institution, level, g, SCHOOL_START(TODAY_YEAR - (g - levelStart)), null);
          involve(c.slot, teacher, false);
          schoolNurse = actor("helse-helsesykepleier", instNo);
          // Supports
          if (chance(rng, 0.05)) {
            support(c, "PPT_REFERRAL", chance(rng, 0.45) ? "ACTIVE" : "ENDED", TODAY - int(rng, 20, 900));
            involve(c.slot, poolActor(rng, "skole-ppt"), true);
            if (chance(rng, 0.6)) support(c, "SPECIAL_EDUCATION", "ACTIVE", TODAY - int(rng, 10, 700));
          }
          if (chance(rng, 0.07)) {
            support(c, "ADAPTED_EDUCATION", "ACTIVE", TODAY - int(rng, 10, 400));
            involve(c.slot, teacher, true);
          }
          if (skel.immigrant && chance(rng, 0.45)) support(c, "LANGUAGE_SUPPORT", "ACTIVE", TODAY - int(rng, 30, 1200));
          else if (!skel.immigrant && chance(rng, 0.005)) support(c, "LANGUAGE_SUPPORT", "ACTIVE", TODAY - int(rng, 30, 600));
          if (g >= 11 && chance(rng, 0.04)) {
            support(c, "OT_FOLLOW_UP", "ACTIVE", TODAY - int(rng, 10, 300));
            involve(c.slot, poolActor(rng, "skole-ot"), true);
          }
          // Attendance, August to November
          const rAbs = rng();
          let base = rAbs < 0.72 ? 0.5 + rng() * 5 : rAbs < 0.93 ? 5 + rng() * 8 : 12 + rng() * 18;
          if (barnevernFamily) base += rng() * 6;
          const slope = base > 12 ? rng() * 3 : (rng() - 0.5) * 1.5;
          for (let m = 0; m < ATTENDANCE_MONTHS.length; m++) {
            const v = Math.min(100, Math.max(0, base + slope * m + (rng() - 0.5) * 3));
            w.skole.attendanceMonth.push({ personId: c.id, month: toDate(ATTENDANCE_MONTHS[m]!), absencePercent: Math.round(v * 10) / 10 });
          }
          if (base > 15 && g >= 8) involve(c.slot, teacher, true);
        } else if (chance(rng, 0.6)) {
          support(c, "OT_FOLLOW_UP", "ACTIVE", TODAY - int(rng, 10, 300));
          involve(c.slot, poolActor(rng, "skole-ot"), true);
        }
      } else if (age <= 21 && chance(rng, 0.12)) {
        support(c, "OT_FOLLOW_UP", "ACTIVE", TODAY - int(rng, 10, 500));
        involve(c.slot, poolActor(rng, "skole-ot"), true);
      }

      // Health
      if (inSchool && schoolNurse && chance(rng, 0.1)) {
        health(c, "SCHOOL_HEALTH", "CONSULTATIONS", `Skolehelsetjenesten, ${grade <= 7 ? PRIMARY_SCHOOLS[district] : grade <= 10 ? LOWER_SECONDARY[lower] : UPPER_SECONDARY[upper]}`, schoolNurse, TODAY - int(rng, 7, 500));
        involve(c.slot, schoolNurse, true);
      }
      if (age >= 4 && age < 18 && chance(rng, barnevernFamily ? 0.08 : 0.025)) {
        const bup = poolActor(rng, "helse-bup");
        health(c, "BUP", chance(rng, 0.6) ? "CONSULTATIONS" : "TREATMENT", "BUP Fjordvik", chance(rng, 0.5) ? bup : null, TODAY - int(rng, 20, 700));
        involve(c.slot, bup, true);
      }
      if (age >= 18 && chance(rng, 0.03)) {
        const psyk = poolActor(rng, "helse-psykisk");
        health(c, "MUNICIPAL_MENTAL_HEALTH", "CONSULTATIONS", "Rus- og psykisk helsetjeneste Fjordvik", psyk, TODAY - int(rng, 20, 500));
        involve(c.slot, psyk, true);
      }

      // Barnevern
      if (age < 18 && barnevernFamily && chance(rng, 0.7)) {
        const phase = weighted(rng, [["REPORT_RECEIVED", 8], ["INVESTIGATION", 17], ["MEASURES", 65], ["CLOSED", 10]] as const) as BarnevernPhase;
        const opened = Math.max(
          c.skel.birthDay,
          phase === "REPORT_RECEIVED" ? TODAY - int(rng, 1, 7)
          : phase === "INVESTIGATION" ? TODAY - int(rng, 8, 90)
          : past(rng, Math.max(c.skel.birthDay + 30, TODAY - 6 * 365), TODAY - 60),
        );
        w.barnevern.barnevernCase.push({
          personId: c.id,
          phase,
          openedAt: toDate(opened),
          caseworkerName: syntheticStaffName(familyCaseworker),
          caseworkerPhone: staffPhone(familyCaseworker),
          aftercareEndsAt: null,
        });
        if (phase === "MEASURES" || phase === "CLOSED") {
          const count = phase === "MEASURES" && chance(rng, 0.35) ? 2 : 1;
          const kinds = new Set<BarnevernMeasureKind>();
          for (let k = 0; k < count; k++) kinds.add(weighted(rng, BV_MEASURES));
          for (const kind of kinds) {
            const started = past(rng, opened + 14, TODAY - 14);
            const ended = phase === "CLOSED" || chance(rng, 0.2);
            w.barnevern.barnevernMeasure.push({
              id: ids.id("bt", index, next("bt")),
              personId: c.id,
              kind,
              status: ended ? "ENDED" : "ACTIVE",
              startedAt: toDate(started),
              endsAt: ended ? toDate(Math.max(started, past(rng, started + 30, TODAY - 1))) : chance(rng, 0.4) ? toDate(TODAY + int(rng, 30, 365)) : null,
            });
          }
        }
        if (phase !== "CLOSED") involve(c.slot, familyCaseworker, true);
      } else if (age >= 18 && age <= 23 && chance(rng, 0.015)) {
        this.aftercare(index, c, rng, involve, next);
      }

      // Leisure and voluntary support
      if (age >= 6 && age <= 18) {
        if (chance(rng, singleParent || skel.immigrant ? 0.3 : 0.18)) {
          voluntary(c, "FRITIDSKORT", ORGS.frivilligsentral, `Fritidskort – ${pick(rng, ACTIVITIES).toLowerCase()}`, actor("frivillighet-koordinator", int(rng, 0, 2)), TODAY - int(rng, 20, 700));
        }
        if (chance(rng, 0.12)) {
          const coach = poolActor(rng, "frivillighet-trener");
          voluntary(c, "ACTIVITY", ORGS.sport, pick(rng, ACTIVITIES), coach, TODAY - int(rng, 20, 1500));
          involve(c.slot, coach, false);
        }
        if (skel.immigrant && chance(rng, 0.1)) voluntary(c, "ACTIVITY", ORGS.redCross, "Leksehjelp", null, TODAY - int(rng, 20, 700));
        if (age >= 12 && chance(rng, 0.025)) {
          const mentor = poolActor(rng, "frivillighet-mentor");
          voluntary(c, "MENTOR", ORGS.bymisjon, "Mentor for ungdom", mentor, TODAY - int(rng, 20, 500));
          involve(c.slot, mentor, true);
        }
        if (chance(rng, 0.005)) voluntary(c, "TRUSTED_PERSON", ORGS.redCross, "Fast trygg voksen", null, TODAY - int(rng, 20, 500));
      }
      if (age >= 19 && age < 30 && chance(rng, 0.1)) this.nav(index, c, rng, involve, next, actor("nav-ungdom", int(rng, 0, 19)), false, false);
    }

    // Adults: NAV, health, adult education, voluntary support
    for (const a of adults) {
      const age = a.skel.age;
      const navP = 0.13 + (singleParent ? 0.14 : 0) + (skel.immigrant ? 0.12 : 0) + (age < 30 ? 0.08 : 0) + (adults.length === 1 && children.length === 0 ? 0.08 : 0) + (barnevernFamily ? 0.15 : 0);
      let intro = false;
      let substance = false;
      if (chance(rng, navP)) {
        intro = skel.immigrant && age < 60 && chance(rng, 0.35);
        const veileder = intro ? actor("nav-flyktning", int(rng, 0, 9)) : age < 30 ? actor("nav-ungdom", int(rng, 0, 19)) : familyVeileder;
        this.nav(index, a, rng, involve, next, veileder, intro, children.length > 0);
        if (intro && chance(rng, 0.8)) {
          enrol(a, INST_ADULT, ADULT_EDUCATION, "ADULT_EDUCATION", null, TODAY - int(rng, 30, 700), null);
        }
      } else if (chance(rng, 0.015)) {
        enrol(a, INST_ADULT, ADULT_EDUCATION, "ADULT_EDUCATION", null, TODAY - int(rng, 30, 700), null);
      }
      if (chance(rng, 0.3)) {
        const gp = poolActor(rng, "helse-fastlege");
        health(a, "FASTLEGE", chance(rng, 0.75) ? "ROUTINE" : "CONSULTATIONS", "Fjordvik legesenter", gp, sinceAge(a, 16, 20));
      }
      if (chance(rng, 0.06)) {
        const psyk = poolActor(rng, "helse-psykisk");
        health(a, "MUNICIPAL_MENTAL_HEALTH", chance(rng, 0.8) ? "CONSULTATIONS" : "HOME_VISITS", "Rus- og psykisk helsetjeneste Fjordvik", psyk, TODAY - int(rng, 20, 900));
        involve(a.slot, psyk, true);
      }
      if (chance(rng, barnevernFamily ? 0.1 : 0.025)) {
        substance = true;
        const rus = poolActor(rng, "helse-rus");
        health(a, "SUBSTANCE_SERVICE", chance(rng, 0.6) ? "TREATMENT" : "CONSULTATIONS", "Rus- og psykisk helsetjeneste Fjordvik", rus, TODAY - int(rng, 20, 900));
        involve(a.slot, rus, true);
      }
      if (chance(rng, 0.025)) health(a, "DPS", chance(rng, 0.7) ? "CONSULTATIONS" : "TREATMENT", "Fjordvik DPS, poliklinikk", null, TODAY - int(rng, 20, 700));
      if (chance(rng, 0.003)) health(a, "FACT", "TEAM_FOLLOW_UP", "FACT-teamet Fjordvik", null, TODAY - int(rng, 20, 900));
      if (chance(rng, 0.025)) health(a, "FRISKLIVSSENTRAL", "CONSULTATIONS", "Frisklivssentralen Fjordvik", null, TODAY - int(rng, 10, 120), TODAY + int(rng, 10, 90));
      if (substance && chance(rng, 0.3)) {
        const peer = actor("frivillighet-likeperson", int(rng, 0, 4));
        voluntary(a, "PEER_WORKER", ORGS.bymisjon, "Erfaringskonsulent", peer, TODAY - int(rng, 10, 400));
        involve(a.slot, peer, true);
      }
      if (skel.immigrant && chance(rng, intro ? 0.35 : 0.08)) voluntary(a, "LANGUAGE_MENTOR", ORGS.redCross, "Språkvenn – norsktrening", null, TODAY - int(rng, 10, 700));
      if (chance(rng, 0.04)) voluntary(a, "ACTIVITY", pick(rng, [ORGS.frivilligsentral, ORGS.fontenehus]), pick(rng, ["Turgruppe", "Strikkekafé", "Middagsfellesskap", "Arbeidsfellesskap"]), null, TODAY - int(rng, 10, 900));
      if (age < 26 && chance(rng, 0.03)) {
        const mentor = poolActor(rng, "frivillighet-mentor");
        voluntary(a, "MENTOR", ORGS.bymisjon, "Mentor for unge voksne", mentor, TODAY - int(rng, 10, 400));
        involve(a.slot, mentor, true);
      }
      if (age <= 23 && chance(rng, 0.06)) this.aftercare(index, a, rng, involve, next);
    }

    this.maybeCase(index, rng, familyId, persons, guardiansOf, involvements, familyVeileder, next);
  }

  private nav(
    index: number,
    p: PersonOut,
    rng: Rng,
    involve: (slot: number, actorId: string, serious: boolean) => void,
    next: (k: "nt" | "m") => number,
    veileder: string,
    intro: boolean,
    hasChildren: boolean,
  ): void {
    const w = this.world;
    const since = past(rng, Math.max(p.skel.birthDay + 18 * 366, TODAY - 6 * 365), TODAY - 14);
    w.nav.navFollowUp.push({
      personId: p.id,
      office: "NAV Fjordvik",
      veilederName: syntheticStaffName(veileder),
      veilederPhone: staffPhone(veileder),
      since: toDate(since),
      endedAt: null,
    });
    involve(p.slot, veileder, true);
    const kinds: NavMeasureKind[] = [];
    if (intro) kinds.push("INTRODUCTION_PROGRAMME");
    if (p.skel.age < 30 && chance(rng, 0.5)) kinds.push("YOUTH_TEAM");
    if (hasChildren && chance(rng, 0.06)) kinds.push("FAMILY_COORDINATOR");
    for (const [kind, odds] of NAV_MEASURE_ODDS) if (kinds.length < 3 && chance(rng, odds)) kinds.push(kind);
    if (kinds.length === 0) kinds.push("SOCIAL_ASSISTANCE");
    for (const kind of kinds) {
      const status: MeasureStatus = kind === "INTRODUCTION_PROGRAMME" ? "ACTIVE" : weighted(rng, [["ACTIVE", 70], ["ENDED", 20], ["PLANNED", 10]] as const);
      const started = status === "PLANNED" ? TODAY + int(rng, 7, 90) : past(rng, since, TODAY - 7);
      const endsAt =
        kind === "INTRODUCTION_PROGRAMME" ? TODAY + int(rng, 20, 700)
        : status === "ENDED" ? past(rng, started + 14, TODAY - 1)
        : chance(rng, 0.3) ? started + int(rng, 90, 720)
        : null;
      this.world.nav.navMeasure.push({
        id: this.ids.id("nt", index, next("nt")),
        personId: p.id,
        kind,
        description: NAV_MEASURE_TEXT[kind],
        status,
        startedAt: toDate(started),
        endsAt: endsAt === null ? null : toDate(Math.max(endsAt, started + 1)),
      });
      if (kind === "HOUSING_FOLLOW_UP" || kind === "TEMPORARY_HOUSING") involve(p.slot, actor("nav-bolig", int(rng, 0, 9)), true);
      if (kind === "DEBT_ADVICE") involve(p.slot, actor("nav-okonomi", int(rng, 0, 9)), true);
    }
  }

  private aftercare(
    index: number,
    p: PersonOut,
    rng: Rng,
    involve: (slot: number, actorId: string, serious: boolean) => void,
    next: (k: "bt") => number,
  ): void {
    const worker = actor("barnevern-ettervern", int(rng, 0, 5));
    const eighteen = p.skel.birthDay + Math.round(18 * 365.25);
    const ends = Math.max(TODAY + 30, eighteen + 365 * int(rng, 2, 6));
    this.world.barnevern.barnevernCase.push({
      personId: p.id,
      phase: "AFTERCARE",
      openedAt: toDate(between(rng, p.skel.birthDay + 365 * 3, eighteen - 200)),
      caseworkerName: syntheticStaffName(worker),
      caseworkerPhone: staffPhone(worker),
      aftercareEndsAt: toDate(Math.min(ends, p.skel.birthDay + Math.round(25 * 365.25))),
    });
    for (const kind of ["AFTERCARE_FOLLOW_UP", "AFTERCARE_HOUSING", "AFTERCARE_FINANCIAL"] as const) {
      if (kind !== "AFTERCARE_FOLLOW_UP" && !chance(rng, 0.5)) continue;
      this.world.barnevern.barnevernMeasure.push({
        id: this.ids.id("bt", index, next("bt")),
        personId: p.id,
        kind,
        status: "ACTIVE",
        startedAt: toDate(Math.min(eighteen, TODAY - 7)),
        endsAt: null,
      });
    }
    involve(p.slot, worker, true);
  }

  private maybeCase(
    index: number,
    rng: Rng,
    familyId: string,
    persons: PersonOut[],
    guardiansOf: Map<number, PersonOut[]>,
    involvements: Involvement[],
    familyVeileder: string,
    next: (k: "m") => number,
  ): void {
    const serious = involvements.filter((x) => x.serious);
    const focusSlots = [...new Set(serious.map((x) => x.slot))];
    const score = new Set(serious.map((x) => x.actorId)).size;
    const p = score === 0 ? 0.06 : Math.min(0.85, 0.34 + 0.1 * score);
    if (!chance(rng, p)) return;

    // The case is about the person with the most pressing involvement, more often a child or youth.
    const household = persons.filter((x) => x.skel.role !== "OUTSIDE");
    const youngSlots = focusSlots.filter((slot) => persons[slot]!.skel.age <= 23);
    const focus =
      youngSlots.length > 0 && chance(rng, 0.7) ? persons[pick(rng, youngSlots)]!
      : focusSlots.length > 0 ? persons[pick(rng, focusSlots)]!
      : pick(rng, household);
    const young = focus.skel.age <= 23;
    const kind = young && chance(rng, 0.65) ? "BTI" : "ANSVARSGRUPPE";
    let subjects: PersonOut[];
    if (kind === "BTI") {
      subjects = [focus];
      const sibling = household.find((x) => x !== focus && x.skel.role === "CHILD" && x.skel.age <= 23);
      if (sibling && chance(rng, 0.15)) subjects.push(sibling);
    } else {
      subjects = chance(rng, 0.45) && household.length > 1 ? household : [focus];
    }
    const subjectSlots = new Set(subjects.map((x) => x.slot));
    const btiLevel = kind === "BTI" ? weighted(rng, [[0, 10], [1, 35], [2, 35], [3, 20]] as const) : chance(rng, 0.25) ? 3 : null;

    // Professionals: those already involved with the subjects, first the most serious.
    const candidates: string[] = [];
    for (const pass of [true, false]) {
      for (const x of involvements) {
        if (x.serious === pass && subjectSlots.has(x.slot) && !candidates.includes(x.actorId)) candidates.push(x.actorId);
      }
    }
    // Shuffle all but the first (the most serious involvement leads).
    for (let i = candidates.length - 1; i > 1; i--) {
      const j = 1 + Math.floor(rng() * i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const wanted = int(rng, 2, 5);
    const staffIds = candidates.slice(0, wanted);
    // Broad cooperation (ansvarsgruppe, BTI level 3) brings in at least three services' people.
    const least = Math.min(wanted, kind === "ANSVARSGRUPPE" || btiLevel === 3 ? 3 : 2);
    const fallbacks = [
      focus.skel.age < 20 ? actor("helse-helsesykepleier", int(rng, 0, 19)) : familyVeileder,
      familyVeileder,
      actor("samhandling-koordinator", int(rng, 0, 9)),
    ];
    for (const f of fallbacks) if (staffIds.length < Math.max(2, least) && !staffIds.includes(f)) staffIds.push(f);
    if (kind === "ANSVARSGRUPPE" && staffIds.length < 5 && chance(rng, 0.25)) {
      // A family coordinator (familielos / investeringsleder) leads the group.
      const los = actor("samhandling-koordinator", int(rng, 0, 9));
      if (!staffIds.includes(los)) staffIds.unshift(los);
    }

    const closed = chance(rng, 0.15);
    const openedAt = between(rng, CASES_FROM, TODAY - (closed ? 90 : 7));
    const closedAt = closed ? between(rng, openedAt + 60, TODAY - 1) : null;
    const caseId = this.ids.id("c", index, 0);
    const w = this.world;
    const theCase: Row<"samhandling", "coordinationCase"> = {
      id: caseId,
      kind,
      title: kind === "BTI" ? `BTI nivå ${btiLevel} – ${pick(rng, BTI_TOPICS)}` : pick(rng, AG_TITLES),
      familyId,
      btiLevel,
      status: closed ? "CLOSED" : "OPEN",
      openedAt: toDate(openedAt),
      closedAt: optDate(closedAt),
      // BTI starts from a registered concern; level 0 was decided in the first days.
      concernRegisteredAt: kind === "BTI" ? toDate(openedAt) : null,
      levelDecidedAt: kind === "BTI" && btiLevel !== null && btiLevel > 0 ? toDate(openedAt + 7) : null,
      // A case starts from a task: BTI from the holder's concern, an ansvarsgruppe from a referral.
      basis: kind === "BTI" ? "CONCERN" : "REFERRAL",
      basisReference: kind === "BTI" ? null : `Henvisning ${isoDay(openedAt).slice(0, 4)}/${String(index).padStart(4, "0")}`,
    };
    w.samhandling.coordinationCase.push(theCase);
    if (kind === "BTI") {
      w.samhandling.concern.push({
        id: this.ids.id("bk", index, 0),
        subjectPersonId: focus.id,
        text: `Bekymring om ${theCase.title.slice(theCase.title.indexOf("–") + 2)}.`,
        noticedAt: toDate(openedAt),
        registeredAt: toDate(openedAt),
        registeredBy: staffIds[0]!,
        service: serviceOfActor(staffIds[0]!),
        caseId,
      });
    }
    for (const s of subjects) w.samhandling.caseSubject.push({ caseId, personId: s.id });

    const lastDay = closedAt ?? TODAY;
    staffIds.forEach((actorId, k) => {
      this.enterDirectory(actorId);
      const role: MemberRole =
        k === 0 ? (kind === "BTI" ? "STAFETTHOLDER" : "COORDINATOR")
        : actorId.startsWith("frivillighet-") && chance(rng, 0.5) ? "TRUSTED_PERSON"
        : "PROFESSIONAL";
      const joined = k === 0 ? openedAt : between(rng, openedAt, Math.min(openedAt + 60, lastDay));
      const left = closedAt ?? (k > 0 && joined + 30 < TODAY && chance(rng, 0.08) ? past(rng, joined + 30, TODAY - 1) : null);
      const id = this.ids.id("m", index, next("m"));
      // The first staff member holds the baton (stafettholder) or coordinates.
      if (k === 0) theCase.holderMemberId = id;
      w.samhandling.caseMember.push({
        id,
        caseId,
        actorId,
        personId: null,
        displayName: syntheticStaffName(actorId),
        service: serviceOfActor(actorId),
        role,
        joinedAt: toDate(joined),
        leftAt: optDate(left === null ? null : Math.max(left, joined)),
      });
    });

    // The family: subjects old enough to take part, and the guardians of child subjects.
    const family: PersonOut[] = [];
    for (const s of subjects) {
      if (s.skel.age >= 12 && !family.includes(s)) family.push(s);
      if (s.skel.age < 18) for (const g of guardiansOf.get(s.slot) ?? []) if (!family.includes(g)) family.push(g);
    }
    if (family.length === 0) family.push(focus);
    for (const f of family) {
      w.samhandling.caseMember.push({
        id: this.ids.id("m", index, next("m")),
        caseId,
        actorId: null,
        personId: f.id,
        displayName: `${f.givenName} ${f.familyName}`,
        service: "FAMILY",
        role: "FAMILY",
        joinedAt: toDate(openedAt),
        leftAt: optDate(closedAt),
      });
    }
    this.consents(index, caseId, kind, subjects, guardiansOf, staffIds, openedAt, closedAt);
  }

  /** A case member's directory entry (case members are entries in it), once. */
  private enterDirectory(actorId: string): void {
    if (this.inDirectory.has(actorId)) return;
    this.inDirectory.add(actorId);
    this.world.samhandling.employee.push({
      actorId,
      displayName: syntheticStaffName(actorId),
      service: serviceOfActor(actorId),
      unit: syntheticUnit(serviceOfActor(actorId)),
      roles: ["caseworker"],
      active: true,
      source: "SEED",
      updatedAt: toDate(TODAY),
    });
  }

  /**
   * The consents of a case, from its opening: each subject's own at 18+, a
   * guardian's with the child's view from 7, the youth's own for HELSE from 16;
   * now and then a refusal for barnevern, a withdrawal, or a consent for a year.
   * Its own random stream, so the rest of the family does not change with it.
   */
  private consents(
    index: number,
    caseId: string,
    kind: "BTI" | "ANSVARSGRUPPE",
    subjects: PersonOut[],
    guardiansOf: Map<number, PersonOut[]>,
    staffIds: string[],
    openedAt: number,
    closedAt: number | null,
  ): void {
    const rng = familyRng(this.seed, index, 3);
    const services = [...new Set(staffIds.map(serviceOfActor))].filter((x) => x !== "FAMILY");
    if (services.length === 0) return;
    const categories = kind === "BTI" ? ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG"] : ["INVOLVEMENT", "SERVICE_DATA"];
    const recordedBy = staffIds[0]!;
    let n = 0;
    const push = (
      subject: PersonOut,
      givenBy: PersonOut,
      capacity: ConsentCapacity,
      decision: ConsentDecision,
      covered: ServiceName[],
      from: number,
      childView: string | null,
      note: string | null,
    ): void => {
      if (covered.length === 0) return;
      const validTo = closedAt ?? (chance(rng, 0.2) ? from + 365 : null);
      if (validTo !== null && validTo <= from) return;
      const stillValid = validTo === null || validTo > TODAY;
      const withdrawnAt = stillValid && from + 14 < TODAY - 1 && chance(rng, 0.04) ? past(rng, from + 14, TODAY - 1) : null;
      // Every third consent the giver gave signed in themselves; the others came on a signed form that the
      // case's second professional attested; a refusal the holder recorded counts as it is.
      const digital = decision === "PERMIT" && n % 3 === 0;
      const paper = decision === "PERMIT" && !digital;
      const id = this.ids.id("cn", index, n++);
      this.world.samhandling.consent.push({
        id,
        caseId,
        subjectPersonId: subject.id,
        givenByPersonId: givenBy.id,
        capacity,
        decision,
        services: covered,
        categories: decision === "DENY" ? ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG", "IDENTITY"] : categories,
        validFrom: toDate(from),
        validTo: optDate(validTo),
        withdrawnAt: optDate(withdrawnAt),
        withdrawnBy: withdrawnAt === null ? null : chance(rng, 0.5) ? givenBy.id : recordedBy,
        childView,
        note,
        recordedBy: digital ? givenBy.id : recordedBy,
        createdAt: toDate(from),
        channel: digital ? "DIGITAL" : paper ? "PAPER_FORM" : "STAFF_RECORDED",
        formReference: paper ? `Samtykkeskjema ${id}` : null,
        attestedBy: paper ? staffIds[1]! : null,
        attestedAt: paper ? toDate(from) : null,
      });
    };
    for (const s of subjects) {
      const birth = toDate(s.skel.birthDay);
      let from = openedAt;
      let age = ageOn(birth, isoDay(from));
      const guardians = guardiansOf.get(s.slot) ?? [];
      if (age < 18 && guardians.length === 0) {
        // Grown up since the case opened (the registry keeps no guardians for adults): their own consent from 18.
        from = Math.floor(Date.UTC(birth.getUTCFullYear() + 18, birth.getUTCMonth(), birth.getUTCDate()) / DAY_MS);
        age = 18;
        if (from > TODAY || (closedAt !== null && from >= closedAt)) continue;
      }
      const refuse = services.includes("BARNEVERN") && chance(rng, 0.15);
      const permitted = refuse ? services.filter((x) => x !== "BARNEVERN") : services;
      const note = refuse ? pick(rng, REFUSAL_NOTES) : null;
      if (age >= 18) {
        push(s, s, "SELF", "PERMIT", permitted, from, null, null);
        if (refuse) push(s, s, "SELF", "DENY", ["BARNEVERN"], from, null, note);
        continue;
      }
      const guardian = guardians[0]!;
      const view = age >= 7 ? pick(rng, CHILD_VIEWS) : null;
      // From 16 the youth alone decides about health data.
      const ownHealth = age >= 16 && permitted.includes("HELSE");
      push(s, guardian, "GUARDIAN", "PERMIT", ownHealth ? permitted.filter((x) => x !== "HELSE") : permitted, from, view, null);
      if (ownHealth) push(s, s, "SELF", "PERMIT", ["HELSE"], from, null, null);
      if (refuse) push(s, guardian, "GUARDIAN", "DENY", ["BARNEVERN"], from, view, note);
    }
  }
}

/**
 * Synthetic families startIndex … startIndex + families - 1 of the municipality
 * generated with `seed`. Chunks merged with mergeWorlds equal one call.
 */
export function syntheticWorld(opts: SyntheticOptions): World {
  const families = opts.families;
  const seed = (opts.seed ?? SYNTHETIC_DEFAULT_SEED) >>> 0;
  const start = opts.startIndex ?? 0;
  if (!Number.isInteger(families) || families < 0) throw new Error(`families must be a non-negative integer, got ${families}`);
  if (!Number.isInteger(start) || start < 0) throw new Error(`startIndex must be a non-negative integer, got ${start}`);
  if (start + families > MAX_FAMILY_INDEX) throw new Error("too many synthetic families");
  const shift = demoShift(opts.today ?? DEMO_TODAY);
  const gen = new Generator(seed, shift.days);
  for (let i = 0; i < start; i++) gen.replay(i);
  for (let i = start; i < start + families; i++) gen.family(i);
  return shiftWorld(gen.world, shift, { texts: false });
}
