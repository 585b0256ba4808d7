/** What a decision rested on: a consent, a case or an information request (named by basisReference), or a legal basis. Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type AccessBasis =
  /** The municipality's duty to keep its records (arkivlova § 6): its archive fetching a closed case. */
  | 'ARCHIVE_DUTY'
  /** The auditors' review of the service's access log. */
  | 'AUDIT'
  /** Taking part in a coordination case; basisReference is the case's id. */
  | 'CASE'
  /** A consent; basisReference is its id. */
  | 'CONSENT'
  /** The consent rules checked who may consent (birth date, parental responsibility). */
  | 'CONSENT_COMPETENCE_CHECK'
  /** A copy of everything the hub holds about the person, made for them (or their guardian) under the right of access; basisReference names its format (JSON, PDF). */
  | 'DATA_COPY'
  /** A dry run of the service's write API: nothing was written; basisReference names the operation. */
  | 'DRY_RUN'
  /** Barnevern's information request under barnevernsloven § 13-2; basisReference is the request's id. */
  | 'INFORMATION_REQUEST'
  /** A basis this version of the hub has no name for; basisReference holds it as recorded. */
  | 'OTHER'
  /** The service's own records (or its own stafettlogg entries), which it keeps for the help it gives. */
  | 'OWN_RECORDS'
  /** Parental responsibility for a child (barneloven § 30). */
  | 'PARENTAL_RESPONSIBILITY'
  /** An exact search by full name and birth date, to start case work. */
  | 'PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE'
  /** An exact search by national identity number, to start case work. */
  | 'PERSON_SEARCH_BY_NATIONAL_ID'
  /** The employee registered the concern themselves. */
  | 'REGISTRANT'
  /** The person's right of access to their own data (GDPR art. 15). */
  | 'RIGHT_OF_ACCESS'
  /** Signing in: the person's own ID-porten sign-in named them. */
  | 'SIGN_IN'
  /** The service's write API; basisReference names the operation (and what became of the record). */
  | 'WRITE';

/** What a look at personal data was about: a data category a consent covers, or the person's access log itself. Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type AccessCategory =
  /** The person's access log itself: the person's own innsyn, a guardian's, or an auditor's read of it. No consent covers it. */
  | 'ACCESS_LOG'
  /** A coordination case the person is a subject of: its members, meetings and plan (samhandling). */
  | 'CASE'
  /** Name, birth date and household, held by registry. */
  | 'IDENTITY'
  /** The fact that a service is involved and whom to contact there — never content (like the Dutch Verwijsindex). */
  | 'INVOLVEMENT'
  /** What the service does with the person: measures, enrolments, contacts, activities, phase. */
  | 'SERVICE_DATA'
  /** Entries in a BTI case's stafettlogg written by other services. */
  | 'STAFETTLOGG';

/** What became of a look at personal data: released, refused or written. Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type AccessLogDecision =
  /** Released: the looker was shown the data. */
  | 'GRANTED'
  /** Refused: the looker was shown nothing — not even whether there was anything. */
  | 'RESTRICTED'
  /** Written: the service's own system or staff wrote a record about the person through the write API. */
  | 'WRITE';

/** The rule that decided a look at personal data: why it was released, refused or written (docs/access-rules.md). Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type AccessReason =
  /** The stafettholder (or coordinator) who closed the case downloaded its archive copy. Allows the look. */
  | 'ARCHIVE_COPY'
  /** The municipality's archive fetched a closed case's archive package, to keep it as the law requires. Allows the look. */
  | 'ARCHIVE_TRANSFER'
  /** One of the service's auditors read its access log (entries about this person). Allows the look. */
  | 'AUDIT'
  /** Auditors read the access log only, never the data itself. Refuses it. */
  | 'AUDITOR'
  /** Benchmark runs only: the consent rules were switched off. Never in a municipality's hub. Allows the look. */
  | 'BENCH_RULES_OFF'
  /** The looker takes part in the coordination case: they see the case and who is in it. Allows the look. */
  | 'CASE_MEMBERSHIP'
  /** A consent the person (or a guardian with parental responsibility) gave for the case's members covered it. Allows the look. */
  | 'CONSENT'
  /** The person who gave a consent looked at that consent. Allows the look. */
  | 'CONSENT_GIVER'
  /** The consent rules could not be asked at that moment, so nothing was released. Refuses it. */
  | 'DECISION_UNAVAILABLE'
  /** Released to barnevern's investigation under an information request (barnevernsloven § 13-2): extraordinary, on the auditors' review list. Allows the look. */
  | 'INFORMATION_REQUEST'
  /** An internal check between the hub's own processes (e.g. consent competence, sign-in), on the stated basis. Allows the look. */
  | 'INTERNAL_SERVICE'
  /** The case's stafettholder was told that a service the consent covers has become involved. Allows the look. */
  | 'INVOLVEMENT_SIGNAL'
  /** An information request covers children under 18 only. Refuses it. */
  | 'NOT_A_CHILD'
  /** The looker takes no part in the declared case (or information request), or it is unknown. Refuses it. */
  | 'NOT_A_MEMBER'
  /** The declared case (or information request) is not about this person. Refuses it. */
  | 'NOT_A_SUBJECT'
  /** A write by an employee without the role that writes the service's data. Refuses it. */
  | 'NOT_A_WRITER'
  /** A write by an employee with no active entry in the hub's employee directory. Refuses it. */
  | 'NOT_IN_DIRECTORY'
  /** A write of another service's data: only the service's own staff and system write it. Refuses it. */
  | 'NOT_OWN_SERVICE'
  /** No rule allows this looker this data. Refuses it. */
  | 'NOT_PERMITTED'
  /** The information request did not ask this service for this data. Refuses it. */
  | 'NOT_REQUESTED'
  /** No consent in force covered it. Refuses it. */
  | 'NO_CONSENT'
  /** No case was declared, so no consent could apply. Refuses it. */
  | 'NO_PURPOSE'
  /** A rule this version of the hub has no name for (an entry written by another version): the entry's decision says whether data was released. */
  | 'OTHER'
  /** The service's own staff, about a person the service itself helps: its own records, needing no consent. Allows the look. */
  | 'OWN_SERVICE'
  /** The service's own case system (its machine client) wrote its own records through the write API. Allows the look. */
  | 'OWN_SYSTEM'
  /** A guardian with parental responsibility looked at their child's data (barneloven § 30). Allows the look. */
  | 'PARENTAL_RESPONSIBILITY'
  /** An employee found the person by an exact search, to start case work. Allows the look. */
  | 'PERSON_SEARCH'
  /** The person (or a guardian) had refused consent. Refuses it. */
  | 'REFUSED'
  /** The employee who registered a concern read it back. Allows the look. */
  | 'REGISTRANT'
  /** The information request had closed or run out. Refuses it. */
  | 'REQUEST_CLOSED'
  /** The person looked at their own data (right of access, GDPR art. 15). Allows the look. */
  | 'SELF'
  /** No one was signed in. Refuses it. */
  | 'UNAUTHENTICATED';

