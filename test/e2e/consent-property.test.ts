// Property: whatever actor, declared case, person and views are asked for,
// and whatever consents have been given, refused or withdrawn meanwhile, the
// real federation (gateway + subgraphs over HTTP) releases a service's view
// of a person exactly when an independent model of DESIGN.md "Consent rules"
// (test/support/oracle.ts) allows it, only the involvement fact and contact
// where the model allows the category INVOLVEMENT alone — and never leaks
// data otherwise.
//
// FC_SEED=<n> replays a run; FC_RUNS=<n> changes the number of runs (default 500);
// FC_SHRINK=1 shrinks a counterexample (off by default: the federation keeps the
// consents each run records, so a shrunk replay meets a different state).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA_CATEGORIES } from "../../services/kit/categories.ts";
import { demoCases, demoPersons, demoStaff, fjordvik, ID_ALPHABET } from "../../services/kit/demo/fjordvik.ts";
import { demoUser } from "../../services/kit/demo/users.ts";
import { asClaims, asUser, gateway, type GraphQLResponse } from "../support/graphql.ts";
import { CONSENT_SERVICES, ConsentOracle, VIEWS, type Actor, type OracleConsent, type Verdict, type View, type ViewVerdict } from "../support/oracle.ts";

// ---------------------------------------------------------------------------
// Facts (not rules): the demo world the federation is seeded with
// ---------------------------------------------------------------------------

const world = fjordvik();
const PERSON_IDS = demoPersons.map((p) => p.personId);
const STAFF_IDS = Object.keys(demoStaff);
const CASE_IDS = demoCases.map((c) => c.caseId);
/** Every employee who is or was in a demo case, with the case. */
const CASE_STAFF: [string, string][] = world.samhandling.caseMember.flatMap((m) => (m.actorId ? [[m.caseId, m.actorId] as [string, string]] : []));
const OPEN_CASES = demoCases.filter((c) => c.open && c.activeActorIds.length > 0);
const CITIZENS = { citizen: demoUser("citizen")!.claims.personId!, emma: demoUser("emma")!.claims.personId! } as const;
const familyOf = new Map(demoPersons.map((p) => [p.personId, p.familyKey]));
const birthOf = new Map(demoPersons.map((p) => [p.personId, p.birthDate]));
const guardiansOf = (childId: string) => world.registry.guardianship.filter((g) => g.childId === childId);

/** Persons related to a case (subjects and person members), or to a citizen (their family). */
function relatedPersons(caseId: string | null, actor: ActorSpec): string[] {
  const out = new Set<string>();
  if (caseId) {
    for (const s of world.samhandling.caseSubject) if (s.caseId === caseId) out.add(s.personId);
    for (const m of world.samhandling.caseMember) if (m.caseId === caseId && m.personId) out.add(m.personId);
  }
  if (actor.kind === "citizen") {
    const family = familyOf.get(actor.personId);
    for (const p of demoPersons) if (p.familyKey === family) out.add(p.personId);
  }
  return [...out];
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

type ActorSpec =
  | { kind: "staff"; actorId: string }
  | { kind: "external"; sub: string; service: "nav" | "barnevern" | "skole" | "helse" | "frivillighet" | "samhandling" }
  | { kind: "anonymous" }
  /** A demo citizen user ("citizen", "emma"), or a citizen signed in as any other demo person (`key` null). */
  | { kind: "citizen"; key: keyof typeof CITIZENS | null; personId: string; ward?: string };

const idChars = (n: number) => fc.string({ unit: fc.constantFrom(...ID_ALPHABET), minLength: n, maxLength: n });
const unknownCaseArb = idChars(10).map((s) => `c-${s}`);
const anyCaseArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CASE_IDS) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: unknownCaseArb },
);

/** An employee who is or was in a case, mostly declaring that case. */
const memberArb = (pairs: [string, string][]) =>
  fc.constantFrom(...pairs).chain(([caseId, actorId]) =>
    fc.record({
      actor: fc.constant<ActorSpec>({ kind: "staff", actorId }),
      caseId: fc.oneof({ weight: 4, arbitrary: fc.constant<string | null>(caseId) }, { weight: 1, arbitrary: anyCaseArb }),
    }),
  );

