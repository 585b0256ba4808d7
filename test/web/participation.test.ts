// What the case page offers the signed-in person (web/src/cases/participation.ts):
// only an active employee member acting for the service they signed in for
// may act; only the holder of the baton is the holder; citizens and former
// members are offered nothing.
import { describe, expect, test } from "vitest";
import type { SignedInUser } from "../../web/src/auth/session.ts";
import type { CaseParticipantsFragment } from "../../web/src/graphql/generated/graphql.ts";
import { participation } from "../../web/src/cases/participation.ts";

const member = (id: string, actorId: string | null, service: CaseParticipantsFragment["activeMembers"][number]["service"], role: CaseParticipantsFragment["activeMembers"][number]["role"] = "PROFESSIONAL") => ({
  __typename: "CaseMember" as const,
  id,
  displayName: id,
  service,
  role,
  actorId,
});

const theCase = (patch: Partial<CaseParticipantsFragment> = {}): CaseParticipantsFragment => ({
  __typename: "CoordinationCase",
  id: "c-1",
  kind: "BTI",
  status: "OPEN",
  btiLevel: 1,
  holder: { __typename: "CaseMember", id: "m-holder" },
  activeMembers: [member("m-holder", "skole-1", "SKOLE", "STAFETTHOLDER"), member("m-nav", "nav-1", "NAV"), member("m-family", null, "FAMILY", "FAMILY")],
  ...patch,
});

const employee = (subject: string, service: SignedInUser["service"]): SignedInUser => ({ subject, name: subject, role: "employee", service });

describe("participation", () => {
  test("the holder acts and holds the baton; the members an action can name are the employees", () => {
    const p = participation(employee("skole-1", "skole"), theCase());
    expect(p).toMatchObject({ caseId: "c-1", canAct: true, isHolder: true, holderId: "m-holder", hasLevel: true });
    expect(p.me?.id).toBe("m-holder");
    expect(p.professionals.map((m) => m.id)).toEqual(["m-holder", "m-nav"]);
    expect(p.members).toHaveLength(3);
  });

  test("another member acts but does not hold the baton", () => {
    expect(participation(employee("nav-1", "nav"), theCase())).toMatchObject({ canAct: true, isHolder: false });
  });

  test("signed in for another service than the membership's: nothing offered (the hub would refuse)", () => {
    expect(participation(employee("nav-1", "skole"), theCase())).toMatchObject({ me: null, canAct: false, isHolder: false });
  });

  test("not a member, a citizen, nobody signed in, or a closed case: nothing offered", () => {
    expect(participation(employee("helse-1", "helse"), theCase())).toMatchObject({ me: null, canAct: false });
    expect(participation({ subject: "citizen-p-1", name: "Sara", role: "citizen", service: "citizen" }, theCase())).toMatchObject({ me: null, canAct: false });
    expect(participation(null, theCase())).toMatchObject({ me: null, canAct: false });
    expect(participation(employee("skole-1", "skole"), theCase({ status: "CLOSED" }))).toMatchObject({ canAct: false, isHolder: false });
  });

  test("a case without a BTI level has none to change; a case without a holder has no holder", () => {
    expect(participation(employee("skole-1", "skole"), theCase({ btiLevel: null })).hasLevel).toBe(false);
    expect(participation(employee("skole-1", "skole"), theCase({ holder: null }))).toMatchObject({ holderId: null, isHolder: false, canAct: true });
  });
});
