// The badge and the Varsler list update live in a real browser: Marte (skole)
// has the app open; when Ragnhild (helse) writes in the stafettlogg of a case
// they share, the badge beside "Varsler" counts it without a reload, long
// before the 30-second poll would — and on the Varsler page the new
// notification appears at the top of the list.
import { expect, test } from "vitest";
import { BROWSER_TEST_MS, describeWithBrowser } from "../support/browser.ts";
import { federationWebSuite } from "../support/federation-web.ts";
import { okAs } from "../support/graphql.ts";
import { APPEND, HEALTH, OPENER, sofieCaseWithConsent } from "../support/notification-cases.ts";

/** Well under the poll (UNREAD_POLL_MS, 30 s): only the live stream can be this quick. */
const LIVE_WITHIN_MS = 10_000;

describeWithBrowser("notifications live in the web app, against the federation", () => {
  const web = federationWebSuite();

  test(
    "the badge counts another member's stafettlogg entry without a reload, and the open Varsler list shows it",
    async () => {
      const title = `Levende varsler ${Date.now().toString(36)}`;
      const { caseId } = await sofieCaseWithConsent(title);
      // Marte starts with nothing unread: the badge is absent, the link just "Varsler".
      await okAs(OPENER, `mutation { markNotificationsRead(all: true) }`);
      const { page } = await web.signIn({ employee: /^Marte Fossum/ });
      const nav = page.getByRole("navigation", { name: "Hovedmeny" });
      await nav.getByRole("link", { name: "Varsler", exact: true }).waitFor();

      await okAs(HEALTH, APPEND, { caseId, text: "Samtale med Sofie (nettlesertest)." });
      await expect.poll(async () => (await nav.getByRole("link", { name: /^Varsler/ }).textContent()) ?? "", { timeout: LIVE_WITHIN_MS }).toMatch(/1/);
      await nav.getByRole("link", { name: "Varsler 1 uleste" }).waitFor({ timeout: LIVE_WITHIN_MS });

      // On the Varsler page, a second entry appears at the top of the list, again without a reload.
      await nav.getByRole("link", { name: /^Varsler/ }).click();
      const list = page.getByRole("region", { name: "Dine varsler" });
      const ofCase = list.getByRole("listitem").filter({ hasText: title });
      await ofCase.first().waitFor();
      await expect(ofCase.count()).resolves.toBe(1);
      await okAs(HEALTH, APPEND, { caseId, text: "Ny samtale med Sofie (nettlesertest)." });
      await expect.poll(() => ofCase.count(), { timeout: LIVE_WITHIN_MS }).toBe(2);
      await expect.poll(async () => (await list.getByRole("listitem").first().textContent()) ?? "", { timeout: LIVE_WITHIN_MS }).toContain(title);
      await nav.getByRole("link", { name: "Varsler 2 uleste" }).waitFor({ timeout: LIVE_WITHIN_MS });
    },
    BROWSER_TEST_MS,
  );
});
