// The housing office's demo data: its part of the Fjordvik families' stories
// (demo/fjordvik.ts) — Haugland's application for a bigger flat, Tor Eriksen's
// temporary housing from his release, the Sandvik eviction notice, Sander Moe's
// first flat of his own — and for synthetic families an application for every
// adult NAV follows up on housing (world.nav), so the benchmark's households
// reach the housing office too.
import type { Prisma } from "../../prisma/bolig/generated/client.ts";
import { demoPersonId, demoPersons, demoStaff } from "../fjordvik.ts";
import { demoDay, demoMonth, serviceDemo } from "../service-demo.ts";
import type { World } from "../world.ts";

type Application = Prisma.HousingApplicationCreateManyInput;

// The housing office's caseworker (nav-bolig-1 in samhandling's directory) and its boveileder.
const ESPEN = { caseworkerName: demoStaff["nav-bolig-1"]!.displayName, caseworkerPhone: demoStaff["nav-bolig-1"]!.phone };
const KRISTIN = { guideName: demoStaff["bolig-boveileder-1"]!.displayName, guidePhone: demoStaff["bolig-boveileder-1"]!.phone };
const keyless = { sourceSystem: null, sourceId: null };

const haugland = demoPersonId("haugland", "Sara");
const tor = demoPersonId("eriksen", "Tor");
const [per, kari] = [demoPersonId("sandvik", "Per"), demoPersonId("sandvik", "Kari")];
const sander = demoPersonId("moe", "Sander");

function applications(world: World): Application[] {
  const demo = new Set(demoPersons.map((p) => p.personId));
  const synthetic = world.nav.navMeasure
    .filter((m) => (m.kind === "HOUSING_FOLLOW_UP" || m.kind === "TEMPORARY_HOUSING") && !demo.has(m.personId))
    .map((m, i): Application => ({
      ...keyless,
      id: `bolig-application-synthetic-${i + 1}`,
      personId: m.personId,
      applyingFor: "Kommunal utleiebolig",
      status: m.status === "ENDED" ? "ALLOCATED" : "IN_REVIEW",
      submittedOn: m.startedAt,
      decidedOn: m.status === "ENDED" ? (m.endsAt ?? m.startedAt) : null,
      ...ESPEN,
    }));
  return [
    // Sara Haugland: four rooms for the family of four, decided in the allocation meeting 10 December.
    { ...keyless, id: "bolig-application-haugland-1", personId: haugland, applyingFor: "Kommunal utleiebolig, 4 rom, nær Fjordvik barneskole", status: "IN_REVIEW", submittedOn: demoDay("2026-04-15"), decidedOn: null, ...ESPEN },
    // Tor Eriksen: a flat of his own after the temporary housing.
    { ...keyless, id: "bolig-application-eriksen-1", personId: tor, applyingFor: "Kommunal utleiebolig, 2 rom", status: "SUBMITTED", submittedOn: demoDay("2026-10-20"), decidedOn: null, ...ESPEN },
    // Sander Moe: approved, waiting for a youth flat (ungdomsbolig).
    { ...keyless, id: "bolig-application-moe-1", personId: sander, applyingFor: "Kommunal ungdomsbolig, 1 rom", status: "APPROVED", submittedOn: demoDay("2026-05-20"), decidedOn: demoDay("2026-08-27"), ...ESPEN },
    ...synthetic,
  ];
}

export default serviceDemo((world) => ({
  housingApplication: applications(world),
  housingAllowance: [
    { ...keyless, id: "bolig-allowance-haugland-1", personId: haugland, status: "GRANTED", monthlyAmount: 2850, fromMonth: demoMonth("2025-10-01"), untilMonth: null },
    { ...keyless, id: "bolig-allowance-sandvik-1", personId: per, status: "APPLIED", monthlyAmount: null, fromMonth: demoMonth("2026-11-01"), untilMonth: null },
    { ...keyless, id: "bolig-allowance-moe-1", personId: sander, status: "GRANTED", monthlyAmount: 1900, fromMonth: demoMonth("2026-06-01"), untilMonth: null },
  ],
  housingGuide: [
    { ...keyless, id: "bolig-guide-eriksen-1", personId: tor, ...KRISTIN, since: demoDay("2026-12-14"), until: demoDay("2027-06-14") },
    { ...keyless, id: "bolig-guide-moe-1", personId: sander, ...KRISTIN, since: demoDay("2026-06-01"), until: null },
  ],
  temporaryHousing: [
    // Tor Eriksen: from the day of his release until a flat of his own is ready (NAV's TEMPORARY_HOUSING measure).
    { ...keyless, id: "bolig-temporary-eriksen-1", personId: tor, kindOfPlace: "Kommunal treningsleilighet med døgnbemannet base", fromDate: demoDay("2026-12-14"), untilDate: demoDay("2027-03-14") },
  ],
  evictionRisk: [
    // Per and Kari Sandvik, both on the lease: notice of eviction for rent arrears, the landlord's deadline 15 January.
    ...[per, kari].map((personId, i) => ({
      ...keyless,
      id: `bolig-eviction-sandvik-${i + 1}`,
      personId,
      stage: "NOTICE" as const,
      notedOn: demoDay("2026-10-28"),
      evictionDate: demoDay("2027-01-15"),
      description: "Varsel om tvangsfravikelse for husleierestanse; nedbetalingsplan drøftes med utleier, bostøtte søkt",
    })),
  ],
}));