/** Whether the caller may see a service's data about a person. */
export type AccessStatus =
  /** The data fields are filled in. */
  | 'GRANTED'
  /** Only `involved` and `contact` are filled in: the fact of involvement (data category INVOLVEMENT) may be seen, the service's data (SERVICE_DATA) may not. The other data fields are null. */
  | 'INVOLVEMENT_ONLY'
  /** The data fields are null. Says nothing about whether the service holds data. */
  | 'RESTRICTED';

/** The service a looker acted for, as the access log names it. Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type ActorService =
  /** Child welfare (Barnevern): one of its employees, its own system, or the hub's process of that name. */
  | 'BARNEVERN'
  /** Housing office (Boligkontoret): one of its employees, its own system, or the hub's process of that name. */
  | 'BOLIG'
  /** A member of the public, signed in: the person themself or a guardian. */
  | 'CITIZEN'
  /** Voluntary sector (Frivillighet): one of its employees, its own system, or the hub's process of that name. */
  | 'FRIVILLIGHET'
  /** The hub's gateway, on its own behalf (signing a person in). */
  | 'GATEWAY'
  /** Health (Helse): one of its employees, its own system, or the hub's process of that name. */
  | 'HELSE'
  /** NAV: one of its employees, its own system, or the hub's process of that name. */
  | 'NAV'
  /** No one signed in: a refused attempt. */
  | 'NONE'
  /** A service this version of the hub has no name for (an entry written by another version). */
  | 'OTHER'
  /** Educational psychology service (PP-tjenesten): one of its employees, its own system, or the hub's process of that name. */
  | 'PPT'
  /** Population register (Folkeregisteret): one of its employees, its own system, or the hub's process of that name. */
  | 'REGISTRY'
  /** Coordination (Samhandling): one of its employees, its own system, or the hub's process of that name. */
  | 'SAMHANDLING'
  /** School and kindergarten (Skole og barnehage): one of its employees, its own system, or the hub's process of that name. */
  | 'SKOLE';

/** How sure a citizen's sign-in is of who they are (ID-porten's levels). */
export type Assurance =
  /** High (idporten-loa-high, e.g. BankID): needed to give or withdraw a consent. */
  | 'HIGH'
  /** Substantial (idporten-loa-substantial, e.g. MinID). */
  | 'SUBSTANTIAL';

/** How absence has moved over the last months. */
export type AttendanceTrend =
  /** Absence is going down. */
  | 'IMPROVING'
  /** No clear change. */
  | 'STABLE'
  /** Absence is going up. */
  | 'WORSENING';

/** The kind of measure barnevern runs. */
export type BarnevernMeasureKind =
  /** Financial support in aftercare. */
  | 'AFTERCARE_FINANCIAL'
  /** Follow-up by a caseworker in aftercare. */
  | 'AFTERCARE_FOLLOW_UP'
  /** Housing support in aftercare. */
  | 'AFTERCARE_HOUSING'
  /** Foster care (fosterhjem). */
  | 'FOSTER_CARE'
  /** Guidance for the parents (foreldreveiledning). */
  | 'PARENTAL_GUIDANCE'
  /** Relief home or relief measures (avlastning). */
  | 'RELIEF_MEASURE'
  /** A support contact (støttekontakt). */
  | 'SUPPORT_CONTACT';

