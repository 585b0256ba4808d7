// NAV's involvement fact (category INVOLVEMENT): followed up now, and the veileder — or an involvement NAV registered.
import { contact, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { NavLoaders } from "./data.ts";

/** Through the same loaders as the full view, so both layers share one statement per table. */
export async function navInvolvement(loaders: NavLoaders, personId: string): Promise<Involvement> {
  const [followUp, measures, registered] = await Promise.all([loaders.followUp.load(personId), loaders.measures.load(personId), loaders.registered.load(personId)]);
  return withRegistered(registered, {
    involved: (followUp !== null && followUp.endedAt === null) || measures.some((m) => m.status === "ACTIVE"),
    contact: contact(followUp?.veilederName, "veileder", followUp?.veilederPhone),
  });
}
