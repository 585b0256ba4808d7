// How a person search is written to registry's access log: its reason, and a
// basis that says which way the person was searched for. Apart from the
// resolver (search.ts), so tests and docs can name them without its decorators.

import { BASIS_TEXTS, type DecidingReason } from "../kit/access-values.ts";

/** The reason of every access-log entry a search writes. */
export const PERSON_SEARCH_REASON = "PERSON_SEARCH" satisfies DecidingReason;

/** The basis of the entry, by the way the person was searched for. */
export const SEARCH_BASIS = {
  nationalId: BASIS_TEXTS.PERSON_SEARCH_BY_NATIONAL_ID,
  nameAndBirthDate: BASIS_TEXTS.PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE,
} as const;
