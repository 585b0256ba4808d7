// How a person search is written to registry's access log: its reason, and a
// basis that says which way the person was searched for. Apart from the
// resolver (search.ts), so tests and docs can name them without its decorators.

/** The reason of every access-log entry a search writes. */
export const PERSON_SEARCH_REASON = "PERSON_SEARCH";

/** The basis of the entry, by the way the person was searched for. */
export const SEARCH_BASIS = {
  nationalId: "Person search by national identity number (exact match), to start case work",
  nameAndBirthDate: "Person search by full name and birth date (exact match), to start case work",
} as const;
