// What samhandling learns about a person from registry: birth date, guardians
// and parental responsibility (the consent competence rules), and households
// (a new case's family). registry owns them; samhandling never stores them:
// they are read when a consent is recorded and when it is used, so a changed
// guardianship counts at once. The source is consent/registry-facts.ts (tests
// that run the rules in one process use test/support/person-facts.ts).

/** What the competence rules and case opening need to know about a person (from registry). */
export interface PersonFacts {
  personId: string;
  birthDate: Date;
  guardians: { guardianId: string; parentalResponsibility: boolean }[];
  /** The households the person lives in; samhandling checks a new case's household with it (cases/changes.ts). */
  householdIds?: readonly string[];
}

export interface PersonFactsSource {
  /**
   * Facts for each known person id, in one call for the whole batch. Unknown
   * ids are simply absent from the map (the caller reports NOT_FOUND).
   * Must throw when the registry cannot answer, never answer "unknown".
   */
  load(personIds: readonly string[]): Promise<Map<string, PersonFacts>>;
  /** The children each person holds parental responsibility for (a guardian's view of their children's consents), in one call. */
  wards(personIds: readonly string[]): Promise<Map<string, string[]>>;
}
