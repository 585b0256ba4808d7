// Debian's Chromium, driven by playwright-core, as the browser tests
// (test/support/browser.ts), the web benchmark (bench/web.ts) and the guide's
// screenshots (scripts/docs-screenshots.ts) launch it: headless, talking to
// Playwright over a pipe (no debugging port), with Chromium's own network
// chatter off.
import type { Browser } from "playwright-core";
import { filePath, setting } from "../../services/kit/env.ts";

/** Where Debian puts it. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Declared once here; the benchmark's and the screenshots' settings each read it (the tests read the variable itself). */
export const CHROMIUM_PATH = setting("CHROMIUM_PATH", filePath(), {
  default: DEFAULT_CHROMIUM_PATH,
  shownDefault: "`/usr/bin/chromium` (Debian's `chromium` package)",
  description: "The Chromium `npm run bench:web`, `npm run docs:screenshots` (and the browser tests) drive through playwright-core.",
});

/** Without these the closed network here refuses many of Chromium's own connections, and startup stalls. */
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded here: a settings module that names the default path need not load Playwright.
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, timeout: 60_000 });
}
