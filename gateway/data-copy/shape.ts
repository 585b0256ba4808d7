// The citizen's copy as JSON: a documented, versioned shape (docs/data-copy.md,
// docs/data-copy.schema.json). `version` grows only when a field is renamed or
// removed; a field added keeps it. Every part is what the hub's public API
// shows the citizen, so the nested records keep the API's field names.
import { serviceEntry, type Bilingual, type FrontDoor, type ServiceName } from "../../services/kit/catalog.ts";

export const DATA_COPY_FORMAT = "samhandling-hub/data-copy";
export const DATA_COPY_VERSION = 1;

/** A record as the API gave it (its fields are the schema's). */
export type ApiRecord = { readonly [field: string]: unknown };

/** The copy is of the signed-in citizen (SELF) or of a child they have parental responsibility for (GUARDIAN). */
export type DataCopyRelation = "SELF" | "GUARDIAN";

/**
 * A case in the copy: the case's facts as the API gives them (CoordinationCase), the person's own part in it,
 * and its stafettlogg as far as the reader may read it (StafettloggEntry records, oldest first).
 */
export type CopyCase = ApiRecord & {
  participation: { subject: boolean; memberships: ApiRecord[] };
  stafettlogg: ApiRecord[];
};

export interface ServiceHeading {
  service: ServiceName;
  title: Bilingual;
}

export interface DataCopy {
  format: typeof DATA_COPY_FORMAT;
  version: typeof DATA_COPY_VERSION;
  /** When it was made (ISO 8601). */
  madeAt: string;
  madeFor: { relation: DataCopyRelation; requestedBy: string };
  /** The population register's facts: name, birth date, households, guardians and the children the person is guardian of. */
  person: ApiRecord;
  /** Every consent and refusal about the person (and, in one's own copy, given by them), withdrawn and expired ones included, newest first. */
  consents: ApiRecord[];
  /** The coordination cases the person is a subject or an active member of, as far as the reader takes part in them, newest first. */
  cases: CopyCase[];
  /** Each view service's view of the person, with how it was decided (`view.access`). */
  services: (ServiceHeading & { view: ApiRecord | null })[];
  /** Each service's access log entries about the person, newest first; `entries` is null where the rules give the reader no log (a guardian, from the child's 16th birthday). */
  accessLogs: (ServiceHeading & { entries: ApiRecord[] | null })[];
  /** What the copy may leave out by law, and whom to ask: said in every copy, so it reveals nothing about whether anything was left out. */
  notice: { withheld: Bilingual; whomToAsk: (ServiceHeading & { frontDoor: FrontDoor })[] };
}

export const WITHHELD_NOTICE: Bilingual = {
  nb:
    "Noen opplysninger kan loven gi unntak fra innsyn for, for eksempel mens barnevernet undersøker en sak, eller der innsyn kan skade " +
    "barnet (personvernforordningen artikkel 23, personopplysningsloven § 16). Da er de ikke med i kopien, og kopien sier ikke om det gjelder deg. " +
    "Lurer du på om en tjeneste har mer om deg, spør tjenesten selv (kontaktene står under) eller kommunens personvernombud.",
  en:
    "The law may exempt some information from access, for example while child welfare investigates, or where access could harm the child " +
    "(GDPR article 23, personopplysningsloven § 16). Such information is not in the copy, and the copy does not say whether this applies to you. " +
    "If you wonder whether a service holds more about you, ask the service itself (contacts below) or the municipality's data protection officer.",
};

export const heading = (service: ServiceName): ServiceHeading => ({ service, title: serviceEntry(service).title });
