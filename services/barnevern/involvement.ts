// Barnevern's involvement fact (category INVOLVEMENT): an open case, and the caseworker.
import { contact, type Involvement } from "../kit/views.ts";
import type { BarnevernLoaders } from "./data.ts";

/** Through the same loader as the full view, so both layers share one statement. */
export async function barnevernInvolvement(loaders: BarnevernLoaders, personId: string): Promise<Involvement> {
  const found = await loaders.case.load(personId);
  return {
    involved: found !== null && found.phase !== "CLOSED",
    contact: contact(found?.caseworkerName, "saksbehandler", found?.caseworkerPhone),
  };
}
