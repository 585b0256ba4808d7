// PPT and the housing office (issue 23), through the gateway with the demo's
// stories: the Berg son's expert assessment, seen by a member of the family's
// team under a consent that names PPT; the same restricted answer for a child
// PPT holds a referral about and one it holds nothing about, when no consent
// names PPT; Haugland's application for municipal housing; the Sandvik
// eviction date, seen by Per Sandvik himself; Tor Eriksen's temporary housing
// from his release, seen by Tor; and a write through each service's write API, from its
// own system, appearing in the view.
import { describe, expect, it } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { demoDay, demoMonth } from "../../demo/service-demo.ts";
import { writeDocument } from "../../scripts/lib/integration-files.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { asMachine } from "../support/machines.ts";

const RUN = Date.now().toString(36);
const iso = (d: string) => demoDay(d).toISOString().slice(0, 10);

const PPT = `ppt { access { status reason } involved contact { name role phone }
  referrals { referredBy reason status receivedOn closedOn contact { name role phone } }
  assessments { subject stage startedOn deliveredOn recommendation recommendedHours recommendationSummary } }`;
const BOLIG = `bolig { access { status reason } involved contact { name role phone }
  applications { applyingFor status submittedOn decidedOn caseworker { name role } }
  housingAllowances { status monthlyAmount fromMonth untilMonth }
  housingGuide { contact { name role phone } since until }
  temporaryHousing { kindOfPlace fromDate untilDate }
  evictionRisks { stage notedOn evictionDate description } }`;

interface Contact {
  name: string;
  role: string | null;
  phone: string | null;
}
interface PptView {
  access: { status: string; reason: string };
  involved: boolean | null;
  contact: Contact | null;
  referrals: { referredBy: string; status: string; receivedOn: string; closedOn: string | null; contact: Contact | null }[] | null;
  assessments: { subject: string; stage: string; deliveredOn: string | null; recommendation: string | null; recommendedHours: number | null; recommendationSummary: string | null }[] | null;
}
interface BoligView {
  access: { status: string; reason: string };
  involved: boolean | null;
  contact: Contact | null;
  applications: { applyingFor: string; status: string; submittedOn: string; caseworker: Contact | null }[] | null;
  housingAllowances: { status: string; monthlyAmount: number | null; fromMonth: string }[] | null;
  housingGuide: { contact: Contact | null; since: string; until: string | null } | null;
  temporaryHousing: { kindOfPlace: string; fromDate: string; untilDate: string | null }[] | null;
  evictionRisks: { stage: string; notedOn: string; evictionDate: string | null; description: string }[] | null;
}

async function view<V>(field: string, personId: string, headers: Record<string, string>): Promise<V> {
  const res = await gateway<{ person: Record<string, V> | null }>(`query ($id: ID!) { person(id: $id) { ${field} } }`, { id: personId }, headers);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.person![field.slice(0, field.indexOf(" "))]!;
}
const ppt = (personId: string, headers: Record<string, string>) => view<PptView>(PPT, personId, headers);
const bolig = (personId: string, headers: Record<string, string>) => view<BoligView>(BOLIG, personId, headers);

interface Batch {
  written: boolean;
  results: { operation: string; outcome: string | null; refusal: { code: string; message: string } | null }[];
}

async function write(service: "ppt" | "bolig", records: unknown[]): Promise<Batch> {
  const res = await gateway<Record<string, Batch>>(writeDocument(service), { records }, await asMachine(service));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return Object.values(res.data!)[0]!;
}

const MATS = demoPersonId("berg", "Mats");
const TOR = demoPersonId("eriksen", "Tor");
const SARA = demoPersonId("haugland", "Sara");

describe("PPT", () => {
  it("shows the Berg son's expert assessment, its stage and recommendation, and the PPT contact to a member of the team under the family's consent", async () => {
    const mats = await ppt(MATS, await asUser("samhandling-investeringsleder-1", demoCaseId("berg")));
    expect(mats.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    expect(mats.involved).toBe(true);
    expect(mats.contact).toEqual({ name: "Øyvind Lunde", role: "PP-rådgiver", phone: "+47 400 09 102" });
    expect(mats.referrals!.map((r) => [r.status, r.receivedOn, r.closedOn])).toEqual([
      ["IN_PROGRESS", iso("2026-10-05"), null],
      ["CONCLUDED", iso("2025-11-10"), iso("2026-02-20")],
    ]);
    expect(mats.assessments).toEqual([
      expect.objectContaining({ stage: "MAPPING", deliveredOn: null, recommendation: null }),
      expect.objectContaining({ stage: "DELIVERED", deliveredOn: iso("2026-02-20"), recommendation: "SPECIAL_EDUCATION", recommendedHours: 190, recommendationSummary: expect.stringMatching(/fem timer i uka/) }),
    ]);
  });

  it("answers alike, without a hint of a referral, for a child PPT knows and one it does not, when no consent names PPT", async () => {
    const headers = await asUser("nav-veileder-1", demoCaseId("haugland"));
    const ella = await ppt(demoPersonId("haugland", "Ella"), headers); // referred this autumn
    const noah = await ppt(demoPersonId("haugland", "Noah"), headers); // nothing at PPT
    const restricted = { access: { status: "RESTRICTED", reason: "NO_CONSENT" }, involved: null, contact: null, referrals: null, assessments: null };
    expect(ella).toEqual(restricted);
    expect(noah).toEqual(ella);
  });

  it("shows what PPT's own system writes: a delivered assessment appears in the view", async () => {
    const batch = await write("ppt", [
      {
        assessment: {
          sourceSystem: "pp-journal", sourceId: `SAKK-${RUN}`, personId: MATS, subject: "Behov for spesialundervisning i matematikk", stage: "DELIVERED",
          startedOn: iso("2026-09-01"), deliveredOn: iso("2026-11-20"), recommendation: "ADAPTED_TEACHING", recommendationSummary: "Tilpasset opplæring i matematikk innenfor ordinær undervisning",
        },
      },
    ]);
    expect(batch).toMatchObject({ written: true, results: [{ operation: "assessment", outcome: "CREATED", refusal: null }] });
    const mats = await ppt(MATS, await asUser("samhandling-investeringsleder-1", demoCaseId("berg")));
    expect(mats.assessments).toContainEqual(expect.objectContaining({ subject: "Behov for spesialundervisning i matematikk", recommendation: "ADAPTED_TEACHING", deliveredOn: iso("2026-11-20") }));
  });

  it("refuses a recommendation before the assessment is delivered", async () => {
    const batch = await write("ppt", [
      { assessment: { sourceSystem: "pp-journal", sourceId: `SAKK-EARLY-${RUN}`, personId: MATS, subject: "Behov for spesialundervisning", stage: "MAPPING", startedOn: iso("2026-11-02"), recommendation: "SPECIAL_EDUCATION" } },
    ]);
    expect(batch.written).toBe(false);
    expect(batch.results[0]!.refusal).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringMatching(/DELIVERED/) });
  });
});

