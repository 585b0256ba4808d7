// The family overview through the real gateway: every member's registry, nav,
// barnevern, skole, helse and frivillighet views, under the consent rules.
import { describe, expect, it } from "vitest";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { signedSubgraphRequest } from "../support/subgraph.ts";

interface View {
  access: { status: string; reason: string };
  involved: boolean | null;
}
type Person = { givenName: string; age: number; cases: { kind: string; btiLevel: number | null }[] } & Record<(typeof VIEW_SERVICES)[number], View | null>;
interface Overview {
  family: { name: string; members: { role: string; person: Person }[] } | null;
}

function statuses(person: Person) {
  return Object.fromEntries(VIEW_SERVICES.map((s) => [s, person[s]?.access.status]));
}

describe("family overview through the gateway", () => {
  it("shows the Berg family to their investeringsleder with every service view, as their consent allows", async () => {
    const res = await gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await asUser("coordinator", demoCaseId("berg")));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const family = res.data!.family!;
    expect(family.name).toBe("Berg");
    expect(family.members).toHaveLength(4);
    const byName = Object.fromEntries(family.members.map((m) => [m.person.givenName, m.person]));
    const all = { nav: "GRANTED", barnevern: "GRANTED", skole: "GRANTED", helse: "GRANTED", frivillighet: "GRANTED", ppt: "GRANTED", bolig: "GRANTED" };
    expect(statuses(byName.Geir)).toEqual(all);
    // Ida's consent covers only the fact of health involvement, not the health data itself.
    expect(statuses(byName.Ida)).toEqual({ ...all, helse: "INVOLVEMENT_ONLY" });
    expect(byName.Ida.helse).toEqual({ access: { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, contacts: null });
    expect(byName.Geir.cases).toContainEqual(expect.objectContaining({ kind: "INVESTERINGSTEAM" }));
  });

  it("shows exactly the permitted parts of a partial consent (Haugland: school and NAV yes, the housing office about Sara, barnevern refused)", async () => {
    const res = await gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("haugland") }, await asUser("skole-kontaktlaerer-1", demoCaseId("haugland")));
    expect(res.errors).toBeUndefined();
    for (const { person } of res.data!.family!.members) {
      const bolig = person.givenName === "Sara" ? "GRANTED" : "RESTRICTED";
      expect(statuses(person)).toEqual({ nav: "GRANTED", barnevern: "RESTRICTED", skole: "GRANTED", helse: "RESTRICTED", frivillighet: "RESTRICTED", ppt: "RESTRICTED", bolig });
      expect(person.barnevern).toEqual({ access: { status: "RESTRICTED", reason: expect.stringMatching(/^(REFUSED|NO_CONSENT)$/) }, involved: null, phase: null });
    }
  });

  it("carries each service's own facts: Emma Nilsen's worsening absence, OT follow-up and her own health consent", async () => {
    const res = await gateway<{ person: Record<string, unknown> }>(
      `query ($id: ID!) { person(id: $id) {
          givenName age
          skole { involved attendance { trend recentAbsencePercent } support { kind status } enrolments { level grade contact { name role } } }
          helse { access { status reason } involved contacts { kind followUp } }
          cases { kind btiLevel }
        } }`,
      { id: demoPersonId("nilsen", "Emma") },
      await asUser("skole-ungdomslos-1", demoCaseId("nilsen")),
    );
    expect(res.errors).toBeUndefined();
    const emma = res.data!.person as {
      age: number;
      skole: { involved: boolean; attendance: { trend: string }; support: { kind: string }[]; enrolments: { level: string; contact: { role: string } }[] };
      helse: { access: { status: string; reason: string }; contacts: { kind: string }[] };
      cases: { kind: string; btiLevel: number }[];
    };
    expect(emma.age).toBe(17);
    expect(emma.skole.attendance.trend).toBe("WORSENING");
    expect(emma.skole.support.map((s) => s.kind)).toContain("OT_FOLLOW_UP");
    expect(emma.skole.enrolments[0]).toMatchObject({ level: "UPPER_SECONDARY", contact: { role: "kontaktlærer" } });
    expect(emma.helse.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    expect(emma.helse.contacts.map((c) => c.kind)).toContain("SCHOOL_HEALTH");
    expect(emma.cases).toContainEqual({ kind: "BTI", btiLevel: 2 });
  });

  it("gives no personal data without a token, or to a case it is no member of", async () => {
    const query = `query ($id: ID!) { family(id: $id) { name } person(id: "${demoPersonId("berg", "Geir")}") { givenName } }`;
    for (const headers of [{}, await asUser("nav-veileder-1", demoCaseId("berg"))]) {
      const res = await gateway(query, { familyId: demoFamilyId("berg"), id: demoFamilyId("berg") }, headers);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ family: null, person: null });
    }
  });

  it("says PURPOSE_REQUIRED to an employee who declares no case, instead of a silent null (issue 17, from issue 26)", async () => {
    const query = `query ($id: ID!) { family(id: $id) { name } person(id: "${demoPersonId("berg", "Geir")}") { givenName } }`;
    const res = await gateway(query, { id: demoFamilyId("berg") }, await asUser("coordinator"));
    expect(res.data).toEqual({ family: null, person: null });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["PURPOSE_REQUIRED", "PURPOSE_REQUIRED"]);
    expect(res.errors?.[0]?.message).toMatch(/X-Case-Id/);
    // A citizen needs no declared case for themself, their child and their household.
    const sara = await gateway<{ me: { givenName: string } }>(
      `query ($family: ID!) { me { givenName } person(id: "${demoPersonId("haugland", "Jonas")}") { givenName } family(id: $family) { name } }`,
      { family: demoFamilyId("haugland") },
      await asUser("citizen"),
    );
    expect(sara.errors).toBeUndefined();
    expect(sara.data).toEqual({ me: { givenName: "Sara" }, person: { givenName: "Jonas" }, family: { name: "Haugland" } });
  });

  it("refuses an invalid token outright: 401 UNAUTHENTICATED, as for any bad token", async () => {
    const res = await gateway(`{ __typename }`, {}, { authorization: "Bearer not-a-token" });
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers null, not an error, for unknown ids — the same as for an invisible person", async () => {
    const res = await gateway(`{ person(id: "p-unknown000") { givenName nav { involved } } family(id: "f-unknown000") { name } }`, {}, await asUser("coordinator", demoCaseId("berg")));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: null, family: null });
  });

  it("resolves unknown entity references to null in registry's _entities (signed call)", async () => {
    const known = demoPersonId("berg", "Mats");
    const res = await signedSubgraphRequest("registry", `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id givenName } } }`, {
      r: [{ __typename: "Person", id: "p-unknown000" }, { __typename: "Person", id: known }],
    }, { claims: demoUser("coordinator")!.claims, caseId: demoCaseId("berg") });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ _entities: [null, { id: known, givenName: "Mats" }] });
  });
});
