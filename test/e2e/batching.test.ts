// DataLoader batching, proved by counting SQL statements in every subgraph:
// a household of 4 costs what a household of 1 costs — consent decisions and
// access-log writes included.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES, type ServiceName, type ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { INVOLVEMENT_SCHEMA } from "../../services/kit/db/migration-sets.ts";
import { demoCaseId, demoFamilyId, demoPersonId, type DemoCaseKey } from "../../demo/fjordvik.ts";
import { asUser, gateway, subgraphCounter } from "../support/graphql.ts";
import { viewFields } from "../support/views.ts";

/** Left out: Sander Moe's consent does not cover health, so its read would differ by data, not size. */
const LEFT_OUT: readonly ViewService[] = ["helse"];
const VIEWS = VIEW_SERVICES.filter((s) => !LEFT_OUT.includes(s));

/** The family overview with every view service's whole view (from the catalog and the public schema). */
const OVERVIEW = `query ($familyId: ID!) { family(id: $familyId) { name members { role person {
  givenName age
  ${VIEWS.map((s) => `${s} { access { status } ${viewFields(s)} }`).join("\n  ")}
  cases { kind }
} } } }`;

/** A service's tables: a granted view reads each once per request, whatever the household. */
const models = (schema: string) => fs.readFileSync(path.join(ROOT_DIR, "prisma", schema, "schema.prisma"), "utf8").match(/^model /gm)?.length ?? 0;
/** The tables a service's view reads: its own, and for a view service the kit's involvement register (what its systems wrote). */
const tables = (service: ServiceName) => models(service) + ((VIEW_SERVICES as readonly string[]).includes(service) ? models(INVOLVEMENT_SCHEMA) : 0);

/**
 * Start each measurement cold, so both pay the same decision queries: a
 * consent change moves the consent epoch, and no subgraph's cache answers a
 * request stamped with the new one — exactly as in production.
 */
async function coldDecisionCache(): Promise<void> {
  // Sander gives and withdraws it himself, signed in (issue 17: consent is the person's act).
  const sander = demoPersonId("moe", "Sander");
  const headers = await asUser(sander);
  const granted = await gateway<{ grantConsent: { id: string } }>(
    `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
    { input: { caseId: demoCaseId("moe"), subjectId: sander, capacity: "SELF", services: ["SAMHANDLING"], categories: ["CASE"] } },
    headers,
  );
  expect(granted.errors).toBeUndefined();
  const withdrawn = await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: granted.data!.grantConsent.id }, headers);
  expect(withdrawn.errors).toBeUndefined();
}

type PerService = Record<ServiceName, number>;

async function counters(): Promise<{ all: number[]; log: number[] }> {
  const all = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_sql_statements_total")));
  const log = await Promise.all(SERVICE_NAMES.map((s) => subgraphCounter(s, "hub_access_log_sql_statements_total")));
  return { all, log };
}

interface Cost {
  members: number;
  reads: PerService;
  accessLog: PerService;
  /** The view services whose view someone in the household was granted. */
  granted: ViewService[];
}

async function overviewCost(family: DemoCaseKey, user: string): Promise<Cost> {
  const headers = await asUser(user, demoCaseId(family));
  // Signed in before: the employee directory records a sign-in once per process (one statement), not in the measured request.
  expect((await gateway(`{ myCases { id } }`, {}, await asUser(user))).errors).toBeUndefined();
  await coldDecisionCache();
  const before = await counters();
  const res = await gateway<{ family: { members: { person: Record<string, { access: { status: string } } | null> }[] } }>(OVERVIEW, { familyId: demoFamilyId(family) }, headers);
  const after = await counters();
  expect(res.errors).toBeUndefined();
  const per = (f: (i: number) => number) => Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, f(i)])) as PerService;
  return {
    members: res.data!.family.members.length,
    granted: VIEWS.filter((s) => res.data!.family.members.some((m) => m.person[s]?.access.status === "GRANTED")),
    reads: per((i) => after.all[i]! - before.all[i]! - (after.log[i]! - before.log[i]!)),
    accessLog: per((i) => after.log[i]! - before.log[i]!),
  };
}

describe("batching", () => {
  it("costs the same SQL statements per subgraph whatever the household size", async () => {
    // Same actor kind (a NAV veileder member of the case), households of 1 and 4.
    const moe = await overviewCost("moe", "nav-ungdom-1");
    const berg = await overviewCost("berg", "nav-veileder-3");
    expect([moe.members, berg.members]).toEqual([1, 4]);
    // Per subgraph: its reads, one statement per table, and in samhandling the declared case's
    // state, read once for all the decision calls of the request.
    // The demo's consents open these six to both households; a view no one may see reads nothing.
    expect(moe.granted).toEqual(expect.arrayContaining(["nav", "barnevern", "skole", "frivillighet", "ppt", "bolig"]));
    expect(berg.granted).toEqual(moe.granted);
    const reads = {
      ...(Object.fromEntries(SERVICE_NAMES.map((s) => [s, moe.granted.includes(s as ViewService) ? tables(s) : 0])) as PerService),
      registry: 6,
      samhandling: 8,
    };
    expect(moe.reads).toEqual(reads);
    expect(berg.reads).toEqual(reads);
    // Access-log writes: the appends of one request go out together (one INSERT, or two when more
    // arrive while the first is under way, plus reading the chain's head once after start-up).
    for (const s of SERVICE_NAMES) {
      for (const { accessLog } of [moe, berg]) {
        expect(accessLog[s], s).toBeLessThanOrEqual(3);
        expect(accessLog[s], s).toBeGreaterThanOrEqual((LEFT_OUT as readonly string[]).includes(s) ? 0 : 1);
      }
    }
  });
});
