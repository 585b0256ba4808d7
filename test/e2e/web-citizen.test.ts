// A citizen's own pages in a real browser against the shared federation,
// signed in through the embedded identity provider: "Mine samtykker" — a
// consent given digitally after a confirmation step, read back through the
// API, then withdrawn after another — and "Hvem har sett", where a look a
// case member took at her data just now shows, in words, newest first. Every
// page passes the support's checks (axe, reflow, console). The consent is
// withdrawn again within the test, so other suites find the case as it was.
import { expect, test } from "vitest";
import { demoCaseId, demoPersonId, demoStaff } from "../../demo/fjordvik.ts";
import { formatDateTime } from "../../web/src/i18n/format.ts";
import { BROWSER_TEST_MS, checkPage, describeWithBrowser } from "../support/browser.ts";
import { federationWebSuite, goTo } from "../support/federation-web.ts";
import { asUser, gateway } from "../support/graphql.ts";

const HAUGLAND = demoCaseId("haugland");
const HAUGLAND_TITLE = "Familieplan – bolig, skole og økonomi";
const SARA = demoPersonId("haugland", "Sara");
const SARA_SIGN_IN = { citizen: /^Sara Haugland, \d+ år/ };

type Consent = { id: string; note: string | null; active: boolean; withdrawnAt: string | null; channel: string; services: string[]; categories: string[] };
const myConsents = async () =>
  (await gateway<{ myConsents: Consent[] }>(`{ myConsents { id note active withdrawnAt channel services categories } }`, {}, await asUser("citizen"))).data!.myConsents;

