// The closed sets an access-log entry and an access decision are told in: the
// rule that decided (reason), what it rested on (basis) and the service the
// looker acted for. One list each, with what every value means to the person
// reading their log and to an auditor; the GraphQL enums (access-enums.ts) and
// the docs are made from these. No decorators here, so tests and the docs can
// read it without type-graphql.
//
// A value is only ever added (an additive change for clients, who read an
// unknown value with their general words); a value is never renamed or taken
// away, since the log keeps what it once wrote.
//
// The database keeps what it always kept (`access_log.reason`, `.basis`,
// `.actor_service` are hashed into the chain and never rewritten): reasons are
// stored as these codes; bases as text, which `shownBasis` reads into a kind
// and the reference it names.
import type { AccessDecision } from "./access-log.ts";
import { SERVICE_NAMES } from "./catalog.ts";

/** Whether a reason grants or refuses (or, for a write, allows the write). */
type Outcome = "granted" | "refused" | "either";

interface ReasonEntry {
  outcome: Outcome;
  description: string;
}

/** Every rule that can decide a look, as the access log and an access decision name it. */
export const ACCESS_REASONS = {
  CONSENT: { outcome: "granted", description: "A consent the person (or a guardian with parental responsibility) gave for the case's members covered it." },
  OWN_SERVICE: { outcome: "granted", description: "The service's own staff, about a person the service itself helps: its own records, needing no consent." },
  OWN_SYSTEM: { outcome: "granted", description: "The service's own case system (its machine client) wrote its own records through the write API." },
  SELF: { outcome: "granted", description: "The person looked at their own data (right of access, GDPR art. 15)." },
  PARENTAL_RESPONSIBILITY: { outcome: "granted", description: "A guardian with parental responsibility looked at their child's data (barneloven § 30)." },
  CASE_MEMBERSHIP: { outcome: "granted", description: "The looker takes part in the coordination case: they see the case and who is in it." },
  CONSENT_GIVER: { outcome: "granted", description: "The person who gave a consent looked at that consent." },
  INFORMATION_REQUEST: {
    outcome: "granted",
    description: "Released to barnevern's investigation under an information request (barnevernsloven § 13-2): extraordinary, on the auditors' review list.",
  },
  INVOLVEMENT_SIGNAL: { outcome: "granted", description: "The case's stafettholder was told that a service the consent covers has become involved." },
  REGISTRANT: { outcome: "granted", description: "The employee who registered a concern read it back." },
  ARCHIVE_COPY: { outcome: "granted", description: "The stafettholder (or coordinator) who closed the case downloaded its archive copy." },
  ARCHIVE_TRANSFER: { outcome: "granted", description: "The municipality's archive fetched a closed case's archive package, to keep it as the law requires." },
  AUDIT: { outcome: "granted", description: "One of the service's auditors read its access log (entries about this person)." },
  INTERNAL_SERVICE: { outcome: "granted", description: "An internal check between the hub's own processes (e.g. consent competence, sign-in), on the stated basis." },
  PERSON_SEARCH: { outcome: "granted", description: "An employee found the person by an exact search, to start case work." },
  BENCH_RULES_OFF: { outcome: "granted", description: "Benchmark runs only: the consent rules were switched off. Never in a municipality's hub." },
  NO_CONSENT: { outcome: "refused", description: "No consent in force covered it." },
  REFUSED: { outcome: "refused", description: "The person (or a guardian) had refused consent." },
  NOT_A_MEMBER: { outcome: "refused", description: "The looker takes no part in the declared case (or information request), or it is unknown." },
  NOT_A_SUBJECT: { outcome: "refused", description: "The declared case (or information request) is not about this person." },
  NO_PURPOSE: { outcome: "refused", description: "No case was declared, so no consent could apply." },
  AUDITOR: { outcome: "refused", description: "Auditors read the access log only, never the data itself." },
  NOT_PERMITTED: { outcome: "refused", description: "No rule allows this looker this data." },
  UNAUTHENTICATED: { outcome: "refused", description: "No one was signed in." },
  REQUEST_CLOSED: { outcome: "refused", description: "The information request had closed or run out." },
  NOT_A_CHILD: { outcome: "refused", description: "An information request covers children under 18 only." },
  NOT_REQUESTED: { outcome: "refused", description: "The information request did not ask this service for this data." },
  DECISION_UNAVAILABLE: { outcome: "refused", description: "The consent rules could not be asked at that moment, so nothing was released." },
  NOT_OWN_SERVICE: { outcome: "refused", description: "A write of another service's data: only the service's own staff and system write it." },
  NOT_A_WRITER: { outcome: "refused", description: "A write by an employee without the role that writes the service's data." },
  NOT_IN_DIRECTORY: { outcome: "refused", description: "A write by an employee with no active entry in the hub's employee directory." },
  OTHER: {
    outcome: "either",
    description: "A rule this version of the hub has no name for (an entry written by another version): the entry's decision says whether data was released.",
  },
} as const satisfies Record<string, ReasonEntry>;

