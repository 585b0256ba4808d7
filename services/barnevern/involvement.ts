// Barnevern's involvement fact (category INVOLVEMENT): an open case, and the caseworker — or an involvement barnevern registered.
import { contact, type Involvement } from "../kit/views.ts";
import { withRegistered } from "../kit/writes/involvement.ts";
import type { BarnevernLoaders } from "./data.ts";

/** Through the same loader as the full view, so both layers share one statement. */
export async function barnevernInvolvement(loaders: BarnevernLoaders, personId: string): Promise<Involvement> {
  const [found, registered] = await Promise.all([loaders.case.load(personId), loaders.registered.load(personId)]);
  return withRegistered(registered, {
    involved: found !== null && found.phase !== "CLOSED",
    contact: contact(found?.caseworkerName, "saksbehandler", found?.caseworkerPhone),
  });
}
