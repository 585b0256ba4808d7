// ServiceName as a GraphQL enum, registered once for every room that shows it.
import { registerEnumType } from "type-graphql";
import { ServiceName } from "../../prisma/samhandling/generated/enums.ts";

registerEnumType(ServiceName, {
  name: "ServiceName",
  description: "A municipal service taking part in coordination, or the family itself.",
  valuesConfig: {
    NAV: { description: "NAV (labour and welfare, social services)." },
    BARNEVERN: { description: "Child welfare." },
    SKOLE: { description: "School and kindergarten." },
    HELSE: { description: "Health services." },
    FRIVILLIGHET: { description: "The voluntary sector." },
    SAMHANDLING: { description: "The municipality's coordination unit." },
    FAMILY: { description: "The person or family the case is about, or someone they chose." },
  },
});
