// npm run bench:notify — how soon a notification reaches a subscribed
// browser: a federation (embedded databases, or PostgreSQL when
// DATABASE_URL_TEMPLATE is set) with the development identity provider and
// the built web app; Debian's Chromium signs in as Marte Fossum (skole) and
// stays on Mine saker; an SSE client (graphql-sse, as the tests use) is
// subscribed as Marte too. Then BENCH_NOTIFY_RUNS times Ragnhild Eide (helse)
// appends a stafettlogg entry in a case they share (Kari's consent lets
// skole read helse's entries), and each is timed from the mutation's answer
// arriving to (a) the badge beside "Varsler" showing the new count in the
// page and (b) the SSE client's event. Both clocks are this machine's
// wall clock (Date.now() in the page and here). Target: p95 ≤ 1000 ms.
// Everything listens on 127.0.0.1, is bounded in time and stops at the end;
// the section goes to stdout (bench/RESULTS.md keeps it by hand).
import os from "node:os";
import { createClient } from "graphql-sse";
import { demoPersonId } from "../demo/fjordvik.ts";
import { devToken } from "../identity/dev-token.ts";
import { launchChromium } from "../scripts/lib/chromium.ts";
import { signInAtProvider } from "../scripts/lib/app-pages.ts";
import { startWebFederation } from "../scripts/lib/web-federation.ts";
import { ensureWebBuild } from "../web/build.ts";
import { percentile } from "./driver.ts";
import { notifyBenchConfig } from "./config.ts";

const TARGET_P95_MS = 1000;
/** One run that takes longer than this fails the benchmark (it is bounded, not waiting forever). */
const RUN_TIMEOUT_MS = 15_000;
const OPENER = "skole-kontaktlaerer-1"; // Marte Fossum
const HEALTH = "helse-helsesykepleier-1"; // Ragnhild Eide
const SOFIE = demoPersonId("sandvik", "Sofie");
const KARI = demoPersonId("sandvik", "Kari");

const config = notifyBenchConfig();
const began = performance.now();
const say = (line: string) => console.error(`[bench:notify] ${line}`);
ensureWebBuild(say);

const { federation, webUrl, databases } = await startWebFederation({
  gatewayPort: config.port,
  dataRoot: config.dataRoot,
  databaseTemplate: config.databaseTemplate,
  databasePrefix: "bench_notify_",
  logLevel: config.logLevel,
  env: { WEB_TRUSTED_DOCUMENTS_ONLY: "true" },
  say,
});
const gatewayUrl = federation.gatewayUrl;
const issuer = federation.identityIssuer!;
const tokens = new Map<string, string>();
const tokenOf = async (user: string) => tokens.get(user) ?? tokens.set(user, await devToken(issuer, user, "idporten-loa-high")).get(user)!;

