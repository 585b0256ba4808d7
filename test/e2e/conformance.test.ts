// The subgraph conformance suite: every service subgraph, the same contract.
// A new service passes this before it joins the hub (add it to VIEW_SERVICES).
import { describe, expect, it } from "vitest";
import { VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { demoCaseId, demoPersonId, demoPersons, fjordvik } from "../../services/kit/demo/fjordvik.ts";
import { demoUser } from "../../services/kit/demo/users.ts";
import { asUser, gateway, postGraphQL, subgraphUrl } from "../support/graphql.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";

const world = fjordvik();
/** Which demo persons each service holds data about, straight from the seed. */
const holds: Record<ViewService, Set<string>> = {
  nav: new Set([...world.nav.navFollowUp, ...world.nav.navMeasure].map((r) => r.personId)),
  barnevern: new Set([...world.barnevern.barnevernCase, ...world.barnevern.barnevernMeasure].map((r) => r.personId)),
  skole: new Set([...world.skole.enrolment, ...world.skole.schoolSupport, ...world.skole.attendanceMonth].map((r) => r.personId)),
  helse: new Set(world.helse.healthContact.map((r) => r.personId)),
  frivillighet: new Set(world.frivillighet.voluntaryActivity.map((r) => r.personId)),
};

// The lab: Tor Eriksen's ansvarsgruppe, seen by Kriminalomsorgen's return coordinator —
// a member from a service that owns none of the views, so only consent can open them.
const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
const ACTOR = "kriminalomsorg-koordinator-1";

/** The fields of each view that carry data, so a test can ask for all of them. */
const VIEW_FIELDS: Record<ViewService, string> = {
  nav: "involved office since contact { name } measures { kind }",
  barnevern: "involved phase since aftercareEndsAt contact { name } measures { kind }",
  skole: "involved enrolments { institution } support { kind } attendance { trend }",
  helse: "involved contacts { kind unit }",
  frivillighet: "involved activities { kind title }",
};

async function view(service: ViewService) {
  const res = await gateway<{ person: Record<string, { access: { status: string; reason: string; basis: string | null } } | null> | null }>(
    `query ($id: ID!) { person(id: $id) { ${service} { access { status reason basis } ${VIEW_FIELDS[service]} } } }`,
    { id: TOR },
    await asUser(ACTOR, CASE),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.person![service]!;
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
    expect(before.access).toEqual({ status: "RESTRICTED", reason: "NO_CONSENT", basis: null });
    for (const [key, value] of Object.entries(before)) if (key !== "access") expect(value, `${service}.${key}`).toBeNull();

    const { grantConsent } = await asActor<{ grantConsent: { id: string } }>(
      `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      { input: { caseId: CASE, subjectId: TOR, givenById: TOR, capacity: "SELF", services: [service.toUpperCase()], categories: ["SERVICE_DATA"], note: "conformance" } },
    );
    const granted = await view(service);
    expect(granted.access).toEqual({ status: "GRANTED", reason: "CONSENT", basis: `consent:${grantConsent.id}` });

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
    expect(entries).toContainEqual({ decision: "RESTRICTED", reason: "NO_CONSENT", caseId: CASE, categories: ["SERVICE_DATA"] });
    expect(entries.length).toBeGreaterThanOrEqual(3);
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
