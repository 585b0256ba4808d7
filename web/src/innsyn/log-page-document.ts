// The one shape every service's next-page operation of "Hvem har sett" answers in
// (PersonAccessLogMore.graphql, and the generated service-documents.ts checked against it).
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { NavPersonAccessLogMoreQuery, NavPersonAccessLogMoreQueryVariables } from "../graphql/generated/graphql.ts";

export type LogPageDocument = TypedDocumentNode<NavPersonAccessLogMoreQuery, NavPersonAccessLogMoreQueryVariables>;
