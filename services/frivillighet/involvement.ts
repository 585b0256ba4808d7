// The voluntary sector's involvement fact (category INVOLVEMENT): taking part now, and whom to call — or an involvement it registered.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { FrivillighetLoaders } from "./data.ts";

type ActivityRow = Awaited<ReturnType<FrivillighetLoaders["activities"]["load"]>>[number];

export const activityContact = (r: ActivityRow): ContactPerson | null => contact(r.contactName, "kontaktperson", r.contactPhone);

/** Through the same loader as the full view, so both layers share one statement. */
export async function frivillighetInvolvement(loaders: FrivillighetLoaders, personId: string): Promise<Involvement> {
  const [rows, registered] = await Promise.all([loaders.activities.load(personId), loaders.registered.load(personId)]);
  const current = (r: ActivityRow) => isCurrent(r.until);
  return withRegistered(registered, { involved: rows.some(current), contact: firstContact(rows, current, activityContact) });
}