export type AccessReason = keyof typeof ACCESS_REASONS;

/** A rule the hub decides by: every reason but OTHER, which only reading an unknown stored value gives. */
export type DecidingReason = Exclude<AccessReason, "OTHER">;

const isReason = (value: string): value is AccessReason => Object.hasOwn(ACCESS_REASONS, value);

/** A stored reason as the API shows it: an unknown one (another version's) as OTHER rather than an error that hides the whole log. */
export const shownReason = (stored: string): AccessReason => (isReason(stored) ? stored : "OTHER");

interface BasisEntry {
  description: string;
  /** How it is stored: a prefix before the reference it names, or the texts it has been stored as. */
  stored: { prefix: string } | { texts: readonly string[] };
}

/** The texts some bases are stored as: written once, matched when read, so never edited. */
export const BASIS_TEXTS = {
  RIGHT_OF_ACCESS: "Right of access to one's own data (GDPR art. 15)",
  PARENTAL_RESPONSIBILITY: "Parental responsibility for a child (barneloven § 30)",
  OWN_RECORDS: "The service's own records",
  OWN_STAFETTLOGG_ENTRIES: "The service's own entries",
  REGISTRANT: "The concern's registrant",
  ARCHIVE_DUTY: "The municipality's duty to keep its records (arkivlova § 6)",
  PERSON_SEARCH_BY_NATIONAL_ID: "Person search by national identity number (exact match), to start case work",
  PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE: "Person search by full name and birth date (exact match), to start case work",
  CONSENT_COMPETENCE_CHECK: "Consent competence rules (birth date, parental responsibility)",
  SIGN_IN: "Sign-in: the national identity number in the caller's own ID-porten token names the person signing in",
} as const;

/** What a decision rested on: the consent, case or request it names, or a legal basis. */
export const ACCESS_BASES = {
  CONSENT: { stored: { prefix: "consent:" }, description: "A consent; basisReference is its id." },
  CASE: { stored: { prefix: "case:" }, description: "Taking part in a coordination case; basisReference is the case's id." },
  INFORMATION_REQUEST: {
    stored: { prefix: "information-request:" },
    description: "Barnevern's information request under barnevernsloven § 13-2; basisReference is the request's id.",
  },
  RIGHT_OF_ACCESS: { stored: { texts: [BASIS_TEXTS.RIGHT_OF_ACCESS] }, description: "The person's right of access to their own data (GDPR art. 15)." },
  PARENTAL_RESPONSIBILITY: { stored: { texts: [BASIS_TEXTS.PARENTAL_RESPONSIBILITY] }, description: "Parental responsibility for a child (barneloven § 30)." },
  OWN_RECORDS: {
    stored: { texts: [BASIS_TEXTS.OWN_RECORDS, BASIS_TEXTS.OWN_STAFETTLOGG_ENTRIES] },
    description: "The service's own records (or its own stafettlogg entries), which it keeps for the help it gives.",
  },
  REGISTRANT: { stored: { texts: [BASIS_TEXTS.REGISTRANT] }, description: "The employee registered the concern themselves." },
  ARCHIVE_DUTY: { stored: { texts: [BASIS_TEXTS.ARCHIVE_DUTY] }, description: "The municipality's duty to keep its records (arkivlova § 6): its archive fetching a closed case." },
  AUDIT: { stored: { prefix: "Audit of " }, description: "The auditors' review of the service's access log." },
  PERSON_SEARCH_BY_NATIONAL_ID: {
    stored: { texts: [BASIS_TEXTS.PERSON_SEARCH_BY_NATIONAL_ID] },
    description: "An exact search by national identity number, to start case work.",
  },
  PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE: {
    stored: { texts: [BASIS_TEXTS.PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE] },
    description: "An exact search by full name and birth date, to start case work.",
  },
  CONSENT_COMPETENCE_CHECK: {
    stored: { texts: [BASIS_TEXTS.CONSENT_COMPETENCE_CHECK] },
    description: "The consent rules checked who may consent (birth date, parental responsibility).",
  },
  SIGN_IN: { stored: { texts: [BASIS_TEXTS.SIGN_IN] }, description: "Signing in: the person's own ID-porten sign-in named them." },
  WRITE: { stored: { prefix: "write:" }, description: "The service's write API; basisReference names the operation (and what became of the record)." },
  DRY_RUN: { stored: { prefix: "dry-run:" }, description: "A dry run of the service's write API: nothing was written; basisReference names the operation." },
  DATA_COPY: {
    stored: { prefix: "data-copy:" },
    description: "A copy of everything the hub holds about the person, made for them (or their guardian) under the right of access; basisReference names its format (JSON, PDF).",
  },
  OTHER: { stored: { texts: [] }, description: "A basis this version of the hub has no name for; basisReference holds it as recorded." },
} as const satisfies Record<string, BasisEntry>;

