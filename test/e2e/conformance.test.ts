// The subgraph conformance suite: every service subgraph, the same contract.
// Every view service in the catalog (services/kit/catalog.ts) runs it; its
// fields come from the public schema and its data from its demo-data file.
import { describe, expect, it } from "vitest";
import { serviceEntry, VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { demoWorld } from "../../demo/index.ts";
import { loadServiceDemo } from "../../demo/service-demo.ts";
import { demoCaseId, demoPersonId, demoPersons, fjordvik } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { asUser, gateway, postGraphQL, subgraphUrl } from "../support/graphql.ts";
import { ageOn } from "../support/oracle.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";
import { attestedFormConsent } from "../support/tasks.ts";
import { personIdsIn, viewFields } from "../support/views.ts";

const world = fjordvik();
/** Which demo persons each service holds data about, straight from its demo data. */
const holds = Object.fromEntries(
  await Promise.all(VIEW_SERVICES.map(async (s) => [s, personIdsIn((await loadServiceDemo(s)).rows(world))] as const)),
) as Record<ViewService, Set<string>>;

// The lab: Tor Eriksen's ansvarsgruppe, seen by Kriminalomsorgen's return coordinator —
// a member from a service that owns none of the views, so only consent can open them.
const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
const ACTOR = "kriminalomsorg-koordinator-1";

/** Every field of each view, read from the public schema, so a test can ask for all of them. */
const VIEW_FIELDS = Object.fromEntries(VIEW_SERVICES.map((s) => [s, viewFields(s)])) as Record<ViewService, string>;
/** What the involvement layer fills in; every other data field is content. */
const INVOLVEMENT_FIELDS = ["involved", "contact"];

type ViewAnswer = { access: { status: string; reason: string; basis: string | null; basisReference?: string | null } } & Record<string, unknown>;

async function view(service: ViewService, personId = TOR, headers?: Record<string, string>): Promise<ViewAnswer> {
  const res = await gateway<{ person: Record<string, ViewAnswer | null> | null }>(
    `query ($id: ID!) { person(id: $id) { ${service} { access { status reason basis basisReference } ${VIEW_FIELDS[service]} } } }`,
    { id: personId },
    headers ?? (await asUser(ACTOR, CASE)),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.person![service]!;
}

// ---------------------------------------------------------------------------
// Involvement (category INVOLVEMENT): for each service, a subject it is involved
// with now (with a contact) — or, failing that, one it holds nothing about —
// in an open case, seen by a member of another
// service that has no legal basis of its own — found in the world the test
// federation is seeded with (the demo plus synthetic families, as
// test/support/federation.setup.ts configures them).
// ---------------------------------------------------------------------------

const seeded = demoWorld({ syntheticFamilies: 30, syntheticSeed: Number(process.env.SEED_SYNTHETIC_SEED ?? 1) });
/** Persons each service holds any data about, in the seeded world. */
const holdsSeeded = Object.fromEntries(
  await Promise.all(VIEW_SERVICES.map(async (s) => [s, personIdsIn((await loadServiceDemo(s)).rows(seeded))] as const)),
) as Record<ViewService, Set<string>>;

/**
 * Whether the service is involved with the person now, as the service itself
 * answers its own staff (its own records, OWN_SERVICE): what the INVOLVEMENT
 * layer must then show, with the service's front door, and nothing more.
 */
async function involvedNow(service: ViewService, personId: string, caseId: string): Promise<boolean> {
  const own = { sub: `conformance-${service}-1`, name: "Ansatt i konformanstesten", service, roles: ["caseworker"] };
  const res = await signedSubgraphRequest<{ _entities: Record<string, { access: { status: string }; involved: boolean | null; contact: unknown }>[] }>(
    service,
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${service} { access { status } involved contact { name } } } } }`,
    { r: [{ __typename: "Person", id: personId }] },
    // Its own records too are read within a task (issue 17).
    { claims: own, caseId },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const answer = res.data!._entities[0]![service]!;
  expect(answer.access.status, `${service} shows its own staff its own records`).toBe("GRANTED");
  return answer.involved === true;
}

interface InvolvementCandidate {
  caseId: string;
  subjectId: string;
  /** Whether the service is involved with the subject now; false: it holds nothing about them. */
  involved: boolean;
  headers: Record<string, string>;
  /** Another employee member of the case, who attests the consent form the first records (issue 17). */
  attester: Record<string, string>;
  consent: { givenById: string; capacity: "SELF" | "GUARDIAN"; childView?: string };
}

/** Who may consent to `service` for the subject now: themself from 18 (and from 16 for HELSE), else a guardian with parental responsibility. */
function competentGiver(subjectId: string, service: ViewService): InvolvementCandidate["consent"] | null {
  const person = seeded.registry.person.find((p) => p.id === subjectId);
  if (!person) return null;
  const age = ageOn(new Date(person.birthDate).toISOString().slice(0, 10), new Date());
  if (age >= 18 || (age >= 16 && service === "helse")) return { givenById: subjectId, capacity: "SELF" };
  const guardian = seeded.registry.guardianship.find((g) => g.childId === subjectId && g.parentalResponsibility);
  if (!guardian) return null;
  return { givenById: guardian.guardianId, capacity: "GUARDIAN", ...(age >= 7 ? { childView: "Det er greit at de vet hvem de kan ringe." } : {}) };
}

/**
 * The first subject, in seed order, with no consent or refusal about `service`
 * in force in its case right now (asked live): preferably one the service is
 * involved with; where the seed has none such (barnevern: every child it
 * follows has a consent or a refusal), one it holds nothing about.
 */
async function involvementCandidate(service: ViewService): Promise<InvolvementCandidate> {
  return (await involvementCandidateAmong(service, true)) ?? (await involvementCandidateAmong(service, false)) ?? fail(service);
}

function fail(service: ViewService): never {
  throw new Error(`no seeded subject for ${service} that no consent decides; does federation.setup still seed 30 synthetic families?`);
}

async function involvementCandidateAmong(service: ViewService, involved: boolean): Promise<InvolvementCandidate | null> {
  const open = new Set(seeded.samhandling.coordinationCase.filter((c) => c.status === "OPEN").map((c) => c.id!));
  for (const subject of seeded.samhandling.caseSubject) {
    if (!open.has(subject.caseId)) continue;
    // Involvement needs data; whether the service is involved now, it says itself (below, once the rest fits).
    if (holdsSeeded[service].has(subject.personId) !== involved) continue;
    // Neither the view's own service nor barnevern (the duty to inform): only consent can open it.
    const member = seeded.samhandling.caseMember.find(
      (m) => m.caseId === subject.caseId && m.actorId && !m.leftAt && !["FAMILY", "BARNEVERN", service.toUpperCase()].includes(m.service),
    );
    const second = seeded.samhandling.caseMember.find((m) => m.caseId === subject.caseId && m.actorId && !m.leftAt && m.actorId !== member?.actorId);
    const consent = competentGiver(subject.personId, service);
    if (!member || !second || !consent) continue;
    const [headers, attester] = [await asUser(member.actorId!, subject.caseId), await asUser(second.actorId!, subject.caseId)];
    const res = await gateway<{ consents: { active: boolean; services: string[]; subject: { id: string } }[] }>(
      `query ($c: ID!) { consents(caseId: $c) { active services subject { id } } }`,
      { c: subject.caseId },
      headers,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const decided = res.data!.consents.some((c) => c.active && c.subject.id === subject.personId && c.services.includes(service.toUpperCase()));
    if (decided || (involved && !(await involvedNow(service, subject.personId, subject.caseId)))) continue;
    return { caseId: subject.caseId, subjectId: subject.personId, involved, headers, attester, consent };
  }
  return null;
}

async function asActor<T>(query: string, variables: Record<string, unknown>) {
  const res = await gateway<T>(query, variables, await asUser(ACTOR, CASE));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

async function withdrawAll(service: ViewService) {
  const { consents } = await asActor<{ consents: { id: string; active: boolean; services: string[]; subject: { id: string } }[] }>(
    `query ($c: ID!) { consents(caseId: $c) { id active services subject { id } } }`,
    { c: CASE },
  );
  for (const c of consents.filter((c) => c.active && c.subject.id === TOR && c.services.includes(service.toUpperCase()))) {
    await asActor(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: c.id });
  }
}

describe.each(VIEW_SERVICES)("conformance: %s", (service) => {
  it("refuses an unsigned call, _entities included", async () => {
    const res = await postGraphQL(`${subgraphUrl(service)}/graphql`, `{ _entities(representations: [{__typename: "Person", id: "${TOR}"}]) { __typename } }`);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
  });

  it("restricts without consent, grants with one, restricts again on the very next request after withdrawal — and logs each", async () => {
    const startedAt = new Date(Date.now() - 1000).toISOString();
    await withdrawAll(service);
    const before = await view(service);
    expect(before.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT", basis: null, basisReference: null });
    for (const [key, value] of Object.entries(before)) if (key !== "access") expect(value, `${service}.${key}`).toBeNull();

    // Tor gives it himself, signed in.
    const given = await gateway<{ grantConsent: { id: string } }>(
      `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      { input: { caseId: CASE, subjectId: TOR, capacity: "SELF", services: [service.toUpperCase()], categories: ["SERVICE_DATA"], note: "conformance" } },
      await asUser(TOR),
    );
    expect(given.errors, JSON.stringify(given.errors)).toBeUndefined();
    const { grantConsent } = given.data!;
    const granted = await view(service);
    expect(granted.access).toEqual({ status: "GRANTED", reason: "CONSENT", basis: "CONSENT", basisReference: grantConsent.id });

    await asActor(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: grantConsent.id });
    expect((await view(service)).access.status).toBe("RESTRICTED");

    // The service's auditor sees the refusal and the release, for this case and actor.
    const auditor = await asUser(`${service}-auditor`);
    const log = await gateway<Record<string, { decision: string; reason: string; caseId: string; categories: string[] }[]>>(
      `query ($p: ID!, $a: String!, $from: DateTime!) { log: ${service}AuditLog(personId: $p, actorId: $a, from: $from) { decision reason caseId categories } }`,
      { p: TOR, a: ACTOR, from: startedAt },
      auditor,
    );
    expect(log.errors).toBeUndefined();
    const entries = log.data!.log;
    expect(entries).toContainEqual({ decision: "GRANTED", reason: "CONSENT", caseId: CASE, categories: ["SERVICE_DATA"] });
    // Before the consent both categories were refused alike: one entry names both.
    expect(entries).toContainEqual({ decision: "RESTRICTED", reason: "NO_CONSENT", caseId: CASE, categories: ["SERVICE_DATA", "INVOLVEMENT"] });
    expect(entries.length).toBeGreaterThanOrEqual(3);
  });

  it("under an INVOLVEMENT-only consent shows that the service is involved and whom to call, never content — and logs both categories", async () => {
    const startedAt = new Date(Date.now() - 1000).toISOString();
    const c = await involvementCandidate(service);
    const before = await view(service, c.subjectId, c.headers);
    expect(before.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT", basis: null, basisReference: null });
    for (const [key, value] of Object.entries(before)) if (key !== "access") expect(value, `${service}.${key}`).toBeNull();

    // From the person's signed form, attested by a second member (issue 17).
    const consentId = await attestedFormConsent(c.headers, c.attester, {
      caseId: c.caseId, subjectId: c.subjectId, ...c.consent, services: [service.toUpperCase()], categories: ["INVOLVEMENT"], note: "conformance",
    });
    try {
      const hint = await view(service, c.subjectId, c.headers);
      expect(hint.access).toEqual({ status: "INVOLVEMENT_ONLY", reason: "CONSENT", basis: "CONSENT", basisReference: consentId });
      // The fact and the service's front door — or, where the service holds nothing, that it is not involved (and no one to call).
      // Never one of the service's own contacts: that would name the clinician, unit or kind of help (issue 17).
      expect(hint.involved).toBe(c.involved);
      const door = serviceEntry(service).frontDoor!;
      expect(hint.contact).toEqual(c.involved ? expect.objectContaining({ name: door.name, phone: door.phone }) : null);
      for (const [key, value] of Object.entries(hint)) if (key !== "access" && !INVOLVEMENT_FIELDS.includes(key)) expect(value, `${service}.${key}`).toBeNull();
    } finally {
      const withdrawn = await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: consentId }, c.headers);
      expect(withdrawn.errors).toBeUndefined();
    }
    expect((await view(service, c.subjectId, c.headers)).access.status).toBe("RESTRICTED");

    // Each category asked is logged: the involvement released, the service data refused.
    const log = await gateway<Record<string, { decision: string; reason: string; caseId: string; categories: string[] }[]>>(
      `query ($p: ID!, $from: DateTime!) { log: ${service}AuditLog(personId: $p, from: $from) { decision reason caseId categories } }`,
      { p: c.subjectId, from: startedAt },
      await asUser(`${service}-auditor`),
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.log).toContainEqual({ decision: "GRANTED", reason: "CONSENT", caseId: c.caseId, categories: ["INVOLVEMENT"] });
    expect(log.data!.log).toContainEqual({ decision: "RESTRICTED", reason: "NO_CONSENT", caseId: c.caseId, categories: ["SERVICE_DATA"] });
  });

  it("answers a restricted view byte for byte the same whether or not it holds data on the person", async () => {
    const withData = demoPersons.find((p) => holds[service].has(p.personId))!;
    const withoutData = demoPersons.find((p) => !holds[service].has(p.personId))!;
    expect(withData && withoutData, "the demo has persons with and without data here").toBeTruthy();
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${service} { access { status reason basis } ${VIEW_FIELDS[service]} } } } }`;
    // Declaring a case the actor is not in: refused for both, for the same reason.
    const as = { claims: demoUser(ACTOR)!.claims, caseId: demoCaseId("berg") };
    const bodies = await Promise.all(
      [withData.personId, withoutData.personId].map(async (id) => {
        const res = await signedSubgraphRequest(service, query, { r: [{ __typename: "Person", id }] }, as);
        expect(res.status).toBe(200);
        return JSON.stringify(res).replaceAll(id, "<id>");
      }),
    );
    expect(bodies[0]).toContain('"RESTRICTED"');
    expect(bodies[0]).toBe(bodies[1]);
  });
});

// ---------------------------------------------------------------------------
// No existence leak within a case (NO_CONSENT): the actor is an active member
// of a case about two subjects, one the service holds data on and one it does
// not, and no consent covers either. Synthetic persons first; demo persons only
// where the synthetic families have none (barnevern), and never those whose
// cases other suites count (Sara Haugland's, the Berg and Moe households').
// ---------------------------------------------------------------------------

const demoIds = new Set(demoPersons.map((p) => p.personId));
const counted = new Set([demoUser("citizen")!.claims.personId!, ...demoPersons.filter((p) => p.familyKey === "berg" || p.familyKey === "moe").map((p) => p.personId)]);
const pairCandidates = [
  ...seeded.registry.person.map((p) => p.id!).filter((id) => !demoIds.has(id)),
  ...demoPersons.map((p) => p.personId).filter((id) => !counted.has(id)),
];
/**
 * Per service: a person it holds data on, and one of their household it holds
 * nothing about (a case is about a person and people of their household, issue 17).
 */
const households = new Map<string, string[]>();
for (const m of seeded.registry.familyMember) households.set(m.familyId, [...(households.get(m.familyId) ?? []), m.personId]);
const candidates = new Set(pairCandidates);
const pairs = Object.fromEntries(
  VIEW_SERVICES.map((s) => {
    for (const members of households.values()) {
      const usable = members.filter((id) => candidates.has(id));
      const withData = usable.find((id) => holdsSeeded[s].has(id));
      const withoutData = usable.find((id) => !holdsSeeded[s].has(id));
      if (withData && withoutData) return [s, [withData, withoutData]];
    }
    return [s, [undefined, undefined]];
  }),
) as Record<ViewService, [string | undefined, string | undefined]>;

const pairCases = new Map<ViewService, Promise<string>>();
/** One case per service, opened once by ACTOR from a referral, about that service's pair; ACTOR holds the baton, no consent is recorded. */
function noConsentCase(service: ViewService): Promise<string> {
  let opened = pairCases.get(service);
  if (!opened) {
    opened = (async () => {
      const subjectIds = pairs[service];
      expect(subjectIds.every((id) => id !== undefined), "the seed has a household with a person with and one without data in each service").toBe(true);
      // A new case is opened without a declared case (it has no id yet).
      const res = await gateway<{ openCase: { id: string } }>(
        `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        { input: { kind: "ANSVARSGRUPPE", title: "Konformans: uten samtykke", subjectIds, referral: { kind: "REFERRAL", reference: "Konformans, testarkiv" } } },
        await asUser(ACTOR),
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data!.openCase.id;
    })();
    pairCases.set(service, opened);
  }
  return opened;
}

