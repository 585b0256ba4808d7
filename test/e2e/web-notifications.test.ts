// "Varsler" in a real browser against the shared federation: the unread badge
// beside "Varsler" in the header, the list newest first with "Vis flere",
// marking one read (by keyboard) and all read, a link to the case it
// concerns, and the preferences with the e-mail address (a refused one said at
// the field) — each page checked (axe, reflow, console).
// The notifications come from real changes: a coordinator schedules meetings
// in a case of the test's own, which tells the other member.
import type { Locator } from "playwright-core";
import { expect, test } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { todayInOslo } from "../../services/kit/scalars.ts";
import { BROWSER_TEST_MS, checkPage, describeWithBrowser, focused, focusStartOfPage, tabTo } from "../support/browser.ts";
import { federationWebSuite } from "../support/federation-web.ts";
import { okAs } from "../support/graphql.ts";

const OPENER = "skole-kontaktlaerer-1"; // Marte Fossum
const HEALTH = "helse-helsesykepleier-1"; // Ragnhild Eide, the one told
const LARS = demoPersonId("sandvik", "Lars");
const MEETINGS = 22; // more than a page (20)

const plusDays = (n: number) => new Date(Date.parse(`${todayInOslo()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A case of the test's own about Lars, with Ragnhild in it, and `MEETINGS` meetings scheduled: each tells her. */
async function caseWithMeetings(title: string): Promise<string> {
  const concernId = (await okAs<{ registerConcern: { id: string } }>(OPENER, `mutation ($input: RegisterConcernInput!) { registerConcern(input: $input) { id } }`, { input: { subjectId: LARS, text: "Bekymring (nettlesertest, varsler)." } })).registerConcern.id;
  const caseId = (await okAs<{ openCase: { id: string } }>(OPENER, `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`, { input: { kind: "BTI", title, subjectIds: [LARS], concernId } })).openCase.id;
  await okAs(OPENER, `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`, { caseId, input: { actorId: HEALTH, role: "PROFESSIONAL" } });
  for (let i = 1; i <= MEETINGS; i++) {
    await okAs(OPENER, `mutation ($caseId: ID!, $startsAt: DateTime!) { scheduleMeeting(caseId: $caseId, title: "Møte", startsAt: $startsAt) { id } }`, { caseId, startsAt: `${plusDays(i)}T09:00:00.000Z` });
  }
  return caseId;
}

type Prefs = { notificationPreferences: { kinds: { kind: string; enabled: boolean }[]; email: boolean; emailAddress: string | null } };

/** The words a field's aria-describedby points at: how a screen reader hears its description and its error. */
const describedBy = (field: Locator) =>
  field.evaluate((el) =>
    (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );

describeWithBrowser("notifications in the web app, against the federation", () => {
  const web = federationWebSuite();

  test(
    "Varsler: the badge, the list a page at a time, one read by keyboard, all read, a link to the case, and the preferences",
    async () => {
      const title = `Varsler i nettleseren ${Date.now().toString(36)}`;
      const caseId = await caseWithMeetings(title);
      const { page, consoleErrors } = await web.signIn({ employee: /^Ragnhild Eide/ });
      const nav = page.getByRole("navigation", { name: "Hovedmeny" });

      // The badge: the count for the eye, and in words in the link's name.
      const link = nav.getByRole("link", { name: /^Varsler \d+ uleste$/ });
      await link.waitFor();
      const unreadBefore = Number((await link.textContent())!.match(/(\d+) uleste/)![1]);
      expect(unreadBefore).toBeGreaterThanOrEqual(MEETINGS);
      await link.click();
      await page.getByRole("heading", { level: 1, name: "Varsler", exact: true }).waitFor();
      const list = page.getByRole("region", { name: "Dine varsler" });
      const items = list.getByRole("listitem");
      await items.first().waitFor();
      // Newest first: the last meeting scheduled.
      await expect(items.first().textContent()).resolves.toContain(`Nytt møte i «${title}»`);
      await expect(items.count()).resolves.toBe(20);
      await checkPage(page, "varsler", consoleErrors);

      // Vis flere: the next page below the first.
      await list.getByRole("button", { name: "Vis flere" }).click();
      await expect.poll(() => items.count()).toBeGreaterThan(20);
      await expect(list.getByText(`Nytt møte i «${title}»`, { exact: false }).count()).resolves.toBe(MEETINGS);

      // One marked read by keyboard alone: the badge counts one fewer.
      await focusStartOfPage(page);
      await tabTo(page, (f) => f.tag === "button" && f.text === "Merk som lest", "the first 'Merk som lest'", 60);
      await page.keyboard.press("Enter");
      await page.getByText("Varselet er merket som lest.").waitFor();
      // The button is gone; the keyboard stays at the notification's words.
      await expect.poll(() => focused(page)).toMatchObject({ tag: "p", text: expect.stringContaining(`«${title}»`) });
      await expect.poll(async () => (await nav.getByRole("link", { name: /^Varsler/ }).textContent()) ?? "").toContain(`${Math.min(unreadBefore - 1, 99)}`);

      // All read: no badge, the link's name just "Varsler".
      await list.getByRole("button", { name: "Merk alle som lest" }).click();
      await page.getByText("Alle varslene er merket som lest.").waitFor();
      await list.getByText("Du har ingen uleste varsler.").waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: "Dine varsler" });
      await nav.getByRole("link", { name: "Varsler", exact: true }).waitFor();
      await expect(list.getByText("Ny", { exact: true }).count()).resolves.toBe(0);
      await checkPage(page, "varsler-lest", consoleErrors);

      // Preferences: meetings off, e-mail on — first with an address the hub refuses (said at the field,
      // focus there, nothing saved), then a good one — saved in the hub; then back to the defaults.
      try {
        const prefs = page.getByRole("region", { name: "Hva vil du bli varslet om?" });
        await prefs.getByLabel("Nytt møte", { exact: true }).uncheck();
        await prefs.getByRole("switch", { name: /Send meg også en e-post/ }).check();
        const address = prefs.getByRole("textbox", { name: "E-postadresse" });
        await expect(address.getAttribute("type")).resolves.toBe("email");
        await expect(address.getAttribute("autocomplete")).resolves.toBe("email");
        await address.fill("ragnhild.eide");
        await prefs.getByRole("button", { name: "Lagre valgene" }).click();
        const invalid = "Dette ser ikke ut som en e-postadresse. Skriv den som navn@kommune.no.";
        await prefs.getByText(invalid).waitFor();
        await expect(describedBy(address)).resolves.toContain(invalid);
        await expect.poll(() => focused(page)).toMatchObject({ tag: "input" });
        await expect(address.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
        await expect(prefs.getByText("Valgene dine er lagret.").count()).resolves.toBe(0);
        await expect(prefs.getByText("Noe av det du fylte inn").count()).resolves.toBe(0);
        const unsaved = (await okAs<Prefs>(HEALTH, `{ notificationPreferences { kinds { kind enabled } email emailAddress } }`)).notificationPreferences;
        expect(unsaved.email).toBe(false);
        expect(unsaved.emailAddress).toBeNull();
        await checkPage(page, "varsler-valg-feil", consoleErrors);

        // Fixed by keyboard: the field has the focus; the form is sent with Enter.
        await address.fill("ragnhild.eide@fjordvik.kommune.no");
        await page.keyboard.press("Enter");
        await prefs.getByRole("status").getByText("Valgene dine er lagret.").waitFor();
        await expect(prefs.getByText(invalid).count()).resolves.toBe(0);
        const saved = (await okAs<Prefs>(HEALTH, `{ notificationPreferences { kinds { kind enabled } email emailAddress } }`)).notificationPreferences;
        expect(saved.email).toBe(true);
        expect(saved.emailAddress).toBe("ragnhild.eide@fjordvik.kommune.no");
        expect(saved.kinds.filter((k) => !k.enabled).map((k) => k.kind)).toEqual(["MEETING_SCHEDULED"]);
        await checkPage(page, "varsler-valg", consoleErrors);
      } finally {
        await okAs(HEALTH, `mutation { updateNotificationPreferences(input: { disabledKinds: [], email: false, emailAddress: "" }) { email } }`);
      }

      // The link leads to the case it concerns.
      await items.first().getByRole("link", { name: "Gå til saken" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/saker/${encodeURIComponent(caseId)}`);
      await page.context().close();
    },
    BROWSER_TEST_MS,
  );
});
