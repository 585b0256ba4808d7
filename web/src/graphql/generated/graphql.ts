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

/** Where a measure stands. */
export type MeasureStatus =
  /** Running now. */
  | 'ACTIVE'
  /** Finished or stopped. */
  | 'ENDED'
  /** Decided or applied for, not started. */
  | 'PLANNED';

/** A municipal service taking part in coordination, or the family itself. */
export type ServiceName =
  /** Child welfare: the phase of a case, the caseworker and measures. */
  | 'BARNEVERN'
  /** The person or family the case is about, or someone they chose. */
  | 'FAMILY'
  /** Voluntary sector: activities, mentors, fritidskort and trusted persons. */
  | 'FRIVILLIGHET'
  /** Health services: helsestasjon, school health, fastlege, mental health and substance services — contacts, never diagnoses. */
  | 'HELSE'
  /** NAV (labour and welfare): veileder, social assistance, KVP, IPS and housing follow-up. */
  | 'NAV'
  /** The municipality's coordination: cases, members, the baton, stafettlogg, meetings, plans and consents. */
  | 'SAMHANDLING'
  /** School and kindergarten: enrolment, contact teacher, PPT, attendance and adapted education. */
  | 'SKOLE';

/** A stafettlogg entry to append. */
export type StafettloggEntryInput = {
  /** The entry this one corrects (entries are never edited). */
  correctsId?: string | number | null | undefined;
  /** When to evaluate it; today or later. */
  evaluationDate?: string | null | undefined;
  /** Concern, decision, measure, evaluation or note. */
  kind: StafettloggKind;
  /** The member responsible for the measure or decision. */
  responsibleMemberId?: string | number | null | undefined;
  /** What to record; the journal itself stays in your service's system. */
  text: string;
};

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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewer: { __typename: 'Viewer', kind: ViewerKind, actorId: string, name: string, service: string, roles: Array<string>, unit: string | null, personId: string | null, assurance: Assurance | null } | null };

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { __typename: 'Query', case: (
    { __typename: 'CoordinationCase', id: string, title: string, subjects: Array<{ __typename: 'Person', id: string, givenName: string, familyName: string, age: number, nav: { __typename: 'NavView', involved: boolean | null, office: string | null, since: string | null, access: { __typename: 'AccessDecision', status: AccessStatus, reason: string }, contact: { __typename: 'ContactPerson', name: string, role: string | null, phone: string | null } | null, measures: Array<{ __typename: 'NavMeasure', description: string, status: MeasureStatus }> | null } | null, barnevern: { __typename: 'BarnevernView', involved: boolean | null, phase: BarnevernPhase | null, access: { __typename: 'AccessDecision', status: AccessStatus, reason: string }, contact: { __typename: 'ContactPerson', name: string, role: string | null, phone: string | null } | null } | null, skole: { __typename: 'SkoleView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus, reason: string }, contact: { __typename: 'ContactPerson', name: string, role: string | null, phone: string | null } | null, enrolments: Array<{ __typename: 'Enrolment', institution: string, grade: number | null, until: string | null }> | null, support: Array<{ __typename: 'SchoolSupport', description: string, status: MeasureStatus }> | null, attendance: { __typename: 'AttendanceSummary', recentAbsencePercent: number, trend: AttendanceTrend, months: number } | null } | null, helse: { __typename: 'HelseView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus, reason: string }, contact: { __typename: 'ContactPerson', name: string, role: string | null, phone: string | null } | null, contacts: Array<{ __typename: 'HealthContact', kind: HealthServiceKind, unit: string, until: string | null }> | null } | null, frivillighet: { __typename: 'FrivillighetView', involved: boolean | null, access: { __typename: 'AccessDecision', status: AccessStatus, reason: string }, contact: { __typename: 'ContactPerson', name: string, role: string | null, phone: string | null } | null, activities: Array<{ __typename: 'VoluntaryActivity', title: string, organisation: string, until: string | null }> | null } | null } | null> }
    & { ' $fragmentRefs'?: { 'CaseSummaryFragment': CaseSummaryFragment } }
  ) | null };

export type CaseSummaryFragment = { __typename: 'CoordinationCase', kind: CaseKind, status: CaseStatus, btiLevel: number | null, levelDeadline: string | null, levelDecidedAt: string | null, levelOverdue: boolean, overdueFollowUpCount: number, holder: { __typename: 'CaseMember', id: string, displayName: string, service: ServiceName } | null, pendingHandover: { __typename: 'Handover', id: string, to: { __typename: 'CaseMember', id: string, displayName: string } } | null } & { ' $fragmentName'?: 'CaseSummaryFragment' };

