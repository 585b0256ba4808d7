// The coordinator's first pages in a real browser against the shared
// federation, signed in through the embedded identity provider: "Mine saker",
// the Berg case's family overview in words, and a stafettlogg entry written
// and listed — with the mouse and again by keyboard alone; a citizen's "Mine
// saker". Every page passes the support's checks (axe, reflow, console).
import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { demoCaseId, demoCaseMemberId, demoPersonId } from "../../demo/fjordvik.ts";
import { serviceEntry, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { TEXT_LIMIT } from "../../services/samhandling/input.ts";
import { formatDate } from "../../web/src/i18n/format.ts";
import { checkPage, describeWithBrowser, focused, focusStartOfPage, tabTo } from "../support/browser.ts";
import { federationWebSuite, type SignInAs } from "../support/federation-web.ts";
import { asUser, gateway } from "../support/graphql.ts";

const BERG = demoCaseId("berg");
const BERG_TITLE = "Velferdslab – investeringsteam og familieplan";

describeWithBrowser("a coordinator's cases and the case page, against the federation", () => {
  const web = federationWebSuite();

  /** A fresh browser signed in at the provider's page; resolves on "Mine saker". */
  async function signIn(as: SignInAs): Promise<{ page: Page; consoleErrors: string[] }> {
    const signedIn = await web.signIn(as);
    await signedIn.page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
    return signedIn;
  }

  const caseCard = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title }) });
  /** The overview's cell of one person for one service (columns in catalog order: NAV, Barnevern, Skole og barnehage, Helse, Frivillighet, …). */
  const cell = (page: Page, person: string, column: number) => page.getByRole("row", { name: new RegExp(`^${person}`) }).getByRole("cell").nth(column);
  const HELSE = 3;

  test("Mine saker, the Berg case's overview in words, and a stafettlogg entry written and listed", async () => {
    const { page, consoleErrors } = await signIn({ employee: /^Maria Holt/ });
    expect(new URL(page.url()).pathname).toBe("/saker");

    // The card says what the API says about the case, in words.
    const { data } = await gateway<{ case: { overdueFollowUpCount: number } }>(`query ($id: ID!) { case(id: $id) { overdueFollowUpCount } }`, { id: BERG }, await asUser("coordinator", BERG));
    const overdue = data!.case.overdueFollowUpCount;
    const card = caseCard(page, BERG_TITLE);
    await expect(card.textContent()).resolves.toMatch(/Type sak\s*Investeringsteam/);
    await expect(card.textContent()).resolves.toMatch(/BTI-nivå\s*Nivå 3/);
    await expect(card.textContent()).resolves.toMatch(/Har stafetten\s*Maria Holt, Samhandling/);
    await expect(card.textContent()).resolves.toContain(overdue === 0 ? "Ingen oppfølginger på etterskudd" : overdue === 1 ? "1 oppfølging på etterskudd" : `${overdue} oppfølginger på etterskudd`);
    await checkPage(page, "mine-saker", consoleErrors);

    await card.getByRole("link", { name: BERG_TITLE }).click();
    await page.getByRole("heading", { level: 1, name: BERG_TITLE }).waitFor();
    // The case's opaque id, nothing about the persons, in the address.
    expect(new URL(page.url()).pathname).toBe(`/saker/${BERG}`);
    await page.getByRole("table").waitFor();
    // A column for every service with a view of a person, in the catalog's order and words.
    expect(await page.getByRole("columnheader").allTextContents()).toEqual(["Person", ...VIEW_SERVICES.map((s) => serviceEntry(s).title.nb)]);
    expect(await page.getByRole("rowheader").allTextContents()).toEqual(["Geir Berg47 år", "Line Berg44 år", "Ida Berg17 år", "Mats Berg11 år"]);
    // Ida (17) consented for herself to helse's involvement only: the front door's number, nothing of what helse does.
    await expect(cell(page, "Ida Berg", HELSE).textContent()).resolves.toBe(
      "HelseBare involvering — ring Koordinerende enhet, Fjordvik kommune, +47 400 06 000Samtykket gjelder bare om tjenesten er involvert, ikke hva den gjør.",
    );
    // Geir's consent covers helse's data: the words and the data.
    const geirHelse = (await cell(page, "Geir Berg", HELSE).textContent())!;
    expect(geirHelse).toMatch(/^HelseSamtykke gitt/);
    expect(geirHelse).toContain("Rustjenesten: ");
    await checkPage(page, "sak", consoleErrors);

    // Writing: an empty entry is stopped in the form, with the reason at the field.
    const form = page.getByRole("form", { name: "Skriv i stafettloggen" });
    await form.getByRole("button", { name: "Lagre i stafettloggen" }).click();
    await expect(form.getByText("Skriv notatet før du lagrer.").isVisible()).resolves.toBe(true);
    expect(await focused(page)).toMatchObject({ tag: "textarea" });

    // Too long for the hub: the registry's answer in plain words and its code; what was written stays in the field.
    const tooLong = "x".repeat(TEXT_LIMIT + 1);
    await form.getByLabel("Notat", { exact: true }).fill(tooLong);
    await form.getByRole("button", { name: "Lagre i stafettloggen" }).click();
    await form.getByText("Feilkode: BAD_USER_INPUT").waitFor();
    await expect(form.textContent()).resolves.toContain("Noe av det du fylte inn, kan ikke brukes. Se over feltene og prøv igjen.");
    await expect(form.getByLabel("Notat", { exact: true }).inputValue()).resolves.toBe(tooLong);
    await checkPage(page, "sak-feil-fra-huben", consoleErrors, { expectedConsoleErrors: [] });

    const text = `Avtalt oppfølging med skolen (nettlesertest ${Date.now()})`;
    await form.getByLabel("Hva gjelder notatet?").selectOption({ label: "Beslutning" });
    await form.getByLabel("Notat", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Lagre i stafettloggen" }).click();
    await page.getByText("Notatet er lagret i stafettloggen.").waitFor();
    await expect(form.getByText("Feilkode:").count(), "the earlier error is gone").resolves.toBe(0);
    const entry = page.getByRole("listitem").filter({ hasText: text });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/^Beslutning.*· Maria Holt, Samhandling/);
    await expect(form.getByLabel("Notat", { exact: true }).inputValue()).resolves.toBe("");
    // It is the hub's: read back through the gateway.
    const log = await gateway<{ case: { stafettlogg: { text: string; kind: string }[] } }>(`query ($id: ID!) { case(id: $id) { stafettlogg { text kind } } }`, { id: BERG }, await asUser("coordinator", BERG));
    expect(log.data!.case.stafettlogg).toContainEqual({ text, kind: "DECISION" });
    await checkPage(page, "sak-etter-notat", consoleErrors);
    await page.context().close();
    // Four pages checked (axe, reflow, screenshots) on a case page that carries all its sections.
  }, 120_000);

  test("by keyboard alone: from Mine saker to the case, and an entry written", async () => {
    const { page, consoleErrors } = await signIn({ employee: /^Maria Holt/ });
    await focusStartOfPage(page);
    await tabTo(page, (f) => f.tag === "a" && f.text === BERG_TITLE, "the Berg case's link");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: BERG_TITLE }).waitFor();
    // After the navigation the new page's heading has focus, so the keyboard starts there.
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h1", text: BERG_TITLE });

    const text = `Notat skrevet med tastaturet (${Date.now()})`;
    await tabTo(page, (f) => f.tag === "textarea", "the entry's text");
    await page.keyboard.type(text);
    await tabTo(page, (f) => f.tag === "button" && f.text === "Lagre i stafettloggen", "the save button");
    await page.keyboard.press("Enter");
    await page.getByRole("listitem").filter({ hasText: text }).waitFor();
    await expect(page.getByRole("listitem").filter({ hasText: text }).textContent()).resolves.toMatch(/^Notat/);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  test("a handover of the baton waiting for an answer: for the one it is offered to, and for the holder", async () => {
    const coordinator = await asUser("coordinator", BERG);
    const proposed = await gateway<{ proposeHandover: { id: string } }>(
      `mutation ($caseId: ID!, $to: ID!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: "Familien ønsker NAV-veilederen de kjenner.") { id } }`,
      { caseId: BERG, to: demoCaseMemberId("berg", "nav-veileder-3") },
      coordinator,
    );
    expect(proposed.errors).toBeUndefined();
    try {
      const offered = await signIn({ employee: /^Kjetil Bakke/ });
      await expect(caseCard(offered.page, BERG_TITLE).textContent()).resolves.toMatch(/Overlevering\s*Trenger oppmerksomhet: Stafetten er foreslått overlevert til deg og venter på svaret ditt\./);
      await checkPage(offered.page, "mine-saker-overlevering", offered.consoleErrors);
      await offered.page.context().close();

      const holder = await signIn({ employee: /^Maria Holt/ });
      await expect(caseCard(holder.page, BERG_TITLE).textContent()).resolves.toMatch(/Overlevering\s*Venter på svar fra Kjetil Bakke/);
      await holder.page.context().close();
    } finally {
      // The shared federation's Berg case as it was: one open proposal at a time.
      const cancelled = await gateway(`mutation ($id: ID!) { cancelHandover(handoverId: $id) { status } }`, { id: proposed.data!.proposeHandover.id }, coordinator);
      expect(cancelled.errors).toBeUndefined();
    }
  });

  test("a stafettlogg longer than a page: Vis flere by keyboard, then the list says it ends and keeps the focus there", async () => {
    const teacher = await asUser("skole-kontaktlaerer-3");
    const mats = demoPersonId("berg", "Mats");
    const concern = await gateway<{ registerConcern: { id: string } }>(`mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId: mats, text: "Bekymring (lang logg)." } }, teacher);
    expect(concern.errors).toBeUndefined();
    const title = `BTI – lang stafettlogg (nettlesertest ${Date.now()})`;
    const opened = await gateway<{ openCase: { id: string } }>(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      { input: { kind: "BTI", title, subjectIds: [mats], concernId: concern.data!.registerConcern.id } },
      teacher,
    );
    expect(opened.errors).toBeUndefined();
    const caseId = opened.data!.openCase.id;
    // The concern and 50 notes: the app's page of 50 leaves the last note for "Vis flere".
    const inCase = await asUser("skole-kontaktlaerer-3", caseId);
    for (let i = 1; i <= 50; i++) {
      const res = await gateway(`mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id } }`, { caseId, input: { kind: "NOTE", text: `Langt notat ${i}` } }, inCase);
      expect(res.errors).toBeUndefined();
    }
    const { page, consoleErrors } = await signIn({ employee: /^Tone Hagen/ });
    await caseCard(page, title).getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const log = page.getByRole("region", { name: "Stafettlogg" });
    await log.getByText("Langt notat 49", { exact: true }).waitFor();
    await expect(log.getByText("Langt notat 50", { exact: true }).count()).resolves.toBe(0);
    await checkPage(page, "sak-lang-logg", consoleErrors);

    await focusStartOfPage(page);
    await tabTo(page, (f) => f.tag === "button" && f.text === "Vis flere", "Vis flere", 200);
    await page.keyboard.press("Enter");
    await log.getByText("Langt notat 50", { exact: true }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: "p", text: "Det er ikke flere." });
    await expect(log.getByRole("button", { name: "Vis flere" }).count()).resolves.toBe(0);
    await checkPage(page, "sak-lang-logg-alt", consoleErrors);
    await page.context().close();
  }, 180_000);

  test("a BTI case past its level-0 deadline says so, until level 0 is decided", async () => {
    const teacher = await asUser("skole-kontaktlaerer-3");
    const title = `BTI – bekymring for fravær (nettlesertest ${Date.now()})`;
    // A case starts from a task (issue 17): the teacher's concern, noticed 20 days ago.
    const mats = demoPersonId("berg", "Mats");
    const concern = await gateway<{ registerConcern: { id: string } }>(
      `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`,
      { input: { subjectId: mats, text: "Mye fravær de siste ukene.", noticedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() } },
      teacher,
    );
    expect(concern.errors).toBeUndefined();
    const opened = await gateway<{ openCase: { id: string; levelDeadline: string } }>(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id levelDeadline } }`,
      { input: { kind: "BTI", title, subjectIds: [mats], concernId: concern.data!.registerConcern.id } },
      teacher,
    );
    expect(opened.errors).toBeUndefined();
    const { id, levelDeadline } = opened.data!.openCase;
    try {
      const overdue = await signIn({ employee: /^Tone Hagen/ });
      const card = caseCard(overdue.page, title);
      await expect(card.textContent()).resolves.toMatch(/Type sak\s*BTI-sak/);
      await expect(card.textContent()).resolves.toMatch(/BTI-nivå\s*Nivå 0/);
      await expect(card.textContent()).resolves.toContain(`Nivå 0Trenger oppmerksomhet: Fristen gikk ut ${formatDate("nb", levelDeadline)} – nivå 0 er ikke avgjort`);
      await checkPage(overdue.page, "mine-saker-frist", overdue.consoleErrors);
      await overdue.page.context().close();

      const level = await gateway(`mutation ($caseId: ID!) { changeBtiLevel(caseId: $caseId, level: 1, reason: "Skolen følger opp fraværet sammen med foreldrene.") { btiLevel } }`, { caseId: id }, teacher);
      expect(level.errors).toBeUndefined();
      const decided = await signIn({ employee: /^Tone Hagen/ });
      await expect(caseCard(decided.page, title).textContent()).resolves.toMatch(/BTI-nivå\s*Nivå 1/);
      await expect(caseCard(decided.page, title).textContent()).resolves.not.toContain("Nivå 0");
      await decided.page.context().close();
    } finally {
      const closed = await gateway(`mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Nettlesertesten er ferdig.") { status } }`, { caseId: id }, teacher);
      expect(closed.errors).toBeUndefined();
    }
  });

  test("a case id that is unknown, or of a case the caller takes no part in, reads the same", async () => {
    const { page, consoleErrors } = await signIn({ employee: /^Kjetil Bakke/ });
    const texts: string[] = [];
    for (const caseId of ["c-nosuchcase00", demoCaseId("haugland")]) {
      // In the app (a reload would end the in-memory session): the router follows the address.
      await page.evaluate((path) => {
        history.pushState(null, "", path);
        dispatchEvent(new PopStateEvent("popstate"));
      }, `/saker/${caseId}`);
      await page.getByText("Vi fant ikke saken, eller du er ikke med i den.", { exact: false }).waitFor();
      texts.push((await page.getByRole("main").textContent())!);
    }
    expect(texts[0]).toBe(texts[1]);
    await checkPage(page, "sak-finnes-ikke", consoleErrors);
    await page.context().close();
  });

  test("a citizen's Mine saker shows the cases about her family, and the case page opens", async () => {
    const { page, consoleErrors } = await signIn({ citizen: /^Sara Haugland, \d+ år/ });
    const title = "Familieplan – bolig, skole og økonomi";
    const card = caseCard(page, title);
    await expect(card.textContent()).resolves.toMatch(/Type sak\s*Ansvarsgruppe/);
    // Other suites of the shared federation may have opened cases about her too: hers are listed, this one among them.
    expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toContain(title);
    await checkPage(page, "mine-saker-innbygger", consoleErrors);
    await card.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("table").waitFor();
    // No form for a citizen: only the case's professionals write in the stafettlogg.
    await expect(page.getByRole("button", { name: "Lagre i stafettloggen" }).count()).resolves.toBe(0);
    await checkPage(page, "sak-innbygger", consoleErrors);
    await page.context().close();
  });
});
