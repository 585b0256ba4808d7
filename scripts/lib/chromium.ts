// Debian's Chromium, driven by playwright-core, as the browser tests
// (test/support/browser.ts) and the web benchmark (bench/web.ts) launch it:
// headless, talking to Playwright over a pipe (no debugging port), with
// Chromium's own network chatter off.
import type { Browser } from "playwright-core";

/** Where Debian puts it; the tests and the benchmark each read CHROMIUM_PATH in their own settings. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Without these the closed network here refuses many of Chromium's own connections, and startup stalls. */
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded here: a settings module that names the default path need not load Playwright.
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 60_000 });
}
