// Health's involvement fact (category INVOLVEMENT): followed up now, and whom to call — or an involvement health registered.
// Never which service or unit: that would tell what kind of help it is.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { HelseLoaders } from "./data.ts";

type ContactRow = Awaited<ReturnType<HelseLoaders["contacts"]["load"]>>[number];

export const healthContactPerson = (r: ContactRow): ContactPerson | null => contact(r.contactName, "kontaktperson", r.contactPhone);

/** Through the same loader as the full view, so both layers share one statement. */
export async function helseInvolvement(loaders: HelseLoaders, personId: string): Promise<Involvement> {
  const [rows, registered] = await Promise.all([loaders.contacts.load(personId), loaders.registered.load(personId)]);
  const current = (r: ContactRow) => isCurrent(r.until);
  return withRegistered(registered, { involved: rows.some(current), contact: firstContact(rows, current, healthContactPerson) });
}
