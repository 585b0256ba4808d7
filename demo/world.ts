// The demo municipality as plain rows, one table list per service, in insert
// order. Each service seeds only its own part, so a service never reads
// another service's data — exactly as in production.
import type { Prisma as Registry } from "../prisma/registry/generated/client.ts";
import type { Prisma as Samhandling } from "../prisma/samhandling/generated/client.ts";
import type { Prisma as Nav } from "../prisma/nav/generated/client.ts";
import type { Prisma as Barnevern } from "../prisma/barnevern/generated/client.ts";
import type { Prisma as Skole } from "../prisma/skole/generated/client.ts";
import type { Prisma as Helse } from "../prisma/helse/generated/client.ts";
import type { Prisma as Frivillighet } from "../prisma/frivillighet/generated/client.ts";

export interface World {
  registry: {
    person: Registry.PersonCreateManyInput[];
    family: Registry.FamilyCreateManyInput[];
    familyMember: Registry.FamilyMemberCreateManyInput[];
    guardianship: Registry.GuardianshipCreateManyInput[];
  };
  samhandling: {
    employee: Samhandling.EmployeeCreateManyInput[];
    informationRequest: Samhandling.InformationRequestCreateManyInput[];
    informationRequestMember: Samhandling.InformationRequestMemberCreateManyInput[];
    coordinationCase: Samhandling.CoordinationCaseCreateManyInput[];
    concern: Samhandling.ConcernCreateManyInput[];
    caseSubject: Samhandling.CaseSubjectCreateManyInput[];
    caseMember: Samhandling.CaseMemberCreateManyInput[];
    consent: Samhandling.ConsentCreateManyInput[];
    btiLevelChange: Samhandling.BtiLevelChangeCreateManyInput[];
    handover: Samhandling.HandoverCreateManyInput[];
    stafettloggEntry: Samhandling.StafettloggEntryCreateManyInput[];
    goal: Samhandling.GoalCreateManyInput[];
    meeting: Samhandling.MeetingCreateManyInput[];
    meetingDecision: Samhandling.MeetingDecisionCreateManyInput[];
    goalEvaluation: Samhandling.GoalEvaluationCreateManyInput[];
    measure: Samhandling.MeasureCreateManyInput[];
  };
  nav: {
    navFollowUp: Nav.NavFollowUpCreateManyInput[];
    navMeasure: Nav.NavMeasureCreateManyInput[];
  };
  barnevern: {
    barnevernCase: Barnevern.BarnevernCaseCreateManyInput[];
    barnevernMeasure: Barnevern.BarnevernMeasureCreateManyInput[];
  };
  skole: {
    enrolment: Skole.EnrolmentCreateManyInput[];
    schoolSupport: Skole.SchoolSupportCreateManyInput[];
    attendanceMonth: Skole.AttendanceMonthCreateManyInput[];
  };
  helse: {
    healthContact: Helse.HealthContactCreateManyInput[];
  };
  frivillighet: {
    voluntaryActivity: Frivillighet.VoluntaryActivityCreateManyInput[];
  };
}

export type ServiceWorld<S extends keyof World> = World[S];

/** samhandling's tables, empty, in insert order (foreign keys point backwards). */
export function emptySamhandling(): World["samhandling"] {
  return {
    employee: [],
    informationRequest: [],
    informationRequestMember: [],
    coordinationCase: [],
    concern: [],
    caseSubject: [],
    caseMember: [],
    consent: [],
    btiLevelChange: [],
    handover: [],
    stafettloggEntry: [],
    goal: [],
    meeting: [],
    meetingDecision: [],
    goalEvaluation: [],
    measure: [],
  };
}
