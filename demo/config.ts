// The demo's one setting, read once by whichever process loads the demo (a
// subgraph when it seeds, the development identity provider, `npm run
// token`, the test run, the load test, the benchmark): the demo's today.
import { calendarDay, optional, readSettings, type Declaration, type Env } from "../services/kit/env.ts";
import { todayInOslo } from "../services/kit/scalars.ts";

const HUB_DEMO_TODAY = optional("HUB_DEMO_TODAY", calendarDay(), {
  shownDefault: "today in Norway",
  description:
    "The demo's today: the demo data, written for 2026-11-23, has every date moved to it, so ages, deadlines and consent periods read the same on any day. The test run pins it once for itself and every process it starts.",
});

export const DEMO_SETTINGS: readonly Declaration[] = [HUB_DEMO_TODAY.declaration];

export interface DemoConfig {
  /** "YYYY-MM-DD". */
  today: string;
}

export function demoConfig(env: Env = process.env, now: Date = new Date()): DemoConfig {
  return readSettings(env, DEMO_SETTINGS, (get) => ({ today: get(HUB_DEMO_TODAY) ?? todayInOslo(now) }));
}
