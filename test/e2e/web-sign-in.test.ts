// The web app signing people in as in production, in a real browser: the
// app's server with its development defaults (the embedded identity provider,
// its client `samhandling-web`, the gateway on GATEWAY_PORT), the shared
// federation's provider with its own sign-in page, and the shared gateway,
// which tells the app who the hub takes the person for (`viewer`). The pages
// themselves are tested against a stand-in provider (test/web/); this is the
// whole round trip once, for an employee and for a citizen, and sign-out.
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { webPort } from "../../services/kit/catalog.ts";
import { ensureWebBuild } from "../../web/build.ts";
import { describeWithBrowser, launchChromium } from "../support/browser.ts";
import { startWebApp, type WebApp } from "../support/web-app.ts";

describeWithBrowser("the web app with the embedded identity provider and the gateway", () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(`[web build] ${line}`));
    const gatewayPort = String(inject("gatewayPort"));
    // Empty: the server's own defaults, as `npm start` runs it (no stand-in gateway or provider).
    [app, browser] = await Promise.all([
      startWebApp({ port: webPort(inject("gatewayPort")) }, { NODE_ENV: "development", GATEWAY_PORT: gatewayPort, WEB_GATEWAY_URL: "", WEB_OIDC_ISSUER: "" }),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ locale: "nb-NO" });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole("button", { name: "Logg inn" }).click();
    // The provider's own page, on its own origin.
    await page.getByRole("heading", { level: 1, name: /^Logg inn i Samhandling/ }).waitFor();
    expect(new URL(page.url()).origin).toBe(inject("identityIssuer"));
    return page;
  }

  const signedInAs = (page: Page) => page.getByRole("region", { name: "Innlogget bruker" });

  test("an employee signs in at the provider's page and lands in the app as the hub names them", async () => {
    const page = await open();
    await page.getByRole("button", { name: /^Maria Holt/ }).click();
    await signedInAs(page).waitFor();
    // Mine saker's code loads with its route, so the address follows a moment after the header.
    await page.waitForURL((url) => url.pathname === "/saker");
    await expect(signedInAs(page).textContent()).resolves.toMatch(/Maria Holt.*Ansatt, Samhandling/s);
    const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(storage.session, "nothing of the sign-in stays behind").toEqual({});
    await page.context().close();
  });

  test("a citizen chooses the level of assurance and is found in the register by national id (the provider's tokens carry no name: the header's comes from the gateway)", async () => {
    const page = await open();
    await page.getByLabel(/^Høyt/).check();
    await page.getByLabel(/^Sara Haugland, \d+ år/).check();
    await page.getByRole("button", { name: "Logg inn som innbygger" }).click();
    await signedInAs(page).waitFor();
    await expect(signedInAs(page).textContent()).resolves.toMatch(/Sara Haugland\s*Innbygger/);
    const links = await page.getByRole("navigation").getByRole("link").allTextContents();
    // "Varsler" carries the unread count, if any (it depends on what other suites did in her cases).
    expect(links.map((l) => l.replace(/^Varsler.*$/, "Varsler"))).toEqual(["Mine saker", "Mine samtykker", "Hvem har sett opplysningene mine", "Kopi av opplysningene dine", "Varsler"]);
    await page.context().close();
  });

  test("signing out ends the session at the provider: the next sign-in asks who you are again", async () => {
    const page = await open();
    await page.getByRole("button", { name: /^Ingrid Solberg/ }).click();
    await signedInAs(page).waitFor();
    await page.getByRole("button", { name: "Logg ut" }).click();
    // The provider asks before it ends its session (RP-initiated logout), then sends the browser back.
    await page.getByRole("button", { name: "Ja, logg ut" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("heading", { level: 1, name: /^Logg inn i Samhandling/ }).waitFor();
    await page.context().close();
  });
});
