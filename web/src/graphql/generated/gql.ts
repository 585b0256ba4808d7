/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Viewer {\n  viewer {\n    kind\n    actorId\n    name\n    service\n    roles\n    unit\n    personId\n    assurance\n  }\n}": typeof types.ViewerDocument,
    "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    title\n    ...CaseSummary\n    subjects {\n      id\n      givenName\n      familyName\n      age\n      nav {\n        access {\n          status\n          reason\n        }\n        involved\n        office\n        since\n        contact {\n          name\n          role\n          phone\n        }\n        measures {\n          description\n          status\n        }\n      }\n      barnevern {\n        access {\n          status\n          reason\n        }\n        involved\n        phase\n        contact {\n          name\n          role\n          phone\n        }\n      }\n      skole {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        enrolments {\n          institution\n          grade\n          until\n        }\n        support {\n          description\n          status\n        }\n        attendance {\n          recentAbsencePercent\n          trend\n          months\n        }\n      }\n      helse {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        contacts {\n          kind\n          unit\n          until\n        }\n      }\n      frivillighet {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        activities {\n          title\n          organisation\n          until\n        }\n      }\n    }\n  }\n}": typeof types.CasePageDocument,
    "fragment CaseSummary on CoordinationCase {\n  kind\n  status\n  btiLevel\n  levelDeadline\n  levelDecidedAt\n  levelOverdue\n  overdueFollowUpCount\n  holder {\n    id\n    displayName\n    service\n  }\n  pendingHandover {\n    id\n    to {\n      id\n      displayName\n    }\n  }\n}": typeof types.CaseSummaryFragmentDoc,
    "query MyCases {\n  myCases {\n    id\n    title\n    ...CaseSummary\n  }\n}": typeof types.MyCasesDocument,
    "fragment StafettloggEntryItem on StafettloggEntry {\n  id\n  kind\n  text\n  authorName\n  authorService\n  at\n  evaluationDate\n  correctsId\n}\n\nquery CaseStafettlogg($id: ID!) {\n  case(id: $id) {\n    id\n    stafettlogg {\n      ...StafettloggEntryItem\n    }\n  }\n}\n\nmutation AppendStafettlogg($caseId: ID!, $input: StafettloggEntryInput!) {\n  appendStafettlogg(caseId: $caseId, input: $input) {\n    ...StafettloggEntryItem\n  }\n}": typeof types.StafettloggEntryItemFragmentDoc,
};
const documents: Documents = {
    "query Viewer {\n  viewer {\n    kind\n    actorId\n    name\n    service\n    roles\n    unit\n    personId\n    assurance\n  }\n}": types.ViewerDocument,
    "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    title\n    ...CaseSummary\n    subjects {\n      id\n      givenName\n      familyName\n      age\n      nav {\n        access {\n          status\n          reason\n        }\n        involved\n        office\n        since\n        contact {\n          name\n          role\n          phone\n        }\n        measures {\n          description\n          status\n        }\n      }\n      barnevern {\n        access {\n          status\n          reason\n        }\n        involved\n        phase\n        contact {\n          name\n          role\n          phone\n        }\n      }\n      skole {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        enrolments {\n          institution\n          grade\n          until\n        }\n        support {\n          description\n          status\n        }\n        attendance {\n          recentAbsencePercent\n          trend\n          months\n        }\n      }\n      helse {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        contacts {\n          kind\n          unit\n          until\n        }\n      }\n      frivillighet {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        activities {\n          title\n          organisation\n          until\n        }\n      }\n    }\n  }\n}": types.CasePageDocument,
    "fragment CaseSummary on CoordinationCase {\n  kind\n  status\n  btiLevel\n  levelDeadline\n  levelDecidedAt\n  levelOverdue\n  overdueFollowUpCount\n  holder {\n    id\n    displayName\n    service\n  }\n  pendingHandover {\n    id\n    to {\n      id\n      displayName\n    }\n  }\n}": types.CaseSummaryFragmentDoc,
    "query MyCases {\n  myCases {\n    id\n    title\n    ...CaseSummary\n  }\n}": types.MyCasesDocument,
    "fragment StafettloggEntryItem on StafettloggEntry {\n  id\n  kind\n  text\n  authorName\n  authorService\n  at\n  evaluationDate\n  correctsId\n}\n\nquery CaseStafettlogg($id: ID!) {\n  case(id: $id) {\n    id\n    stafettlogg {\n      ...StafettloggEntryItem\n    }\n  }\n}\n\nmutation AppendStafettlogg($caseId: ID!, $input: StafettloggEntryInput!) {\n  appendStafettlogg(caseId: $caseId, input: $input) {\n    ...StafettloggEntryItem\n  }\n}": types.StafettloggEntryItemFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Viewer {\n  viewer {\n    kind\n    actorId\n    name\n    service\n    roles\n    unit\n    personId\n    assurance\n  }\n}"): (typeof documents)["query Viewer {\n  viewer {\n    kind\n    actorId\n    name\n    service\n    roles\n    unit\n    personId\n    assurance\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    title\n    ...CaseSummary\n    subjects {\n      id\n      givenName\n      familyName\n      age\n      nav {\n        access {\n          status\n          reason\n        }\n        involved\n        office\n        since\n        contact {\n          name\n          role\n          phone\n        }\n        measures {\n          description\n          status\n        }\n      }\n      barnevern {\n        access {\n          status\n          reason\n        }\n        involved\n        phase\n        contact {\n          name\n          role\n          phone\n        }\n      }\n      skole {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        enrolments {\n          institution\n          grade\n          until\n        }\n        support {\n          description\n          status\n        }\n        attendance {\n          recentAbsencePercent\n          trend\n          months\n        }\n      }\n      helse {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        contacts {\n          kind\n          unit\n          until\n        }\n      }\n      frivillighet {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        activities {\n          title\n          organisation\n          until\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    title\n    ...CaseSummary\n    subjects {\n      id\n      givenName\n      familyName\n      age\n      nav {\n        access {\n          status\n          reason\n        }\n        involved\n        office\n        since\n        contact {\n          name\n          role\n          phone\n        }\n        measures {\n          description\n          status\n        }\n      }\n      barnevern {\n        access {\n          status\n          reason\n        }\n        involved\n        phase\n        contact {\n          name\n          role\n          phone\n        }\n      }\n      skole {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        enrolments {\n          institution\n          grade\n          until\n        }\n        support {\n          description\n          status\n        }\n        attendance {\n          recentAbsencePercent\n          trend\n          months\n        }\n      }\n      helse {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        contacts {\n          kind\n          unit\n          until\n        }\n      }\n      frivillighet {\n        access {\n          status\n          reason\n        }\n        involved\n        contact {\n          name\n          role\n          phone\n        }\n        activities {\n          title\n          organisation\n          until\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseSummary on CoordinationCase {\n  kind\n  status\n  btiLevel\n  levelDeadline\n  levelDecidedAt\n  levelOverdue\n  overdueFollowUpCount\n  holder {\n    id\n    displayName\n    service\n  }\n  pendingHandover {\n    id\n    to {\n      id\n      displayName\n    }\n  }\n}"): (typeof documents)["fragment CaseSummary on CoordinationCase {\n  kind\n  status\n  btiLevel\n  levelDeadline\n  levelDecidedAt\n  levelOverdue\n  overdueFollowUpCount\n  holder {\n    id\n    displayName\n    service\n  }\n  pendingHandover {\n    id\n    to {\n      id\n      displayName\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyCases {\n  myCases {\n    id\n    title\n    ...CaseSummary\n  }\n}"): (typeof documents)["query MyCases {\n  myCases {\n    id\n    title\n    ...CaseSummary\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StafettloggEntryItem on StafettloggEntry {\n  id\n  kind\n  text\n  authorName\n  authorService\n  at\n  evaluationDate\n  correctsId\n}\n\nquery CaseStafettlogg($id: ID!) {\n  case(id: $id) {\n    id\n    stafettlogg {\n      ...StafettloggEntryItem\n    }\n  }\n}\n\nmutation AppendStafettlogg($caseId: ID!, $input: StafettloggEntryInput!) {\n  appendStafettlogg(caseId: $caseId, input: $input) {\n    ...StafettloggEntryItem\n  }\n}"): (typeof documents)["fragment StafettloggEntryItem on StafettloggEntry {\n  id\n  kind\n  text\n  authorName\n  authorService\n  at\n  evaluationDate\n  correctsId\n}\n\nquery CaseStafettlogg($id: ID!) {\n  case(id: $id) {\n    id\n    stafettlogg {\n      ...StafettloggEntryItem\n    }\n  }\n}\n\nmutation AppendStafettlogg($caseId: ID!, $input: StafettloggEntryInput!) {\n  appendStafettlogg(caseId: $caseId, input: $input) {\n    ...StafettloggEntryItem\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;