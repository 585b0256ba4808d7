// npm run docs:screenshots — the pictures in docs/coordinators-guide.md.
//
// Starts a federation of its own with the demo data on databases created
// afresh (scripts/lib/web-federation.ts, as the web benchmark does), signs in
// at the development provider's page as the demo coordinator (Maria Holt), a
// colleague (Kjetil Bakke) and a demo citizen (Sara Haugland), walks through
// the guide's steps in Debian's Chromium at a desktop width and writes one PNG
// per step to docs/images/coordinators-guide/. Everything it changes is in
// those fresh databases; everything it starts it stops, also when a step
// fails or the whole run takes longer than RUN_LIMIT_MS.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { demoPerson } from "../demo/fjordvik.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { ensureWebBuild } from "../web/build.ts";
import { docsScreenshotsConfig } from "./config.ts";
import { launchChromium } from "./lib/chromium.ts";
import { form, goTo, section, signInAtProvider, unfold, type SignInAs } from "./lib/app-pages.ts";
import { startWebFederation, type WebFederation } from "./lib/web-federation.ts";

/** Where the guide's pictures go (docs/coordinators-guide.md links each). */
const GUIDE_IMAGES_DIR = path.join(ROOT_DIR, "docs", "images", "coordinators-guide");
/** The whole run: the federation's start (minutes on a busy machine), the build check, every step, the stop. */
const RUN_LIMIT_MS = 20 * 60_000;
/** A desktop window: what a coordinator at the office sees. */
const VIEWPORT = { width: 1280, height: 900 };
/** A region taller than this is cut at it, unless a picture asks for more. */
const MAX_HEIGHT = 1100;
/** Room around a region, so the picture does not cut the text at its edge. */
const MARGIN = 16;

const MARIA: SignInAs = { employee: /^Maria Holt/ };
const KJETIL: SignInAs = { employee: /^Kjetil Bakke/ };
const SARA: SignInAs = { citizen: /^Sara Haugland, \d+ år/ };
/** A member of the Haugland family's case, whose look at it shows in Sara's "Hvem har sett". */
const INGRID: SignInAs = { employee: /^Ingrid Solberg/ };
const HAUGLAND_TITLE = "Familieplan – bolig, skole og økonomi";
const BERG_TITLE = "Velferdslab – investeringsteam og familieplan";
const ZAHRA = demoPerson("rahimi", "Zahra");
const ZAHRA_CASE = "Zahra – fravær på skolen";
/** The paper consent form's reference, as the archive would number it. */
const PAPER_FORM = "Samtykkeskjema Velferdslab, sak 2026/0033-9";
const DAY_MS = 86_400_000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const config = docsScreenshotsConfig();
const began = performance.now();
const say = (line: string) => console.error(`[docs:screenshots] ${line}`);

const written: string[] = [];
let running: WebFederation | undefined;
let browser: Browser | undefined;
let stopping: Promise<void> | undefined;
/** Stops what this run started, once, whatever called it. */
const stopAll = () =>
  (stopping ??= (async () => {
    await browser?.close().catch(() => undefined);
    await running?.federation.stop();
  })());

const limit = setTimeout(() => {
  say(`the run took longer than ${RUN_LIMIT_MS / 60_000} min: stopping`);
  void stopAll().finally(() => process.exit(1));
}, RUN_LIMIT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(130)));
}

/** A signed-in page in a context of its own, at the desktop width, in bokmål. */
async function signedIn(appUrl: string, as: SignInAs): Promise<Page> {
  const context = await browser!.newContext({ locale: "nb-NO", viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: "reduce" });
  const page = await context.newPage();
  await signInAtProvider(page, appUrl, as);
  return page;
}

interface ShotOptions {
  /** Cut at the end of this element (within the region) rather than the region's. */
  until?: Locator;
  /** The region's end rather than its top, when it is cut. */
  tail?: boolean;
  maxHeight?: number;
  margin?: number;
}

/** An element's box in the document's coordinates, which a full-page picture's clip is in. */
const documentBox = (element: Locator) =>
  element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });

/**
 * One picture: the window as it is (`page`), or a region of the page with a
 * margin around it, cut at `maxHeight` — its top, or with `tail` its end
 * (where a list's newest items are). Fonts loaded, nothing focused or under
 * the mouse, so a run draws the same picture as the last.
 */