const actorAndCaseArb: fc.Arbitrary<{ actor: ActorSpec; caseId: string | null }> = fc.oneof(
  { weight: 14, arbitrary: memberArb(CASE_STAFF) },
  // Barnevern members are few but have a rule of their own (INFORMATION_DUTY): meet them more often.
  { weight: 2, arbitrary: memberArb(CASE_STAFF.filter(([, actorId]) => demoStaff[actorId]!.service === "BARNEVERN")) },
  { weight: 3, arbitrary: fc.record({ actor: fc.constantFrom(...STAFF_IDS).map<ActorSpec>((actorId) => ({ kind: "staff", actorId })), caseId: anyCaseArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      actor: fc
        .record({ service: fc.constantFrom("nav", "barnevern", "skole", "helse", "frivillighet", "samhandling" as const), id: idChars(6) })
        .map<ActorSpec>(({ service, id }) => ({ kind: "external", service, sub: `ext-${service}-${id}` })),
      caseId: anyCaseArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ actor: fc.constant<ActorSpec>({ kind: "anonymous" }), caseId: anyCaseArb }) },
  {
    weight: 6,
    arbitrary: fc.record({
      actor: fc.oneof(
        fc.constantFrom(...(Object.keys(CITIZENS) as (keyof typeof CITIZENS)[])).map<ActorSpec>((key) => ({ kind: "citizen", key, personId: CITIZENS[key] })),
        fc.constantFrom(...PERSON_IDS).map<ActorSpec>((personId) => ({ kind: "citizen", key: null, personId })),
        // A guardian (with or without parental responsibility) looking at one of their children.
        {
          weight: 2,
          arbitrary: fc
            .constantFrom(...new Set(world.registry.guardianship.map((g) => g.childId)))
            .chain((childId) => fc.constantFrom(...guardiansOf(childId)).map<ActorSpec>((g) => ({ kind: "citizen", key: null, personId: g.guardianId, ward: childId }))),
        },
      ),
      caseId: anyCaseArb,
    }),
  },
);

/** Resolved against the actor and case at run time: mostly someone the case is about. */
const personPickArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ mode: fc.constant("related" as const), index: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ mode: fc.constant("any" as const), id: fc.constantFrom(...PERSON_IDS) }) },
  { weight: 1, arbitrary: fc.record({ mode: fc.constant("unknown" as const), id: idChars(10).map((s) => `p-${s}`) }) },
);

/**
 * One data field besides `involved` per view (the key it answers under, and its selection).
 * `contact` is part of the involvement layer (INVOLVEMENT_ONLY); every other field is content.
 */
const EXTRA_FIELDS: Record<View, [string, string][]> = {
  nav: [["office", "office"], ["since", "since"], ["contact", "contact { name phone }"], ["measures", "measures { kind status }"]],
  barnevern: [["phase", "phase"], ["since", "since"], ["aftercareEndsAt", "aftercareEndsAt"], ["contact", "contact { name }"], ["measures", "measures { kind }"]],
  skole: [["enrolments", "enrolments { level grade }"], ["support", "support { kind }"], ["attendance", "attendance { trend }"], ["contact", "contact { name role }"]],
  helse: [["contacts", "contacts { kind followUp }"], ["contact", "contact { name phone }"]],
  frivillighet: [["activities", "activities { kind title }"], ["contact", "contact { name }"]],
};
/** The fields the involvement layer fills in. */
const INVOLVEMENT_FIELDS = new Set(["involved", "contact"]);
const viewsArb = fc
  .subarray([...VIEWS], { minLength: 1 })
  .chain((views) => fc.tuple(...views.map((v) => fc.constantFrom(...EXTRA_FIELDS[v]).map((f) => [v, f] as const))));

