// The voluntary sector's involvement fact (category INVOLVEMENT): taking part now, and whom to call.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import type { FrivillighetLoaders } from "./data.ts";

type ActivityRow = Awaited<ReturnType<FrivillighetLoaders["activities"]["load"]>>[number];

export const activityContact = (r: ActivityRow): ContactPerson | null => contact(r.contactName, "kontaktperson", r.contactPhone);

/** Through the same loader as the full view, so both layers share one statement. */
export async function frivillighetInvolvement(loaders: FrivillighetLoaders, personId: string): Promise<Involvement> {
  const rows = await loaders.activities.load(personId);
  const current = (r: ActivityRow) => isCurrent(r.until);
  return { involved: rows.some(current), contact: firstContact(rows, current, activityContact) };
}
