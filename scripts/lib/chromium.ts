// Debian's Chromium, driven by playwright-core, as the browser tests
// (test/support/browser.ts) and the web benchmark (bench/web.ts) launch it:
// headless, talking to Playwright over a pipe (no debugging port), with
// Chromium's own network chatter off.
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without these the closed network here refuses many of Chromium's own connections, and startup stalls. */
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: 60_000 });
