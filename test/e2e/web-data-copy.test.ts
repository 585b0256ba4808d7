// "Kopi av opplysningene dine" in a real browser against the shared
// federation: Sara reaches it from the citizen's menu, chooses herself or her
// child by keyboard, and downloads the copy as PDF and as JSON — files the
// browser saves from a Blob, the person's id in no URL. The page passes the
// support's checks (axe WCAG 2.1 AA, reflow at 320 px and 400 %, console).
import fs from "node:fs/promises";
import { expect, test } from "vitest";
import { demoPersonId, fjordvik } from "../../demo/fjordvik.ts";
import { BROWSER_TEST_MS, checkPage, describeWithBrowser } from "../support/browser.ts";
import { federationWebSuite, goTo } from "../support/federation-web.ts";

const SARA = demoPersonId("haugland", "Sara");
const CHILD = fjordvik().registry.guardianship.find((g) => g.guardianId === SARA && g.parentalResponsibility)!.childId;
const SARA_SIGN_IN = { citizen: /^Sara Haugland, \d+ år/ };

describeWithBrowser("a citizen's copy of her data, against the federation", () => {
  const web = federationWebSuite();

  test(
    "Kopi av opplysningene dine: PDF and JSON for herself, JSON for her child chosen by keyboard",
    async () => {
      const { page, consoleErrors } = await web.signIn(SARA_SIGN_IN);
      const urls: string[] = [];
      page.on("request", (r) => urls.push(r.url()));
      await goTo(page, "Kopi av opplysningene dine");
      await page.getByRole("radio", { name: "Meg selv" }).waitFor();
      await checkPage(page, "kopi-av-opplysningene", consoleErrors);

      const save = async (button: string) => {
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
        await page.getByText("Kopien er lastet ned.").waitFor();
        return { name: download.suggestedFilename(), bytes: await fs.readFile((await download.path())!) };
      };
      const pdf = await save("Last ned PDF");
      expect(pdf.name).toMatch(/^kopi-av-opplysningene-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
      const json = await save("Last ned JSON");
      expect(JSON.parse(json.bytes.toString("utf8"))).toMatchObject({ version: 1, person: { id: SARA }, madeFor: { relation: "SELF" } });

      // By keyboard: the child's radio with the arrow keys, then the JSON button.
      await page.getByRole("radio", { name: "Meg selv" }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("radio", { name: /\(barn\)$/ }).first().isChecked()).resolves.toBe(true);
      await page.getByRole("button", { name: "Last ned PDF" }).focus();
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Last ned JSON");
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const child = JSON.parse((await fs.readFile((await download.path())!)).toString("utf8")) as { person: { id: string }; madeFor: { relation: string } };
      expect(child.madeFor.relation).toBe("GUARDIAN");
      expect([CHILD, ...fjordvik().registry.guardianship.filter((g) => g.guardianId === SARA).map((g) => g.childId)]).toContain(child.person.id);

      // Nothing personal in any address the page asked for.
      expect(urls.filter((u) => u.includes(SARA) || u.includes(child.person.id))).toEqual([]);
    },
    BROWSER_TEST_MS,
  );
});