/** Where barnevern's case on the person stands. */
export type BarnevernPhase =
  /** Aftercare (ettervern) for a young adult, up to age 25. */
  | 'AFTERCARE'
  /** The case is closed. */
  | 'CLOSED'
  /** Barnevern is investigating (undersøkelse). */
  | 'INVESTIGATION'
  /** Help measures are running. */
  | 'MEASURES'
  /** A report of concern (bekymringsmelding) is being reviewed. */
  | 'REPORT_RECEIVED';

/** The task a case was opened from: what gives its members a reason to work with the person. */
export type CaseBasis =
  /** A registered concern (bekymring), for BTI. */
  | 'CONCERN'
  /** A decision (vedtak), with its reference: for an ansvarsgruppe or investeringsteam. */
  | 'DECISION'
  /** A referral (henvisning), with its reference. */
  | 'REFERRAL';

/** The kind of coordination work. */
export type CaseKind =
  /** A responsibility group of professionals and the family, with a coordinator and meetings. */
  | 'ANSVARSGRUPPE'
  /** Bedre tverrfaglig innsats: early, coordinated help at levels 0–3, led by a stafettholder. */
  | 'BTI'
  /** An investeringsteam / familielos: one coordinator with a mandate from each service and one family plan. */
  | 'INVESTERINGSTEAM';

/** Whether the case is open. */
export type CaseStatus =
  /** The case is closed. */
  | 'CLOSED'
  /** Work is going on. */
  | 'OPEN';

/** In what capacity the giver decided. */
export type ConsentCapacity =
  /** As a guardian with parental responsibility, for a child under 18. */
  | 'GUARDIAN'
  /** For themselves: a person of 18 or more, or a youth of 16 or 17 for health data (HELSE) only. */
  | 'SELF';

/** How a consent or refusal came in. */
export type ConsentChannel =
  /** Given (or refused) by the person signed in themselves: in force at once. */
  | 'DIGITAL'
  /** Recorded by an employee from the person's signed form: in force only once a second member of the case has attested it. */
  | 'PAPER_FORM'
  /** A refusal an employee recorded as the person said it: a refusal only ever keeps data back. */
  | 'STAFF_RECORDED';

/** What was decided (FHIR Consent provision type). Nothing is shared without a PERMIT. */
export type ConsentDecision =
  /** Consent refused, recorded with the reason as the person said it. */
  | 'DENY'
  /** Consent given: the case's members may see the covered data while it is active. */
  | 'PERMIT';

/** A kind of data a consent can cover (FHIR Consent provision.class). Values may be added (never renamed or removed): a client shows one it does not know with general words. */
export type DataCategory =
  /** A coordination case the person is a subject of: its members, meetings and plan (samhandling). */
  | 'CASE'
  /** Name, birth date and household, held by registry. */
  | 'IDENTITY'
  /** The fact that a service is involved and whom to contact there — never content (like the Dutch Verwijsindex). */
  | 'INVOLVEMENT'
  /** What the service does with the person: measures, enrolments, contacts, activities, phase. */
  | 'SERVICE_DATA'
  /** Entries in a BTI case's stafettlogg written by other services. */
  | 'STAFETTLOGG';

/** The form a copy of a person's data is made in. */
export type DataCopyFormat =
  /** Machine-readable: the versioned JSON of docs/data-copy.md. */
  | 'JSON'
  /** Readable: a PDF in bokmål with the same content. */
  | 'PDF';

/** How a directory entry came to be. */
export type EmployeeSource =
  /** Registered by an administrator of the employee's service. */
  | 'ADMIN'
  /** From a case membership older than the directory. */
  | 'MIGRATION'
  /** From the demo data. */
  | 'SEED'
  /** From the verified claims of the employee's first sign-in. */
  | 'SIGN_IN';

