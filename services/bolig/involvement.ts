// The housing office's involvement fact (category INVOLVEMENT): an open application, a current housing allowance,
// boveileder or temporary housing, or an eviction not yet settled — and whom to call: the boveileder, else the
// application's caseworker; or an involvement the office registered. Under an INVOLVEMENT-only consent the kit
// shows the office's reception instead (services/kit/access.ts), which answers for every kind of housing matter,
// so the contact tells nothing of an eviction.
import { isCurrent, todayInOslo } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { BoligLoaders } from "./data.ts";

type Rows<K extends keyof Omit<BoligLoaders, "registered">> = Awaited<ReturnType<BoligLoaders[K]["load"]>>;
type ApplicationRow = Rows<"applications">[number];
type GuideRow = Rows<"guides">[number];

export const guideContact = (g: GuideRow): ContactPerson | null => contact(g.guideName, "boveileder", g.guidePhone);
export const applicationContact = (a: ApplicationRow): ContactPerson | null => contact(a.caseworkerName, "saksbehandler, boligkontoret", a.caseworkerPhone);

const OPEN_APPLICATION: readonly ApplicationRow["status"][] = ["SUBMITTED", "IN_REVIEW", "APPROVED"];
export const isOpenApplication = (a: ApplicationRow) => OPEN_APPLICATION.includes(a.status);
const SETTLED_EVICTION: readonly Rows<"evictionRisks">[number]["stage"][] = ["AVERTED", "EVICTED"];

/** The boveileder now or next (newest first): one whose time has not ended, or null. */
export const currentGuide = (guides: Rows<"guides">): GuideRow | null => guides.find((g) => isCurrent(g.until)) ?? null;

/** Whom to call is a boveileder who has started: one planned from a later day is not there yet. */
const startedGuide = (guide: GuideRow | null): GuideRow | null => (guide && guide.since.toISOString().slice(0, 10) <= todayInOslo() ? guide : null);

/** Every table through the full view's loaders, so both layers share one statement per table. */
export async function boligInvolvement(loaders: BoligLoaders, personId: string): Promise<Involvement> {
  const [applications, allowances, guides, temporary, evictions, registered] = await Promise.all([
    loaders.applications.load(personId),
    loaders.allowances.load(personId),
    loaders.guides.load(personId),
    loaders.temporaryHousing.load(personId),
    loaders.evictionRisks.load(personId),
    loaders.registered.load(personId),
  ]);
  const guide = startedGuide(currentGuide(guides));
  const involved =
    guide !== null ||
    applications.some(isOpenApplication) ||
    allowances.some((a) => (a.status === "APPLIED" || a.status === "GRANTED") && isCurrent(a.untilMonth)) ||
    temporary.some((t) => isCurrent(t.untilDate)) ||
    evictions.some((e) => !SETTLED_EVICTION.includes(e.stage));
  return withRegistered(registered, {
    involved,
    contact: (guide && guideContact(guide)) ?? firstContact(applications, isOpenApplication, applicationContact),
  });
}