export type MyCasesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCasesQuery = { __typename: 'Query', myCases: Array<(
    { __typename: 'CoordinationCase', id: string, title: string }
    & { ' $fragmentRefs'?: { 'CaseSummaryFragment': CaseSummaryFragment } }
  )> };

export type StafettloggEntryItemFragment = { __typename: 'StafettloggEntry', id: string, kind: StafettloggKind, text: string, authorName: string, authorService: ServiceName, at: string, evaluationDate: string | null, correctsId: string | null } & { ' $fragmentName'?: 'StafettloggEntryItemFragment' };

export type CaseStafettloggQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseStafettloggQuery = { __typename: 'Query', case: { __typename: 'CoordinationCase', id: string, stafettlogg: Array<(
      { __typename: 'StafettloggEntry' }
      & { ' $fragmentRefs'?: { 'StafettloggEntryItemFragment': StafettloggEntryItemFragment } }
    )> } | null };

export type AppendStafettloggMutationVariables = Exact<{
  caseId: string | number;
  input: StafettloggEntryInput;
}>;


export type AppendStafettloggMutation = { __typename: 'Mutation', appendStafettlogg: (
    { __typename: 'StafettloggEntry' }
    & { ' $fragmentRefs'?: { 'StafettloggEntryItemFragment': StafettloggEntryItemFragment } }
  ) };

export const CaseSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"btiLevel"}},{"kind":"Field","name":{"kind":"Name","value":"levelDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"levelDecidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"levelOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"overdueFollowUpCount"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingHandover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<CaseSummaryFragment, unknown>;
export const StafettloggEntryItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StafettloggEntryItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StafettloggEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorService"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationDate"}},{"kind":"Field","name":{"kind":"Name","value":"correctsId"}}]}}]} as unknown as DocumentNode<StafettloggEntryItemFragment, unknown>;
export const ViewerDocument = {"__meta__":{"hash":"b0ba41bc36ec02c39550c0ba84117997e73b6314fb11c916ae58381b15647a86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"assurance"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CasePageDocument = {"__meta__":{"hash":"5fe1e3c206cc3ba88de305d346e96958a2323906e6513d7c22969ff3f88a0bce"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CasePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseSummary"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"nav"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}},{"kind":"Field","name":{"kind":"Name","value":"office"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"measures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"barnevern"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}},{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"skole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrolments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"institution"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}},{"kind":"Field","name":{"kind":"Name","value":"support"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recentAbsencePercent"}},{"kind":"Field","name":{"kind":"Name","value":"trend"}},{"kind":"Field","name":{"kind":"Name","value":"months"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"helse"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"frivillighet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"involved"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"until"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"btiLevel"}},{"kind":"Field","name":{"kind":"Name","value":"levelDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"levelDecidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"levelOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"overdueFollowUpCount"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingHandover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<CasePageQuery, CasePageQueryVariables>;
export const MyCasesDocument = {"__meta__":{"hash":"492957c3ee564adff9f7a7a23692ed8955d30ab84dd05e84ab017b5db10aa30e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"myCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CaseSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CaseSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinationCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"btiLevel"}},{"kind":"Field","name":{"kind":"Name","value":"levelDeadline"}},{"kind":"Field","name":{"kind":"Name","value":"levelDecidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"levelOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"overdueFollowUpCount"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"service"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pendingHandover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<MyCasesQuery, MyCasesQueryVariables>;
export const CaseStafettloggDocument = {"__meta__":{"hash":"5d3d74a41bb2b5723749610ca0af2de66d8c949a5a1e939c6a9eb5b041f3124a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseStafettlogg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stafettlogg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StafettloggEntryItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StafettloggEntryItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StafettloggEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorService"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationDate"}},{"kind":"Field","name":{"kind":"Name","value":"correctsId"}}]}}]} as unknown as DocumentNode<CaseStafettloggQuery, CaseStafettloggQueryVariables>;
export const AppendStafettloggDocument = {"__meta__":{"hash":"c2e777656f1a13cf6f8d26089337e9b4ae0ea99438f3cbeaf7b9ef590e2d99ad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AppendStafettlogg"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StafettloggEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"appendStafettlogg"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StafettloggEntryItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StafettloggEntryItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StafettloggEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorService"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationDate"}},{"kind":"Field","name":{"kind":"Name","value":"correctsId"}}]}}]} as unknown as DocumentNode<AppendStafettloggMutation, AppendStafettloggMutationVariables>;