/** Every `extensions.code` an error from the hub can carry (docs/errors.md). No field returns it: an error's code travels in its `extensions`, and this enum gives clients the closed set, each code with its meaning, to switch on. A code may be added in a later release (handle an unknown one as a generic failure); one is only removed as a recorded breaking change (docs/api-changelog.md). */
export type ErrorCode =
  /** The access log could not be written, so the data was withheld. HTTP: 200, in a field's error. Raised by: the hub. What to do: Try again shortly. */
  | 'ACCESS_LOG_UNAVAILABLE'
  /** A citizen signed in below the level of assurance the act needs: giving or withdrawing a consent needs the high level (`idporten-loa-high`). HTTP: 200, in a field's error. Raised by: the hub. What to do: Sign in again at the high level (BankID or another high-level eID), then try again. */
  | 'ASSURANCE_TOO_LOW'
  /** A request that is not a GraphQL request: an unexpected parameter, a body that is not one request object, a batch with an item that is not one. 405 for a method other than GET and POST, or a mutation sent by GET. HTTP: 400. Raised by: GraphQL Yoga, Hive Gateway. What to do: Send one GraphQL request as a JSON object by POST; the message says what is wrong. */
  | 'BAD_REQUEST'
  /** A subgraph was called with a signature that does not match the request (or another `HUB_SIGNING_SECRET`). HTTP: 401. Raised by: the hub. What to do: Send the query to the gateway; operators: give every process the same `HUB_SIGNING_SECRET`. */
  | 'BAD_SIGNATURE'
  /** Input that can never be accepted as sent: a variable that does not fit its type, U+0000 in a text or an `X-Case-Id` that is no case id (the whole request, 400); a mutation's input refused by the rules (a field's error; `field` in extensions names the input). HTTP: 400; 200, in a field's error. Raised by: also Apollo Server, GraphQL Yoga. What to do: Correct the input as the message says; sending it again unchanged fails again. */
  | 'BAD_USER_INPUT'
  /** More operations in one array request than `MAX_BATCH`. HTTP: 413. Raised by: GraphQL Yoga (batching). What to do: Split the batch, or send the operations one by one. */
  | 'BATCH_TOO_LARGE'
  /** The other services could not be told to decide access afresh after a change. With `saved: false` nothing was saved; with `saved: true` the change is saved and its ids are in the extensions. HTTP: 200, in a field's error. Raised by: the hub. What to do: `saved: false`: try again in a moment. `saved: true`: do not send it again. */
  | 'CACHE_INVALIDATION_FAILED'
  /** A guardian's consent for a child of 7 or more lacks the child's own view. HTTP: 200, in a field's error. Raised by: the hub. What to do: Hear the child and record their view with the consent. */
  | 'CHILD_VIEW_MISSING'
  /** The change conflicts with the present state: a closed case, a consent already withdrawn, a second open handover. HTTP: 200, in a field's error. Raised by: the hub. What to do: Reload, see what changed, and decide again; sending it again unchanged fails again. */
  | 'CONFLICT'
  /** The operation's estimated cost is over `MAX_COST`: 1 per object field, times `COST_LIST_SIZE` for each list around it, +10 for a mutation. The same rule prices trusted documents when `npm run documents` builds them; production runs only those. HTTP: 400. Raised by: the hub. What to do: Ask for fewer fields inside lists, or split the query. */
  | 'COST_ESTIMATED_TOO_EXPENSIVE'
  /** A request a browser may send cross-site without asking first (`text/plain`, a form, a bare GET) came without a preflight header. HTTP: 403. Raised by: GraphQL Yoga (CSRF prevention). What to do: Send JSON, or add the header `x-graphql-csrf` (or `apollo-require-preflight`). */
  | 'CSRF_HEADER_MISSING'
  /** The caller is known but may not do this (for example change a case as a citizen, or for another service). HTTP: 403; 200, in a field's error. Raised by: the hub. What to do: Ask someone who may (the message says who), or sign in as the right person or service. */
  | 'FORBIDDEN'
  /** A service did not answer within `UPSTREAM_TIMEOUT_MS`; `serviceName` names it. The rest of the answer is complete. HTTP: 200, in a field's error. Raised by: Hive Gateway (upstream timeout). What to do: Try again shortly. */
  | 'GATEWAY_TIMEOUT'
  /** The document is not valid GraphQL syntax. (200 instead of 400 when the request's `Accept` lists only `application/json`, as GraphQL over HTTP prescribes.) HTTP: 400. Raised by: GraphQL Yoga (graphql-js). What to do: Fix the syntax at the line and column the error gives. */
  | 'GRAPHQL_PARSE_FAILED'
  /** The document does not fit the schema (`schema/public.graphql`): an unknown field, a wrong argument, an operation type the API does not have (it has no subscriptions), introspection in production. (200 instead of 400 when the request's `Accept` lists only `application/json`.) HTTP: 400. Raised by: GraphQL Yoga (graphql-js). What to do: Fix the document against the public schema. */
  | 'GRAPHQL_VALIDATION_FAILED'
  /** An unexpected error, in the service `serviceName` names; its text stays in that service (500: a subgraph failed before GraphQL ran). HTTP: 500; 200, in a field's error. Raised by: Apollo Server, GraphQL Yoga. What to do: Try again; if it persists, report the time and the `x-hub-request-id` response header to the operators. */
  | 'INTERNAL_SERVER_ERROR'
  /** The request body is not valid UTF-8, or a JSON string in it escapes half of a UTF-16 surrogate pair (`\ud800` alone), so it would be stored garbled (as U+FFFD). HTTP: 400. Raised by: the hub. What to do: Encode the JSON body as UTF-8, and escape characters outside the Basic Multilingual Plane as a whole pair (or not at all). */
  | 'INVALID_UTF8'
  /** The request body is not valid JSON. HTTP: 400. Raised by: GraphQL Yoga. What to do: Send the request as a JSON object (`query` or `documentId`, `variables`). */
  | 'MALFORMED_JSON'
  /** A subgraph was called with another method than POST. HTTP: 405. Raised by: the hub. What to do: Send the query to the gateway. */
  | 'METHOD_NOT_ALLOWED'
  /** A subgraph was called with a request signed for another subgraph. HTTP: 401. Raised by: the hub. What to do: Send the query to the gateway; operators: check that `SUBGRAPH_URL_<SERVICE>` points each service at itself. */
  | 'MISDIRECTED_SIGNATURE'
  /** The person giving or refusing a consent may not do so for this subject (age, parental responsibility). HTTP: 200, in a field's error. Raised by: the hub. What to do: Record the consent from someone competent: the person from 18, a guardian with parental responsibility, the youth alone for health data from 16. */
  | 'NOT_COMPETENT'
  /** Nothing with this id that the caller may see: it does not exist, or the caller takes no part in it — the two look alike on purpose. (404: a subgraph path other than `/graphql`.) HTTP: 404; 200, in a field's error. Raised by: the hub. What to do: Check the id, or ask the case's coordinator to add you. */
  | 'NOT_FOUND'
  /** The document holds no operation named `operationName`, or several operations and no `operationName`. HTTP: 400. Raised by: GraphQL Yoga. What to do: Send the name of one of the document's operations as `operationName`. */
  | 'OPERATION_RESOLUTION_FAILURE'
  /** The id is not in the gateway's manifest, and the trusted documents published to Redis cannot be read right now. HTTP: 503. Raised by: the hub. What to do: Try again shortly; the manifest's documents keep running. */
  | 'PERSISTED_DOCUMENTS_UNAVAILABLE'
  /** No trusted document has this id (or Redis holds one under it that fails the manifest's checks). HTTP: 400. Raised by: Hive Gateway (persisted documents). What to do: Use an id from `gateway/documents/manifest.json`. */
  | 'PERSISTED_DOCUMENT_NOT_FOUND'
  /** The request sent query text where only trusted documents run (production), or neither a query nor a document id. HTTP: 400. Raised by: Hive Gateway (persisted documents). What to do: Send `documentId` with an id from `gateway/documents/manifest.json`. */
  | 'PERSISTED_DOCUMENT_REQUIRED'
  /** The request declares another case (header `X-Case-Id`), or none, than the case it reads or changes. HTTP: 200, in a field's error. Raised by: the hub. What to do: Send the header `X-Case-Id` with the id the message names (`openCase` goes without it). */
  | 'PURPOSE_MISMATCH'
  /** An employee asked for personal data without declaring the task it is for (header `X-Case-Id`). The refusal is logged; nothing was released. HTTP: 200, in a field's error. Raised by: the hub. What to do: Send the header `X-Case-Id` with the id of the case (or barnevern's information request) you work in. A citizen needs none for themself and their children. */
  | 'PURPOSE_REQUIRED'
  /** The selection nests deeper than `MAX_DEPTH`. HTTP: 400. Raised by: graphql-armor. What to do: Ask for less nesting, or split the query. */
  | 'QUERY_TOO_DEEP'
  /** The document has more tokens than `MAX_TOKENS`. HTTP: 400. Raised by: graphql-armor. What to do: Send a shorter document (or a trusted document by `documentId`). */
  | 'QUERY_TOO_LARGE'
  /** The caller made more requests (root fields) than `RATE_LIMIT_MAX` within `RATE_LIMIT_WINDOW_MS`. HTTP: 429. Raised by: the hub. What to do: Wait the seconds in `Retry-After`, then try again. */
  | 'RATE_LIMITED'
  /** A subgraph was called with a signed request it has already answered (the same nonce within the signature's lifetime): a captured request sent again. HTTP: 401. Raised by: the hub. What to do: Send the query to the gateway, which signs each call afresh. */
  | 'REPLAYED_SIGNATURE'
  /** Planning and running the request took longer than `REQUEST_DEADLINE_MS`; the gateway stopped its work on it (and its calls to the services). HTTP: 503. Raised by: the hub. What to do: Try again; if it keeps happening, ask for less in one request. */
  | 'REQUEST_DEADLINE_EXCEEDED'
  /** The request body is larger than the limit (`MAX_REQUEST_BODY_BYTES` at the gateway, `MAX_BODY_BYTES` at a subgraph), declared or streamed. HTTP: 413. Raised by: the hub. What to do: Send a smaller request; trusted documents by `documentId` keep it short. */
  | 'REQUEST_TOO_LARGE'
  /** The document selects more fields than `MAX_SELECTIONS` once every fragment spread is expanded where it is used (a few fragments that each spread the next twice select millions). Checked before the query is planned. HTTP: 400. Raised by: the hub. What to do: Spread fragments where they are needed only, or split the query. */
  | 'SELECTION_TOO_LARGE'
  /** A service could not be reached; `serviceName` names it. The rest of the answer is complete. HTTP: 200, in a field's error. Raised by: the hub. What to do: Try again shortly; the other services' parts are valid meanwhile. */
  | 'SERVICE_UNAVAILABLE'
  /** The process is stopping and takes no new requests. HTTP: 503. Raised by: the hub. What to do: Send the request again; another instance (or this one, restarted) answers it. */
  | 'SHUTTING_DOWN'
  /** The token could not be checked right now: its issuer's discovery document or keys, or the population register (for a citizen), could not be reached. HTTP: 503. Raised by: the hub. What to do: Try again shortly; operators: check that the gateway reaches the identity provider and the registry. */
  | 'SIGN_IN_UNAVAILABLE'
  /** A subgraph was called with a signature too old to accept. HTTP: 401. Raised by: the hub. What to do: Send the query to the gateway; operators: check the processes' clocks. */
  | 'STALE_SIGNATURE'
  /** A service answered with an error of its own that carries no code; `serviceName` names it, its text stays in that service. The rest of the answer is complete. HTTP: 200, in a field's error. Raised by: the hub. What to do: Try again; if it persists, report the time and the `x-hub-request-id` response header to the operators. */
  | 'SUBGRAPH_ERROR'
  /** The document has more aliases than `MAX_ALIASES`. HTTP: 400. Raised by: graphql-armor. What to do: Use fewer aliases, or split the query. */
  | 'TOO_MANY_ALIASES'
  /** The bearer token was refused: not a JWT, from an issuer the identity mapping does not trust, for another audience, expired, signed with a key the issuer does not publish, or with claims the mapping cannot turn into a person, employee or service (the message says which). The answer carries `WWW-Authenticate: Bearer error="invalid_token"`. HTTP: 401. Raised by: the hub. What to do: Sign in again and send the new token; without a token the request runs as anonymous and sees nothing personal. Operators: docs/sign-in.md. */
  | 'UNAUTHENTICATED'
  /** The actor id names no active employee in the employee directory: never signed in, not registered, or deactivated — alike on purpose. HTTP: 200, in a field's error. Raised by: the hub. What to do: Check the actor id; the employee appears at their first sign-in, or their service's administrator registers or reactivates them. */
  | 'UNKNOWN_EMPLOYEE'
  /** A subgraph was called without the gateway's signature. HTTP: 401. Raised by: the hub. What to do: Send the query to the gateway, never to a subgraph. */
  | 'UNSIGNED_REQUEST'
  /** A POST whose content type is not JSON. HTTP: 415. Raised by: the hub. What to do: Send `content-type: application/json`. */
  | 'UNSUPPORTED_MEDIA_TYPE';

