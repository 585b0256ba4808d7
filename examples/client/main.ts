// The example client: signs in as a development user, lists the user's cases,
// and shows a case's family overview (the first, or the one named by --case) — asked within the case, as
// personal data must be. It first asks for the family without declaring the
// case, to show the refusal a client meets and handles by its code.
//
//   npm start                                     # the hub, in another terminal
//   node --import tsx examples/client/main.ts [--user coordinator] [--case <title>] [--page-size 1..100] [--gateway http://127.0.0.1:4000/graphql] [--issuer http://localhost:4100]
//
// --user is a demo user (`npm run token` lists them); --issuer is the
// development identity provider (`npm start` runs it on GATEWAY_PORT + 100).
// docs/client-kit.md explains each step.
import { parseArgs } from "node:util";
import { ask, type Answer, type Hub } from "./hub.ts";
import { firstToHandle, handlingOf, type Handling } from "./errors.ts";
import { developmentToken } from "./token.ts";
import { ExampleCaseFamilyDocument, ExampleFamilyDocument, ExampleMyCasesDocument, type ExampleCaseFamilyQuery, type ExampleMyCasesQuery } from "./generated/graphql.ts";
import type { ErrorCode } from "./generated/schema-enums.ts";

export interface ExampleSettings {
  gatewayUrl: string;
  issuer: string;
  user: string;
  /** The title of the case to show; the first of the user's cases when not given. */
  caseTitle?: string;
  /** Cases a page (1 to 100; the most when not given): a small one shows paging through several pages. */
  pageSize?: number;
}

type MyCase = ExampleMyCasesQuery["myCasesPage"]["edges"][number]["node"];

/** The most a page holds (the hub's documented maximum; more is refused with BAD_USER_INPUT). */
const MAX_PAGE = 100;

type CaseFamily = NonNullable<NonNullable<ExampleCaseFamilyQuery["case"]>["family"]>;

export interface ExampleReport {
  /** The titles of the user's cases. */
  cases: string[];
  /** Each error met, with what the example did about it. */
  handled: { operation: string; code: ErrorCode | undefined; handling: Handling }[];
  /** The case's family overview, when the user may see one. */
  overview: { caseTitle: string; family: CaseFamily } | null;
  /** The family's name as `family(id:)` answers it once the case is declared. */
  familyByIdInCase: string | null;
}

export async function runExample(settings: ExampleSettings): Promise<ExampleReport> {
  const hub: Hub = { gatewayUrl: settings.gatewayUrl, token: await developmentToken(settings.issuer, settings.user) };
  const report: ExampleReport = { cases: [], handled: [], overview: null, familyByIdInCase: null };
  const note = (operation: string, code: ErrorCode | undefined) => report.handled.push({ operation, code, handling: handlingOf(code) });

  // 1. My cases, every page: no declared case needed. Ask with after = endCursor while hasNextPage.
  const myCases: MyCase[] = [];
  let after: string | null = null;
  do {
    const cases: Answer<ExampleMyCasesQuery> = await ask(hub, ExampleMyCasesDocument, { first: settings.pageSize ?? MAX_PAGE, after });
    for (const error of cases.errors) note("ExampleMyCases", error.code);
    const page = cases.data?.myCasesPage;
    myCases.push(...(page?.edges ?? []).map((e) => e.node));
    after = page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after !== null);
  report.cases = myCases.map((c) => c.title);
  const first = settings.caseTitle === undefined ? myCases[0] : myCases.find((c) => c.title === settings.caseTitle);
  if (!first) return report;

  // 2. The case's family overview, within the case (X-Case-Id).
  const overview = await ask(hub, ExampleCaseFamilyDocument, { caseId: first.id }, { caseId: first.id });
  for (const error of overview.errors) note("ExampleCaseFamily", error.code);
  const family = overview.data?.case?.family;
  if (!family) return report;
  report.overview = { caseTitle: overview.data!.case!.title, family };

  // 3. The household by id without a declared case: an employee is refused (PURPOSE_REQUIRED), so ask again within the case.
  let byId = await ask(hub, ExampleFamilyDocument, { familyId: family.id });
  for (const error of byId.errors) note("ExampleFamily", error.code);
  if (firstToHandle(byId.errors, "declare-case")) byId = await ask(hub, ExampleFamilyDocument, { familyId: family.id }, { caseId: first.id });
  report.familyByIdInCase = byId.data?.family?.name ?? null;
  return report;
}

function print(report: ExampleReport): void {
  console.log(`My cases: ${report.cases.length === 0 ? "none" : report.cases.join("; ")}`);
  for (const h of report.handled) console.log(`${h.operation}: ${h.code ?? "no code"} → ${h.handling}`);
  if (report.overview) {
    console.log(`\n${report.overview.caseTitle} — household ${report.overview.family.name}:`);
    for (const { role, person } of report.overview.family.members) {
      // A member the caller may not see is null: skipped, never guessed at.
      if (!person) continue;
      const services = (["nav", "skole", "helse"] as const).map((s) => `${s} ${person[s]?.access.status ?? "-"}${person[s]?.involved ? " (involved)" : ""}`);
      console.log(`  ${person.givenName} (${role}, ${person.age}): ${services.join(", ")}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      user: { type: "string", default: "coordinator" },
      case: { type: "string" },
      "page-size": { type: "string" },
      gateway: { type: "string", default: "http://127.0.0.1:4000/graphql" },
      issuer: { type: "string", default: "http://localhost:4100" },
    },
  });
  print(await runExample({ gatewayUrl: values.gateway, issuer: values.issuer, user: values.user, caseTitle: values.case, pageSize: values["page-size"] === undefined ? undefined : Number(values["page-size"]) }));
}
