// The web app as production runs it: a gateway in production mode (only the
// trusted documents of gateway/documents/manifest.json run, introspection off)
// in front of the shared federation's subgraphs, trusting its identity
// provider, and the built app sending document ids only
// (WEB_TRUSTED_DOCUMENTS_ONLY=true). The gateway runs every operation of the
// app by id and refuses what is not trusted; in a browser a coordinator signs
// in, opens Mine saker and the Berg case with its family overview filled, and
// signs out — no address the browser visits on the way carries personal data,
// and afterwards the app's storage holds the language choice at most.
import { afterAll, beforeAll, describe, expect, inject, it, test } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { parse, print } from "graphql";
import { demoCaseId, demoFamilies } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";
import { DEV_IDENTITY_MAPPING } from "../../gateway/config.ts";
import { documentId } from "../../gateway/persisted-documents.ts";
import { VIEW_SERVICES, webPort } from "../../services/kit/catalog.ts";
import { ensureWebBuild } from "../../web/build.ts";
import { appManifest } from "../../web/documents.ts";
import { consoleErrorsOf, describeWithBrowser, launchChromium } from "../support/browser.ts";
import { asUser } from "../support/graphql.ts";
import { startWebApp, type WebApp } from "../support/web-app.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const BERG = demoCaseId("berg");
const BERG_TITLE = "Velferdslab – investeringsteam og familieplan";
/** The one key the app keeps in the browser (web/src/i18n/I18nProvider.tsx). */
const LANGUAGE_KEY = "samhandling.language";

const app = appManifest().operations;
const appId = (name: string) => {
  const op = app.find((o) => o.name === name);
  if (!op) throw new Error(`The app has no operation ${name}.`);
  return op.id;
};

let gw: ExtraGateway;

beforeAll(async () => {
  const shared = inject("gatewayPort");
  gw = await startGateway(shared + 83, {
    NODE_ENV: "production",
    HUB_SIGNING_SECRET: inject("signingSecret"),
    IDENTITY_MAPPING_PATH: DEV_IDENTITY_MAPPING,
    RATE_LIMIT_MAX: "1000",
    // The app's origin: the web port beside the shared gateway, where the provider sends the browser back to.
    CORS_ORIGINS: `http://localhost:${webPort(shared)}`,
  });
}, 120_000);
afterAll(async () => {
  await gw?.stop();
});

