/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether the caller may see a service's data about a person. */
export type AccessStatus =
  /** The data fields are filled in. */
  | 'GRANTED'
  /** Only `involved` and `contact` are filled in: the fact of involvement (data category INVOLVEMENT) may be seen, the service's data (SERVICE_DATA) may not. The other data fields are null. */
  | 'INVOLVEMENT_ONLY'
  /** The data fields are null. Says nothing about whether the service holds data. */
  | 'RESTRICTED';

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

/** A member's place in the household. */
export type FamilyRole =
  /** An adult in the household. */
  | 'ADULT'
  /** A child in the household. */
  | 'CHILD';

export type ExampleCaseFamilyQueryVariables = Exact<{
  caseId: string | number;
}>;


export type ExampleCaseFamilyQuery = { __typename: 'Query', case: { __typename: 'CoordinationCase', id: string, title: string, family: { __typename: 'Family', id: string, name: string, members: Array<{ __typename: 'FamilyMember', role: FamilyRole, person: { __typename: 'Person', givenName: string, age: number, nav: { __typename: 'NavView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus } } | null, skole: { __typename: 'SkoleView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus } } | null, helse: { __typename: 'HelseView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus } } | null } | null }> } | null } | null };

export type ExampleFamilyQueryVariables = Exact<{
  familyId: string | number;
}>;


export type ExampleFamilyQuery = { __typename: 'Query', family: { __typename: 'Family', id: string, name: string } | null };

export type ExampleMyCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ExampleMyCasesQuery = { __typename: 'Query', myCasesPage: { __typename: 'CoordinationCaseConnection', edges: Array<{ __typename: 'CoordinationCaseEdge', node: { __typename: 'CoordinationCase', id: string, title: string, kind: CaseKind, status: CaseStatus } }>, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };


export const ExampleCaseFamilyDocument = {"__meta__":{"hash":"a44a545d65f6a75062b328bacdb5360438608d46969c5d6cdd3b3a4001f134a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExampleCaseFamily"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"family"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"nav"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"helse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExampleCaseFamilyQuery, ExampleCaseFamilyQueryVariables>;
export const ExampleFamilyDocument = {"__meta__":{"hash":"ccc2b8d88bf9dae2e8e91cfe689aa80a3ad41c1189f0f4849386b0b95d06233e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExampleFamily"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"familyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"family"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"familyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ExampleFamilyQuery, ExampleFamilyQueryVariables>;
export const ExampleMyCasesDocument = {"__meta__":{"hash":"3e8be3cd17ac9a9400d2ad39e6cd2e2457a6890793dc798114841ce734f6841b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExampleMyCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"myCasesPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ExampleMyCasesQuery, ExampleMyCasesQueryVariables>;