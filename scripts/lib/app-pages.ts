// Using the web app as a person would, in Playwright: signing in (the app's
// "Logg inn", then a demo person chosen on the development identity
// provider's own page), the main navigation, and finding a case page's
// sections, forms and folds by what they are called on screen. One place for
// the steps, shared by the browser suites (test/support/federation-web.ts,
// test/e2e/web-*.test.ts), the web benchmark (bench/web.ts) and the
// coordinators' guide's screenshots (scripts/docs-screenshots.ts), so a
// change to a page is followed in one place.
import type { Locator, Page } from "playwright-core";

/** Who signs in at the provider's page: an employee or auditor by the button's name, a citizen by the choice's label. */
export type SignInAs = { employee: RegExp } | { citizen: RegExp };

/**
 * From the app's address to its first page for that person: resolves once the
 * app shows who is signed in and the page's <h1>. A citizen signs in on the
 * high assurance level (BankID's), which giving and withdrawing consent need.
 */
export async function signInAtProvider(page: Page, appUrl: string, as: SignInAs): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.getByRole("heading", { level: 1, name: /^Logg inn i Samhandling/ }).waitFor();
  if ("employee" in as) {
    await page.getByRole("button", { name: as.employee }).click();
  } else {
    await page.getByLabel(/^Høyt/).check();
    await page.getByLabel(as.citizen).check();
    await page.getByRole("button", { name: "Logg inn som innbygger" }).click();
  }
  try {
    await page.getByRole("region", { name: "Innlogget bruker" }).waitFor();
  } catch (error) {
    // Say where it stopped: the provider's page or the app's error page has the reason in words.
    throw new Error(`Sign-in did not complete at ${page.url()}: ${(await page.locator("body").innerText()).slice(0, 2000)}`, { cause: error });
  }
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/** Goes to a place of the main navigation by its link, and waits for its page's <h1>. */
export async function goTo(page: Page, link: string, heading: string = link): Promise<void> {
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: link, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}

/** A section of a page by its heading (a <section> labelled by it). */
export const section = (page: Page, heading: string): Locator => page.getByRole("region", { name: heading });

/** A form by its accessible name (its heading). */
export const form = (page: Page, name: string | RegExp): Locator => page.getByRole("form", { name });

/** Opens a fold (Designsystemet Details) by its summary. */
export async function unfold(scope: Locator, summary: string): Promise<void> {
  await scope.getByText(summary, { exact: true }).click();
}