/** How far a risk of eviction has gone. */
export type EvictionStage =
  /** Averted: a repayment plan, a settlement or a new home. */
  | 'AVERTED'
  /** The eviction was carried out. */
  | 'EVICTED'
  /** The enforcement officer has set a date for the eviction. */
  | 'EVICTION_SET'
  /** Notice of eviction (varsel om tvangsfravikelse) from the landlord. */
  | 'NOTICE'
  /** The landlord has petitioned the enforcement officer (namsmannen) for eviction. */
  | 'PETITION'
  /** Rent arrears (husleierestanse) the landlord has warned about. */
  | 'RENT_ARREARS';

/** A member's place in the household. */
export type FamilyRole =
  /** An adult in the household. */
  | 'ADULT'
  /** A child in the household. */
  | 'CHILD';

/** Where a follow-up (measure) stands. */
export type FollowUpStatus =
  /** Under way. */
  | 'ACTIVE'
  /** Dropped. */
  | 'CANCELLED'
  /** Done. */
  | 'DONE'
  /** Agreed, not started. */
  | 'PLANNED';

/** The kind of follow-up — never a diagnosis. */
export type FollowUpType =
  /** Regular consultations. */
  | 'CONSULTATIONS'
  /** Home visits. */
  | 'HOME_VISITS'
  /** Routine check-ups. */
  | 'ROUTINE'
  /** Follow-up by a team. */
  | 'TEAM_FOLLOW_UP'
  /** Ongoing treatment. */
  | 'TREATMENT';