describe("a production gateway and the app's operations", () => {
  it("runs every operation of the app by its id (found and trusted; without variables a required one is asked for)", async () => {
    expect(app.length).toBeGreaterThan(0);
    for (const op of app) {
      // Anonymous and without variables: nothing is written or released, but an unknown id would say so.
      const res = await post(gw.url, { documentId: op.id });
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      expect(codes, `${op.name}: ${res.raw}`).not.toContain("PERSISTED_DOCUMENT_NOT_FOUND");
      expect(codes, `${op.name}: ${res.raw}`).not.toContain("PERSISTED_DOCUMENT_REQUIRED");
    }
  });

  it("answers the app's own queries with the coordinator's data", async () => {
    const viewer = await post(gw.url, { documentId: appId("Viewer") }, await asUser("coordinator"));
    expect(viewer.errors, viewer.raw).toBeUndefined();
    expect((viewer.data!.viewer as { kind: string }).kind).toBe("EMPLOYEE");

    const mine = await post(gw.url, { documentId: appId("MyCases"), variables: { first: 100 } }, await asUser("coordinator"));
    expect(mine.errors, mine.raw).toBeUndefined();
    expect((mine.data!.myCasesPage as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id)).toContain(BERG);

    const page = await post(gw.url, { documentId: appId("CasePage"), variables: { id: BERG } }, await asUser("coordinator", BERG));
    expect(page.errors, page.raw).toBeUndefined();
    const subjects = (page.data!.case as { subjects: Record<string, { access: { status: string } } | null>[] }).subjects;
    expect(subjects.length).toBe(4);
    for (const subject of subjects) for (const service of VIEW_SERVICES) expect(subject[service]?.access.status, service).toMatch(/^(GRANTED|INVOLVEMENT_ONLY|RESTRICTED)$/);
  });

  it("refuses a query that is not one of the trusted documents, as text or by its id", async () => {
    const text = "query Everyone { myCases { id subjects { givenName familyName } } }";
    const asText = await post(gw.url, { query: text }, await asUser("coordinator"));
    expect(asText.status).toBe(400);
    expect(asText.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
    expect(asText.data ?? null).toBeNull();

    const byId = await post(gw.url, { documentId: documentId(print(parse(text))) }, await asUser("coordinator"));
    expect(byId.status).toBe(400);
    expect(byId.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_NOT_FOUND");
    expect(byId.data ?? null).toBeNull();

    // Even the text of an operation the app sends: production takes ids only.
    const appText = await post(gw.url, { query: app.find((o) => o.name === "MyCases")!.body }, await asUser("coordinator"));
    expect(appText.errors![0]!.extensions!.code).toBe("PERSISTED_DOCUMENT_REQUIRED");
  });
});

describeWithBrowser("the built app against the production gateway (WEB_TRUSTED_DOCUMENTS_ONLY=true)", () => {
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild((line) => console.log(`[web build] ${line}`));
    const shared = inject("gatewayPort");
    // The development provider of the shared federation signs in (it sends the browser back only to this port); the production gateway answers.
    [web, browser] = await Promise.all([
      startWebApp(
        { port: webPort(shared) },
        { NODE_ENV: "development", GATEWAY_PORT: String(shared), WEB_GATEWAY_URL: gw.url, WEB_OIDC_ISSUER: "", WEB_TRUSTED_DOCUMENTS_ONLY: "true" },
      ),
      launchChromium(),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  /**
   * What must never be in an address: the Berg family's names, person ids and
   * national ids, and the coordinator's name and id — each as a word of its
   * own, so a random state or code that happens to hold "Ida" is no finding.
   */
  function personalData(): RegExp[] {
    const berg = demoFamilies.find((f) => f.key === "berg")!;
    const coordinator = demoUser("coordinator")!.claims;
    const words = [...berg.persons.flatMap((p) => [p.givenName, p.familyName, p.personId, p.nationalId]), berg.familyId, ...(coordinator.name ?? "").split(" "), coordinator.sub];
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return [...new Set(words.filter(Boolean))].map((w) => new RegExp(`(?<![A-Za-z0-9])${escape(w)}(?![A-Za-z0-9])`));
  }

  const storage = (page: Page) => page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }));

  test("a coordinator signs in, opens Mine saker and the Berg case, and signs out: ids only to the gateway, no personal data in any address, nothing but the language kept", async () => {
    const context = await browser.newContext({ locale: "nb-NO" });
    const page = await context.newPage();
    const consoleErrors = consoleErrorsOf(page);
    const requests: Request[] = [];
    context.on("request", (request) => requests.push(request));
    // The app's own moves (history.pushState) are no requests: the addresses shown, too.
    const shown: string[] = [];
    page.on("framenavigated", (frame) => shown.push(frame.url()));

    await page.goto(`${web.url}/`);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("heading", { level: 1, name: /^Logg inn i Samhandling/ }).waitFor();
    await page.getByRole("button", { name: /^Maria Holt/ }).click();
    await page.getByRole("heading", { level: 1, name: "Mine saker" }).waitFor();

    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: BERG_TITLE }) });
    await expect(card.textContent()).resolves.toMatch(/Har stafetten\s*Maria Holt, Samhandling/);
    await card.getByRole("link", { name: BERG_TITLE }).click();
    await page.getByRole("heading", { level: 1, name: BERG_TITLE }).waitFor();
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("rowheader").allTextContents()).toEqual(["Geir Berg47 år", "Line Berg44 år", "Ida Berg17 år", "Mats Berg11 år"]);
    // Every cell says how access was decided: every service answered through the production gateway.
    expect(await page.locator("td.overview-cell .access").count()).toBe(4 * VIEW_SERVICES.length);
    const geirHelse = await page.getByRole("row", { name: /^Geir Berg/ }).getByRole("cell").nth(3).textContent();
    expect(geirHelse).toMatch(/^HelseSamtykke gitt/);
    // The stafettlogg (a query of its own) is there too.
    await page.getByRole("heading", { level: 2, name: "Stafettlogg" }).waitFor();

    const signedIn = await storage(page);
    expect(Object.keys(signedIn.local).filter((k) => k !== LANGUAGE_KEY), "only the language in localStorage").toEqual([]);
    expect(signedIn.session, "nothing in sessionStorage while signed in").toEqual({});

    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.getByRole("button", { name: "Ja, logg ut" }).click();
    await page.waitForURL(`${web.url}/`);
    await page.getByRole("button", { name: "Logg inn" }).waitFor();
    const after = await storage(page);
    expect(Object.keys(after.local).filter((k) => k !== LANGUAGE_KEY), "only the language in localStorage after sign-out").toEqual([]);
    expect(after.session, "nothing in sessionStorage after sign-out").toEqual({});

    // The app sent operations as trusted-document ids, never as text.
    const toGateway = requests.filter((r) => r.url() === gw.url && r.method() === "POST");
    expect(toGateway.length).toBeGreaterThanOrEqual(4);
    const sent = toGateway.map((r) => JSON.parse(r.postData() ?? "{}") as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } });
    for (const body of sent) expect(body.query, "no query text").toBeUndefined();
    const trusted = new Set(app.map((o) => o.id));
    for (const body of sent) expect(trusted.has(body.extensions?.persistedQuery?.sha256Hash ?? ""), JSON.stringify(body)).toBe(true);
    // Among them those of the pages visited (the pages may come to send more).
    const ids = new Set(sent.map((b) => b.extensions!.persistedQuery!.sha256Hash));
    for (const name of ["Viewer", "MyCases", "CasePage", "CaseStafettlogg"]) expect(ids.has(appId(name)), name).toBe(true);

    // No address on the way — the app's, the provider's, the gateway's — carries personal data.
    const urls = [...requests.map((r) => r.url()), ...shown].map((u) => decodeURIComponent(u));
    expect(urls.some((u) => u.includes(`/saker/${BERG}`)), "the case page was visited by its opaque id").toBe(true);
    for (const url of urls) {
      for (const secret of personalData()) expect(url, `personal data (${secret.source}) in an address`).not.toMatch(secret);
      expect(url, "an 11-digit number (a national id?) in an address").not.toMatch(/(?<!\d)\d{11}(?!\d)/);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
