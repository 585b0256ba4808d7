// An auditor's pages in a real browser against the shared federation: helse's
// auditor searches helse's access log and finds a release made just now under
// an information request from barnevern, then finds it on the review list and
// marks it reviewed with a note, after a confirmation step. The release is
// made by the test itself (and the request closed after it), so the suite
// does not depend on what other suites left on the review list.
import { afterAll, beforeAll, expect, test } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { BROWSER_TEST_MS, checkPage, describeWithBrowser } from "../support/browser.ts";
import { federationWebSuite, goTo } from "../support/federation-web.ts";
import { asUser, gateway } from "../support/graphql.ts";

const ZAHRA = demoPersonId("rahimi", "Zahra");
const BARNEVERN = "barnevern-saksbehandler-1";
const HELSE_AUDITOR = { employee: /^Revisor helse/ };

let request: string;

beforeAll(async () => {
  // Barnevern asks helse for information about a child, and reads her helse view under the request:
  // an extraordinary release on helse's review list.
  const made = await gateway<{ requestInformation: { id: string } }>(
    `mutation ($i: RequestInformationInput!) { requestInformation(input: $i) { id } }`,
    { i: { childId: ZAHRA, services: ["HELSE"], reference: `Undersøkelse nettlesertest ${Date.now()}` } },
    await asUser(BARNEVERN),
  );
  expect(made.errors).toBeUndefined();
  request = made.data!.requestInformation.id;
  const read = await gateway<{ person: { helse: { access: { status: string; reason: string } } } }>(
    `query ($id: ID!) { person(id: $id) { helse { access { status reason } } } }`,
    { id: ZAHRA },
    await asUser(BARNEVERN, request),
  );
  expect(read.errors).toBeUndefined();
  expect(read.data!.person.helse.access).toEqual({ status: "GRANTED", reason: "INFORMATION_REQUEST" });
});

afterAll(async () => {
  if (request) await gateway(`mutation ($id: ID!) { closeInformationRequest(id: $id, reason: "Nettlesertesten er ferdig.") { open } }`, { id: request }, await asUser(BARNEVERN));
});

describeWithBrowser("an auditor's log and review list, against the federation", () => {
  const web = federationWebSuite();

  test("Logg: helse's auditor searches helse's log by who looked and about whom, and reads the release in words", async () => {
    const { page, consoleErrors } = await web.signIn(HELSE_AUDITOR);
    // An auditor's first place.
    await page.getByRole("heading", { level: 1, name: "Logg" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/logg");
    await page.getByText("Velg periode og søk for å se loggen.").waitFor();
    await checkPage(page, "logg", consoleErrors);

    const search = page.getByRole("search", { name: "Søk i loggen" });
    await search.getByLabel("Hvem så (ansatt-ID)").fill(BARNEVERN);
    await search.getByLabel("Hvem gjaldt det (person-ID)").fill(ZAHRA);
    await search.getByRole("button", { name: "Søk i loggen" }).click();
    const results = page.getByRole("region", { name: "Treff i loggen" });
    const entry = results.getByRole("listitem").filter({ hasText: request });
    await entry.first().waitFor();
    const text = (await entry.first().textContent())!;
    for (const words of [
      "HvorHelse",
      `HvemEn ansatt i Barnevernet (ansatt-ID ${BARNEVERN})`,
      "ResultatFikk se opplysningene",
      "HvorforBarnevernet ba om opplysninger i en undersøkelse (barnevernsloven § 13-2)",
      "Særskilt utlevering",
      `Person-ID${ZAHRA}`,
    ]) {
      expect(text).toContain(words);
    }
    // Every entry the search found is by that employee, about her.
    for (const t of await results.getByRole("listitem").allTextContents()) expect(t).toContain(`Person-ID${ZAHRA}`);
    await checkPage(page, "logg-treff", consoleErrors);
    await page.context().close();
  }, BROWSER_TEST_MS);

  test("Til gjennomgang: the release awaits review, is marked reviewed with a note after confirming, and shows as reviewed", async () => {
    const { page, consoleErrors } = await web.signIn(HELSE_AUDITOR);
    await goTo(page, "Til gjennomgang");
    const awaiting = page.getByRole("region", { name: "Venter på gjennomgang" });
    const item = awaiting.getByRole("listitem").filter({ hasText: request });
    await item.waitFor();
    await checkPage(page, "gjennomgang", consoleErrors);

    await item.getByRole("button", { name: "Merk som gjennomgått" }).click();
    // No note, no review: the reason at the field.
    await item.getByRole("button", { name: "Gå videre" }).click();
    await item.getByText("Skriv hva gjennomgangen viste.").waitFor();
    const note = `Innenfor anmodningen og perioden (nettlesertest ${Date.now()}).`;
    await item.getByLabel("Hva fant du?").fill(note);
    await item.getByRole("button", { name: "Gå videre" }).click();
    const confirm = item.getByRole("group", { name: /^Vil du merke utleveringen som gjennomgått/ });
    await checkPage(page, "gjennomgang-bekreft", consoleErrors);
    await confirm.getByRole("button", { name: "Ja, merk som gjennomgått" }).click();
    await page.getByText("Utleveringen er merket som gjennomgått.").waitFor();
    // Gone from those awaiting review.
    await expect.poll(() => awaiting.getByRole("listitem").filter({ hasText: request }).count()).toBe(0);

    // The hub's: reviewed once, by helse's auditor, with the note.
    const reviewed = await gateway<{ helseReviewList: { caseId: string; personId: string; reviewedBy: string; reviewNote: string }[] }>(
      `{ helseReviewList(reviewed: true) { caseId personId reviewedBy reviewNote } }`,
      {},
      await asUser("helse-auditor"),
    );
    expect(reviewed.data!.helseReviewList).toContainEqual({ caseId: request, personId: ZAHRA, reviewedBy: "helse-auditor-1", reviewNote: note });

    await page.getByLabel("Vis").selectOption({ label: "Gjennomgått" });
    const done = page.getByRole("region", { name: "Gjennomgått" }).getByRole("listitem").filter({ hasText: note });
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/Gjennomgått.* av helse-auditor-1/);
    await checkPage(page, "gjennomgang-gjennomgatt", consoleErrors);
    await page.context().close();
  }, BROWSER_TEST_MS);
});