/** Where a plan goal stands. */
export type GoalStatus =
  /** Reached. */
  | 'ACHIEVED'
  /** Given up or replaced, with the family. */
  | 'DROPPED'
  /** Being worked on. */
  | 'OPEN';

/** The horizon of a plan goal. */
export type GoalTerm =
  /** Long term: a year or more. */
  | 'LONG'
  /** Short term: weeks to months. */
  | 'SHORT';

/** Where a proposed handover of the baton stands. */
export type HandoverStatus =
  /** Accepted: the new holder has the baton. */
  | 'ACCEPTED'
  /** Taken back by the holder before an answer. */
  | 'CANCELLED'
  /** Declined by the proposed holder; the baton stayed. */
  | 'DECLINED'
  /** Proposed by the holder; the holder keeps the baton until the new holder accepts. */
  | 'PROPOSED';

/** Which health service the person is in contact with. */
export type HealthServiceKind =
  /** Child and adolescent psychiatry (specialist). */
  | 'BUP'
  /** District psychiatric centre (specialist). */
  | 'DPS'
  /** Flexible assertive community treatment team. */
  | 'FACT'
  /** Regular general practitioner. */
  | 'FASTLEGE'
  /** Healthy-life centre. */
  | 'FRISKLIVSSENTRAL'
  /** Health centre for children under school age. */
  | 'HELSESTASJON'
  /** Municipal mental health service. */
  | 'MUNICIPAL_MENTAL_HEALTH'
  /** School health service (skolehelsetjenesten). */
  | 'SCHOOL_HEALTH'
  /** Municipal substance-use service (rustjeneste). */
  | 'SUBSTANCE_SERVICE';

/** Where a housing allowance (bostøtte) stands. */
export type HousingAllowanceStatus =
  /** Applied for, not yet decided. */
  | 'APPLIED'
  /** Ended. */
  | 'ENDED'
  /** Granted, paid monthly. */
  | 'GRANTED'
  /** Rejected. */
  | 'REJECTED';

/** Where an application for municipal housing stands. */
export type HousingApplicationStatus =
  /** A dwelling is allocated (tildelt). */
  | 'ALLOCATED'
  /** Approved: the person qualifies and waits for a suitable dwelling. */
  | 'APPROVED'
  /** Being reviewed, or waiting for the allocation meeting (tildelingsmøtet). */
  | 'IN_REVIEW'
  /** Rejected (avslag). */
  | 'REJECTED'
  /** Received by the housing office, not yet reviewed. */
  | 'SUBMITTED'
  /** Withdrawn by the applicant. */
  | 'WITHDRAWN';

