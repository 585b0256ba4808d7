// The operations of an auditor's pages, by the service whose log they audit:
// the API has one field per service (navAuditLog, markNavReviewed, …), and an
// auditor audits the service of their sign-in. Every service's operation
// answers under the same alias (`entries`, `marked`), so the pages read one
// shape whichever service it is. The operations and their table
// (service-documents.ts) are generated from the catalog by `npm run compose`;
// each entry is checked against the one shape (audit-documents.ts), so a service whose
// operation answered differently would not compile.
import { isServiceName } from "../../../services/kit/catalog.ts";
import type { AuditDocuments } from "./audit-documents.ts";
import { SERVICE_DOCUMENTS } from "./service-documents.ts";

export type { AuditDocuments } from "./audit-documents.ts";

/** The operations for the service an auditor audits (every service in the catalog has an access log); null for any other sign-in. */
export function auditDocuments(service: string): AuditDocuments | null {
  return isServiceName(service) ? SERVICE_DOCUMENTS[service] : null;
}
