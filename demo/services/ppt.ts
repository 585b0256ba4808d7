// PPT's demo data: its part of the Fjordvik families' stories (demo/fjordvik.ts),
// and for synthetic families a referral for every child school sent to PPT
// (world.skole's PPT_REFERRAL support), so the two services tell one story and
// the benchmark's households reach PPT too.
import type { Prisma } from "../../prisma/ppt/generated/client.ts";
import { demoPersonId, demoPersons, demoStaff } from "../fjordvik.ts";
import { demoDay, serviceDemo } from "../service-demo.ts";
import type { World } from "../world.ts";

type Referral = Prisma.PptReferralCreateManyInput;
type Assessment = Prisma.PptAssessmentCreateManyInput;

// The PP-rådgivere: the one in the Berg investeringsteam (skole-ppt-1) and PPT's own (ppt-radgiver-1).
const LISE = { contactName: demoStaff["skole-ppt-1"]!.displayName, contactPhone: demoStaff["skole-ppt-1"]!.phone };
const OYVIND = { contactName: demoStaff["ppt-radgiver-1"]!.displayName, contactPhone: demoStaff["ppt-radgiver-1"]!.phone };

const none = { closedOn: null, sourceSystem: null, sourceId: null };

function fjordvikRows(): { pptReferral: Referral[]; pptAssessment: Assessment[] } {
  const mats = demoPersonId("berg", "Mats");
  const ella = demoPersonId("haugland", "Ella");
  const sander = demoPersonId("moe", "Sander");
  return {
    pptReferral: [
      // Mats Berg: the first assessment (Lise Brekke) led to special education from March; a new one before lower secondary.
      { ...none, id: "ppt-referral-berg-mats-1", personId: mats, referredBy: "Fjordvik barneskole", reason: "Vansker med lesing og skriving og med å holde konsentrasjonen i klassen; bekymring fra kontaktlærer og foreldre", status: "CONCLUDED", receivedOn: demoDay("2025-11-10"), closedOn: demoDay("2026-02-20"), ...LISE },
      { ...none, id: "ppt-referral-berg-mats-2", personId: mats, referredBy: "Fjordvik barneskole", reason: "Ny sakkyndig vurdering før overgangen til ungdomsskolen høsten 2027", status: "IN_PROGRESS", receivedOn: demoDay("2026-10-05"), ...OYVIND },
      // Ella Haugland: referred this autumn, on the waiting list. Sara's consent does not cover PPT.
      { ...none, id: "ppt-referral-haugland-ella-1", personId: ella, referredBy: "Fjordvik barneskole", reason: "Lese- og skrivevansker; skolen ber om kartlegging", status: "WAITING", receivedOn: demoDay("2026-10-26"), ...OYVIND },
      // Sander Moe: adult education towards a trade certificate (voksenopplæring), with OT.
      { ...none, id: "ppt-referral-moe-sander-1", personId: sander, referredBy: "Oppfølgingstjenesten, Fjordvik", reason: "Vurdering av behov for spesialundervisning i voksenopplæringen før fagbrev", status: "IN_PROGRESS", receivedOn: demoDay("2026-09-14"), ...OYVIND },
    ],
    pptAssessment: [
      { id: "ppt-assessment-berg-mats-2", personId: mats, subject: "Behov for spesialundervisning på ungdomstrinnet", stage: "MAPPING", startedOn: demoDay("2026-10-19"), deliveredOn: null, recommendation: null, recommendedHours: null, recommendationSummary: null, sourceSystem: null, sourceId: null },
      {
        id: "ppt-assessment-berg-mats-1", personId: mats, subject: "Behov for spesialundervisning", stage: "DELIVERED", startedOn: demoDay("2025-11-24"), deliveredOn: demoDay("2026-02-20"),
        recommendation: "SPECIAL_EDUCATION", recommendedHours: 190, recommendationSummary: "Spesialundervisning i lesing og skriving, fem timer i uka i liten gruppe, og tilrettelegging i klasserommet", sourceSystem: null, sourceId: null,
      },
      { id: "ppt-assessment-moe-sander-1", personId: sander, subject: "Behov for spesialundervisning i voksenopplæringen", stage: "WRITING", startedOn: demoDay("2026-10-01"), deliveredOn: null, recommendation: null, recommendedHours: null, recommendationSummary: null, sourceSystem: null, sourceId: null },
    ],
  };
}

/** A referral per synthetic child that school sent to PPT, closed when school's support ended. */
function syntheticRows(world: World): Referral[] {
  const demo = new Set(demoPersons.map((p) => p.personId));
  return world.skole.schoolSupport
    .filter((s) => s.kind === "PPT_REFERRAL" && !demo.has(s.personId))
    .map((s, i) => ({
      ...none,
      id: `ppt-referral-synthetic-${i + 1}`,
      personId: s.personId,
      referredBy: "Skolen",
      reason: "Henvist for sakkyndig vurdering",
      status: s.status === "ENDED" ? "CONCLUDED" : "IN_PROGRESS",
      receivedOn: s.startedAt,
      closedOn: s.status === "ENDED" ? s.startedAt : null,
      ...OYVIND,
    }));
}

export default serviceDemo((world) => {
  const rows = fjordvikRows();
  return { pptReferral: [...rows.pptReferral, ...syntheticRows(world)], pptAssessment: rows.pptAssessment };
});
