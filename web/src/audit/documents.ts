// The operations of an auditor's pages, by the service whose log they audit:
// the API has one field per service (navAuditLog, markNavReviewed, …), and an
// auditor audits the service of their sign-in. Every service's operation
// answers under the same alias (`entries`, `marked`), so the pages read one
// shape whichever service it is.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  BarnevernAuditLogDocument,
  BarnevernReviewListDocument,
  FrivillighetAuditLogDocument,
  FrivillighetReviewListDocument,
  HelseAuditLogDocument,
  HelseReviewListDocument,
  MarkBarnevernReviewedDocument,
  MarkFrivillighetReviewedDocument,
  MarkHelseReviewedDocument,
  MarkNavReviewedDocument,
  MarkRegistryReviewedDocument,
  MarkSamhandlingReviewedDocument,
  MarkSkoleReviewedDocument,
  NavAuditLogDocument,
  NavReviewListDocument,
  RegistryAuditLogDocument,
  RegistryReviewListDocument,
  SamhandlingAuditLogDocument,
  SamhandlingReviewListDocument,
  SkoleAuditLogDocument,
  SkoleReviewListDocument,
  type NavAuditLogQuery,
  type NavAuditLogQueryVariables,
  type MarkNavReviewedMutation,
  type MarkNavReviewedMutationVariables,
  type NavReviewListQuery,
  type NavReviewListQueryVariables,
} from "../graphql/generated/graphql.ts";

/** The services with an access log an auditor can read (lower case, as a sign-in's service). */
export type AuditedService = "registry" | "samhandling" | "nav" | "barnevern" | "skole" | "helse" | "frivillighet";

export interface AuditDocuments {
  auditLog: TypedDocumentNode<NavAuditLogQuery, NavAuditLogQueryVariables>;
  reviewList: TypedDocumentNode<NavReviewListQuery, NavReviewListQueryVariables>;
  markReviewed: TypedDocumentNode<MarkNavReviewedMutation, MarkNavReviewedMutationVariables>;
}

// Each entry is checked against the one shape above: a service whose operation answered differently would not compile.
const DOCUMENTS: Record<AuditedService, AuditDocuments> = {
  registry: { auditLog: RegistryAuditLogDocument, reviewList: RegistryReviewListDocument, markReviewed: MarkRegistryReviewedDocument },
  samhandling: { auditLog: SamhandlingAuditLogDocument, reviewList: SamhandlingReviewListDocument, markReviewed: MarkSamhandlingReviewedDocument },
  nav: { auditLog: NavAuditLogDocument, reviewList: NavReviewListDocument, markReviewed: MarkNavReviewedDocument },
  barnevern: { auditLog: BarnevernAuditLogDocument, reviewList: BarnevernReviewListDocument, markReviewed: MarkBarnevernReviewedDocument },
  skole: { auditLog: SkoleAuditLogDocument, reviewList: SkoleReviewListDocument, markReviewed: MarkSkoleReviewedDocument },
  helse: { auditLog: HelseAuditLogDocument, reviewList: HelseReviewListDocument, markReviewed: MarkHelseReviewedDocument },
  frivillighet: { auditLog: FrivillighetAuditLogDocument, reviewList: FrivillighetReviewListDocument, markReviewed: MarkFrivillighetReviewedDocument },
};

/** The operations for the service an auditor audits; null for a sign-in whose service has no access log (none today). */
export function auditDocuments(service: string): AuditDocuments | null {
  return service in DOCUMENTS ? DOCUMENTS[service as AuditedService] : null;
}