async function shot(name: string, target: Page | Locator, options: ShotOptions = {}): Promise<void> {
  const { tail = false, maxHeight = MAX_HEIGHT, margin = MARGIN } = options;
  const page = "page" in target ? target.page() : target;
  const file = path.join(GUIDE_IMAGES_DIR, `${name}.png`);
  await page.mouse.move(VIEWPORT.width - 1, VIEWPORT.height - 1);
  await page.evaluate(async () => {
    await document.fonts.ready;
    (document.activeElement as HTMLElement | null)?.blur();
  });
  if (target === page) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  } else {
    const region = target as Locator;
    await region.scrollIntoViewIfNeeded();
    const box = await documentBox(region);
    const bottom = options.until ? await documentBox(options.until) : box;
    const x = Math.max(0, box.x - margin);
    const top = Math.max(0, box.y - margin);
    // Cut at an element, the picture ends with it: no margin showing the next one's top.
    const height = Math.min(maxHeight, bottom.y + bottom.height + (options.until ? 1 : margin) - top);
    const y = tail ? box.y + box.height + margin - height : top;
    const clip = { x, y, width: Math.min(VIEWPORT.width - x, box.x + box.width + margin - x), height };
    await page.screenshot({ path: file, fullPage: true, clip, animations: "disabled", caret: "hide" });
  }
  written.push(file);
  say(`${path.relative(ROOT_DIR, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}

async function openCase(page: Page, title: string): Promise<void> {
  if (!(await page.getByRole("heading", { level: 1, name: "Mine saker", exact: true }).isVisible())) await goTo(page, "Mine saker");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  // Every cell of the family overview filled (each says how access was decided).
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll("td.overview-cell")];
    return cells.length > 0 && cells.every((c) => c.textContent?.trim());
  });
}

/** The coordinator's day, in the guide's order. */
async function coordinator(appUrl: string): Promise<void> {
  // 1. Signing in: the app's front page before anyone has.
  const front = await (await browser!.newContext({ locale: "nb-NO", viewport: VIEWPORT, deviceScaleFactor: 1 })).newPage();
  await front.goto(`${appUrl}/`);
  await front.getByRole("button", { name: "Logg inn" }).waitFor();
  await shot("logg-inn", front);
  await front.context().close();

  const page = await signedIn(appUrl, MARIA);

  // 2. Finn person: by name and birth date, then a case from a concern.
  await goTo(page, "Finn person");
  // By number: the date field would be drawn in Chromium's own (American) format here, which Debian ships alone.
  const search = page.getByRole("search", { name: "Søk etter person" });
  await search.getByLabel("Fødselsnummer", { exact: true }).fill(ZAHRA.nationalId);
  await search.getByRole("button", { name: "Søk" }).click();
  const match = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: `${ZAHRA.givenName} ${ZAHRA.familyName}` }) });
  await match.waitFor();
  await shot("finn-person", page);
  await match.getByRole("button", { name: /^Start sak for/ }).click();
  const open = page.getByRole("region", { name: /^Start sak for/ });
  await open.getByLabel("Hva har du lagt merke til?").fill("Zahra har vært borte fra skolen mye de siste ukene, og virker sliten.");
  await open.getByLabel("Navn på saken").fill(ZAHRA_CASE);
  await shot("start-sak", open);
  await open.getByRole("button", { name: "Start saken" }).click();
  await page.getByRole("heading", { level: 1, name: ZAHRA_CASE }).waitFor();

  // 3. Mine saker: the new case at level 0 with its deadline beside the others.
  await goTo(page, "Mine saker");
  await page.getByRole("link", { name: ZAHRA_CASE }).waitFor();
  await shot("mine-saker", page);

  // 4. The BTI level, with a reason the family could read.
  await openCase(page, ZAHRA_CASE);
  // A new case: no consent yet, so every service's cell says so.
  await shot("familien-uten-samtykke", section(page, "Familien – hva du kan se"));
  const level = section(page, "BTI-nivå");
  await unfold(level, "Endre BTI-nivå");
  await level.getByLabel("Begrunnelse", { exact: true }).fill("Skolen følger opp fraværet og snakker med Zahra og foreldrene hver uke.");
  await shot("bti-niva", level);
  await level.getByRole("button", { name: "Lagre nytt nivå" }).click();
  await page.getByText("Saken er flyttet til nivå 1.").waitFor();

  // 5. The Berg family's case: the family overview.
  await openCase(page, BERG_TITLE);
  // Down to the row with an involvement-only cell: the words the guide explains are all above it.
  const overview = section(page, "Familien – hva du kan se");
  await shot("familien", overview, { until: overview.getByRole("row").filter({ hasText: "Bare involvering" }).first(), maxHeight: 1500 });

  // 6. The stafettlogg: an entry, then a correction of it.
  const log = section(page, "Stafettlogg");
  const write = form(page, "Skriv i stafettloggen");
  await write.getByLabel("Notat", { exact: true }).fill("Samtale med Geir og Line om skolestart for Mats.");
  await write.getByRole("button", { name: "Lagre i stafettloggen" }).click();
  await page.getByText("Notatet er lagret i stafettloggen.").waitFor();
  const entry = log.getByRole("listitem").filter({ hasText: "om skolestart for Mats" });
  await entry.getByRole("button", { name: "Rett oppføringen" }).click();
  const correct = form(page, /^Rett oppføringen fra/);
  await correct.getByLabel("Rettelse", { exact: true }).fill("Samtalen gjaldt skolebytte for Mats, ikke skolestart.");
  await correct.getByRole("button", { name: "Lagre rettelsen" }).click();
  await page.getByText("Rettelsen er lagret i stafettloggen.").waitFor();
  await shot("stafettlogg", log, { tail: true });

  // 7. A meeting planned, then recorded with a decision that becomes a follow-up.
  const meetings = section(page, "Møter");
  const meetingTitle = "Samarbeidsmøte med familien";
  await unfold(meetings, "Planlegg et møte");
  const plan = form(page, "Planlegg et møte");
  await plan.getByLabel("Tittel").fill(meetingTitle);
  await plan.getByLabel("Når starter møtet?").fill(`${dayFromNow(1)}T10:00`);
  await plan.getByRole("button", { name: "Planlegg møtet" }).click();
  await page.getByText("Møtet er planlagt.").waitFor();
  const meeting = meetings.getByRole("listitem").filter({ has: page.getByRole("heading", { name: meetingTitle }) });
  await meeting.getByRole("button", { name: "Skriv referat" }).click();
  const record = form(page, `Referat fra «${meetingTitle}»`);
  await record.getByLabel("Maria Holt").check();
  await record.getByLabel("Kjetil Bakke").check();
  await record.getByLabel("Kort oppsummering (valgfritt)").fill("Familien ønsker tettere kontakt med NAV.");
  await record.getByRole("button", { name: "Legg til en beslutning" }).click();
  await record.getByLabel("Hva ble bestemt?").fill("Geir får hjelp til å søke arbeidstrening.");
  await record.getByLabel("Beslutningen gir en oppfølging med ansvarlig og frist").check();
  await record.getByLabel("Hva skal gjøres?").fill("Avtale møte med jobbspesialist");
  await record.getByLabel("Hvem har ansvaret?").selectOption({ label: "Kjetil Bakke, NAV" });
  await record.getByLabel("Frist", { exact: true }).fill(dayFromNow(14));
  await shot("mote-referat", record, { maxHeight: 1600, margin: 8 });
  await record.getByRole("button", { name: "Lagre referatet" }).click();
  await meeting.getByText("Holdt").waitFor();

  // 8. The plan: the decision's follow-up is there.
  const planSection = section(page, "Plan og oppfølging");
  await planSection.getByRole("listitem").filter({ hasText: "Avtale møte med jobbspesialist" }).waitFor();
  await shot("plan", planSection);

  // 9. Members: a colleague found by name and chosen, then added.
  const members = section(page, "Medlemmer");
  await unfold(members, "Legg til en ansatt");
  const add = form(page, "Legg til en ansatt");
  await add.getByLabel("Navn på den ansatte").fill("Hanne");
  await add.getByRole("button", { name: "Søk", exact: true }).click();
  await add.getByLabel("Hanne Lie, NAV – NAV Fjordvik").check();
  await shot("medlemmer", members, { tail: true, maxHeight: 700 });
  await add.getByRole("button", { name: "Legg til", exact: true }).click();
  await page.getByText("Hanne Lie er lagt til i saken.").waitFor();

  // 10. A paper consent form: recorded here, attested by another member below.
  const consents = section(page, "Samtykker i saken");
  await unfold(consents, "Registrer samtykke fra papirskjema");
  const paper = form(page, "Registrer samtykke fra papirskjema");
  await paper.getByLabel("Hvem gjelder samtykket?").selectOption({ label: "Geir Berg" });
  await paper.getByRole("group", { name: "Hvilke tjenester gjelder samtykket?" }).getByLabel("NAV").check();
  await paper.getByRole("group", { name: "Hvilke opplysninger gjelder samtykket?" }).getByLabel("tjenestens opplysninger").check();
  await paper.getByLabel("Skjemaets referanse").fill(PAPER_FORM);
  await shot("samtykke-papir", paper, { maxHeight: 1600 });
  await paper.getByRole("button", { name: "Registrer samtykket" }).click();
  await page.getByText("Samtykket er registrert og venter på bekreftelse fra et annet medlem av saken.").waitFor();

  // 11. The baton: proposed to Kjetil Bakke with the family's wish.
  const baton = section(page, "Stafetten");
  await unfold(baton, "Foreslå ny stafettholder");
  const propose = form(page, "Foreslå ny stafettholder");
  await propose.getByLabel("Hvem skal overta stafetten?").selectOption({ label: "Kjetil Bakke, NAV" });
  await propose.getByLabel("Hva ønsker barnet eller familien?").fill("Familien ønsker NAV-veilederen de kjenner.");
  await shot("stafetten-foresla", baton);
  await propose.getByRole("button", { name: "Send forslaget" }).click();
  await page.getByText("Overlevering til Kjetil Bakke venter på svar").waitFor();
  await page.context().close();
}

/** The colleague: the handover waiting for him, and the paper form he attests. */
async function colleague(appUrl: string): Promise<void> {
  const page = await signedIn(appUrl, KJETIL);
  await page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
  await openCase(page, BERG_TITLE);
  const baton = section(page, "Stafetten");
  await baton.getByRole("heading", { name: "Du er foreslått som ny stafettholder" }).waitFor();
  await shot("stafetten-svar", baton);
  const consent = section(page, "Samtykker i saken").getByRole("listitem").filter({ hasText: PAPER_FORM });
  await shot("samtykke-bekreft", consent, { margin: 2 });
  await consent.getByRole("button", { name: "Bekreft skjemaet" }).click();
  // The card itself says so once the list has its new answer (the confirmation may come and go before).
  await consent.getByText("Bekreftet av").waitFor();
  await baton.getByRole("button", { name: "Ta imot stafetten" }).click();
  await page.getByText("Du har tatt imot stafetten. Nå har du den.").waitFor();
  await page.context().close();
}

/** What the family sees: their consents, and who has looked — Ingrid Solberg, who coordinates their case, just now. */
async function citizen(appUrl: string): Promise<void> {
  const ingrid = await signedIn(appUrl, INGRID);
  await openCase(ingrid, HAUGLAND_TITLE);
  await ingrid.context().close();

  const page = await signedIn(appUrl, SARA);
  await goTo(page, "Mine samtykker");
  await page.getByRole("heading", { level: 2, name: "Samtykkene dine" }).waitFor();
  await shot("mine-samtykker", page);
  await goTo(page, "Hvem har sett opplysningene mine");
  await page.getByText(/^Ingrid Solberg/).first().waitFor();
  await shot("hvem-har-sett", page);
  await page.context().close();
}

try {
  ensureWebBuild(say);
  fs.rmSync(GUIDE_IMAGES_DIR, { recursive: true, force: true });
  fs.mkdirSync(GUIDE_IMAGES_DIR, { recursive: true });
  running = await startWebFederation({
    gatewayPort: config.port,
    dataRoot: path.join(ROOT_DIR, "data", "docs-screenshots"),
    databaseTemplate: config.databaseTemplate,
    databasePrefix: "docs_screenshots_",
    logLevel: config.logLevel,
    say,
  });
  browser = await launchChromium(config.chromiumPath);
  await coordinator(running.webUrl);
  await colleague(running.webUrl);
  await citizen(running.webUrl);
} catch (error) {
  process.exitCode = 1;
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${running ? ` (the processes' log: ${path.relative(ROOT_DIR, running.log)})` : ""}`);
} finally {
  await stopAll();
  clearTimeout(limit);
}
if (!process.exitCode) say(`${written.length} pictures in ${path.relative(ROOT_DIR, GUIDE_IMAGES_DIR)}/ in ${((performance.now() - began) / 1000).toFixed(0)} s`);
