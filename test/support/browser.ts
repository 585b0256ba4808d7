// Browser tests: Debian's Chromium driven by playwright-core against the web
// app's real server, with the checks every page must pass (axe on WCAG 2.1
// AA, no sideways scrolling at 320 px and at 400 % zoom, no console error or
// CSP violation) and a screenshot kept under test-artifacts/web/.
//
// A page test needs three lines of setup:
//
//   const web = browserSuite();                                  // server + browser for the file
//   const page = await web.open("/saker", { as: "coordinator" }); // signed in through the stub provider
//   await web.check(page, "mine-saker");                          // axe, reflow, console, screenshot
//
// Without Chromium the suite is skipped with a message, except under CI=true,
// where it fails: a browser test must never silently not run.
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { demoUsers } from "../../demo/users.ts";
import { STUB_GATEWAY_URL, STUB_ISSUER, startWebApp, type WebApp } from "./web-app.ts";
import { stubOidcProvider, type StubProvider } from "./oidc-stub.ts";
import { DEFAULT_CHROMIUM_PATH, launchChromium as launch } from "../../scripts/lib/chromium.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;

/** Debian's Chromium, as every browser suite (and bench/web.ts) launches it. */
export const launchChromium = (): Promise<Browser> => launch(CHROMIUM_PATH);
export const ARTIFACTS_DIR = path.join(ROOT_DIR, "test-artifacts", "web");

/** A browser test's time: sign-ins, page loads and several checkPage runs (the e2e project's default of 30 s is for API tests). */
export const BROWSER_TEST_MS = 120_000;

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * In CSS pixels: a desktop window, a phone held upright, and a 1280×1024
 * screen zoomed to 400 % — which leaves 320×256 CSS pixels, the layout WCAG
 * 1.4.10 (reflow) asks about. (A page opened at zoom400 is also drawn at 4
 * device pixels per CSS pixel, as the zoomed screen would be.)
 */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  narrow: { width: 320, height: 640 },
  zoom400: { width: 320, height: 256 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** `describe` for browser suites: skipped with a reason when Chromium is missing, failed under CI=true. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      beforeAll(() => {
        throw new Error(`CI=true but Chromium is missing at ${CHROMIUM_PATH}: install it (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH.`);
      });
      body();
    });
    return;
  }
  console.warn(`Skipping browser suite "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  describe.skip(name, body);
}

export interface OpenOptions {
  /** A demo user key (demo/users.ts) to sign in as first, through the stub provider. */
  as?: string;
  viewport?: ViewportName;
  /** Runs on the new page before it loads (routes, listeners). */
  beforeLoad?: (page: Page) => unknown;
}

export interface CheckOptions {
  /** Console errors expected on this page (matched as substrings), e.g. a failing request the test causes. */
  expectedConsoleErrors?: string[];
  /** Viewports to check reflow in besides the page's own; default both narrow ones. */
  reflow?: ViewportName[];
}

export interface BrowserSuite {
  readonly app: WebApp;
  /** A fresh context (no cookies, no storage) on `path`, signed in first when `as` is given. */
  open(urlPath: string, options?: OpenOptions): Promise<Page>;
  /** The stub provider of a page's context. */
  provider(page: Page): StubProvider;
  /** Signs in from the page it is on: "Logg inn", the provider, back. Resolves on the page signed in to. */
  signIn(page: Page, user: string): Promise<void>;
  /** Every page's checks: axe, reflow at 320 px and 400 %, console, screenshot as `<name>.png`. */
  check(page: Page, name: string, options?: CheckOptions): Promise<void>;
}

interface PageState {
  context: BrowserContext;
  provider: StubProvider;
  consoleErrors: string[];
}

function demoClaims(key: string) {
  const user = demoUsers().find((u) => u.key === key);
  if (!user) throw new Error(`No demo user "${key}" (demo/users.ts).`);
  return user.claims;
}

/** Starts the web app's server (as n-th test server) and Chromium for the file; stops both after it. */
export function browserSuite(options: { server?: number; env?: NodeJS.ProcessEnv } = {}): BrowserSuite {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  const pages = new Map<Page, PageState>();

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    [app, browser] = await Promise.all([startWebApp(options.server ?? 0, options.env), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const state = (page: Page): PageState => {
    const s = pages.get(page);
    if (!s) throw new Error("Not a page of this suite: open it with suite.open().");
    return s;
  };

  const suite: BrowserSuite = {
    get app() {
      if (!app) throw new Error("The web app is not running (browserSuite's beforeAll has not run).");
      return app;
    },
    async open(urlPath, { as, viewport = "desktop", beforeLoad } = {}) {
      // axe needs a page from newContext(), not browser.newPage().
      const context = await browser!.newContext({ viewport: VIEWPORTS[viewport], deviceScaleFactor: viewport === "zoom400" ? 4 : 1, locale: "nb-NO" });
      const provider = await stubOidcProvider(context, STUB_ISSUER, STUB_GATEWAY_URL);
      const page = await context.newPage();
      const consoleErrors = consoleErrorsOf(page);
      pages.set(page, { context, provider, consoleErrors });
      await beforeLoad?.(page);
      await page.goto(`${suite.app.url}${urlPath}`);
      if (as) await suite.signIn(page, as);
      await page.getByRole("heading", { level: 1 }).waitFor();
      return page;
    },
    provider: (page) => state(page).provider,
    async signIn(page, user) {
      const { provider } = state(page);
      provider.signInAs(demoClaims(user));
      await page.getByRole("button", { name: "Logg inn" }).click();
      await page.getByRole("region", { name: "Innlogget bruker" }).waitFor();
    },
    check: (page, name, options) => checkPage(page, name, state(page).consoleErrors, options),
  };
  return suite;
}

/** A page's console errors and uncaught exceptions from now on, as they come (a CSP violation shows as one). */
export function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/**
 * Every page's checks, for a page of any browser test (a suite's `check` is
 * this): axe on WCAG 2.1 AA, no sideways scrolling in the reflow viewports,
 * no console error but those expected, and screenshots as `<name>*.png`.
 */
export async function checkPage(page: Page, name: string, consoleErrors: readonly string[], { expectedConsoleErrors = [], reflow = ["narrow", "zoom400"] }: CheckOptions = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });

  const original = page.viewportSize()!;
  for (const viewport of reflow) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal scrolling on ${name} at ${viewport}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.${viewport}.png`), fullPage: true });
  }
  await page.setViewportSize(original);

  const unexpected = consoleErrors.filter((text) => !expectedConsoleErrors.some((expected) => text.includes(expected)));
  expect(unexpected, `console errors on ${name} (a CSP violation shows here too)`).toEqual([]);
}

/** What has keyboard focus: its role-ish tag and its text. */
export async function focused(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? "", text: (el?.innerText ?? "").trim(), id: el?.id ?? "" };
  });
}

/** Puts the keyboard's starting point at the top of the document, as after loading the page. */
export async function focusStartOfPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
}

/** Tabs until `pick` accepts what has focus; fails after `stops` presses, naming `what` it was looking for. */
export async function tabTo(page: Page, pick: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, stops = 40): Promise<void> {
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    if (pick(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
