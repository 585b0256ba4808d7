// PPT's involvement fact (category INVOLVEMENT): a referral not yet concluded, and its PP-rådgiver — or an involvement PPT registered.
// Under an INVOLVEMENT-only consent the kit shows PPT's reception instead of the rådgiver (services/kit/access.ts).
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { PptLoaders } from "./data.ts";

type ReferralRow = Awaited<ReturnType<PptLoaders["referrals"]["load"]>>[number];

export const referralContact = (r: ReferralRow): ContactPerson | null => contact(r.contactName, "PP-rådgiver", r.contactPhone);

/** Open: received, waiting or in progress, and not closed. */
export const isOpenReferral = (r: ReferralRow) => r.closedOn === null && r.status !== "CONCLUDED" && r.status !== "WITHDRAWN";

/** Referrals only: the one table that says whether PPT works with the child now; the full view shares its statement. */
export async function pptInvolvement(loaders: PptLoaders, personId: string): Promise<Involvement> {
  const [referrals, registered] = await Promise.all([loaders.referrals.load(personId), loaders.registered.load(personId)]);
  return withRegistered(registered, { involved: referrals.some(isOpenReferral), contact: firstContact(referrals, isOpenReferral, referralContact) });
}
