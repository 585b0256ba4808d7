// Involvement hints (issue 4, after the Dutch Verwijsindex) through the real
// gateway: under a consent for the category INVOLVEMENT alone, a case member
// sees that a service is involved with a subject and whom to call there —
// never what the service does — and, with the services the case's members
// represent, whom to invite. Without a consent they see nothing at all.
import { describe, expect, it } from "vitest";
import { VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser, gateway } from "../support/graphql.ts";

/** Health's front door in the demo municipality: the koordinerende enhet, never the clinician or the unit (issue 17). */
const HEALTH_FRONT_DOOR = { name: "Koordinerende enhet, Fjordvik kommune", phone: "+47 400 06 000" };

interface Hint {
  access: { status: string; reason: string };
  involved: boolean | null;
  contact: { name: string; phone: string | null } | null;
}
type Subject = { id: string; givenName: string; helseContent: { contacts: unknown[] | null } } & Record<ViewService, Hint>;
interface CaseHints {
  case: { servicesRepresented: string[]; subjects: Subject[] };
}

/** The coordinator's question: every subject's involvement in every service, plus one content field per view to prove it stays empty. */
const HINTS = `query ($id: ID!) { case(id: $id) {
  servicesRepresented
  subjects {
    id givenName
    ${VIEW_SERVICES.map((s) => `${s} { access { status reason } involved contact { name phone } }`).join("\n    ")}
    helseContent: helse { contacts { kind unit } }
  }
} }`;

async function hints(user: string, caseKey: "moe" | "berg"): Promise<CaseHints["case"]> {
  const caseId = demoCaseId(caseKey);
  const res = await gateway<CaseHints>(HINTS, { id: caseId }, await asUser(user, caseId));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.case;
}

/** Whom to invite: services involved with a subject that no active member represents. */
function toInvite(c: CaseHints["case"]): string[] {
  const involved = new Set(c.subjects.flatMap((s) => VIEW_SERVICES.filter((v) => s[v].involved === true).map((v) => v.toUpperCase())));
  return [...involved].filter((s) => !c.servicesRepresented.includes(s)).sort();
}

describe("involvement hints through the gateway", () => {
  it("shows a member of Sander Moe's ansvarsgruppe that health is involved, and whom to call, only while an INVOLVEMENT-only consent is in force", async () => {
    const sander = demoPersonId("moe", "Sander");
    // The OT adviser, not the coordinator: samhandling caches decisions per actor, and
    // test/e2e/batching.test.ts counts the coordinator's statements in this case from cold.
    const member = "skole-ot-1";
    const headers = await asUser(member, demoCaseId("moe"));

    // No consent covers health: nothing, not even whether health is involved.
    const before = await hints(member, "moe");
    expect(before.servicesRepresented).toEqual(["NAV", "BARNEVERN", "SKOLE", "FRIVILLIGHET", "PPT", "BOLIG"]);
    const hidden = before.subjects.find((s) => s.id === sander)!;
    expect(hidden.helse).toEqual({ access: { status: "RESTRICTED", reason: "NO_CONSENT" }, involved: null, contact: null });
    expect(hidden.helseContent).toEqual({ contacts: null });
    expect(toInvite(before)).toEqual([]);

    // Sander gives it himself, signed in.
    const granted = await gateway<{ grantConsent: { id: string } }>(
      `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
      { input: { caseId: demoCaseId("moe"), subjectId: sander, capacity: "SELF", services: ["HELSE"], categories: ["INVOLVEMENT"], note: "Bare at jeg har fastlege." } },
      await asUser(sander),
    );
    expect(granted.errors, JSON.stringify(granted.errors)).toBeUndefined();
    const consentId = granted.data!.grantConsent.id;
    try {
      const after = await hints(member, "moe");
      const shown = after.subjects.find((s) => s.id === sander)!;
      // The fact and the front door — never the fastlege, which health service, which unit or what kind of follow-up.
      expect(shown.helse).toEqual({ access: { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, involved: true, contact: HEALTH_FRONT_DOOR });
      expect(shown.helseContent).toEqual({ contacts: null });
      // The other views are as the family's consent for them decides: in full.
      expect(shown.nav.access.status).toBe("GRANTED");
      // Health is involved but no member represents it: the one to invite.
      expect(toInvite(after)).toEqual(["HELSE"]);
    } finally {
      const withdrawn = await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: consentId }, headers);
      expect(withdrawn.errors).toBeUndefined();
    }

    // From the very next request, nothing again.
    const withdrawn = (await hints(member, "moe")).subjects.find((s) => s.id === sander)!;
    expect(withdrawn.helse).toEqual({ access: { status: "RESTRICTED", reason: "NO_CONSENT" }, involved: null, contact: null });
  });

  it("shows the Berg coordinator Ida's health involvement as she consented to it: the fact and the front door, not her nurse (issue 17)", async () => {
    const berg = await hints("coordinator", "berg");
    const ida = berg.subjects.find((s) => s.id === demoPersonId("berg", "Ida"))!;
    // Before issue 17 this named her school nurse and her number: who she talks to, and so what about.
    expect(ida.helse).toEqual({ access: { status: "INVOLVEMENT_ONLY", reason: "CONSENT" }, involved: true, contact: HEALTH_FRONT_DOOR });
    expect(ida.helseContent).toEqual({ contacts: null });
    // Her father consented to the health data itself.
    const geir = berg.subjects.find((s) => s.id === demoPersonId("berg", "Geir"))!;
    expect(geir.helse.access.status).toBe("GRANTED");
    // Every service involved with the Bergs sits in the investeringsteam already.
    expect(toInvite(berg)).toEqual([]);
  });
});
