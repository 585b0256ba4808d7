// ServiceName as a GraphQL enum, registered once for every room that shows it.
// Its values and their descriptions come from the catalog (npm run compose
// writes the Prisma enum from the same list).
import { registerEnumType } from "type-graphql";
import { CASEWORK_SERVICES, serviceEntry } from "../kit/catalog.ts";
import { ServiceName } from "../../prisma/samhandling/generated/enums.ts";

registerEnumType(ServiceName, {
  name: "ServiceName",
  description: "A municipal service taking part in coordination, or the family itself.",
  valuesConfig: {
    ...Object.fromEntries(CASEWORK_SERVICES.map((s) => [s.toUpperCase(), { description: serviceEntry(s).description.en }])),
    FAMILY: { description: "The person or family the case is about, or someone they chose." },
  },
});
