// Browser suites against the shared federation: the app's server beside the
// shared gateway (with its development defaults: the embedded identity
// provider, whose client redirects only to that port), Debian's Chromium, and
// sign-in through the provider's own page, as a person would.
//
//   const web = federationWebSuite();
//   const { page, consoleErrors } = await web.signIn({ employee: /^Maria Holt/ });
//   await checkPage(page, "mine-saker", consoleErrors);
import { afterAll, beforeAll, inject } from "vitest";
import type { Browser, Page } from "playwright-core";
import { webPort } from "../../services/kit/catalog.ts";
import { ensureWebBuild } from "../../web/build.ts";
import { consoleErrorsOf, launchChromium } from "./browser.ts";
import { startWebApp, type WebApp } from "./web-app.ts";

/** Who signs in at the provider's page: an employee or auditor by the button's name, a citizen by the choice's label. */
export type SignInAs = { employee: RegExp } | { citizen: RegExp };

export interface FederationWebSuite {
  /** A fresh browser context signed in; resolves on the role's first page (its <h1> shown). */
  signIn(as: SignInAs): Promise<{ page: Page; consoleErrors: string[] }>;
}

/** Starts the app beside the shared gateway and Chromium for the file; stops both after it. */
export function federationWebSuite(): FederationWebSuite {
  let app: WebApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(`[web build] ${line}`));
    [app, browser] = await Promise.all([
      startWebApp({ port: webPort(inject("gatewayPort")) }, { NODE_ENV: "development", GATEWAY_PORT: String(inject("gatewayPort")), WEB_GATEWAY_URL: "", WEB_OIDC_ISSUER: "" }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  return {
    async signIn(as) {
      const context = await browser!.newContext({ locale: "nb-NO" });
      const page = await context.newPage();
      const consoleErrors = consoleErrorsOf(page);
      await page.goto(`${app!.url}/`);
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
      return { page, consoleErrors };
    },
  };
}

/** Goes to a place of the main navigation by its link, and waits for its page's <h1>. */
export async function goTo(page: Page, link: string, heading: string = link): Promise<void> {
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: link, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
}
