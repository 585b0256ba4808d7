// The example query printed by `npm start` and shown in the README.
import { demoFamilyId } from "../../services/kit/demo/fjordvik.ts";

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

export function exampleQuery(): { familyName: string; query: string; compact: string; variables: { familyId: string } } {
  const variables = { familyId: demoFamilyId("haugland") };
  return {
    familyName: "Haugland",
    query: `${FAMILY_OVERVIEW_QUERY}\n\nvariables: ${JSON.stringify(variables)}`,
    compact: FAMILY_OVERVIEW_QUERY.replace(/\s+/g, " ").replace("$familyId: ID!", "").replace("(id: $familyId)", `(id: "${variables.familyId}")`).replace("FamilyOverview()", "FamilyOverview"),
    variables,
  };
}
