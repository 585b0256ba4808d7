// The one shape every service's auditor operations answer in (documents.ts, and the generated
// service-documents.ts checked against it): a module of its own, so the two import it without a cycle.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type {
  NavAuditLogQuery,
  NavAuditLogQueryVariables,
  MarkNavReviewedMutation,
  MarkNavReviewedMutationVariables,
  NavReviewListQuery,
  NavReviewListQueryVariables,
} from "../graphql/generated/graphql.ts";

export interface AuditDocuments {
  auditLog: TypedDocumentNode<NavAuditLogQuery, NavAuditLogQueryVariables>;
  reviewList: TypedDocumentNode<NavReviewListQuery, NavReviewListQueryVariables>;
  markReviewed: TypedDocumentNode<MarkNavReviewedMutation, MarkNavReviewedMutationVariables>;
}