const queryArb = fc.record({
  who: actorAndCaseArb,
  person: personPickArb,
  views: viewsArb,
  /**
   * Instead of `who` and `person`: look, as an active member of its case, at
   * the subject of a consent this run recorded earlier (resolved at run time),
   * so that each recorded, expiring or withdrawn consent is seen to decide.
   */
  focus: fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    // `timed`: among those that start or end within seconds, to see them start and expire.
    { weight: 2, arbitrary: fc.record({ consent: fc.nat(), member: fc.nat(), timed: fc.boolean() }) },
  ),
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const recordArb = fc.record({
  kind: fc.constant("record" as const),
  decision: fc.oneof({ weight: 5, arbitrary: fc.constant("PERMIT" as const) }, { weight: 2, arbitrary: fc.constant("DENY" as const) }),
  caseIndex: fc.nat(),
  recorderIndex: fc.nat(),
  subjectIndex: fc.nat(),
  /** "valid": a competent giver in the right capacity; "odd": any family member in any capacity. */
  giver: fc.oneof({ weight: 6, arbitrary: fc.constant("valid" as const) }, { weight: 1, arbitrary: fc.constant("odd" as const) }),
  giverIndex: fc.nat(),
  oddCapacity: fc.constantFrom("SELF" as const, "GUARDIAN" as const),
  services: fc.oneof(
    { weight: 3, arbitrary: fc.subarray([...CONSENT_SERVICES], { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: fc.subarray([...CONSENT_SERVICES], { minLength: 1 }) },
  ),
  categories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
  /** "withServiceData": the drawn categories plus SERVICE_DATA; "asDrawn": as drawn; "involvementOnly": INVOLVEMENT alone (a Verwijsindex consent). */
  categoryMode: fc.oneof(
    { weight: 6, arbitrary: fc.constant("withServiceData" as const) },
    { weight: 2, arbitrary: fc.constant("asDrawn" as const) },
    { weight: 2, arbitrary: fc.constant("involvementOnly" as const) },
  ),
  /** validFrom as an offset from now in ms (null: left out, i.e. now); a few seconds ahead makes it start during the run. */
  validFromMs: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.integer({ min: -60, max: -1 }).map((d) => d * DAY) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }).map((d) => d * DAY) },
    { weight: 2, arbitrary: fc.integer({ min: 300, max: 2_000 }) },
  ),
  /** validTo as an offset in ms from max(validFrom, now) (null: until withdrawn); a few seconds makes it expire during the run. */
  validToMs: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 24 * 400 }).map((h) => h * HOUR) },
    { weight: 3, arbitrary: fc.integer({ min: 1_000, max: 2_500 }) },
  ),
});
const withdrawArb = fc.record({
  kind: fc.constant("withdraw" as const),
  index: fc.nat(),
  recorderIndex: fc.nat(),
  again: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const changeArb = fc.option(fc.oneof({ weight: 4, arbitrary: recordArb }, { weight: 1, arbitrary: withdrawArb }), { freq: 2, nil: null });

type RecordSpec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;
type WithdrawSpec = typeof withdrawArb extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------
// Talking to the federation
// ---------------------------------------------------------------------------

const CONSENT_FIELDS = "id decision capacity services categories validFrom validTo withdrawnAt createdAt subject { id } givenBy { id }";

interface ConsentOut {
  id: string;
  decision: "PERMIT" | "DENY";
  capacity: "SELF" | "GUARDIAN";
  services: string[];
  categories: string[];
  validFrom: string;
  validTo: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  subject: { id: string };
  givenBy: { id: string };
}

const toOracle = (caseId: string, c: ConsentOut): OracleConsent => ({
  id: c.id,
  caseId,
  subjectId: c.subject.id,
  givenById: c.givenBy.id,
  capacity: c.capacity,
  decision: c.decision,
  services: [...c.services],
  categories: [...c.categories],
  validFrom: new Date(c.validFrom),
  validTo: c.validTo ? new Date(c.validTo) : null,
  withdrawnAt: c.withdrawnAt ? new Date(c.withdrawnAt) : null,
  createdAt: new Date(c.createdAt),
});

function oracleActor(a: ActorSpec): Actor {
  switch (a.kind) {
    case "staff":
      return { kind: "employee", sub: a.actorId, service: demoStaff[a.actorId]!.service.toLowerCase() };
    case "external":
      return { kind: "employee", sub: a.sub, service: a.service };
    case "citizen":
      return { kind: "citizen", personId: a.personId };
    default:
      return { kind: "anonymous" };
  }
}

async function headersFor(a: ActorSpec, caseId: string | null): Promise<Record<string, string>> {
  const caseHeader = caseId ?? undefined;
  switch (a.kind) {
    case "staff":
      return asUser(a.actorId, caseHeader);
    case "external":
      return asClaims({ sub: a.sub, name: "Ekstern Ansatt", service: a.service, roles: [] }, caseHeader);
    case "citizen":
      return a.key ? asUser(a.key, caseHeader) : asClaims({ sub: `citizen-${a.personId}`, name: "Innbygger", service: "citizen", roles: ["citizen"], personId: a.personId }, caseHeader);
    default:
      return caseId ? { "x-case-id": caseId } : {};
  }
}

function fail(message: string, details: Record<string, unknown>): never {
  throw new Error(`${message}\n${JSON.stringify(details, null, 2)}`);
}

function errorCode(res: GraphQLResponse): string | null {
  return (res.errors?.[0]?.extensions?.code as string | undefined) ?? null;
}

// ---------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------

let oracle: ConsentOracle;
/** Consents this file recorded, to withdraw afterwards and to pick withdrawals from. */
const mine: string[] = [];
/** Those of them that start or expire within seconds. */
const timed: string[] = [];
const stats = {
  runs: 0,
  personNull: 0,
  personShown: 0,
  views: 0,
  granted: {} as Record<string, number>,
  /** INVOLVEMENT_ONLY answers, by reason. */
  involvementOnly: {} as Record<string, number>,
  restricted: 0,
  focused: 0,
  /** Answers decided while a consent started or ended. */
  boundary: 0,
  hiddenWhy: {} as Record<string, number>,
  restrictedWhy: {} as Record<string, number>,
  changes: {} as Record<string, number>,
};
const count = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

async function loadConsents(): Promise<OracleConsent[]> {
  const out: OracleConsent[] = [];
  for (const c of demoCases) {
    if (!c.open) {
      // Nobody may read a closed case's consents; they cannot decide anything either. Take them from the seed.
      for (const s of world.samhandling.consent.filter((x) => x.caseId === c.caseId)) {
        out.push({
          id: s.id!, caseId: s.caseId, subjectId: s.subjectPersonId, givenById: s.givenByPersonId, capacity: s.capacity, decision: s.decision,
          services: [...(s.services as string[])], categories: [...(s.categories as string[])], validFrom: new Date(s.validFrom), validTo: s.validTo ? new Date(s.validTo) : null,
          withdrawnAt: s.withdrawnAt ? new Date(s.withdrawnAt) : null, createdAt: new Date(s.createdAt ?? s.validFrom),
        });
      }
      continue;
    }
    const res = await gateway<{ consents: ConsentOut[] }>(`query ($c: ID!) { consents(caseId: $c) { ${CONSENT_FIELDS} } }`, { c: c.caseId }, await asUser(c.activeActorIds[0]!));
    expect(res.errors).toBeUndefined();
    out.push(...res.data!.consents.map((x) => toOracle(c.caseId, x)));
  }
  return out;
}

async function applyRecord(spec: RecordSpec): Promise<void> {
  const theCase = OPEN_CASES[spec.caseIndex % OPEN_CASES.length]!;
  const recorder = theCase.activeActorIds[spec.recorderIndex % theCase.activeActorIds.length]!;
  const subjectId = theCase.subjectIds[spec.subjectIndex % theCase.subjectIds.length]!;
  const now = new Date();
  const age = oracle.age(subjectId, now);
  let services = [...spec.services] as string[];
  let capacity: "SELF" | "GUARDIAN";
  let givenById: string;
  if (spec.giver === "odd") {
    const family = demoPersons.filter((p) => p.familyKey === familyOf.get(subjectId)).map((p) => p.personId);
    givenById = family[spec.giverIndex % family.length]!;
    capacity = spec.oddCapacity;
  } else if (age >= 18) {
    capacity = "SELF";
    givenById = subjectId;
  } else {
    const withResponsibility = guardiansOf(subjectId).filter((g) => g.parentalResponsibility);
    if (age >= 16 && spec.giverIndex % 2 === 0) {
      capacity = "SELF";
      givenById = subjectId;
      services = ["HELSE"];
    } else {
      capacity = "GUARDIAN";
      givenById = withResponsibility[spec.giverIndex % withResponsibility.length]!.guardianId;
      if (age >= 16) services = services.filter((s) => s !== "HELSE");
      if (services.length === 0) services = ["SKOLE"];
    }
  }
  const categories =
    spec.categoryMode === "involvementOnly" ? ["INVOLVEMENT"] : [...new Set([...spec.categories, ...(spec.categoryMode === "withServiceData" ? ["SERVICE_DATA"] : [])])];
  const validFrom = spec.validFromMs === null ? null : new Date(now.getTime() + spec.validFromMs);
  const from = validFrom ?? now;
  const validTo = spec.validToMs === null ? null : new Date(Math.max(from.getTime(), now.getTime()) + spec.validToMs);
  const subjectAge = age;
  const input: Record<string, unknown> = {
    caseId: theCase.caseId,
    subjectId,
    givenById,
    capacity,
    services,
    categories,
    ...(validFrom ? { validFrom: validFrom.toISOString() } : {}),
    ...(validTo ? { validTo: validTo.toISOString() } : {}),
    ...(capacity === "GUARDIAN" && subjectAge >= 7 ? { childView: "Det er greit for meg." } : {}),
    note: "property test",
  };
  /** The outcome if the server decides at `t` (a left-out validFrom is then `t`). */
  const expectedAt = (t: Date) =>
    oracle.recordOutcome({ caseId: theCase.caseId, subjectId, givenById, capacity, decision: spec.decision, services, categories, validFrom: validFrom ?? t, validTo }, t);
  const mutation = spec.decision === "PERMIT" ? "grantConsent" : "refuseConsent";
  const inputType = spec.decision === "PERMIT" ? "GrantConsentInput" : "RefuseConsentInput";
  const headers = await asUser(recorder);
  const sent = new Date();
  const res = await gateway<Record<string, ConsentOut>>(`mutation ($input: ${inputType}!) { r: ${mutation}(input: $input) { ${CONSENT_FIELDS} } }`, { input }, headers);
  const answered = new Date();
  // The server decides at some moment in [sent, answered]: where a consent starts or ends in between, either answer is right.
  const expected = [...new Set([expectedAt(sent), expectedAt(answered)])];
  const got = res.errors ? errorCode(res) : "OK";
  count(stats.changes, `${mutation}:${got}`);
  const details = { mutation, recorder, input, subjectAge, expected, got, errors: res.errors };
  if (!expected.includes(got as never)) fail(`${mutation} answered ${got}, the model expected ${expected.join(" or ")}`, details);
  if (got !== "OK") {
    if (res.data?.r) fail(`${mutation} failed but returned a consent`, details);
    return;
  }
  const row = toOracle(theCase.caseId, res.data!.r!);
  if (row.subjectId !== subjectId || row.givenById !== givenById || row.decision !== spec.decision || row.capacity !== capacity || row.withdrawnAt !== null) {
    fail(`${mutation} recorded something else than asked`, { ...details, row });
  }
  if ([...row.services].sort().join() !== [...services].sort().join() || [...row.categories].sort().join() !== [...categories].sort().join()) {
    fail(`${mutation} recorded other services or categories than asked`, { ...details, row });
  }
  oracle.consents.push(row);
  mine.push(row.id);
  if ((spec.validFromMs !== null && Math.abs(spec.validFromMs) < DAY) || (spec.validToMs !== null && spec.validToMs < HOUR)) timed.push(row.id);
}

async function applyWithdraw(spec: WithdrawSpec): Promise<void> {
  const records = mine.map((id) => oracle.consents.find((c) => c.id === id)!);
  const pool = records.filter((c) => (spec.again ? c.withdrawnAt !== null : c.withdrawnAt === null));
  if (pool.length === 0) return;
  const target = pool[spec.index % pool.length]!;
  const theCase = demoCases.find((c) => c.caseId === target.caseId)!;
  const recorder = theCase.activeActorIds[spec.recorderIndex % theCase.activeActorIds.length]!;
  const res = await gateway<{ r: ConsentOut }>(`mutation ($id: ID!) { r: withdrawConsent(id: $id) { ${CONSENT_FIELDS} } }`, { id: target.id }, await asUser(recorder));
  const expected = spec.again ? "CONFLICT" : "OK";
  const got = res.errors ? errorCode(res) : "OK";
  count(stats.changes, `withdrawConsent:${got}`);
  if (got !== expected) fail(`withdrawConsent answered ${got}, the model expected ${expected}`, { target, recorder, errors: res.errors });
  if (got === "OK") {
    if (!res.data?.r.withdrawnAt) fail("withdrawConsent returned no withdrawal time", { target, data: res.data });
    target.withdrawnAt = new Date(res.data.r.withdrawnAt);
  }
}

/**
 * The verdict to hold an answer to. The server decided at some moment between
 * sending and answering; when a consent starts or expires in between the two
 * ends may disagree, and the one the answer matches is taken.
 */
function judge(atSent: Verdict, atAnswered: Verdict, granted: boolean): Verdict {
  if (atSent.allowed === atAnswered.allowed) return atAnswered;
  stats.boundary++;
  return atSent.allowed === granted ? atSent : atAnswered;
}

/** The same for a view's layered verdict, matched on the status answered. */
function judgeView(atSent: ViewVerdict, atAnswered: ViewVerdict, status: string | undefined): ViewVerdict {
  if (atSent.status === atAnswered.status) return atAnswered;
  stats.boundary++;
  return atSent.status === status ? atSent : atAnswered;
}

async function checkQuery(q: typeof queryArb extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
  let { actor, caseId } = q.who;
  let personId: string;
  const starting = q.focus?.timed ? timed.filter((id) => !oracle.consents.find((c) => c.id === id)!.withdrawnAt) : [];
  const pool = starting.length > 0 ? starting : mine;
  const focused = q.focus && pool.length > 0 ? oracle.consents.find((c) => c.id === pool[q.focus!.consent % pool.length])! : null;
  if (focused) {
    // Preferably a member whom neither their own service nor barnevern's information duty lets see it anyway.
    const all = demoCases.find((c) => c.caseId === focused.caseId)!.activeActorIds;
    const undecided = all.filter((a) => !["BARNEVERN", ...focused.services].includes(demoStaff[a]!.service));
    const members = q.focus!.timed && undecided.length > 0 ? undecided : all;
    actor = { kind: "staff", actorId: members[q.focus!.member % members.length]! };
    caseId = focused.caseId;
    personId = focused.subjectId;
    stats.focused++;
  } else if (q.person.mode === "related" && actor.kind === "citizen" && actor.ward) {
    personId = actor.ward;
  } else if (q.person.mode === "related") {
    const related = relatedPersons(caseId, actor);
    personId = related.length > 0 ? related[q.person.index % related.length]! : PERSON_IDS[q.person.index % PERSON_IDS.length]!;
  } else {
    personId = q.person.id;
  }
  // Looking at a recorded consent's subject: ask (also) for the views it covers.
  const views = [...q.views];
  for (const service of focused?.services ?? []) {
    const view = VIEWS.find((v) => v.toUpperCase() === service);
    if (view && !views.some(([v]) => v === view)) views.push([view, EXTRA_FIELDS[view][0]!]);
  }
  const selection = views.map(([view, [, field]]) => `${view} { access { status reason } involved ${field} }`).join(" ");
  const query = `query ($id: ID!) { person(id: $id) { id ${selection} } }`;
  const headers = await headersFor(actor, caseId);
  const sent = new Date();
  const res = await gateway<{ person: Record<string, unknown> | null }>(query, { id: personId }, headers);
  const answered = new Date();
  const now = answered;
  const who = oracleActor(actor);
  const base = { actor, caseId, personId, age: birthOf.has(personId) ? oracle.age(personId, now) : null, query };
  if (res.status !== 200 || res.errors) fail("the query failed", { ...base, status: res.status, errors: res.errors });

  const person = res.data!.person;
  const visible = judge(oracle.personVisible(who, caseId, personId, sent), oracle.personVisible(who, caseId, personId, answered), person !== null);
  if (!visible.allowed) {
    if (person !== null) fail("the registry showed a person the model hides (identity leak)", { ...base, why: visible.why, person });
    stats.personNull++;
    count(stats.hiddenWhy, visible.why);
    return;
  }
  if (person === null) fail("the registry hid a person the model shows", { ...base, why: visible.why });
  if (person.id !== personId) fail("the registry answered with another person", { ...base, person });
  stats.personShown++;

  for (const [view, [key]] of views) {
    const answer = person[view] as ({ access: { status: string; reason: string }; involved: unknown } & Record<string, unknown>) | null;
    const verdict = judgeView(oracle.view(who, caseId, personId, view, sent), oracle.view(who, caseId, personId, view, answered), answer?.access.status);
    const relevant = caseId ? oracle.consents.filter((c) => c.caseId === caseId && c.subjectId === personId && c.services.includes(view.toUpperCase())) : [];
    const details = { ...base, view, verdict, answer, consents: relevant };
    stats.views++;
    if (answer === null || answer === undefined) fail(`${view} answered no view at all`, details);
    const { status, reason } = answer.access;
    if (status === "GRANTED" && verdict.status !== "GRANTED") fail(`${view} GRANTED what the model does not (over-grant; model: ${verdict.status})`, details);
    if (status === "INVOLVEMENT_ONLY" && verdict.status === "RESTRICTED") fail(`${view} released involvement the model refuses (over-grant)`, details);
    if (verdict.status === "RESTRICTED") {
      if (status !== "RESTRICTED") fail(`${view} is not RESTRICTED where the model refuses`, details);
      if (answer.involved !== null || answer[key] !== null) fail(`${view} leaked data under RESTRICTED`, details);
      stats.restricted++;
      count(stats.restrictedWhy, verdict.why.replace(/ [a-z]+-[0-9a-z]{10,}$/, ""));
    } else if (verdict.status === "INVOLVEMENT_ONLY") {
      if (status !== "INVOLVEMENT_ONLY") fail(`${view} is ${status} (${reason}) where the model releases involvement only (${verdict.reason})`, details);
      if (reason !== verdict.reason) fail(`${view} released involvement with reason ${reason}, the model says ${verdict.reason}`, details);
      if (typeof answer.involved !== "boolean") fail(`${view} released involvement but without the fact`, details);
      // Content never, under INVOLVEMENT_ONLY; a contact only while involved.
      if (!INVOLVEMENT_FIELDS.has(key) && answer[key] !== null) fail(`${view} leaked content (${key}) under INVOLVEMENT_ONLY`, details);
      if (key === "contact" && answer.involved === false && answer.contact !== null) fail(`${view} named a contact though not involved`, details);
      count(stats.involvementOnly, reason);
    } else {
      if (status !== "GRANTED") fail(`${view} is ${status} (${reason}) where the model grants (${verdict.reason})`, details);
      if (reason !== verdict.reason) fail(`${view} granted with reason ${reason}, the model says ${verdict.reason}`, details);
      if (typeof answer.involved !== "boolean") fail(`${view} granted but without data`, details);
      count(stats.granted, reason);
    }
  }
}

describe("consent rules, property-based, through the gateway", () => {
  beforeAll(async () => {
    oracle = new ConsentOracle(world, await loadConsents());
    // The seed's consents are all there, as seeded (other suites may have added more).
    for (const seeded of world.samhandling.consent) {
      const found = oracle.consents.find((c) => c.id === seeded.id);
      expect(found, `seeded consent ${seeded.id}`).toBeDefined();
      expect(found!.decision).toBe(seeded.decision);
    }
  });

  afterAll(async () => {
    // Leave the consents as found for the suites that follow: withdraw what this file granted.
    for (const id of mine) {
      const c = oracle?.consents.find((x) => x.id === id);
      if (!c || c.withdrawnAt) continue;
      const member = demoCases.find((x) => x.caseId === c.caseId)!.activeActorIds[0]!;
      await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id }, await asUser(member));
    }
    console.log(`consent property: ${JSON.stringify(stats)}`);
  });

  it("releases a view exactly when the consent rules allow it, and never leaks otherwise", { timeout: 170_000 }, async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
    const numRuns = Number(process.env.FC_RUNS ?? 500);
    console.log(`consent property: seed ${seed}, ${numRuns} runs (replay with FC_SEED=${seed})`);
    await fc.assert(
      // Unbiased: fast-check's bias towards small values would keep the first runs on the first case and subject.
      fc.asyncProperty(fc.noBias(changeArb), fc.noBias(queryArb), async (change, query) => {
        stats.runs++;
        if (change?.kind === "record") await applyRecord(change);
        else if (change?.kind === "withdraw") await applyWithdraw(change);
        await checkQuery(query);
      }),
      { numRuns, seed, endOnFailure: process.env.FC_SHRINK !== "1" },
    );
    // The generators must reach every granting rule and both kinds of refusal, or the property proves little.
    if (numRuns >= 300) {
      expect(stats.personShown).toBeGreaterThan(numRuns / 5);
      for (const reason of ["OWN_SERVICE", "CONSENT", "SELF", "PARENTAL_RESPONSIBILITY", "INFORMATION_DUTY"]) expect(stats.granted[reason] ?? 0, reason).toBeGreaterThan(0);
      expect(stats.restricted).toBeGreaterThan(numRuns / 20);
      expect(stats.involvementOnly.CONSENT ?? 0, "INVOLVEMENT_ONLY by consent").toBeGreaterThan(0);
      expect(stats.changes["grantConsent:OK"] ?? 0).toBeGreaterThan(numRuns / 20);
      expect(stats.changes["withdrawConsent:OK"] ?? 0).toBeGreaterThan(numRuns / 20);
    }
  });
});
