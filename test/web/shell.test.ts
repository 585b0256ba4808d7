// The app's frame in a real browser: landing page, sign-in round trip (code +
// PKCE, through the stub provider), navigation by role, keyboard use, the 404,
// error and no-access pages, language, sign-out — each page checked by axe,
// for reflow at 320 px and 400 %, for console errors, and photographed.
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { browserSuite, describeWithBrowser, focused, focusStartOfPage } from "../support/browser.ts";
import { FIRST_PAGE_JS_BUDGET_BYTES, kilobytes } from "../../web/bundle-budget.ts";

/** What the browser reports for the data pages' requests here: no gateway listens behind these tests (support/web-app.ts). */
const NO_GATEWAY = "net::ERR_CONNECTION_REFUSED";

describeWithBrowser("web app shell", () => {
  const web = browserSuite();

  test("the landing page: sign-in, in bokmål, titled, keyboard starts at the skip link", async () => {
    const page = await web.open("/");
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    expect(await page.title()).toBe("Logg inn – Samhandling");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Logg inn");
    await expect(page.getByRole("button", { name: "Logg inn" }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole("navigation").count()).toBe(0);
    expect(await page.locator("header, main, footer").count()).toBe(3);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", text: "Hopp til hovedinnhold" });
    const box = await page.locator(":focus").boundingBox();
    expect(box && box.height > 10 && box.width > 50, "the skip link shows when focused").toBe(true);
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "main", id: "main" });
    expect(new URL(page.url()).hash).toBe("");
    await web.check(page, "logg-inn");
  });

  test("signing in as a coordinator: code flow with PKCE, tokens in memory only, name, role and navigation in the header", async () => {
    const page = await web.open("/", { as: "coordinator" });
    const provider = web.provider(page);
    const [authorize] = provider.authorizations;
    expect(authorize!.get("response_type")).toBe("code");
    expect(authorize!.get("code_challenge_method")).toBe("S256");
    expect(authorize!.get("client_id")).toBe("samhandling-web");
    expect(authorize!.get("redirect_uri")).toBe(`${web.app.url}/auth/callback`);
    expect(authorize!.get("scope")).toBe("openid hub");
    // The provider checked the verifier against the challenge before it gave a token.
    expect(provider.accessTokens).toHaveLength(1);

    // The app moves from the callback to the home page after the token exchange: wait for it, under load it comes later.
    await expect.poll(() => new URL(page.url()).pathname).toBe("/saker");
    expect(new URL(page.url()).search, "the code does not stay in the address").toBe("");
    await expect.poll(() => page.title()).toBe("Mine saker – Samhandling");
    const user = page.getByRole("region", { name: "Innlogget bruker" });
    await expect(user.textContent()).resolves.toMatch(/Ansatt, Samhandling/);
    const nav = page.getByRole("navigation", { name: "Hovedmeny" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Mine saker", "Finn person", "Varsler"]);
    expect(await nav.getByRole("link", { name: "Mine saker" }).getAttribute("aria-current")).toBe("page");

    const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(storage.session, "the sign-in round trip leaves nothing behind").toEqual({});
    expect(Object.keys(storage.local).filter((key) => key !== "samhandling.language")).toEqual([]);
    expect(JSON.stringify(storage)).not.toContain(provider.accessTokens[0]);
    // No gateway behind these tests: the page says so plainly (its cases are tested against the federation, test/e2e/web-cases.test.ts).
    await page.getByText("Vi får ikke kontakt med tjenesten.", { exact: false }).waitFor();
    await web.check(page, "mine-saker-koordinator", { expectedConsoleErrors: [NO_GATEWAY] });
  });

  test("keyboard only: Tab reaches the skip link, then the navigation; Enter follows a link and focus lands on the new page's heading", async () => {
    const page = await web.open("/saker", { as: "coordinator" });
    // The page settled first (its query answered, here with no gateway): a late render must not move focus under the test.
    await page.getByText("Vi får ikke kontakt med tjenesten.", { exact: false }).waitFor();
    await focusStartOfPage(page);
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Hopp til hovedinnhold");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", text: "Mine saker" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", text: "Finn person" });
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/finn-person$/);
    // The router renders the new page in a transition, a moment after the address changes.
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", text: "Finn person" });
    expect(await page.title()).toBe("Finn person – Samhandling");
    await web.check(page, "finn-person", { expectedConsoleErrors: [NO_GATEWAY] });
  });

  test("a citizen's navigation", async () => {
    const page = await web.open("/", { as: "citizen" });
    expect(new URL(page.url()).pathname).toBe("/saker");
    await expect(page.getByRole("region", { name: "Innlogget bruker" }).textContent()).resolves.toMatch(/Sara Haugland\s*Innbygger/);
    expect(await page.getByRole("navigation").getByRole("link").allTextContents()).toEqual(["Mine saker", "Mine samtykker", "Hvem har sett opplysningene mine", "Kopi av opplysningene dine", "Varsler"]);
    await page.getByRole("link", { name: "Hvem har sett opplysningene mine" }).click();
    await page.waitForURL(/\/innsyn$/);
    await web.check(page, "innsyn-innbygger", { expectedConsoleErrors: [NO_GATEWAY] });
  });

  test("an auditor's navigation, and no access to a caseworker's page", async () => {
    const page = await web.open("/", { as: "nav-auditor" });
    expect(new URL(page.url()).pathname).toBe("/logg");
    await expect(page.getByRole("region", { name: "Innlogget bruker" }).textContent()).resolves.toMatch(/Kontrollør, NAV/);
    expect(await page.getByRole("navigation").getByRole("link").allTextContents()).toEqual(["Logg", "Til gjennomgang"]);
    await web.check(page, "logg-kontrollor");
    // In the app (a reload would end the in-memory session): the router follows the address.
    await page.evaluate(() => {
      history.pushState(null, "", "/finn-person");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await page.getByRole("heading", { name: "Ingen tilgang" }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("Du har ikke tilgang til dette.");
    await web.check(page, "ingen-tilgang");
  });

  test("a protected page when signed out asks for sign-in and comes back to it", async () => {
    const page = await web.open("/samtykker");
    await expect(page.getByRole("main").textContent()).resolves.toContain("Du må logge inn for å se denne siden.");
    await web.check(page, "logg-inn-kreves");
    await web.signIn(page, "citizen");
    // The page's code loads with its route, so the address follows a moment after the header.
    await page.waitForURL((url) => url.pathname === "/samtykker");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Mine samtykker");
  });

  test("signing out ends the session at the provider too", async () => {
    const page = await web.open("/", { as: "coordinator" });
    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.waitForURL(`${web.app.url}/`);
    await page.getByRole("button", { name: "Logg inn" }).waitFor();
    const [endSession] = web.provider(page).endSessions;
    expect(endSession!.get("post_logout_redirect_uri")).toBe(`${web.app.url}/`);
    expect(endSession!.get("id_token_hint")).toBeTruthy();
    expect(await page.getByRole("region", { name: "Innlogget bruker" }).count()).toBe(0);
  });

  test("a refused sign-in says so plainly", async () => {
    const page = await web.open("/");
    web.provider(page).signInAs(null);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("heading", { name: "Noe gikk galt" }).waitFor();
    await expect(page.getByRole("main").textContent()).resolves.toContain("Innloggingen ble ikke fullført.");
    await web.check(page, "innlogging-feilet");
  });

  test("the 404 page", async () => {
    const page = await web.open("/finnes-ikke");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Fant ikke siden");
    expect(await page.title()).toBe("Fant ikke siden – Samhandling");
    await web.check(page, "404");
  });

  test("the error page when the app cannot start: plain words from the error's code", async () => {
    const page = await web.open("/", { beforeLoad: (p) => p.route("**/config.json", (route) => route.fulfill({ status: 503, body: "" })) });
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Noe gikk galt");
    const main = await page.getByRole("main").textContent();
    expect(main).toContain("Tjenesten er ikke tilgjengelig akkurat nå.");
    expect(main).toContain("Feilkode: CONFIG_UNAVAILABLE");
    await web.check(page, "feil", { expectedConsoleErrors: ["503"] });
  });

  test("English on request, kept across a reload, and back to bokmål", async () => {
    const page = await web.open("/");
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    expect(await page.title()).toBe("Sign in – Samhandling");
    expect(await page.getByRole("button", { name: "Norsk (bokmål)" }).getAttribute("lang")).toBe("nb");
    await web.check(page, "sign-in-english");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");
    await page.getByRole("button", { name: "Norsk (bokmål)" }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Logg inn");
    expect(await page.getAttribute("html", "lang")).toBe("nb");
  });

  test(`the first page's JavaScript is at most ${kilobytes(FIRST_PAGE_JS_BUDGET_BYTES)} gzipped, as sent`, async () => {
    const sizes: number[] = [];
    const page = await web.open("/", {
      beforeLoad: (p) =>
        void p.on("response", (response) => {
          if (response.request().resourceType() === "script") sizes.push(Number(response.headers()["content-length"] ?? Number.NaN));
        }),
    });
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`first page JavaScript as sent: ${kilobytes(total)} gzipped in ${sizes.length} file(s)`);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET_BYTES);
    await page.close();
  });
});

describeWithBrowser("web app without a sign-in provider", () => {
  const web = browserSuite({ server: 4 });

  test('"Logg inn" leads to a page saying sign-in is not set up', async () => {
    // Every server names a provider (development: the embedded one); an app given none in its settings says so.
    const withoutSignIn = (p: Page) =>
      p.route("**/config.json", async (route) => {
        const settings = (await (await route.fetch()).json()) as Record<string, unknown>;
        await route.fulfill({ json: { ...settings, oidc: null } });
      });
    const page = await web.open("/", { beforeLoad: withoutSignIn });
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("heading", { name: "Innloggingen er ikke klar" }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: "h1" });
    await web.check(page, "innlogging-ikke-klar");
  });
});
