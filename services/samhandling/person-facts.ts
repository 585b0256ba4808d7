// Where samhandling learns the facts the consent competence rules need (birth
// date, guardians and parental responsibility). registry owns them; in
// production the source is an internal, signed call to the registry subgraph.
// samhandling never stores them: they are read when a consent is recorded and
// when it is used, so a changed guardianship counts at once.
import type { PersonFacts } from "./competence.ts";

export type { PersonFacts } from "./competence.ts";

export interface PersonFactsSource {
  /**
   * Facts for each known person id, in one call for the whole batch. Unknown
   * ids are simply absent from the map (the caller reports NOT_FOUND).
   * Must throw when the registry cannot answer, never answer "unknown".
   */
  load(personIds: readonly string[]): Promise<Map<string, PersonFacts>>;
}
