// A coordinator's day in a real browser against the shared federation: Maria
// Holt signs in, finds the Berg family's case in "Mine saker" and, on its
// page, writes a stafettlogg entry and corrects it, plans a meeting and
// records it (a decision that becomes a follow-up, whose status she then
// sets), moves the BTI level with a reason — by keyboard alone — records a
// paper consent form, and proposes handing the baton to Kjetil Bakke, who
// accepts it and attests the form in his own browser session. As the new
// holder he then adds a goal and a follow-up, cancels a meeting, finds a
// colleague by name and adds and removes her, takes a handover back and
// records a consent's withdrawal; and Maria declines a handover offered to
// her. Every step's
// result is read from the page; the case pages pass the support's checks.
//
// Order-proof: the case is opened through the API for this file (about the
// Berg family, as the demo's Berg case is, whose state other suites rely
// on), and closed after it.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { checkPage, describeWithBrowser, focused, focusStartOfPage, tabTo } from "../support/browser.ts";
import { federationWebSuite } from "../support/federation-web.ts";
import { form, section, unfold } from "../../scripts/lib/app-pages.ts";
import { asUser, gateway } from "../support/graphql.ts";

const STEP_TIMEOUT = 120_000;
const DAY_MS = 86_400_000;
/** A day from now as the date inputs take it (the hub wants due dates today or later, in Norway). */
// Days on Oslo's calendar, as the app and the rules count them (the UTC date is a day behind in the hour before Oslo's midnight).
const dayFromNow = (days: number) => new Date(Date.parse(`${todayInOslo()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

describeWithBrowser("a coordinator's day on the case page, against the federation", () => {
  const web = federationWebSuite();
  let caseId: string;
  let maria: { page: Page; consoleErrors: string[] };
  const run = Date.now();
  const title = `Berg – koordinering (nettlesertest ${run})`;

  beforeAll(async () => {
    // A BTI case from a referral, about Mats and his household, with Maria Holt holding the baton; Kjetil Bakke and Tone Hagen take part.
    const subjectIds = ["Mats", "Geir", "Line", "Ida"].map((name) => demoPersonId("berg", name));
    const opened = await gateway<{ openCase: { id: string } }>(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      {
        input: {
          kind: "BTI",
          title,
          subjectIds,
          referral: { kind: "REFERRAL", reference: `Henvisning fra helsestasjonen, nettlesertest ${run}` },
          members: [
            { actorId: "nav-veileder-3", role: "PROFESSIONAL" },
            { actorId: "skole-kontaktlaerer-3", role: "PROFESSIONAL" },
          ],
        },
      },
      await asUser("coordinator"),
    );
    expect(opened.errors).toBeUndefined();
    caseId = opened.data!.openCase.id;
  }, 180_000);

  afterAll(async () => {
    if (!caseId) return;
    // Whoever holds the baton by now closes it (only the holder may).
    for (const user of ["nav-veileder-3", "coordinator"]) {
      const closed = await gateway(`mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Nettlesertesten er ferdig.") { status } }`, { caseId }, await asUser(user, caseId));
      if (!closed.errors) break;
    }
  });

  /** A fresh browser signed in at the provider's page; resolves on "Mine saker", where an employee lands. */
  async function signIn(employee: RegExp): Promise<{ page: Page; consoleErrors: string[] }> {
    const signedIn = await web.signIn({ employee });
    await signedIn.page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();
    return signedIn;
  }

  /** From "Mine saker" to the case's page, by its card. */
  async function openCase(page: Page): Promise<void> {
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title }) });
    await card.getByRole("link", { name: title }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
  }

  const facts = (page: Page) => section(page, "Om saken");

  test(
    "signed in, the case is in Mine saker and its page opens",
    async () => {
      maria = await signIn(/^Maria Holt/);
      await openCase(maria.page);
      expect(new URL(maria.page.url()).pathname).toBe(`/saker/${caseId}`);
      await expect(facts(maria.page).textContent()).resolves.toMatch(/Har stafetten\s*Maria Holt, Samhandling/);
      await expect(section(maria.page, "Stafetten").textContent()).resolves.toContain("Du har stafetten");
    },
    STEP_TIMEOUT,
  );

  test(
    "a stafettlogg entry, and a correction of it appended with the entry it corrects",
    async () => {
      const { page } = maria;
      const log = section(page, "Stafettlogg");
      const text = `Samtale med familien om skolestart (${run})`;
      const write = form(page, "Skriv i stafettloggen");
      await write.getByLabel("Notat", { exact: true }).fill(text);
      await write.getByRole("button", { name: "Lagre i stafettloggen" }).click();
      await page.getByText("Notatet er lagret i stafettloggen.").waitFor();
      const original = log.getByRole("listitem").filter({ hasText: text });
      await original.waitFor();
      const written = (await original.locator(".log-entry__meta").textContent())!.match(/^Notat\s*(.+) · Maria Holt, Samhandling$/)![1]!;

      await original.getByRole("button", { name: "Rett oppføringen" }).click();
      const correct = form(page, `Rett oppføringen fra ${written}`);
      await expect(correct.textContent()).resolves.toContain(text);
      // The keyboard is in the correction's text already.
      expect(await focused(page)).toMatchObject({ tag: "textarea" });
      const correction = `Rettelse: samtalen gjaldt skolebytte, ikke skolestart (${run})`;
      await correct.getByLabel("Rettelse", { exact: true }).fill(correction);
      await correct.getByRole("button", { name: "Lagre rettelsen" }).click();
      await page.getByText("Rettelsen er lagret i stafettloggen.").waitFor();
      const corrected = log.getByRole("listitem").filter({ hasText: correction });
      await corrected.waitFor();
      await expect(corrected.textContent()).resolves.toContain(`Retter oppføring fra ${written}`);
      await expect(original.textContent()).resolves.toMatch(/Rettet\s*Rettet .+\. Se rettelsen lenger ned\./);
      // The form is back to a new entry.
      await form(page, "Skriv i stafettloggen").waitFor();
    },
    STEP_TIMEOUT,
  );

  test(
    "a meeting planned and recorded: its decision becomes a follow-up, whose status is then set",
    async () => {
      const { page } = maria;
      const meetings = section(page, "Møter");
      await expect.poll(() => meetings.textContent()).toContain("Saken har ingen møter ennå.");
      const meetingTitle = `Samarbeidsmøte med familien (${run})`;
      await unfold(meetings, "Planlegg et møte");
      const plan = form(page, "Planlegg et møte");
      await plan.getByRole("button", { name: "Planlegg møtet" }).click();
      await expect.poll(() => plan.textContent()).toContain("Skriv en tittel på møtet.");
      await plan.getByLabel("Tittel").fill(meetingTitle);
      await plan.getByLabel("Når starter møtet?").fill(`${dayFromNow(1)}T10:00`);
      await plan.getByRole("button", { name: "Planlegg møtet" }).click();
      await page.getByText("Møtet er planlagt.").waitFor();
      const meeting = meetings.getByRole("listitem").filter({ has: page.getByRole("heading", { name: meetingTitle }) });
      await expect.poll(() => meeting.textContent()).toContain("Planlagt");

      await meeting.getByRole("button", { name: "Skriv referat" }).click();
      const record = form(page, `Referat fra «${meetingTitle}»`);
      await record.getByRole("button", { name: "Lagre referatet" }).click();
      await expect.poll(() => record.textContent()).toContain("Velg hvem som var med på møtet.");
      await record.getByLabel("Maria Holt").check();
      await record.getByLabel("Kjetil Bakke").check();
      await record.getByLabel("Kort oppsummering (valgfritt)").fill("Familien ønsker tettere kontakt med NAV.");
      await record.getByRole("button", { name: "Legg til en beslutning" }).click();
      const decision = `Geir får hjelp til å søke arbeidstrening (${run})`;
      const followUp = `Avtale møte med jobbspesialist (${run})`;
      await record.getByLabel("Hva ble bestemt?").fill(decision);
      await record.getByLabel("Beslutningen gir en oppfølging med ansvarlig og frist").check();
      await record.getByLabel("Hva skal gjøres?").fill(followUp);
      await record.getByLabel("Hvem har ansvaret?").selectOption({ label: "Maria Holt, Samhandling" });
      await record.getByLabel("Frist", { exact: true }).fill(dayFromNow(7));
      await record.getByRole("button", { name: "Lagre referatet" }).click();
      await meeting.getByText("Referatet er lagret. Beslutningene med oppfølging står i planen.").waitFor();
      await expect.poll(() => meeting.textContent()).toContain("Holdt");
      const held = (await meeting.textContent())!;
      expect(held).toContain("Til stede: Maria Holt, Kjetil Bakke");
      expect(held).toContain(decision);
      expect(held).toContain(`Oppfølging: ${followUp}`);

      // The decision's follow-up is in the plan, and its responsible member sets its status.
      const planSection = section(page, "Plan og oppfølging");
      const item = planSection.getByRole("listitem").filter({ hasText: followUp });
      await item.waitFor();
      await expect(item.textContent()).resolves.toMatch(/Planlagt\s*Maria Holt, Samhandling · frist/);
      await item.getByRole("button", { name: `Endre status for «${followUp}»` }).click();
      const status = form(page, `Status for «${followUp}»`);
      await status.getByLabel("Ny status").selectOption({ label: "Pågår" });
      await status.getByRole("button", { name: "Lagre status" }).click();
      await page.getByText("Status er endret til «Pågår».").waitFor();
      await expect.poll(() => item.textContent()).toMatch(/^.*Pågår\s*Maria Holt/);
    },
    STEP_TIMEOUT,
  );

  test(
    "the BTI level moved with a reason, by keyboard alone",
    async () => {
      const { page } = maria;
      await expect(facts(page).textContent()).resolves.toMatch(/BTI-nivå\s*Nivå 0/);
      await focusStartOfPage(page);
      await tabTo(page, (f) => f.tag === "summary" && f.text === "Endre BTI-nivå", "the level form's fold", 60);
      await page.keyboard.press("Enter");
      const levelField = page.getByLabel("Nytt nivå");
      const reasonField = page.getByLabel("Begrunnelse", { exact: true });
      await levelField.waitFor();
      const [levelId, reasonId] = await Promise.all([levelField.getAttribute("id"), reasonField.getAttribute("id")]);
      // The new level offered first is the next one up: 1.
      await tabTo(page, (f) => f.id === levelId, "the level");
      await expect(levelField.inputValue()).resolves.toBe("1");
      await tabTo(page, (f) => f.id === reasonId, "the reason");
      const reason = `Skolen og NAV følger opp familien sammen (${run}).`;
      await page.keyboard.type(reason);
      await tabTo(page, (f) => f.tag === "button" && f.text === "Lagre nytt nivå", "the save button");
      await page.keyboard.press("Enter");
      await page.getByText("Saken er flyttet til nivå 1.").waitFor();
      await expect.poll(() => facts(page).textContent()).toMatch(/BTI-nivå\s*Nivå 1/);
      const level = section(page, "BTI-nivå");
      await expect(level.textContent()).resolves.toContain("Nivå 1 – tiltak i egen tjeneste");
      await unfold(level, "Tidligere nivåbeslutninger (1)");
      await expect(level.textContent()).resolves.toMatch(/fra nivå 0 til nivå 1 \(Samhandling\)/);
      await expect(level.textContent()).resolves.toContain(`Begrunnelse: ${reason}`);
    },
    STEP_TIMEOUT,
  );

  test(
    "a paper consent form recorded with its reference: it waits for a second member",
    async () => {
      const { page } = maria;
      const consents = section(page, "Samtykker i saken");
      await expect.poll(() => consents.textContent()).toContain("Ingen samtykker eller nektelser er registrert i saken.");
      await unfold(consents, "Registrer samtykke fra papirskjema");
      const record = form(page, "Registrer samtykke fra papirskjema");
      await record.getByLabel("Hvem gjelder samtykket?").selectOption({ label: "Geir Berg" });
      await record.getByRole("group", { name: "Hvilke tjenester gjelder samtykket?" }).getByLabel("NAV").check();
      await record.getByRole("group", { name: "Hvilke opplysninger gjelder samtykket?" }).getByLabel("tjenestens opplysninger").check();
      await record.getByRole("button", { name: "Registrer samtykket" }).click();
      await expect(record.textContent()).resolves.toContain("Skriv hvor skjemaet er arkivert.");
      await record.getByLabel("Skjemaets referanse").fill(`Arkiv 2026/${run}`);
      await record.getByRole("button", { name: "Registrer samtykket" }).click();
      await page.getByText("Samtykket er registrert og venter på bekreftelse fra et annet medlem av saken.").waitFor();
      const consent = consents.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Samtykke om Geir Berg" }) });
      await consent.waitFor();
      const text = (await consent.textContent())!;
      expect(text).toContain("Venter på bekreftelse – gjelder ikke ennå");
      expect(text).toContain(`Signert papirskjema – arkivert som Arkiv 2026/${run}`);
      expect(text).toContain("Geir Berg, for seg selv");
      // The one who recorded the form does not attest it.
      await expect(consent.getByRole("button", { name: "Bekreft skjemaet" }).count()).resolves.toBe(0);
    },
    STEP_TIMEOUT,
  );

  test(
    "the baton proposed to Kjetil Bakke, who accepts it — and attests the form — in his own session",
    async () => {
      const { page } = maria;
      const baton = section(page, "Stafetten");
      await unfold(baton, "Foreslå ny stafettholder");
      const propose = form(page, "Foreslå ny stafettholder");
      await propose.getByLabel("Hvem skal overta stafetten?").selectOption({ label: "Kjetil Bakke, NAV" });
      await propose.getByLabel("Hva ønsker barnet eller familien?").fill("Familien ønsker NAV-veilederen de kjenner.");
      await propose.getByRole("button", { name: "Send forslaget" }).click();
      await page.getByText("Forslaget er sendt. Du har stafetten til den nye har svart.").waitFor();
      await page.getByText("Overlevering til Kjetil Bakke venter på svar").waitFor();
      await expect(baton.textContent()).resolves.toContain("Familiens ønske: «Familien ønsker NAV-veilederen de kjenner.»");
      await expect.poll(() => facts(page).textContent()).toMatch(/Overlevering\s*Venter på svar fra Kjetil Bakke/);
      await checkPage(page, "koordinatorens-dag", maria.consoleErrors);

      const kjetil = await signIn(/^Kjetil Bakke/);
      await openCase(kjetil.page);
      const his = section(kjetil.page, "Stafetten");
      await his.getByRole("heading", { name: "Du er foreslått som ny stafettholder" }).waitFor();
      await expect(his.textContent()).resolves.toContain("Familiens ønske: «Familien ønsker NAV-veilederen de kjenner.»");
      await his.getByRole("button", { name: "Ta imot stafetten" }).click();
      await kjetil.page.getByText("Du har tatt imot stafetten. Nå har du den.").waitFor();
      await expect.poll(() => facts(kjetil.page).textContent()).toMatch(/Har stafetten\s*Kjetil Bakke, NAV/);
      await expect.poll(() => his.textContent()).toContain("Du har stafetten");
      await unfold(his, "Tidligere overleveringer (1)");
      await expect(his.textContent()).resolves.toMatch(/fra Maria Holt til Kjetil Bakke – tatt imot/);

      // A second member who has seen the signed form attests it: from now on it counts.
      const consent = section(kjetil.page, "Samtykker i saken").getByRole("listitem").filter({ has: kjetil.page.getByRole("heading", { name: "Samtykke om Geir Berg" }) });
      await consent.getByRole("button", { name: "Bekreft skjemaet" }).click();
      await kjetil.page.getByText("Skjemaet er bekreftet. Samtykket gjelder nå.").waitFor();
      await expect.poll(() => consent.textContent()).toMatch(/^Samtykke om Geir BergGjelder/);
      await expect(consent.textContent()).resolves.toMatch(/Bekreftet av\s*Kjetil Bakke/);
      await checkPage(kjetil.page, "koordinatorens-dag-ny-stafettholder", kjetil.consoleErrors);
      await kjetil.page.context().close();

      // The hub agrees: Kjetil holds the baton, the consent counts.
      const state = await gateway<{ case: { holder: { displayName: string } }; consents: { active: boolean; formReference: string }[] }>(
        `query ($id: ID!) { case(id: $id) { holder { displayName } } consents(caseId: $id) { active formReference } }`,
        { id: caseId },
        await asUser("coordinator", caseId),
      );
      expect(state.errors).toBeUndefined();
      expect(state.data!.case.holder.displayName).toBe("Kjetil Bakke");
      expect(state.data!.consents).toEqual([{ active: true, formReference: `Arkiv 2026/${run}` }]);
      await maria.page.context().close();
    },
    STEP_TIMEOUT,
  );

  test(
    "the new holder's other actions: a goal and a follow-up under it, a meeting cancelled, a member added and removed, a handover taken back, a withdrawal recorded",
    async () => {
      const { page, consoleErrors } = await signIn(/^Kjetil Bakke/);
      await openCase(page);

      const plan = section(page, "Plan og oppfølging");
      await expect.poll(() => plan.textContent()).toContain("Planen har ingen mål ennå.");
      const goal = `Geir er i arbeidstrening to dager i uka (${run})`;
      await unfold(plan, "Legg til et mål");
      const goalForm = form(page, "Legg til et mål");
      await goalForm.getByLabel("Målet", { exact: true }).fill(goal);
      await goalForm.getByLabel("Kort eller lang sikt?").selectOption({ label: "lang sikt" });
      await goalForm.getByRole("button", { name: "Legg til målet" }).click();
      await page.getByText("Målet er lagt til i planen.").waitFor();
      const goalItem = plan.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: goal }) });
      await expect.poll(() => goalItem.textContent()).toContain("Familiens prioritet 1 · lang sikt · arbeides med");

      const measure = `Søke om arbeidstrening hos Fjordvik IL (${run})`;
      await unfold(plan, "Legg til en oppfølging");
      const followUpForm = form(page, "Legg til en oppfølging");
      await followUpForm.getByLabel("Hva skal gjøres?").fill(measure);
      await followUpForm.getByLabel("Hvem har ansvaret?").selectOption({ label: "Kjetil Bakke, NAV" });
      await followUpForm.getByLabel("Frist").fill(dayFromNow(14));
      await followUpForm.getByLabel("Hvilket mål hører den til?").selectOption({ label: goal });
      await followUpForm.getByRole("button", { name: "Legg til oppfølgingen" }).click();
      await page.getByText("Oppfølgingen er lagt til.").waitFor();
      // Under its goal, with who is responsible.
      const measureItem = goalItem.getByRole("listitem").filter({ hasText: measure });
      await expect.poll(() => measureItem.textContent()).toMatch(/Planlagt\s*Kjetil Bakke, NAV · frist/);

      const meetings = section(page, "Møter");
      const meetingTitle = `Møte som blir avlyst (${run})`;
      await unfold(meetings, "Planlegg et møte");
      const schedule = form(page, "Planlegg et møte");
      await schedule.getByLabel("Tittel").fill(meetingTitle);
      await schedule.getByLabel("Når starter møtet?").fill(`${dayFromNow(3)}T13:30`);
      await schedule.getByRole("button", { name: "Planlegg møtet" }).click();
      const meeting = meetings.getByRole("listitem").filter({ has: page.getByRole("heading", { name: meetingTitle }) });
      await meeting.getByRole("button", { name: "Avlys møtet" }).click();
      await meeting.getByText("Møtet er avlyst.").waitFor();
      await expect.poll(() => meeting.textContent()).toMatch(/^.+Avlyst/);
      await expect(meeting.getByRole("button").count(), "nothing more to do with a cancelled meeting").resolves.toBe(0);

      // A colleague found by name in another service; a name too short or no one's is said plainly.
      const members = section(page, "Medlemmer");
      await unfold(members, "Legg til en ansatt");
      const add = form(page, "Legg til en ansatt");
      await add.getByRole("button", { name: "Legg til", exact: true }).click();
      await add.getByText("Søk etter den ansatte, og velg hvem du vil legge til.").waitFor();
      const nameField = add.getByLabel("Navn på den ansatte");
      await nameField.fill("L");
      await nameField.press("Enter");
      await add.getByText("Skriv minst to bokstaver av hvert navn du søker på.").waitFor();
      await nameField.fill("Ingen Slikesen");
      await add.getByRole("button", { name: "Søk", exact: true }).click();
      await add.getByText(/^Fant ingen andre aktive ansatte med det navnet/).waitFor();
      await nameField.fill("lise bre");
      await nameField.press("Enter");
      await add.getByLabel("Lise Brekke, Skole og barnehage – PPT Fjordvik").check();
      await add.getByRole("button", { name: "Legg til", exact: true }).click();
      await page.getByText("Lise Brekke er lagt til i saken.").waitFor();
      const lise = members.getByRole("listitem").filter({ hasText: "Lise Brekke" });
      await expect.poll(() => lise.textContent()).toContain("Skole og barnehage · fagperson");
      // The holder ends another's membership.
      await lise.getByRole("button", { name: "Fjern Lise Brekke fra saken" }).click();
      await page.getByText("Lise Brekke er ikke lenger med i saken.").waitFor();
      await expect.poll(() => lise.count()).toBe(0);

      const baton = section(page, "Stafetten");
      await unfold(baton, "Foreslå ny stafettholder");
      const propose = form(page, "Foreslå ny stafettholder");
      await propose.getByLabel("Hvem skal overta stafetten?").selectOption({ label: "Maria Holt, Samhandling" });
      await propose.getByLabel("Hva ønsker barnet eller familien?").fill("Familien vil helst ha Maria tilbake.");
      await propose.getByRole("button", { name: "Send forslaget" }).click();
      await baton.getByRole("heading", { name: "Overlevering til Maria Holt venter på svar" }).waitFor();
      await baton.getByRole("button", { name: "Trekk tilbake forslaget" }).click();
      await expect.poll(() => baton.textContent()).toContain("Du har stafetten");
      await unfold(baton, "Tidligere overleveringer (2)");
      await expect(baton.textContent()).resolves.toMatch(/fra Kjetil Bakke til Maria Holt – trukket tilbake/);

      const consent = section(page, "Samtykker i saken").getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Samtykke om Geir Berg" }) });
      await consent.getByRole("button", { name: "Registrer tilbaketrekking" }).click();
      await page.getByText("Tilbaketrekkingen er registrert. Samtykket gjelder ikke lenger.").waitFor();
      await expect.poll(() => consent.textContent()).toMatch(/^Samtykke om Geir BergTrukket tilbake \d+\. \w+ \d{4}/);

      await checkPage(page, "koordinatorens-dag-resten", consoleErrors);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );

  test(
    "the member a handover is offered to declines it, with a note for the holder",
    async () => {
      // Kjetil (the holder now) offers the baton back to Maria, through the API.
      const maria = (await gateway<{ case: { activeMembers: { id: string; actorId: string | null }[] } }>(
        `query ($id: ID!) { case(id: $id) { activeMembers { id actorId } } }`,
        { id: caseId },
        await asUser("nav-veileder-3", caseId),
      )).data!.case.activeMembers.find((m) => m.actorId === "samhandling-investeringsleder-1")!;
      const proposed = await gateway(
        `mutation ($caseId: ID!, $to: ID!) { proposeHandover(caseId: $caseId, toMemberId: $to, familyWish: "Familien spør om Maria kan ta stafetten igjen.") { id } }`,
        { caseId, to: maria.id },
        await asUser("nav-veileder-3", caseId),
      );
      expect(proposed.errors).toBeUndefined();

      const { page, consoleErrors } = await signIn(/^Maria Holt/);
      await openCase(page);
      const baton = section(page, "Stafetten");
      await baton.getByRole("heading", { name: "Du er foreslått som ny stafettholder" }).waitFor();
      const decline = form(page, "Si nei til stafetten");
      await decline.getByLabel("Hvorfor? (valgfritt, vises for den som har stafetten)").fill("Jeg har ikke kapasitet før i februar.");
      await decline.getByRole("button", { name: "Si nei" }).click();
      await page.getByText("Du har sagt nei. Stafetten blir der den er.").waitFor();
      await expect.poll(() => baton.textContent()).toContain("Kjetil Bakke, NAV, har stafetten.");
      await unfold(baton, "Tidligere overleveringer (3)");
      await expect(baton.textContent()).resolves.toMatch(/fra Kjetil Bakke til Maria Holt – sagt nei til.*Begrunnelse: Jeg har ikke kapasitet før i februar\./);
      await checkPage(page, "koordinatorens-dag-si-nei", consoleErrors);
      await page.context().close();
    },
    STEP_TIMEOUT,
  );
});