describe("the housing office", () => {
  it("shows Haugland's application for municipal housing, her bostøtte and the caseworker to the family's ansvarsgruppe", async () => {
    const sara = await bolig(SARA, await asUser("nav-veileder-1", demoCaseId("haugland")));
    expect(sara.access).toEqual({ status: "GRANTED", reason: "CONSENT" });
    expect(sara.involved).toBe(true);
    expect(sara.applications).toEqual([
      { applyingFor: "Kommunal utleiebolig, 4 rom, nær Fjordvik barneskole", status: "IN_REVIEW", submittedOn: iso("2026-04-15"), decidedOn: null, caseworker: { name: "Espen Dahl", role: "saksbehandler, boligkontoret" } },
    ]);
    expect(sara.housingAllowances).toEqual([{ status: "GRANTED", monthlyAmount: 2850, fromMonth: demoMonth("2025-10-01").toISOString().slice(0, 10), untilMonth: null }]);
    expect(sara.contact?.name).toBe("Espen Dahl");
    expect(sara.evictionRisks).toEqual([]);
  });

  it("shows Per Sandvik the eviction date himself, and no one in a case without a consent", async () => {
    const per = demoPersonId("sandvik", "Per");
    const own = await bolig(per, await asUser(per));
    expect(own.access).toEqual({ status: "GRANTED", reason: "SELF" });
    expect(own.evictionRisks).toEqual([
      { stage: "NOTICE", notedOn: iso("2026-10-28"), evictionDate: iso("2027-01-15"), description: expect.stringMatching(/tvangsfravikelse/) },
    ]);
    // The family's BTI case is closed: its former contact teacher gets nothing, as for an unknown person.
    const closed = await gateway(`query ($id: ID!) { person(id: $id) { ${BOLIG} } }`, { id: per }, await asUser("skole-kontaktlaerer-5", demoCaseId("sandvik")));
    expect(closed.errors).toBeUndefined();
    expect(closed.data).toEqual({ person: null });
  });

  // Tor himself reads these: the conformance suite, in the same federation, withdraws and refuses consents in his case.
  it("shows Tor Eriksen his temporary housing from his release and his boveileder", async () => {
    const tor = await bolig(TOR, await asUser(TOR));
    expect(tor.access).toEqual({ status: "GRANTED", reason: "SELF" });
    expect(tor.temporaryHousing).toEqual([{ kindOfPlace: "Kommunal treningsleilighet med døgnbemannet base", fromDate: iso("2026-12-14"), untilDate: iso("2027-03-14") }]);
    expect(tor.housingGuide).toEqual({ contact: { name: "Kristin Aasen", role: "boveileder", phone: "+47 400 10 111" }, since: iso("2026-12-14"), until: iso("2027-06-14") });
    expect(tor.applications!.map((a) => a.status)).toEqual(["SUBMITTED"]);
    // The boveileder starts on the day of release; until then the application's caseworker is whom to call.
    expect(tor.involved).toBe(true);
    expect(tor.contact).toEqual({ name: "Espen Dahl", role: "saksbehandler, boligkontoret", phone: "+47 400 01 131" });
  });

  it("shows what the housing office's own system writes: a granted bostøtte appears in the view", async () => {
    const batch = await write("bolig", [
      { allowance: { sourceSystem: "boligsak", sourceId: `BST-${RUN}`, personId: TOR, status: "GRANTED", monthlyAmount: 3100, fromMonth: "2027-01-01" } },
    ]);
    expect(batch).toMatchObject({ written: true, results: [{ operation: "allowance", outcome: "CREATED", refusal: null }] });
    const tor = await bolig(TOR, await asUser(TOR));
    expect(tor.housingAllowances).toContainEqual({ status: "GRANTED", monthlyAmount: 3100, fromMonth: "2027-01-01", untilMonth: null });
  });
});