describe.each(VIEW_SERVICES)("conformance: %s, no existence leak without consent", (service) => {
  it("answers NO_CONSENT byte for byte the same for a subject it holds data on and one it does not, in _entities and through the gateway", async () => {
    const caseId = await noConsentCase(service);
    const [withData, withoutData] = pairs[service] as [string, string];
    const as = { claims: demoUser(ACTOR)!.claims, caseId };
    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${service} { access { status reason basis } ${VIEW_FIELDS[service]} } } } }`;
    const direct = await Promise.all(
      [withData, withoutData].map(async (id) => {
        const res = await signedSubgraphRequest(service, entities, { r: [{ __typename: "Person", id }] }, as);
        expect(res.status).toBe(200);
        return JSON.stringify(res).replaceAll(id, "<id>");
      }),
    );
    expect(direct[0]).toContain('"reason":"NO_CONSENT"');
    expect(direct[0]).toBe(direct[1]);

    const headers = await asUser(ACTOR, caseId);
    const viaGateway = await Promise.all(
      [withData, withoutData].map(async (id) => {
        const res = await gateway(`query ($id: ID!) { person(id: $id) { id ${service} { access { status reason basis } ${VIEW_FIELDS[service]} } } }`, { id }, headers);
        expect(res.status).toBe(200);
        return `${res.status} ${res.raw.replaceAll(id, "<id>")}`;
      }),
    );
    expect(viaGateway[0]).toContain('"reason":"NO_CONSENT"');
    expect(viaGateway[0]).toBe(viaGateway[1]);
  });
});

// ---------------------------------------------------------------------------
// The decision endpoint answers the hub's own services only
// ---------------------------------------------------------------------------

describe("conformance: samhandling's decision endpoint", () => {
  const DECIDE = `query ($actor: DecisionActorInput, $caseId: ID, $q: [DecisionQuestionInput!]!) { _decide(actor: $actor, caseId: $caseId, questions: $q) { status reason } }`;
  const variables = {
    actor: { id: ACTOR, service: "samhandling", roles: ["caseworker"], personId: null },
    caseId: CASE,
    q: [{ personId: TOR, service: "nav", category: "SERVICE_DATA" }],
  };

  it("answers a signed call from another subgraph", async () => {
    const res = await signedSubgraphRequest<{ _decide: { status: string; reason: string }[] }>("samhandling", DECIDE, variables, { service: "nav" });
    expect(res.errors).toBeUndefined();
    expect(res.data!._decide).toHaveLength(1);
  });

  it.each([
    ["an employee", ACTOR],
    ["the case's own coordinator", "samhandling-investeringsleder-1"],
    ["a citizen", "citizen"],
    ["an auditor", "samhandling-auditor"],
  ])("refuses a correctly signed call whose caller is a person (%s), not a service", async (_who, key) => {
    const res = await signedSubgraphRequest<{ _decide: unknown }>("samhandling", DECIDE, variables, { claims: demoUser(key)!.claims, caseId: CASE });
    expect(res.status).toBe(200);
    expect(res.data?._decide ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses an unsigned call", async () => {
    const res = await postGraphQL(`${subgraphUrl("samhandling")}/graphql`, DECIDE, variables);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
  });
});
