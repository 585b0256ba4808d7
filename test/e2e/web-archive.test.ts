// A closed case's archive copy in a real browser against the shared
// federation: the stafettholder who closed it sees "Arkivkopi" on the case
// page and downloads the PDF and the JSON — with the mouse and by keyboard —
// and the page passes the support's checks (axe, reflow, console); another
// member of the same case sees no such section.
import { expect, test } from "vitest";
import fs from "node:fs";
import type { Page } from "playwright-core";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { checkPage, describeWithBrowser, focused, tabTo } from "../support/browser.ts";
import { federationWebSuite, type SignInAs } from "../support/federation-web.ts";
import { asUser, gateway } from "../support/graphql.ts";

const TEACHER = "skole-kontaktlaerer-1"; // Marte Fossum
const HEALTH = "helse-helsesykepleier-1";

async function must<T>(res: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
  const done = await res;
  expect(done.errors).toBeUndefined();
  return done.data as T;
}

/** A BTI case the teacher opens from a concern, with the health nurse as member, and closes. */
async function closedCase(): Promise<string> {
  const teacher = await asUser(TEACHER);
  const subjectId = demoPersonId("nilsen", "Emma");
  const concernId = (await must(gateway<{ registerConcern: { id: string } }>(`mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId, text: "Nettlesertest: bekymring." } }, teacher))).registerConcern.id;
  const caseId = (await must(gateway<{ openCase: { id: string } }>(`mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { kind: "BTI", title: "Arkivkopi i nettleseren", subjectIds: [subjectId], concernId } }, teacher))).openCase.id;
  await must(gateway(`mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } }, teacher));
  await must(gateway(`mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Nettlesertesten er ferdig.") { status } }`, { caseId }, teacher));
  return caseId;
}

describeWithBrowser("a closed case's archive copy, against the federation", () => {
  const web = federationWebSuite();

  async function caseView(as: SignInAs, caseId: string): Promise<{ page: Page; consoleErrors: string[] }> {
    const signedIn = await web.signIn(as);
    await signedIn.page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
    // In the app (a reload would end the in-memory session): the router follows the address.
    await signedIn.page.evaluate((path) => {
      history.pushState(null, "", path);
      dispatchEvent(new PopStateEvent("popstate"));
    }, `/saker/${caseId}`);
    await signedIn.page.getByRole("heading", { level: 1, name: "Arkivkopi i nettleseren" }).waitFor();
    return signedIn;
  }

  test("the stafettholder who closed the case downloads the PDF and the JSON, by mouse and by keyboard; another member sees no download", async () => {
    const caseId = await closedCase();
    const { page, consoleErrors } = await caseView({ employee: /^Marte Fossum/ }, caseId);
    const section = page.getByRole("region", { name: "Arkivkopi" });
    await section.waitFor();

    const [pdf] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Last ned arkivkopi (PDF)" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`arkivkopi-${caseId}.pdf`);
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await section.getByText("Arkivkopien (PDF) er lastet ned.").waitFor();

    // By keyboard: from the PDF button, Tab to the JSON button, Enter.
    await section.getByRole("button", { name: "Last ned arkivkopi (PDF)" }).focus();
    await tabTo(page, (f) => f.tag === "button" && f.text.includes("Last ned arkivkopi (JSON)"), "the JSON download", 3);
    expect((await focused(page)).text).toContain("(JSON)");
    const [json] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(json.suggestedFilename()).toBe(`arkivkopi-${caseId}.json`);
    const record = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
    expect(record.referanseEksternNoekkel.noekkel).toBe(caseId);
    await section.getByText("Arkivkopien (JSON) er lastet ned.").waitFor();

    await checkPage(page, "arkivkopi", consoleErrors);
    await page.context().close();

    // Another member of the closed case: the page, without the archive copy.
    const other = await caseView({ employee: /^Ragnhild Eide/ }, caseId);
    await other.page.getByRole("region", { name: "Medlemmer" }).waitFor();
    expect(await other.page.getByRole("region", { name: "Arkivkopi" }).count()).toBe(0);
    await other.page.context().close();
  }, 180_000);
});
