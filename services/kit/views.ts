// GraphQL types every service view shares. They are value types defined
// identically in several subgraphs, hence @shareable.
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";

export const MeasureStatus = { PLANNED: "PLANNED", ACTIVE: "ACTIVE", ENDED: "ENDED" } as const;
export type MeasureStatus = (typeof MeasureStatus)[keyof typeof MeasureStatus];
registerEnumType(MeasureStatus, {
  name: "MeasureStatus",
  description: "Where a measure stands.",
  valuesConfig: {
    PLANNED: { description: "Decided or applied for, not started." },
    ACTIVE: { description: "Running now." },
    ENDED: { description: "Finished or stopped." },
  },
});

@Directive("@shareable")
@ObjectType({ description: "Whom to contact at a service: the one telephone number a coordinator needs." })
export class ContactPerson {
  @Field(() => String, { description: "The contact's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Their role, e.g. veileder, kontaktlærer, helsesykepleier." })
  role?: string | null;

  @Field(() => String, { nullable: true, description: "Work telephone number." })
  phone?: string | null;
}

/**
 * What the INVOLVEMENT category releases (the Dutch Verwijsindex): whether a
 * service is involved with the person now, and whom to call there. Never
 * content: no measures, phases, units or dates.
 */
export interface Involvement {
  involved: boolean;
  contact: ContactPerson | null;
}

/** The first contact found among a service's current rows (they come current first), or null. */
export function firstContact<Row>(rows: readonly Row[], isCurrentRow: (row: Row) => boolean, contactOf: (row: Row) => ContactPerson | null): ContactPerson | null {
  for (const row of rows) {
    if (!isCurrentRow(row)) continue;
    const found = contactOf(row);
    if (found) return found;
  }
  return null;
}

export function contact(name: string | null | undefined, role: string, phone?: string | null): ContactPerson | null {
  return name ? { name, role, phone: phone ?? null } : null;
}
