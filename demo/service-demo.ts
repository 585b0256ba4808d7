// A service's demo data: the file demo/services/<name>.ts, one per service in
// the catalog (services/kit/catalog.ts), default-exporting `serviceDemo(…)`.
// The server of a service seeds what its file gives (demo/seed.ts), so a new
// service brings its demo rows without touching anyone else's file.
import type { ServiceName } from "../services/kit/catalog.ts";
import type { SeedTables } from "../services/kit/db/seed.ts";
import { DEMO_TODAY, day } from "./fjordvik.ts";
import { demoShift, shiftInstant, shiftMonth } from "./today.ts";
import type { World } from "./world.ts";

export interface ServiceDemo {
  /**
   * The service's tables, in insert order (foreign keys point backwards),
   * for the demo world: the Fjordvik families and, where the run asks for
   * them, synthetic ones (`world.registry.person` has everyone). Dates are
   * the demo's today's (`demoDay`).
   */
  rows(world: World): SeedTables;
}

export const serviceDemo = (rows: ServiceDemo["rows"]): ServiceDemo => ({ rows });

/**
 * A date written for the day the demo is written for (DEMO_WRITTEN_FOR,
 * 2026-11-23), moved to the demo's today as every date of the demo is, so a
 * deadline three days away stays three days away.
 */
export const demoDay = (iso: string): Date => shiftInstant(day(iso), demoShift(DEMO_TODAY));

/** The first of a month written for the demo's written-for day, moved by whole months to the demo's today's (still the first of a month). */
export const demoMonth = (iso: string): Date => shiftMonth(day(iso), demoShift(DEMO_TODAY));

/** The demo-data file of a service. */
export async function loadServiceDemo(service: ServiceName): Promise<ServiceDemo> {
  // A template literal, not a variable: esbuild bundles every file it can match (npm start runs bundles, scripts/lib/compile.ts).
  const module = (await import(`./services/${service}.ts`)) as { default?: Partial<ServiceDemo> };
  const demo = module.default;
  if (typeof demo?.rows !== "function") throw new Error(`demo/services/${service}.ts must \`export default serviceDemo((world) => …)\` (demo/service-demo.ts).`);
  return demo as ServiceDemo;
}
