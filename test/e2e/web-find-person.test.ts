// "Finn person" in a real browser against the shared federation: a
// coordinator finds a person by name and birth date, opens a BTI case from a
// concern and lands on the case's page; again by national identity number and
// by keyboard alone, opening a case from a referral. Each search shows in
// registry's access log; the number never shows in an address. The cases are
// closed again within the test.
import { afterAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { demoPerson } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { PERSON_SEARCH_REASON } from "../../services/registry/search-log.ts";
import { formatDate } from "../../web/src/i18n/format.ts";
import { BROWSER_TEST_MS, checkPage, describeWithBrowser, focused, focusStartOfPage, tabTo } from "../support/browser.ts";
import { federationWebSuite, goTo } from "../support/federation-web.ts";
import { asUser, gateway } from "../support/graphql.ts";

const COORDINATOR = demoUser("coordinator")!.claims.sub;
const ZAHRA = demoPerson("rahimi", "Zahra");
const OMID = demoPerson("rahimi", "Omid");
const MARIA = { employee: /^Maria Holt/ };

/** Cases the tests open, closed after them so the shared federation's persons are as they were. */
const opened: string[] = [];
afterAll(async () => {
  for (const id of opened) await gateway(`mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Nettlesertesten er ferdig.") { status } }`, { caseId: id }, await asUser("coordinator"));
});

/** The case page the app landed on: its id from the address, which names nothing else. */
function landedCase(page: Page, ...secrets: string[]): string {
  const url = page.url();
  for (const secret of secrets) expect(url).not.toContain(secret);
  const match = /^\/saker\/([^/]+)$/.exec(new URL(url).pathname);
  expect(match, url).not.toBeNull();
  opened.push(decodeURIComponent(match![1]!));
  return decodeURIComponent(match![1]!);
}

type Entry = { at: string; personId: string; reason: string; basis: string | null; categories: string[] };
async function searchesLogged(personId: string, since: string): Promise<Entry[]> {
  const res = await gateway<{ registryAuditLog: Entry[] }>(
    `query ($actorId: String, $personId: ID, $from: DateTime) { registryAuditLog(actorId: $actorId, personId: $personId, from: $from) { at personId reason basis categories } }`,
    { actorId: COORDINATOR, personId, from: since },
    await asUser("registry-auditor"),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.registryAuditLog.filter((e) => e.reason === PERSON_SEARCH_REASON);
}

/** The accessible name of the focused form control (its label), or the focused element's text. */
const focusedLabel = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLInputElement | null;
  return (el?.labels?.[0]?.innerText ?? el?.innerText ?? "").trim();
});

describeWithBrowser("Finn person, against the federation", () => {
  const web = federationWebSuite();

  test("by name and birth date, a case opened from a concern, landing on the case page; the search in the access log", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const { page, consoleErrors } = await web.signIn(MARIA);
    await goTo(page, "Finn person");
    await checkPage(page, "finn-person", consoleErrors);
    const search = page.getByRole("search", { name: "Søk etter person" });

    // A malformed number is stopped in the form, with the reason at the field; nothing is sent.
    await search.getByLabel("Fødselsnummer", { exact: true }).fill("12345678901");
    await search.getByRole("button", { name: "Søk" }).click();
    await search.getByText("Fødselsnummeret må ha 11 siffer og være gyldig.", { exact: false }).waitFor();
    await checkPage(page, "finn-person-ugyldig", consoleErrors);

    await search.getByLabel("Med navn og fødselsdato").check();
    // Part of a name finds no one: exact matches only.
    await search.getByLabel("Fullt navn").fill("Zahra Rahim");
    await search.getByLabel("Fødselsdato", { exact: true }).fill(ZAHRA.birthDate);
    await search.getByRole("button", { name: "Søk" }).click();
    await page.getByText("Ingen treff. Sjekk det du skrev, og prøv igjen.").waitFor();

    await search.getByLabel("Fullt navn").fill("zahra  rahimi");
    await search.getByRole("button", { name: "Søk" }).click();
    const match = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "Zahra Rahimi" }) });
    await match.waitFor();
    await expect(match.textContent()).resolves.toContain(`Født ${formatDate("nb", ZAHRA.birthDate)}`);
    await checkPage(page, "finn-person-treff", consoleErrors);
    expect((await searchesLogged(ZAHRA.personId, since)).map((e) => [e.basis, e.categories])).toContainEqual(["PERSON_SEARCH_BY_NAME_AND_BIRTH_DATE", ["IDENTITY"]]);

    await match.getByRole("button", { name: "Start sak for Zahra Rahimi" }).click();
    const form = page.getByRole("region", { name: "Start sak for Zahra Rahimi" });
    await form.waitFor();
    // A concern is the default: it opens a BTI case. Nothing written is stopped at the first field missing.
    await form.getByRole("button", { name: "Start saken" }).click();
    await form.getByText("Gi saken et navn.").waitFor();
    const title = `BTI – bekymring fra Finn person (nettlesertest ${Date.now()})`;
    await form.getByLabel("Hva har du lagt merke til?").fill("Zahra har vært borte fra skolen mye de siste ukene.");
    await form.getByLabel("Navn på saken").fill(title);
    await checkPage(page, "finn-person-start-sak", consoleErrors);
    await form.getByRole("button", { name: "Start saken" }).click();

    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const caseId = landedCase(page, ZAHRA.nationalId, ZAHRA.personId);
    // The case is the hub's: a BTI case from the concern, about Zahra, with the coordinator holding the baton.
    const made = await gateway<{ case: { kind: string; basis: string; btiLevel: number; subjects: { id: string }[]; holder: { displayName: string } } }>(
      `query ($id: ID!) { case(id: $id) { kind basis btiLevel subjects { id } holder { displayName } } }`,
      { id: caseId },
      await asUser("coordinator", caseId),
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.case).toEqual({ kind: "BTI", basis: "CONCERN", btiLevel: 0, subjects: [{ id: ZAHRA.personId }], holder: { displayName: "Maria Holt" } });
    await checkPage(page, "finn-person-sak", consoleErrors);
    await page.context().close();
  }, BROWSER_TEST_MS);

  test("by keyboard alone: by national identity number, and a case opened from a referral", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const { page, consoleErrors } = await web.signIn(MARIA);
    await focusStartOfPage(page);
    await tabTo(page, (f) => f.tag === "a" && f.text === "Finn person", "the Finn person link");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", text: "Finn person" });

    await tabTo(page, (f) => f.tag === "input", "the search's first field");
    // The first stop is the choice of how to search (by number, chosen); the next the number.
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Fødselsnummer");
    await page.keyboard.type(OMID.nationalId);
    await page.keyboard.press("Enter");
    // The answer takes focus; the way on is the next stop.
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: "Resultat" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "button", text: "Start sak for Omid Rahimi" });
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: "Start sak for Omid Rahimi" });

    // From a referral: the arrow keys move the choice, Tab goes on to its fields.
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("En henvisning").isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Referanse");
    await page.keyboard.type("Henvisning fra helsestasjonen, journal 2026/0999");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Type sak");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("Navn på saken");
    const title = `BTI – henvisning fra Finn person (tastaturtest ${Date.now()})`;
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", text: title });
    landedCase(page, OMID.nationalId, OMID.personId);

    expect((await searchesLogged(OMID.personId, since)).map((e) => e.basis)).toContain("PERSON_SEARCH_BY_NATIONAL_ID");
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  }, BROWSER_TEST_MS);
});
