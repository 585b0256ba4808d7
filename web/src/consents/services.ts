// The services a consent can cover: every service whose staff work in cases
// (samhandling's ServiceName, from the catalog), those with a view of a
// person first — FAMILY holds no data of its own. A service added to the
// catalog can be named in a consent with no code here.
import { CASEWORK_SERVICES, VIEW_SERVICES } from "../../../services/kit/catalog.ts";
import type { ServiceName } from "../graphql/generated/graphql.ts";

const views: readonly string[] = VIEW_SERVICES;
const ordered = [...CASEWORK_SERVICES.filter((s) => views.includes(s)), ...CASEWORK_SERVICES.filter((s) => !views.includes(s))];

// samhandling's enum is the catalog's casework services in capitals (test/catalog.test.ts), so each is a ServiceName.
export const CONSENT_SERVICES: readonly ServiceName[] = ordered.map((s) => s.toUpperCase() as ServiceName);
