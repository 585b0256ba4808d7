// The development sign-in page in a real browser (Debian's Chromium):
// accessible (axe, WCAG 2.1 A/AA), in bokmål, grouped by kind of person, and
// usable with the keyboard alone — through to a token at the chosen level.
import http from "node:http";
import AxeBuilder from "@axe-core/playwright";
import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_CLIENT_ID } from "../identity/clients.ts";
import { DevSignIn } from "../identity/dev-token.ts";
import { demoDirectory, type CitizenAccount } from "../identity/users.ts";
import { startTestProvider, type TestProvider } from "./support/identity-provider.ts";

let provider: TestProvider;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The web app is not part of this test: a stand-in answers at its address, so the browser can land on the callback. */
const WEB_APP_PAGE = '<!DOCTYPE html><html lang="nb"><head><title>Webapp</title></head><body><main><h1>Webapp</h1></main></body></html>';
let webApp: http.Server;

beforeAll(async () => {
  provider = await startTestProvider(3);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  // axe needs a page from a context of its own.
  context = await browser.newContext();
  page = await context.newPage();
  // Not page.route: Playwright routes a navigation's first request only, never the redirects the sign-in ends with.
  webApp = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(WEB_APP_PAGE));
  await new Promise<void>((resolve) => webApp.listen(Number(new URL(provider.webRedirectUri).port), "127.0.0.1", resolve));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => webApp?.close(resolve));
  await provider?.stop();
});

async function axeViolations(): Promise<{ id: string; nodes: number }[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
}

describe("the development sign-in page", () => {
  it("is accessible, in bokmål, and groups employees, citizens and auditors, then signs in by keyboard alone", async () => {
    const signIn = await DevSignIn.at(provider.issuer, WEB_CLIENT_ID, provider.webRedirectUri);
    await page.goto((await signIn.authorizationUrl()).href);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/interaction\//);

    expect(await page.getAttribute("html", "lang")).toBe("nb");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Logg inn");
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Ansatte", "Innbyggere", "Revisorer"]);
    expect(await page.getByRole("button", { name: /Ingrid Solberg/ }).count()).toBe(1);
    expect(await axeViolations()).toEqual([]);

    // Keyboard only: the level with the arrow keys; Enter before a person is chosen signs no one in,
    // and the browser moves the focus to the people to choose from.
    await page.getByRole("radio", { name: /Betydelig/ }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /Høyt/ }).isChecked()).toBe(true);
    const signInPage = page.url();
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    expect(page.url()).toBe(signInPage);
    const focused = () => page.evaluate(() => ({ name: (document.activeElement as HTMLInputElement).name, value: (document.activeElement as HTMLInputElement).value }));
    expect((await focused()).name).toBe("account");

    // Space picks the focused person, Enter signs in as them at the chosen level.
    await page.keyboard.press("Space");
    const chosen = (await focused()).value;
    expect(await page.locator(`input[name="account"][value="${chosen}"]`).isChecked()).toBe(true);
    const citizen = demoDirectory().byKey(chosen) as CitizenAccount | undefined;
    expect(citizen?.kind).toBe("citizen");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.href.startsWith(provider.webRedirectUri));

    const tokens = await signIn.tokens(new URL(page.url()));
    expect(decodeJwt(tokens.access_token)).toMatchObject({ pid: citizen!.nationalId, acr: "idporten-loa-high", aud: "samhandling-hub" });

    // The sign-out question and the answer, by keyboard: "Ja, logg ut" has the focus.
    const question = oidc.buildEndSessionUrl(signIn.client, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: provider.webPostLogoutRedirectUri });
    await page.goto(question.href);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Vil du logge ut?");
    expect(await axeViolations()).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ja, logg ut");
    await page.keyboard.press("Enter");
    await page.waitForURL(provider.webPostLogoutRedirectUri);
  });

  it("shows an error page in bokmål that passes the same checks", async () => {
    await page.goto(`${provider.issuer}/auth?client_id=unknown-client&response_type=code&scope=openid`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Noe gikk galt");
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    expect(await axeViolations()).toEqual([]);
  });
});