async function call(user: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await tokenOf(user)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(`${user}: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

const browserMs: number[] = [];
let browserMissed = 0;
const sseMs: number[] = [];
const load: number[] = [];
const browser = await launchChromium(config.chromiumPath);
let sse: ReturnType<typeof createClient> | null = null;
try {
  // The case: Sofie's, with Ragnhild, Kari and Kari's consent to helse's stafettlogg.
  const concernId = (await call(OPENER, `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId: SOFIE, text: "Bekymring (benchmark)." } })).registerConcern.id;
  const caseId = (await call(OPENER, `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { kind: "BTI", title: "Benchmark: varsler", subjectIds: [SOFIE], concernId } })).openCase.id as string;
  const add = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
  await call(OPENER, add, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
  await call(OPENER, add, { caseId, input: { personId: KARI, displayName: "Kari Sandvik", role: "FAMILY" } });
  await call(KARI, `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`, {
    input: { caseId, subjectId: SOFIE, givenById: KARI, capacity: "GUARDIAN", services: ["HELSE"], categories: ["STAFETTLOGG"], childView: "Greit." },
  });
  await call(OPENER, `mutation { markNotificationsRead(all: true) }`);

  // The SSE client: the moment each event with a new notification arrives.
  const sseArrivals: number[] = [];
  sse = createClient({ url: gatewayUrl, headers: { authorization: `Bearer ${await tokenOf(OPENER)}` }, retryAttempts: 0 });
  sse.subscribe<{ notificationsUpdated: { added: unknown[] } }>(
    { query: "subscription { notificationsUpdated { unreadCount added { id } } }" },
    { next: (r) => void ((r.data?.notificationsUpdated.added.length ?? 0) > 0 && sseArrivals.push(Date.now())), error: () => undefined, complete: () => undefined },
  );

  const page = await (await browser.newContext({ locale: "nb-NO" })).newPage();
  await signInAtProvider(page, webUrl, { employee: /^Marte Fossum/ });
  await page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Varsler", exact: true }).waitFor();
  // In the page: the wall-clock moment the badge's count (its words for screen readers) last changed.
  await page.evaluate(() => {
    const w = window as unknown as { badgeAt: Record<string, number> };
    w.badgeAt = {};
    new MutationObserver(() => {
      const text = document.querySelector('nav a[href="/varsler"]')?.textContent ?? "";
      const count = /(\d+) uleste/.exec(text)?.[1];
      if (count && w.badgeAt[count] === undefined) w.badgeAt[count] = Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  say(`signed in as Marte; ${config.runs} runs`);
  load.push(os.loadavg()[0]!);
  for (let run = 1; run <= config.runs; run++) {
    const sseBefore = sseArrivals.length;
    await call(HEALTH, `mutation ($caseId: ID!, $text: String!) { appendStafettlogg(caseId: $caseId, input: { kind: NOTE, text: $text }) { id } }`, { caseId, text: `Notat ${run}` });
    const answeredAt = Date.now();
    // A badge that never shows the count within the bound is counted as missed, not waited for.
    const shownAt = await page
      .waitForFunction((n) => (window as unknown as { badgeAt: Record<string, number> }).badgeAt[String(n)] ?? false, run, { timeout: RUN_TIMEOUT_MS })
      .then(async (handle) => (await handle.jsonValue()) as number)
      .catch(() => null);
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (sseArrivals.length === sseBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    if (sseArrivals.length === sseBefore) throw new Error(`Run ${run}: the SSE client heard nothing within ${RUN_TIMEOUT_MS} ms.`);
    if (shownAt === null) browserMissed += 1;
    else browserMs.push(Math.max(0, shownAt - answeredAt));
    sseMs.push(Math.max(0, sseArrivals[sseBefore]! - answeredAt));
  }
  load.push(os.loadavg()[0]!);
} finally {
  sse?.dispose();
  await browser.close();
  await federation.stop();
}

const ms = (value: number) => `${Math.round(value)}`;
const row = (what: string, samples: number[]) => {
  if (samples.length === 0) return `| ${what} | – | – | – | ≤ ${TARGET_P95_MS} ms: NOT met |`;
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return `| ${what} | ${ms(percentile(sorted, 50))} ms | ${ms(p95)} ms | ${ms(sorted.at(-1)!)} ms | ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? "met" : "NOT met"} |`;
};
console.log(`\n## Live notifications (npm run bench:notify)\n`);
console.log(
  `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, \`${config.commandLine}\`: on ${databases}; the development identity provider; the built app (trusted documents); Debian's Chromium (headless) signed in as Marte Fossum on Mine saker, and an SSE client as Marte; ${config.runs} stafettlogg entries by Ragnhild Eide, each timed from its mutation's answer to the event.\n`,
);
console.log("| answer → | p50 | p95 | max | target (p95) |");
console.log("|---|---|---|---|---|");
console.log(row("the browser's badge shows the new count", browserMs));
console.log(row("the SSE client's event", sseMs));
if (browserMissed > 0) console.log(`\nThe badge missed ${browserMissed} of ${config.runs} runs (no new count within ${RUN_TIMEOUT_MS} ms).`);
console.log(`\nThe machine's load average (1 min) at the first run and after the last: ${load.map((l) => l.toFixed(1)).join(" and ")} on ${os.cpus().length} cores.`);
console.log(`The whole benchmark (build check, the federation's start, sign-in, ${config.runs} runs, its stop): ${((performance.now() - began) / 1000).toFixed(0)} s.`);
