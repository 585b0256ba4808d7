// Data categories a consent can cover (FHIR Consent "provision.class").
export const DATA_CATEGORIES = ["INVOLVEMENT", "SERVICE_DATA", "STAFETTLOGG", "IDENTITY", "CASE"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const CATEGORY_DESCRIPTIONS: Record<DataCategory, string> = {
  INVOLVEMENT: "The fact that a service is involved and whom to contact there — never content (like the Dutch Verwijsindex).",
  SERVICE_DATA: "What the service does with the person: measures, enrolments, contacts, activities, phase.",
  STAFETTLOGG: "Entries in a BTI case's stafettlogg written by other services.",
  IDENTITY: "Name, birth date and household, held by registry.",
  CASE: "A coordination case the person is a subject of: its members, meetings and plan (samhandling).",
};

/**
 * What a look at personal data can be about, as the access log names it: the
 * data categories a consent covers, and a person's access log itself (innsyn,
 * and the auditors' reads of it), which no consent covers.
 */
export type AccessCategory = DataCategory | "ACCESS_LOG";

export const ACCESS_LOG_DESCRIPTION = "The person's access log itself: the person's own innsyn, a guardian's, or an auditor's read of it. No consent covers it.";
