// npm run bench:web — how long a coordinator waits for the family overview:
// a federation (the embedded databases, or PostgreSQL when
// DATABASE_URL_TEMPLATE is set) with the development identity provider, the
// gateway running trusted documents only (ALLOW_ARBITRARY_DOCUMENTS=false)
// and the built web app sending document ids only
// (WEB_TRUSTED_DOCUMENTS_ONLY=true), as production runs them; Debian's
// Chromium signs in as the coordinator (Maria Holt) and then, BENCH_WEB_RUNS
// times, clicks the Berg case on Mine saker and waits until every service's
// cell of every person in the family overview is filled.
//
// Click → filled is measured in the page's own clock: from the click event
// to the first frame in which every cell of the overview says how access was
// decided (`td.overview-cell .access`: written once the service's answer is
// there; a service that failed shows "unavailable" instead and the run
// fails) — and never before the gateway's fresh answer to CasePage has
// arrived: urql shows a page's cached answer at once while it asks again
// (cache-and-network), and that answer is not the one measured. The first
// page's gzipped JavaScript is web/bundle-budget.ts's figure. Targets: p95 ≤
// 1500 ms, JavaScript ≤ 250 KB. Everything listens on 127.0.0.1 and stops at
// the end; the section goes to stdout (bench/RESULTS.md keeps it by hand).
import os from "node:os";
import type { Page } from "playwright-core";
import { demoCaseId } from "../demo/fjordvik.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";
import { launchChromium } from "../scripts/lib/chromium.ts";
import { signInAtProvider } from "../scripts/lib/app-pages.ts";
import { startWebFederation } from "../scripts/lib/web-federation.ts";
import { FIRST_PAGE_JS_BUDGET_BYTES, firstPageJs, kilobytes } from "../web/bundle-budget.ts";
import { ensureWebBuild } from "../web/build.ts";
import { WEB_DIST_DIR } from "../web/config.ts";
import { appManifest } from "../web/documents.ts";
import { percentile } from "./driver.ts";
import { webBenchConfig } from "./config.ts";

const TARGET_P95_MS = 1500;
const BERG = demoCaseId("berg");
const BERG_TITLE = "Velferdslab – investeringsteam og familieplan";
const COORDINATOR = /^Maria Holt/;

const config = webBenchConfig();
const began = performance.now();
const say = (line: string) => console.error(`[bench:web] ${line}`);

ensureWebBuild(say);
const js = firstPageJs(WEB_DIST_DIR);
const operations = appManifest().operations;
const operationId = (name: string) => operations.find((op) => op.name === name)!.id;
const casePageId = operationId("CasePage");
const myCasesId = operationId("MyCases");

const { federation, webUrl, databases, log } = await startWebFederation({
  gatewayPort: config.port,
  dataRoot: config.dataRoot,
  databaseTemplate: config.databaseTemplate,
  // Databases of the benchmark's own on the template's server: never the template's.
  databasePrefix: "bench_web_",
  logLevel: config.logLevel,
  env: { WEB_TRUSTED_DOCUMENTS_ONLY: "true" },
  gatewayEnv: { ALLOW_ARBITRARY_DOCUMENTS: "false" },
  say,
});

/**
 * In the page: false until the overview's table has its every cell (one
 * answer renders them all at once); then the moment, or -1 when a cell says
 * its service did not answer (no `.access` in it).
 */
function overviewFilled(services: number): number | false {
  const rows = [...document.querySelectorAll("table.overview tbody tr")];
  const cells = rows.flatMap((row) => [...row.querySelectorAll("td.overview-cell")]);
  if (rows.length === 0 || cells.length !== rows.length * services) return false;
  return cells.every((cell) => cell.querySelector(".access")) ? performance.now() : -1;
}

/** Resolves when the gateway's answer to the operation `id` has arrived in full. */
function answerTo(page: Page, id: string): Promise<unknown> {
  return page
    .waitForResponse((response) => response.request().method() === "POST" && (response.request().postData() ?? "").includes(id), { timeout: 60_000 })
    .then((response) => response.finished());
}

const samples: number[] = [];
/** The machine's 1-minute load average while it measured (absolute times depend on it). */
const load: number[] = [];
const browser = await launchChromium(config.chromiumPath);
try {
  const page = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  await signInAtProvider(page, webUrl, { employee: COORDINATOR });
  await page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
  say(`signed in as the coordinator; ${config.runs} runs`);
  // The click's moment in the page's clock, whatever the target.
  await page.evaluate(() => document.addEventListener("click", () => ((window as unknown as { benchClickAt: number }).benchClickAt = performance.now()), { capture: true }));

  load.push(os.loadavg()[0]!);
  for (let run = 0; run < config.runs; run++) {
    const link = page.getByRole("link", { name: BERG_TITLE });
    await link.waitFor();
    const answered = answerTo(page, casePageId);
    await link.click();
    await answered;
    const filledAt = (await (await page.waitForFunction(overviewFilled, VIEW_SERVICES.length, { polling: "raf", timeout: 60_000 })).jsonValue()) as number;
    const clickAt = await page.evaluate(() => (window as unknown as { benchClickAt: number }).benchClickAt);
    if (new URL(page.url()).pathname !== `/saker/${BERG}`) throw new Error(`Run ${run + 1} ended at ${page.url()}, not the Berg case.`);
    if (filledAt < 0) throw new Error(`Run ${run + 1}: a service did not answer (its cells say so); see ${log}.`);
    samples.push(filledAt - clickAt);
    // Back to Mine saker, and its own fresh answer, before the next click.
    const listed = answerTo(page, myCasesId);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
    await listed;
  }
  load.push(os.loadavg()[0]!);
  if (failures.length > 0) throw new Error(`The page threw: ${failures.join("; ")}`);
} finally {
  await browser.close();
  await federation.stop();
}

const sorted = [...samples].sort((a, b) => a - b);
const ms = (value: number) => `${Math.round(value)}`;
const p95 = percentile(sorted, 95);
const verdict = (met: boolean) => (met ? "met" : "NOT met");
console.log(`\n## Web app (npm run bench:web)\n`);
console.log(`${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, \`${config.commandLine}\`: Mine saker → the Berg case's family overview, on ${databases}; the development identity provider; the gateway with trusted documents only and the built app sending ids only; Debian's Chromium (headless), ${config.runs} clicks after one sign-in as the coordinator.\n`);
console.log("| measure | value | target |");
console.log("|---|---|---|");
console.log(`| click → every cell filled, p50 | ${ms(percentile(sorted, 50))} ms | |`);
console.log(`| click → every cell filled, p95 | ${ms(p95)} ms | ≤ ${TARGET_P95_MS} ms: ${verdict(p95 <= TARGET_P95_MS)} |`);
console.log(`| click → every cell filled, max | ${ms(sorted[sorted.length - 1]!)} ms | |`);
console.log(`| the first click (nothing cached yet) | ${ms(samples[0]!)} ms | |`);
console.log(
  `| the first page's JavaScript, gzipped | ${kilobytes(js.gzipBytes)} in ${js.files.length} files | ≤ ${kilobytes(FIRST_PAGE_JS_BUDGET_BYTES)}: ${verdict(js.gzipBytes <= FIRST_PAGE_JS_BUDGET_BYTES)} |`,
);
console.log(`\nThe machine's load average (1 min) at the first click and after the last: ${load.map((l) => l.toFixed(1)).join(" and ")} on ${os.cpus().length} cores.`);
console.log(`The whole benchmark (build check, the federation's start, sign-in, ${config.runs} runs, its stop): ${((performance.now() - began) / 1000).toFixed(0)} s.`);
