// The provider's own pages, server-rendered in bokmål: the development
// sign-in, the sign-out question, signed out, and errors. No scripts and no
// external assets; one inline style sheet, allowed by its hash.
import { createHash } from "node:crypto";
import { isServiceName, serviceEntry } from "../services/kit/catalog.ts";
import { ACR_LEVELS, type AcrLevel } from "./claims.ts";
import type { Account, CitizenAccount, StaffAccount } from "./users.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;color:#1a1a1a;background:#f6f6f4}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{margin-top:2rem;border-bottom:2px solid #c9c9c4}h3{margin:1.25rem 0 .5rem;font-size:1.1rem}
.note{background:#fff4d6;border-left:4px solid #8a6100;padding:.75rem 1rem}
ul{list-style:none;padding:0;margin:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))}
button{font:inherit;text-align:left;width:100%;padding:.6rem .9rem;border:1px solid #5c5c58;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer}
button:hover{background:#eef3fb}
button:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
.detail{display:block;font-size:.9rem;color:#4a4a46}
fieldset{border:1px solid #5c5c58;border-radius:4px;padding:.75rem 1rem;margin:0 0 1rem;background:#fff}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:baseline;margin:.25rem 0}
.actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.5rem}.actions button{width:auto}
a{color:#1f4f9f}
`;

const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

/** Headers for every page: no caching, no framing, nothing loaded from anywhere. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // No form-action: a sign-in form's redirect goes on to the client's redirect URI, which form-action would block.
  "content-security-policy": `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; frame-ancestors 'none'`,
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

const serviceName = (service: string): string => (isServiceName(service) ? serviceEntry(service).title.nb : service);

const ACR_LABELS: Record<AcrLevel, string> = {
  "idporten-loa-substantial": "Betydelig (idporten-loa-substantial), som MinID",
  "idporten-loa-high": "Høyt (idporten-loa-high), som BankID – kreves for å gi eller trekke tilbake samtykke",
};

function accountButton(value: string, name: string, detail: string): string {
  return `<li><button type="submit" name="account" value="${escapeHtml(value)}">${escapeHtml(name)}<span class="detail">${escapeHtml(detail)}</span></button></li>`;
}

function grouped<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** One button per person: a click (or Enter on it) signs in as them. */
function staffSection(id: string, heading: string, intro: string, staff: StaffAccount[], action: string): string {
  const lists = [...grouped(staff, (s) => s.service)].map(
    ([service, people]) =>
      `<h3>${escapeHtml(serviceName(service))}</h3>\n<ul>${people.map((s) => accountButton(s.accountId, s.name, [s.title, s.unit].filter(Boolean).join(", "))).join("\n")}</ul>`,
  );
  return `<section aria-labelledby="${id}">
<h2 id="${id}">${heading}</h2>
<p>${intro}</p>
<form method="post" action="${escapeHtml(action)}">
${lists.join("\n")}
</form>
</section>`;
}

const radio = (name: string, id: string, value: string, label: string, extra = ""): string =>
  `<div class="choice"><input type="radio" name="${name}" id="${id}" value="${escapeHtml(value)}"${extra}><label for="${id}">${label}</label></div>`;

/**
 * A form of its own with radio buttons and one submit button: the person and
 * the level are chosen together, and Enter on either submits exactly that
 * choice (a person must be chosen; the browser says so otherwise).
 */
function citizenSection(citizens: CitizenAccount[], acr: AcrLevel, action: string): string {
  const levels = ACR_LEVELS.map((level) => radio("acr", `acr-${level}`, level, escapeHtml(ACR_LABELS[level]), level === acr ? " checked" : "")).join("\n");
  let first = true;
  const families = [...grouped(citizens, (c) => c.familyName)].map(([family, people]) => {
    const choices = people.map((c) => {
      const choice = radio("account", `person-${c.nationalId}`, c.nationalId, `${escapeHtml(`${c.name}, ${c.age} år`)}<span class="detail">fødselsnummer ${escapeHtml(c.nationalId)}</span>`, first ? " required" : "");
      first = false;
      return choice;
    });
    return `<fieldset>\n<legend>Familien ${escapeHtml(family)}</legend>\n${choices.join("\n")}\n</fieldset>`;
  });
  return `<section aria-labelledby="innbyggere">
<h2 id="innbyggere">Innbyggere</h2>
<p>Som i ID-porten: tokenet bærer fødselsnummeret (<code>pid</code>) og sikkerhetsnivået (<code>acr</code>).</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset>
<legend>Sikkerhetsnivå</legend>
${levels}
</fieldset>
<h3>Hvem logger inn?</h3>
${families.join("\n")}
<p class="actions"><button type="submit">Logg inn som innbygger</button></p>
</form>
</section>`;
}

export interface SignInView {
  formAction: string;
  abortHref: string;
  clientName: string;
  accounts: readonly Account[];
  acr: AcrLevel;
  /** Shown when the last attempt named no one we know. */
  problem?: string;
}

export function signInPage(view: SignInView): string {
  const staff = view.accounts.filter((a): a is StaffAccount => a.kind !== "citizen");
  const citizens = view.accounts.filter((a): a is CitizenAccount => a.kind === "citizen");
  const problem = view.problem ? `<p class="note" role="alert">${escapeHtml(view.problem)}</p>` : "";
  const employees = staffSection(
    "ansatte",
    "Ansatte",
    "Som i kommunens Entra ID: tokenet bærer objekt-id (<code>oid</code>), navn, approller (<code>roles</code>) og grupper (<code>groups</code>) som gir tjeneste og enhet.",
    staff.filter((s) => s.kind === "employee"),
    view.formAction,
  );
  const auditors = staffSection("revisorer", "Revisorer", "Revisorer leser tilgangsloggen for sin tjeneste og gjør ikke annet.", staff.filter((s) => s.kind === "auditor"), view.formAction);
  return page(
    "Logg inn – Samhandling (utvikling)",
    `<h1>Logg inn i ${escapeHtml(view.clientName)}</h1>
<p class="note">Denne innloggingen finnes bare i utvikling. Velg hvem du vil logge inn som; alle personene er oppdiktet, og ingen passord trengs.</p>
${problem}
${employees}
${citizenSection(citizens, view.acr, view.formAction)}
${auditors}
<p class="actions"><a href="${escapeHtml(view.abortHref)}">Avbryt innloggingen</a></p>`,
  );
}

/** The RP-initiated logout question; `form` is the provider's hidden form (id op.logoutForm) with its xsrf token. */
export function signOutPage(clientName: string | undefined, form: string): string {
  const from = clientName ? ` fra ${escapeHtml(clientName)}` : "";
  return page(
    "Logg ut – Samhandling (utvikling)",
    `<h1>Vil du logge ut?</h1>
<p>Du blir logget ut${from} og av innloggingstjenesten.</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Ja, logg ut</button>
<button type="submit" form="op.logoutForm">Nei, forbli innlogget</button>
</div>`,
  );
}

export function signedOutPage(clientName: string | undefined): string {
  const from = clientName ? ` fra ${escapeHtml(clientName)}` : "";
  return page("Logget ut – Samhandling (utvikling)", `<h1>Du er logget ut</h1>\n<p>Du er logget ut${from}. Du kan lukke dette vinduet.</p>`);
}

export function errorPage(heading: string, detail: Record<string, string>): string {
  const rows = Object.entries(detail)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("\n");
  return page(`${heading} – Samhandling (utvikling)`, `<h1>${escapeHtml(heading)}</h1>\n<p>Start innloggingen på nytt fra appen.</p>\n<dl>${rows}</dl>`);
}
