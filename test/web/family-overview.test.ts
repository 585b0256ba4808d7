// The family overview in a real browser, for every service with a view of a
// person in the catalog: a column each, in the catalog's order and words, and
// in every cell the access words for how access was decided — granted,
// involvement only (the front door the service names), restricted. A service
// with no detail view of its own (as one just added by `npm run new-service`)
// shows the generic cell: the access words, and where granted whom to call.
// The component is rendered as the app renders it (React, the app's message
// catalog, its built styles) into a page that axe, the reflow check and the
// console check see like any other (test/support/browser.ts).
import fs from "node:fs";
import path from "node:path";
import { createElement, type FunctionComponent, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { serviceEntry, VIEW_SERVICES, type ViewService } from "../../services/kit/catalog.ts";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { accessWords } from "../../web/src/cases/access.ts";
import type { AccessReason, AccessStatus, OverviewViewsFragment } from "../../web/src/graphql/generated/graphql.ts";
import { translator } from "../../web/src/i18n/messages.ts";
import { checkPage, consoleErrorsOf, describeWithBrowser, launchChromium, VIEWPORTS } from "../support/browser.ts";

/** What every service's view has (OverviewViews.graphql). */
type View = NonNullable<OverviewViewsFragment[ViewService]>;
/** A subject as the overview takes it: who, and the views (the fragment's fields at run time). */
type OverviewSubject = { id: string; givenName: string; familyName: string; age: number };

// The app's components, loaded as the test runner's bundler loads the app's: the repository's type-check
// compiles no JSX (web/tsconfig.json checks these files), so their props are restated here.
const modules = { overview: "../../web/src/cases/FamilyOverview.tsx", i18n: "../../web/src/i18n/I18nProvider.tsx" };
const { FamilyOverview, OverviewCell } = (await import(/* @vite-ignore */ modules.overview)) as {
  FamilyOverview: FunctionComponent<{ subjects: readonly OverviewSubject[] }>;
  OverviewCell: FunctionComponent<{ title: string; view: View }>;
};
const { I18nProvider } = (await import(/* @vite-ignore */ modules.i18n)) as { I18nProvider: FunctionComponent<{ children: ReactNode }> };

const t = translator("nb");
const STATES: { status: AccessStatus; reason: AccessReason }[] = [
  { status: "GRANTED", reason: "CONSENT" },
  { status: "INVOLVEMENT_ONLY", reason: "CONSENT" },
  { status: "RESTRICTED", reason: "NO_CONSENT" },
];
const CONTACT = { name: "Kari Nordmann", role: "kontaktperson", phone: "+47 400 00 001" };

/** A view as the API gives it under `access`: the involvement layer's fields, and under INVOLVEMENT_ONLY the front door as contact. */
function viewOf(service: ViewService, access: (typeof STATES)[number]): View {
  const door = serviceEntry(service).frontDoor!;
  const contact = access.status === "GRANTED" ? CONTACT : access.status === "INVOLVEMENT_ONLY" ? { name: door.name, role: null, phone: door.phone } : null;
  // The common fields only: a detail view finds its own fields absent, as when its service has nothing to add.
  return { access, involved: access.status === "RESTRICTED" ? null : true, contact } as View;
}

/** Two subjects; each service's cell in a different state for each, so every state shows in every column across the rows. */
const SUBJECTS = ["Ida Berg", "Mats Berg"].map((name, row): OverviewSubject => {
  const [givenName, familyName] = name.split(" ") as [string, string];
  const views = Object.fromEntries(VIEW_SERVICES.map((s, i) => [s, viewOf(s, STATES[(i + row) % STATES.length]!)]));
  // The fragment's masked reference is the view fields themselves at run time (readFragment returns its argument).
  return { id: `person-${row}`, givenName, familyName, age: 17 - row * 6, ...views };
});

const page = (title: string, body: ReactElement) => {
  const css = fs
    .readdirSync(path.join(ROOT_DIR, "web", "dist", "assets"))
    .filter((f) => f.endsWith(".css"))
    .map((f) => fs.readFileSync(path.join(ROOT_DIR, "web", "dist", "assets", f), "utf8"))
    .join("\n");
  const html = renderToStaticMarkup(createElement(I18nProvider, { children: body }));
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${title} – Samhandling</title><style>${css}</style></head><body><main><h1>${title}</h1>${html}</main></body></html>`;
};

describeWithBrowser("the family overview, for every service in the catalog", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string): Promise<{ tab: Page; consoleErrors: string[] }> {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: "nb-NO" });
    const tab = await context.newPage();
    const consoleErrors = consoleErrorsOf(tab);
    await tab.setContent(html);
    return { tab, consoleErrors };
  }

  test("a column for every view service, with the access words in every cell", async () => {
    const { tab, consoleErrors } = await open(page("Familieoversikt", createElement(FamilyOverview, { subjects: SUBJECTS })));
    expect(await tab.getByRole("columnheader").allTextContents()).toEqual(["Person", ...VIEW_SERVICES.map((s) => serviceEntry(s).title.nb)]);
    for (const [row, subject] of SUBJECTS.entries()) {
      const cells = tab.getByRole("row", { name: new RegExp(`^${subject.givenName} ${subject.familyName}`) }).getByRole("cell");
      expect(await cells.count()).toBe(VIEW_SERVICES.length);
      for (const [i, service] of VIEW_SERVICES.entries()) {
        const state = STATES[(i + row) % STATES.length]!;
        const view = viewOf(service, state);
        const words = accessWords(t, state, view.involved, view.contact);
        const text = (await cells.nth(i).textContent())!;
        expect(text, `${service}, ${state.status}`).toContain(words.headline);
        if (state.status === "GRANTED") expect(text, service).toContain(t("view.contact", { contact: `${CONTACT.name}, ${CONTACT.role}, ${CONTACT.phone}` }));
        if (state.status === "INVOLVEMENT_ONLY") expect(text, service).toContain(serviceEntry(service).frontDoor!.phone);
        if (state.status === "RESTRICTED") expect(text, service).not.toContain(CONTACT.name);
      }
    }
    await checkPage(tab, "familieoversikt-katalog", consoleErrors);
  });

  test("a service with no detail view: the generic cell — access words, and where granted whom to call", async () => {
    const title = "PP-tjenesten";
    const door = { name: "Koordinerende enhet, Fjordvik kommune", role: null, phone: "+47 400 06 000" };
    const cells = [
      { access: STATES[0]!, involved: true, contact: CONTACT },
      { access: STATES[0]!, involved: false, contact: null },
      { access: STATES[1]!, involved: true, contact: door },
      { access: STATES[2]!, involved: null, contact: null },
    ] as View[];
    const table = createElement(
      "table",
      { className: "overview" },
      createElement("caption", null, title),
      createElement("tbody", null, ...cells.map((view, i) => createElement("tr", { key: i }, createElement(OverviewCell, { title, view })))),
    );
    const { tab, consoleErrors } = await open(page("Generisk celle", table));
    const texts = await tab.getByRole("cell").allTextContents();
    expect(texts).toEqual([
      `${title}Samtykke gitt${t("view.contact", { contact: `${CONTACT.name}, ${CONTACT.role}, ${CONTACT.phone}` })}`,
      `${title}Samtykke gitt${t("view.notInvolved")}`,
      `${title}Bare involvering — ring ${door.name}, ${door.phone}${t("access.involvementOnly.basis")}`,
      `${title}Samtykke mangler${t("access.restrictedNote")}`,
    ]);
    await checkPage(tab, "familieoversikt-generisk", consoleErrors);
  });
});
