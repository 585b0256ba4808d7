// School's involvement fact (category INVOLVEMENT): enrolled now, and the contact teacher — or an involvement school registered.
import { isCurrent } from "../kit/scalars.ts";
import { contact, firstContact, type ContactPerson, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { SkoleLoaders } from "./data.ts";

type EnrolmentRow = Awaited<ReturnType<SkoleLoaders["enrolments"]["load"]>>[number];

export const enrolmentContact = (e: EnrolmentRow): ContactPerson | null => contact(e.contactTeacherName, "kontaktlærer", e.contactTeacherPhone);

/** Enrolments only (not support or attendance): the one table that says whether school is involved. */
export async function skoleInvolvement(loaders: SkoleLoaders, personId: string): Promise<Involvement> {
  const [enrolments, registered] = await Promise.all([loaders.enrolments.load(personId), loaders.registered.load(personId)]);
  const current = (e: EnrolmentRow) => isCurrent(e.until);
  return withRegistered(registered, { involved: enrolments.some(current), contact: firstContact(enrolments, current, enrolmentContact) });
}
