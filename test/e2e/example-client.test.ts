// The example client (examples/client/, docs/client-kit.md) run against the
// real gateway, with a token from the federation's development provider: what
// a municipality's frontend team starts from must work as written.
import { describe, expect, inject, it } from "vitest";
import { runExample } from "../../examples/client/main.ts";
import { ask } from "../../examples/client/hub.ts";
import { handlingOf } from "../../examples/client/errors.ts";
import { developmentToken } from "../../examples/client/token.ts";
import { ExampleMyCasesDocument } from "../../examples/client/generated/graphql.ts";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { okAs } from "../support/graphql.ts";

const run = (user: string, caseTitle?: string, pageSize?: number) => runExample({ gatewayUrl: inject("gatewayUrl"), issuer: inject("identityIssuer"), user, caseTitle, pageSize });
/** The coordinator's and the citizen's demo cases; other suites open more cases for them while this file runs. */
const BERG_TITLE = "Velferdslab – investeringsteam og familieplan";
const HAUGLAND_TITLE = "Familieplan – bolig, skole og økonomi";

describe("the example client", () => {
  it("as a coordinator: lists my cases, shows a case's family overview within the case, and answers PURPOSE_REQUIRED by declaring the case", async () => {
    const report = await run("coordinator", BERG_TITLE);
    expect(report.cases).toContain(BERG_TITLE);
    expect(report.overview?.caseTitle).toBe(BERG_TITLE);
    expect(report.overview?.family.name).toBe("Berg");
    const members = report.overview!.family.members.map((m) => m.person?.givenName);
    expect(members).toEqual(expect.arrayContaining(["Geir", "Ida", "Mats"]));
    // Every view answered with how access was decided; the case declared, nothing refused.
    for (const { person } of report.overview!.family.members) for (const s of ["nav", "skole", "helse"] as const) expect(person?.[s]?.access.status).toMatch(/^(GRANTED|INVOLVEMENT_ONLY|RESTRICTED)$/);
    // family(id:) without X-Case-Id: refused by code, asked again within the case.
    expect(report.handled).toEqual([{ operation: "ExampleFamily", code: "PURPOSE_REQUIRED", handling: "declare-case" }]);
    expect(report.familyByIdInCase).toBe("Berg");
  });

  it("as a citizen: their own household without declaring a case", async () => {
    const report = await run("citizen", HAUGLAND_TITLE);
    expect(report.cases).toContain(HAUGLAND_TITLE);
    expect(report.overview?.family.name).toBe("Haugland");
    expect(report.handled).toEqual([]);
    expect(report.familyByIdInCase).toBe("Haugland");
  });

  it("pages through my cases: one case a page gives every case that pages of the most (100) give", async () => {
    // A second case for the coordinator, so that pages of one case are several.
    const subjectId = demoPersonId("rahimi", "Zahra");
    const concernId = (await okAs<{ registerConcern: { id: string } }>("coordinator", `mutation ($i: RegisterConcernInput!) { registerConcern(input: $i) { id } }`, { i: { subjectId, text: "Bekymring (eksempelklienten)." } })).registerConcern.id;
    await okAs("coordinator", `mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: { kind: "BTI", title: "BTI – eksempelklientens sider", subjectIds: [subjectId], concernId } });
    const whole = await run("coordinator", BERG_TITLE);
    const paged = await run("coordinator", BERG_TITLE, 1);
    expect(whole.cases.length).toBeGreaterThan(1);
    // Other suites may open a case for the coordinator in between: it comes first (newest), so the earlier ones all follow.
    expect(paged.cases).toEqual(expect.arrayContaining(whole.cases));
    expect(paged.overview?.caseTitle).toBe(BERG_TITLE);
  });

  it("as an auditor: FORBIDDEN for cases, handled as not allowed", async () => {
    const report = await run("registry-auditor");
    expect(report).toEqual({ cases: [], handled: [{ operation: "ExampleMyCases", code: "FORBIDDEN", handling: "not-allowed" }], overview: null, familyByIdInCase: null });
  });

  it("sends a trusted-document id instead of text when asked to: the gateway looks it up, and refuses an id its manifest does not hold", async () => {
    const hub = { gatewayUrl: inject("gatewayUrl"), token: await developmentToken(inject("identityIssuer"), "coordinator"), trustedDocuments: true };
    const answer = await ask(hub, ExampleMyCasesDocument, {});
    // The example's operations are not in the hub's manifest (docs/client-kit.md says how they would get there).
    expect(answer.errors.map((e) => e.code)).toEqual(["PERSISTED_DOCUMENT_NOT_FOUND"]);
    expect(handlingOf(answer.errors[0]!.code)).toBe("report");
  });
});
