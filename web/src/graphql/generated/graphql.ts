/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How sure a citizen's sign-in is of who they are (ID-porten's levels). */
export type Assurance =
  /** High (idporten-loa-high, e.g. BankID): needed to give or withdraw a consent. */
  | 'HIGH'
  /** Substantial (idporten-loa-substantial, e.g. MinID). */
  | 'SUBSTANTIAL';

/** The kind of coordination work. */
export type CaseKind =
  /** A responsibility group of professionals and the family, with a coordinator and meetings. */
  | 'ANSVARSGRUPPE'
  /** Bedre tverrfaglig innsats: early, coordinated help at levels 0–3, led by a stafettholder. */
  | 'BTI'
  /** An investeringsteam / familielos: one coordinator with a mandate from each service and one family plan. */
  | 'INVESTERINGSTEAM';

/** What kind of caller signed in. */
export type ViewerKind =
  /** A member of the public, signed in with a national eID (ID-porten). */
  | 'CITIZEN'
  /** An employee or auditor of a service, signed in through the municipality's identity provider. */
  | 'EMPLOYEE'
  /** A service's own system, with a client-credentials token (Maskinporten style). */
  | 'MACHINE';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', kind: ViewerKind, actorId: string, name: string, service: string, roles: Array<string>, unit: string | null, personId: string | null, assurance: Assurance | null } | null };

export type MyCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCasesQuery = { __typename: 'Query', myCases: Array<{ __typename: 'CoordinationCase', id: string, kind: CaseKind, title: string, btiLevel: number | null, overdueFollowUpCount: number }> };


export const ViewerDocument = {"__meta__":{"hash":"b0ba41bc36ec02c39550c0ba84117997e73b6314fb11c916ae58381b15647a86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"assurance"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const MyCasesDocument = {"__meta__":{"hash":"c6e0b7323c7edeabd7da17c3fc3f5c8b91cea34c73ae9077c6d733f5d31f4403"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"myCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"btiLevel"}},{"kind":"Field","name":{"kind":"Name","value":"overdueFollowUpCount"}}]}}]}}]} as unknown as DocumentNode<MyCasesQuery, MyCasesQueryVariables>;