export type AccessBasis = keyof typeof ACCESS_BASES;

/** A basis that names something: stored as its prefix and the id. */
export type ReferencingBasis = { [K in AccessBasis]: (typeof ACCESS_BASES)[K]["stored"] extends { prefix: string } ? K : never }[AccessBasis];

/** The stored form of a basis that names a consent, case, request or write operation. */
export const basisNaming = (kind: Exclude<ReferencingBasis, "AUDIT">, reference: string): string => `${ACCESS_BASES[kind].stored.prefix}${reference}`;

/** The stored basis of an auditor's read of a service's log. */
export const auditBasis = (service: string): string => `${ACCESS_BASES.AUDIT.stored.prefix}${service}'s access log`;

const BY_TEXT = new Map<string, AccessBasis>(
  (Object.entries(ACCESS_BASES) as [AccessBasis, BasisEntry][]).flatMap(([kind, e]) => ("texts" in e.stored ? e.stored.texts.map((t) => [t, kind] as const) : [])),
);
const BY_PREFIX = (Object.entries(ACCESS_BASES) as [AccessBasis, BasisEntry][]).flatMap(([kind, e]) => ("prefix" in e.stored ? [[e.stored.prefix, kind] as const] : []));

/** A basis as the API shows it: its kind, and what it names (a consent's, case's or request's id; an audit's service; the write operation). */
export interface ShownBasis {
  basis: AccessBasis | null;
  basisReference: string | null;
}

/** Reads a stored basis; one this version does not know is OTHER, with the text as its reference. */
export function shownBasis(stored: string | null): ShownBasis {
  if (stored === null) return { basis: null, basisReference: null };
  const exact = BY_TEXT.get(stored);
  if (exact) return { basis: exact, basisReference: null };
  for (const [prefix, kind] of BY_PREFIX) {
    if (!stored.startsWith(prefix)) continue;
    const rest = stored.slice(prefix.length);
    return { basis: kind, basisReference: kind === "AUDIT" ? rest.replace(/'s access log$/, "") : rest };
  }
  return { basis: "OTHER", basisReference: stored };
}

/** What became of a look, as the log records it (access-log.ts's AccessDecision). */
export const ACCESS_LOG_DECISIONS = {
  GRANTED: "Released: the looker was shown the data.",
  RESTRICTED: "Refused: the looker was shown nothing — not even whether there was anything.",
  WRITE: "Written: the service's own system or staff wrote a record about the person through the write API.",
} as const satisfies Record<AccessDecision, string>;

/** The services a look can be logged for: the catalog's, the gateway (internal calls), citizens, and no one signed in. */
export const ACTOR_SERVICE_VALUES = [...SERVICE_NAMES, "gateway", "citizen", "none"] as const;
export type StoredActorService = (typeof ACTOR_SERVICE_VALUES)[number];
export type ActorServiceValue = Uppercase<StoredActorService> | "OTHER";

/** A stored actor service (`nav`, `citizen`, …) as the API shows it (NAV, CITIZEN, …); an unknown one as OTHER. */
export function shownActorService(stored: string): ActorServiceValue {
  return (ACTOR_SERVICE_VALUES as readonly string[]).includes(stored) ? (stored.toUpperCase() as ActorServiceValue) : "OTHER";
}