/** Where a measure stands. */
export type MeasureStatus =
  /** Running now. */
  | 'ACTIVE'
  /** Finished or stopped. */
  | 'ENDED'
  /** Decided or applied for, not started. */
  | 'PLANNED';

/** Where a meeting stands. */
export type MeetingStatus =
  /** Cancelled. */
  | 'CANCELLED'
  /** Held; decisions recorded. */
  | 'HELD'
  /** Planned. */
  | 'PLANNED';

/** A member's role in the case. */
export type MemberRole =
  /** Leads the ansvarsgruppe or investeringsteam. */
  | 'COORDINATOR'
  /** The person or a family member. */
  | 'FAMILY'
  /** An employee of a service taking part. */
  | 'PROFESSIONAL'
  /** Holds the BTI baton: coordinates and writes the stafettlogg. */
  | 'STAFETTHOLDER'
  /** A trusted person chosen by the family. */
  | 'TRUSTED_PERSON';

/** What NAV does for the person. */
export type NavMeasureKind =
  /** Financial and debt advice (økonomisk rådgivning). */
  | 'DEBT_ADVICE'
  /** A family coordinator following up the whole household. */
  | 'FAMILY_COORDINATOR'
  /** Follow-up in one's own home (bo-/boligveileder). */
  | 'HOUSING_FOLLOW_UP'
  /** Follow-up alongside the refugee introduction programme. */
  | 'INTRODUCTION_PROGRAMME'
  /** Individual placement and support with a jobbspesialist. */
  | 'IPS'
  /** The qualification programme (kvalifiseringsprogrammet). */
  | 'KVP'
  /** Preparation for release from prison (benefits, housing). */
  | 'RELEASE_FOLLOW_UP'
  /** Financial social assistance (økonomisk sosialhjelp). */
  | 'SOCIAL_ASSISTANCE'
  /** Temporary housing arranged by NAV. */
  | 'TEMPORARY_HOUSING'
  /** Work training with an employer. */
  | 'WORK_TRAINING'
  /** Follow-up by the NAV youth team. */
  | 'YOUTH_TEAM';

/** What a notification tells. Values may be added (never renamed or removed): a client shows one it does not know with general words and a link to its case. */
export type NotificationKind =
  /** A consent given in a case whose baton you hold runs out within 30 days: ask for a new one if the cooperation is to continue. To the case's stafettholder, while the consent is in force. Made by the hub's clock, once per due date. */
  | 'CASE_CONSENT_EXPIRING'
  /** A consent you gave runs out within 30 days: renew it if the cooperation is to continue. To the citizen who gave it. Made by the hub's clock, once per due date. */
  | 'CONSENT_EXPIRING'
  /** An employee recorded a consent or a refusal on your behalf or on your child's (a signed paper form, or a refusal you stated): check it under your consents. To the citizen who gave it. */
  | 'CONSENT_RECORDED'
  /** You were made responsible for a follow-up (a measure) in a case. To the responsible member, unless they made it themselves. */
  | 'FOLLOW_UP_ASSIGNED'
  /** A follow-up you are responsible for is due within 3 days. To the responsible member. Made by the hub's clock, once per due date. */
  | 'FOLLOW_UP_DUE_SOON'
  /** A follow-up you are responsible for is past its due date and not done. To the responsible member. Made by the hub's clock, once per due date. */
  | 'FOLLOW_UP_OVERDUE'
  /** The member you proposed to hand the baton to accepted it: they now hold it. To the member who proposed it. */
  | 'HANDOVER_ACCEPTED'
  /** The member you proposed to hand the baton to declined it: you still hold it. To the member who proposed it. */
  | 'HANDOVER_DECLINED'
  /** The case's stafettholder or coordinator proposed to hand the baton to you: accept or decline it in the case. To the proposed member. */
  | 'HANDOVER_PROPOSED'
  /** A service the case's consent covers has started an involvement with a subject of the case: invite them through their front door. To the case's stafettholder, while the consent covers it. */
  | 'INVOLVEMENT_SIGNAL'
  /** A BTI case's 14-day deadline for deciding level 0 has passed without a decision. To the case's stafettholder. Made by the hub's clock, once per due date. */
  | 'LEVEL_DEADLINE_PASSED'
  /** A BTI case's level 0 must be decided within 3 days (14 days from the concern). To the case's stafettholder. Made by the hub's clock, once per due date. */
  | 'LEVEL_DEADLINE_SOON'
  /** A planned meeting was cancelled. To the case's active members, not the one who cancelled it. */
  | 'MEETING_CANCELLED'
  /** A planned meeting was moved to another time. To the case's active members, not the one who moved it. */
  | 'MEETING_MOVED'
  /** A meeting was scheduled in a case you take part in. To the case's active members, not the one who scheduled it. */
  | 'MEETING_SCHEDULED'
  /** A new entry in the stafettlogg of a case you take part in. To the case's professional members who may read the entry (its service's consent covers them), not its author. */
  | 'STAFETTLOGG_ENTRY';

/** How far an expert assessment (sakkyndig vurdering) has come. */
export type PptAssessmentStage =
  /** Delivered to the school or kindergarten, which decides (enkeltvedtak). */
  | 'DELIVERED'
  /** PPT observes and maps (kartlegging) the child's needs. */
  | 'MAPPING'
  /** Ordered (bestilt) by the school or kindergarten, with the guardians' consent. */
  | 'ORDERED'
  /** PPT writes the assessment. */
  | 'WRITING';

