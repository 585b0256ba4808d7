// The example query printed by `npm start` and shown in the README: the Berg
// family (Velferdslab) as their investeringsleder sees it, for their case.
import { demoCaseId, demoFamilyId } from "../../services/kit/demo/fjordvik.ts";

export const FAMILY_OVERVIEW_QUERY = `query FamilyOverview($familyId: ID!) {
  family(id: $familyId) {
    name
    members {
      role
      person {
        givenName
        age
        nav { access { status reason } involved contact { name phone } measures { kind status } }
        barnevern { access { status reason } involved phase }
        skole { access { status reason } enrolments { institution contact { name } } attendance { recentAbsencePercent trend } }
        helse { access { status reason } contacts { kind followUp unit } }
        frivillighet { access { status reason } activities { kind title organisation } }
        cases { kind title btiLevel }
      }
    }
  }
}`;

export const EXAMPLE_USER = "coordinator";

export function exampleQuery() {
  const variables = { familyId: demoFamilyId("berg") };
  return {
    familyName: "Berg",
    user: EXAMPLE_USER,
    caseId: demoCaseId("berg"),
    query: FAMILY_OVERVIEW_QUERY,
    variables,
  };
}
