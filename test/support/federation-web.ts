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
import { signInAtProvider, type SignInAs } from "../../scripts/lib/app-pages.ts";

export { goTo, type SignInAs } from "../../scripts/lib/app-pages.ts";

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
      await signInAtProvider(page, app!.url, as);
      return { page, consoleErrors };
    },
  };
}
