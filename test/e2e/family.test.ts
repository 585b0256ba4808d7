// One query through the real gateway returns a household with every member's
// registry, nav, barnevern, skole, helse and frivillighet views.
import { describe, expect, it } from "vitest";
import { demoFamilyId, demoPersonId } from "../../services/kit/demo/fjordvik.ts";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { gateway, postGraphQL, subgraphUrl } from "../support/graphql.ts";

interface View {
  access: { status: string; reason: string };
  involved: boolean | null;
}
type Member = {
  role: string;
  person: { givenName: string; age: number; cases: { kind: string; btiLevel: number | null }[] } & Record<(typeof VIEW_SERVICES)[number], View | null>;
};
interface Overview {
  family: { name: string; members: Member[] } | null;
}

describe("family overview through the gateway", () => {
  it("returns every member of the Rahimi household (6) with all five service views", async () => {
    const res = await gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("rahimi") });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const family = res.data!.family!;
    expect(family.name).toBe("Rahimi");
    expect(family.members).toHaveLength(6);
    expect(family.members.filter((m) => m.role === "ADULT")).toHaveLength(2);
    for (const member of family.members) {
      for (const service of VIEW_SERVICES) {
        const view = member.person[service];
        expect(view, `${service} view of a member`).not.toBeNull();
        expect(view!.access.status).toMatch(/^(GRANTED|RESTRICTED)$/);
      }
    }
  });

  it("carries each service's own facts: Emma Nilsen's worsening absence, OT follow-up and school nurse", async () => {
    const res = await gateway<{ person: Record<string, unknown> }>(
      `query ($id: ID!) { person(id: $id) {
          givenName age
          skole { involved attendance { trend recentAbsencePercent } support { kind status } enrolments { level grade contact { name role } } }
          helse { involved contacts { kind followUp } }
          cases { kind btiLevel }
        } }`,
      { id: demoPersonId("nilsen", "Emma") },
    );
    expect(res.errors).toBeUndefined();
    const emma = res.data!.person as {
      givenName: string;
      age: number;
      skole: { involved: boolean; attendance: { trend: string; recentAbsencePercent: number }; support: { kind: string }[]; enrolments: { level: string; contact: { role: string } }[] };
      helse: { contacts: { kind: string }[] };
      cases: { kind: string; btiLevel: number }[];
    };
    expect(emma.givenName).toBe("Emma");
    expect(emma.age).toBe(17);
    expect(emma.skole.involved).toBe(true);
    expect(emma.skole.attendance.trend).toBe("WORSENING");
    expect(emma.skole.support.map((s) => s.kind)).toContain("OT_FOLLOW_UP");
    expect(emma.skole.enrolments[0]).toMatchObject({ level: "UPPER_SECONDARY", contact: { role: "kontaktlærer" } });
    expect(emma.helse.contacts.map((c) => c.kind)).toContain("SCHOOL_HEALTH");
    expect(emma.cases).toContainEqual({ kind: "BTI", btiLevel: 2 });
  });

  it("answers null, not an error, for an unknown person or household", async () => {
    const res = await gateway(`{ person(id: "p-unknown000") { givenName nav { involved } } family(id: "f-unknown000") { name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: null, family: null });
  });

  it("resolves unknown entity references to null in registry's _entities", async () => {
    const res = await postGraphQL(`${subgraphUrl("registry")}/graphql`, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id givenName } } }`, {
      r: [
        { __typename: "Person", id: "p-unknown000" },
        { __typename: "Person", id: demoPersonId("moe", "Sander") },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ _entities: [null, { id: demoPersonId("moe", "Sander"), givenName: "Sander" }] });
  });
});