/** What an expert assessment recommends. */
export type PptRecommendation =
  /** No special education: adapted teaching (tilpasset opplæring) within ordinary teaching is enough. */
  | 'ADAPTED_TEACHING'
  /** No need for measures beyond ordinary teaching. */
  | 'NO_SPECIAL_NEEDS'
  /** Special education (spesialundervisning) at school. */
  | 'SPECIAL_EDUCATION'
  /** Special pedagogical help (spesialpedagogisk hjelp) before school age. */
  | 'SPECIAL_PEDAGOGICAL_HELP';

/** Where a referral to PPT stands. */
export type PptReferralStatus =
  /** Concluded: PPT has given its assessment or advice. */
  | 'CONCLUDED'
  /** PPT is working on it: observation, mapping or an expert assessment. */
  | 'IN_PROGRESS'
  /** Received by PPT, not yet taken up. */
  | 'RECEIVED'
  /** Accepted, on PPT's waiting list. */
  | 'WAITING'
  /** Withdrawn by the referrer or the guardians, or closed without work. */
  | 'WITHDRAWN';

/** Kindergarten, school or adult education. */
export type SchoolLevel =
  /** Adult education (voksenopplæring). */
  | 'ADULT_EDUCATION'
  /** Kindergarten (barnehage). */
  | 'KINDERGARTEN'
  /** Lower secondary school, years 8–10. */
  | 'LOWER_SECONDARY'
  /** Primary school, years 1–7. */
  | 'PRIMARY'
  /** Upper secondary school (videregående). */
  | 'UPPER_SECONDARY';

/** Support around schooling. */
export type SchoolSupportKind =
  /** Adapted education within ordinary teaching. */
  | 'ADAPTED_EDUCATION'
  /** Waiting for a kindergarten place. */
  | 'KINDERGARTEN_QUEUE'
  /** Extra Norwegian language teaching. */
  | 'LANGUAGE_SUPPORT'
  /** Follow-up service for ages 16–21 outside school (oppfølgingstjenesten). */
  | 'OT_FOLLOW_UP'
  /** Referred to the educational-psychological service (PPT). */
  | 'PPT_REFERRAL'
  /** Special education by decision (spesialundervisning). */
  | 'SPECIAL_EDUCATION';

/** A municipal service taking part in coordination, or the family itself. */
export type ServiceName =
  /** Child welfare: the phase of a case, the caseworker and measures. */
  | 'BARNEVERN'
  /** The municipality's housing office: applications for municipal housing, housing allowance (bostøtte), housing guide, temporary housing and eviction prevention. */
  | 'BOLIG'
  /** The person or family the case is about, or someone they chose. */
  | 'FAMILY'
  /** Voluntary sector: activities, mentors, fritidskort and trusted persons. */
  | 'FRIVILLIGHET'
  /** Health services: helsestasjon, school health, fastlege, mental health and substance services — contacts, never diagnoses. */
  | 'HELSE'
  /** NAV (labour and welfare): veileder, social assistance, KVP, IPS and housing follow-up. */
  | 'NAV'
  /** Pedagogisk-psykologisk tjeneste: referrals, expert assessments (sakkyndig vurdering) and recommended special education. */
  | 'PPT'
  /** The municipality's coordination: cases, members, the baton, stafettlogg, meetings, plans and consents. */
  | 'SAMHANDLING'
  /** School and kindergarten: enrolment, contact teacher, PPT, attendance and adapted education. */
  | 'SKOLE';

/** What a stafettlogg entry records. */
export type StafettloggKind =
  /** A concern about the child or youth, as it was raised. */
  | 'CONCERN'
  /** A decision: level, measure, who is responsible. */
  | 'DECISION'
  /** How a measure worked, at its evaluation. */
  | 'EVALUATION'
  /** A measure started, with who is responsible and when it is evaluated. */
  | 'MEASURE'
  /** Anything else worth keeping, e.g. a correction. */
  | 'NOTE';

/** What kind of caller signed in. */
export type ViewerKind =
  /** A member of the public, signed in with a national eID (ID-porten). */
  | 'CITIZEN'
  /** An employee or auditor of a service, signed in through the municipality's identity provider. */
  | 'EMPLOYEE'
  /** A service's own system, with a client-credentials token (Maskinporten style). */
  | 'MACHINE';

/** The kind of voluntary support. */
export type VoluntaryKind =
  /** A leisure activity (sports club, choir, youth club). */
  | 'ACTIVITY'
  /** Leisure card paying for activities. */
  | 'FRITIDSKORT'
  /** A language mentor or language café. */
  | 'LANGUAGE_MENTOR'
  /** A mentor or buddy. */
  | 'MENTOR'
  /** A peer worker (erfaringskonsulent). */
  | 'PEER_WORKER'
  /** A trusted adult the person or family has chosen. */
  | 'TRUSTED_PERSON';

/** What a write did to the record its source key names. */
export type WriteOutcome =
  /** The hub had no record under this source key; now it has. */
  | 'CREATED'
  /** The record already said exactly this: the write changed nothing (sending the same thing twice is safe). */
  | 'UNCHANGED'
  /** The record changed (ending a record is an update). */
  | 'UPDATED';