describeWithBrowser("a citizen's consents and who has seen her data, against the federation", () => {
  const web = federationWebSuite();

  test("Mine samtykker: a consent given digitally after confirming it, then withdrawn after confirming that", async () => {
    const { page, consoleErrors } = await web.signIn(SARA_SIGN_IN);
    await goTo(page, "Mine samtykker");
    await page.getByRole("heading", { level: 2, name: "Gi et nytt samtykke" }).waitFor();
    await checkPage(page, "mine-samtykker", consoleErrors);

    // Nothing chosen: the form says what is missing, at the first field, before anything is sent.
    const form = page.locator("form");
    await form.getByRole("button", { name: "Gå videre" }).click();
    await form.getByText("Velg saken samtykket gjelder.").waitFor();
    await expect(form.getByText("Velg minst én tjeneste.").isVisible()).resolves.toBe(true);

    const note = `Nettlesertest ${Date.now()}`;
    await form.getByLabel("Hvilken sak gjelder det?").selectOption({ label: HAUGLAND_TITLE });
    await form.getByLabel("Meg selv").check();
    await form.getByLabel("Frivillighet", { exact: true }).check();
    await form.getByLabel("Om tjenesten er involvert", { exact: true }).check();
    await form.getByLabel("Merknad (valgfritt)").fill(note);
    await form.getByRole("button", { name: "Gå videre" }).click();
    // The summary in words, before anything is given.
    const question = form.getByRole("group", { name: /^Du samtykker til/ });
    await expect(question.textContent()).resolves.toContain(
      `Du samtykker til at Frivillighet kan dele Om tjenesten er involvert om deg med de andre i saken «${HAUGLAND_TITLE}», til du trekker samtykket tilbake. Er det riktig?`,
    );
    expect((await myConsents()).some((c) => c.note === note), "nothing is given before it is confirmed").toBe(false);
    await checkPage(page, "mine-samtykker-bekreft", consoleErrors);
    await question.getByRole("button", { name: "Ja, gi samtykke" }).click();
    await page.getByText("Samtykket er gitt og gjelder nå.").waitFor();

    // It is the hub's: given digitally, in force at once.
    const given = (await myConsents()).find((c) => c.note === note)!;
    expect(given).toMatchObject({ active: true, withdrawnAt: null, channel: "DIGITAL", services: ["FRIVILLIGHET"], categories: ["INVOLVEMENT"] });
    try {
      // The new consent in plain words.
      const card = page.getByRole("listitem").filter({ hasText: note });
      await card.waitFor();
      const text = (await card.textContent())!;
      expect(text).toMatch(/^Samtykke for deg/);
      for (const words of ["StatusGjelder nå", `Sak${HAUGLAND_TITLE}`, "TjenesterFrivillighet", "Hva som kan delesOm tjenesten er involvert", "TilTil du trekker det tilbake", "HvordanGitt digitalt", "Gitt avdeg"]) {
        expect(text).toContain(words);
      }
      await checkPage(page, "mine-samtykker-gitt", consoleErrors);

      // Withdrawing asks first; "no" keeps it.
      await card.getByRole("button", { name: "Trekk tilbake" }).click();
      await card.getByRole("button", { name: "Nei, behold det" }).click();
      await expect(card.getByRole("button", { name: "Trekk tilbake" }).isVisible()).resolves.toBe(true);
      await card.getByRole("button", { name: "Trekk tilbake" }).click();
      const confirm = card.getByRole("group", { name: /^Vil du trekke tilbake «Samtykke for deg»\?/ });
      await checkPage(page, "mine-samtykker-trekk-tilbake", consoleErrors);
      await confirm.getByRole("button", { name: "Ja, trekk tilbake" }).click();
      await card.getByText("Samtykket er trukket tilbake.").waitFor();
      await expect.poll(async () => (await card.textContent())!).toMatch(/StatusTrukket tilbake \d+\. \w+ \d{4}/);
      await expect(card.getByRole("button", { name: "Trekk tilbake" }).count()).resolves.toBe(0);
    } finally {
      // Withdrawn through the API if the page did not: the shared federation's case as it was.
      const after = (await myConsents()).find((c) => c.id === given.id)!;
      if (!after.withdrawnAt) await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: given.id }, await asUser("citizen"));
    }
    const withdrawn = (await myConsents()).find((c) => c.id === given.id)!;
    expect(withdrawn.active).toBe(false);
    expect(withdrawn.withdrawnAt).not.toBeNull();
    await page.context().close();
  }, BROWSER_TEST_MS);

  test("Mine samtykker: a consent given as guardian for a child of 7 or more carries the child's own view", async () => {
    const { page, consoleErrors } = await web.signIn(SARA_SIGN_IN);
    await goTo(page, "Mine samtykker");
    const form = page.locator("form");
    await form.getByLabel("Hvilken sak gjelder det?").selectOption({ label: HAUGLAND_TITLE });
    // Only herself and the children she holds parental responsibility for, among the case's subjects.
    const choices = await form.getByRole("group", { name: "Hvem gjelder samtykket?" }).getByRole("radio").evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.innerText.replace(/\d+/, "N")));
    expect(choices).toEqual(expect.arrayContaining(["Meg selv", "Jonas Haugland (N år)", "Ella Haugland (N år)", "Noah Haugland (N år)"]));
    expect(choices).toHaveLength(4);

    await form.getByLabel(/^Ella Haugland/).check();
    await form.getByLabel("Skole og barnehage", { exact: true }).check();
    await form.getByLabel("Om tjenesten er involvert", { exact: true }).check();
    const note = `Nettlesertest som forelder ${Date.now()}`;
    await form.getByLabel("Merknad (valgfritt)").fill(note);
    // From 7 the child's own view is asked for, and stops the form while it is missing.
    await form.getByRole("button", { name: "Gå videre" }).click();
    await form.getByText("Skriv hva barnet mener.").waitFor();
    await form.getByLabel("Hva mener barnet?").fill("Det er greit at læreren vet det.");
    await form.getByRole("button", { name: "Gå videre" }).click();
    await form.getByRole("group", { name: /^Du samtykker til at Skole og barnehage kan dele Om tjenesten er involvert om Ella Haugland/ }).getByRole("button", { name: "Ja, gi samtykke" }).click();
    await page.getByText("Samtykket er gitt og gjelder nå.").waitFor();
    const given = (await myConsents()).find((c) => c.note === note)!;
    expect(given).toBeDefined();
    try {
      expect(given).toMatchObject({ active: true, channel: "DIGITAL", services: ["SKOLE"], categories: ["INVOLVEMENT"] });
      const card = page.getByRole("listitem").filter({ hasText: note });
      const text = (await card.textContent())!;
      expect(text).toMatch(/^Samtykke for Ella Haugland/);
      expect(text).toContain("Gitt avdeg, som forelder med foreldreansvar");
      expect(text).toContain("Barnets meningDet er greit at læreren vet det.");
      await checkPage(page, "mine-samtykker-som-forelder", consoleErrors);
    } finally {
      await gateway(`mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: given.id }, await asUser("citizen"));
    }
    await page.context().close();
  }, BROWSER_TEST_MS);

  test("Hvem har sett: a case member's look at her data just now, first, in words; her children's logs below", async () => {
    const { page, consoleErrors } = await web.signIn(SARA_SIGN_IN);
    const since = new Date(Date.now() - 1000).toISOString();
    // A member of her case reads her NAV view through the API, as a coordinator's app would.
    const looked = await gateway(`query ($id: ID!) { person(id: $id) { givenName nav { access { status } } } }`, { id: SARA }, await asUser("nav-veileder-1", HAUGLAND));
    expect(looked.errors).toBeUndefined();
    const { data } = await gateway<{ me: { navAccessLog: { at: string; actorId: string; reason: string }[] } }>(`{ me { navAccessLog { at actorId reason } } }`, {}, await asUser("citizen"));
    const look = data!.me.navAccessLog.find((e) => e.actorId === "nav-veileder-1" && e.at >= since)!;
    expect(look).toBeDefined();

    await goTo(page, "Hvem har sett opplysningene mine");
    const mine = page.getByRole("region", { name: "Opplysningene dine" });
    const entries = mine.getByRole("listitem");
    await entries.first().waitFor();
    // She knows the looker from her case: by name and part in it, and the case by its title.
    const who = `Hvem${demoStaff["nav-veileder-1"]!.displayName}, NAV – koordinator i saken «${HAUGLAND_TITLE}»`;
    // Newest first across the services: that look is among the newest (the page's own request adds the hub's internal
    // checks after it). The seven services' logs arrive one by one, so wait for the merged list to hold it.
    let texts: string[] = [];
    const indexOfLook = async () => {
      texts = await entries.allTextContents();
      return texts.findIndex((text) => text.includes("HvorNAV") && text.includes(who));
    };
    await expect.poll(indexOfLook, { message: "the member's look among the entries" }).toBeGreaterThanOrEqual(0);
    const index = await indexOfLook();
    expect(index, texts.slice(0, 10).join("\n")).toBeLessThan(10);
    const nav = texts[index]!;
    expect(nav).toContain(formatDateTime("nb", look.at));
    expect(nav).toContain(`Sak${HAUGLAND_TITLE}`);
    expect(nav).toContain("ResultatFikk se opplysningene");
    // Her own looks (opening this page is one) and the hub's internal checks only when asked for.
    expect(texts.filter((text) => text.includes("HvemDu selv") || text.includes("i en intern kontroll"))).toEqual([]);
    await checkPage(page, "hvem-har-sett", consoleErrors);
    await mine.getByLabel("Vis også dine egne oppslag og tjenestenes interne kontroller").check();
    await mine.getByText("Du selv", { exact: true }).first().waitFor();

    // Her three children are under 16: their logs are hers to see, each in a section of its own.
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings[0]).toBe("Opplysningene dine");
    expect(headings.slice(1).map((h) => h.replace(/ \(\d+ år\)$/, "")).sort()).toEqual(["Ella Haugland", "Jonas Haugland", "Noah Haugland"]);
    await checkPage(page, "hvem-har-sett-egne", consoleErrors);
    await page.context().close();
  }, BROWSER_TEST_MS);

  test("Hvem har sett reads each service's log a page at a time: looks beyond a service's first page show, in order, each once", async () => {
    // More looks at her NAV data than NAV's first page holds (50, web/src/innsyn/log-pages.ts).
    const LOOKS = 60;
    const since = new Date(Date.now() - 1000).toISOString();
    const viewer = await asUser("nav-veileder-1", HAUGLAND);
    for (let i = 0; i < LOOKS; i++) {
      const looked = await gateway(`query ($id: ID!) { person(id: $id) { nav { access { status } } } }`, { id: SARA }, viewer);
      expect(looked.errors).toBeUndefined();
    }
    const { data } = await gateway<{ me: { navAccessLogPage: { edges: { node: { at: string; actorId: string } }[] } } }>(
      `{ me { navAccessLogPage(first: 100) { edges { node { at actorId } } } } }`,
      {},
      await asUser("citizen"),
    );
    const newLooks = data!.me.navAccessLogPage.edges.filter((e) => e.node.actorId === "nav-veileder-1" && e.node.at >= since);
    expect(newLooks).toHaveLength(LOOKS);

    const { page, consoleErrors } = await web.signIn(SARA_SIGN_IN);
    await goTo(page, "Hvem har sett opplysningene mine");
    const mine = page.getByRole("region", { name: "Opplysningene dine" });
    const entries = mine.getByRole("listitem");
    await entries.first().waitFor();
    await expect(mine.getByText(/^Viser de 25 nyeste\.$/).isVisible()).resolves.toBe(true);
    const who = `Hvem${demoStaff["nav-veileder-1"]!.displayName}`;
    const shownLooks = async () => (await entries.allTextContents()).filter((text) => text.includes("HvorNAV") && text.includes(who)).length;
    // "Vis flere" by keyboard until every new look shows: the last ones are only on NAV's second page.
    const more = mine.getByRole("button", { name: "Vis flere" });
    for (let click = 0; click < 8 && (await shownLooks()) < LOOKS; click++) {
      const before = await entries.count();
      await more.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => entries.count(), { message: "the list grows" }).toBeGreaterThan(before);
    }
    expect(await shownLooks()).toBeGreaterThanOrEqual(LOOKS);
    // Newest first across pages and services: the times shown never go forward down the list.
    const times = await mine.locator("time").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime") ?? ""));
    expect(times.length).toBeGreaterThanOrEqual(LOOKS);
    expect([...times].sort().reverse()).toEqual(times);
    await checkPage(page, "hvem-har-sett-flere-sider", consoleErrors);
    await page.context().close();
  }, BROWSER_TEST_MS);
});
