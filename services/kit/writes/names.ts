// The names a service's write API goes by, for the kit, compose and the
// import alike (no decorators here: scripts read it without type-graphql).
import type { ViewService } from "../catalog.ts";

export const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** The mutation's name for a service: writeNav, writeSkole, … */
export const writeMutation = (service: ViewService): string => `write${capitalised(service)}`;

/** The record input's type name for a service: NavRecordInput, … */
export const recordInputName = (service: ViewService): string => `${capitalised(service)}RecordInput`;

/** Records in one call: enough for an import to move quickly, small enough for one request body and one short transaction. */
export const MAX_RECORDS_PER_CALL = 500;
