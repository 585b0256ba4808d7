// The sign-in step of the authorization flow: oidc-provider sends the
// browser to /interaction/<uid>; this shows the development sign-in page and
// hands the chosen person (and, for a citizen, the level of assurance) back
// to the provider, which finishes the flow.
import type http from "node:http";
import { errors, type InteractionResults } from "oidc-provider";
import type Provider from "oidc-provider";
import type { Logger } from "../services/kit/log.ts";
import { ACR_LEVELS, CITIZEN_AMR, isAcrLevel, type AcrLevel } from "./claims.ts";
import { PAGE_HEADERS, errorPage, signInPage } from "./pages.ts";
import { INTERACTION_PATH } from "./provider.ts";
import type { Directory } from "./users.ts";

const ROUTE = new RegExp(`^${INTERACTION_PATH}/([A-Za-z0-9_-]+)(?:/(login|abort))?$`);
const MAX_FORM_BYTES = 4096;

class FormTooLarge extends Error {}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) chunks.push(chunk);
    });
    req.on("end", () => (size > MAX_FORM_BYTES ? reject(new FormTooLarge()) : resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

/** The level a client asked for with acr_values (ID-porten style), else the lower one. */
function requestedAcr(acrValues: unknown): AcrLevel {
  const asked = typeof acrValues === "string" ? acrValues.split(" ") : [];
  return [...ACR_LEVELS].reverse().find((level) => asked.includes(level)) ?? ACR_LEVELS[0];
}

/** Handles the interaction routes; answers false for any other path. */
export function interactionRoutes(provider: Provider, directory: Directory, log: Logger) {
  async function showSignIn(req: http.IncomingMessage, res: http.ServerResponse, uid: string, problem?: string): Promise<void> {
    const { prompt, params } = await provider.interactionDetails(req, res);
    if (prompt.name !== "login") {
      // Every client is first party (provider.ts grants without asking), so sign-in is the only step there is.
      return send(res, 400, errorPage("Uventet steg i innloggingen", { steg: prompt.name }));
    }
    const client = await provider.Client.find(String(params.client_id));
    const html = signInPage({
      formAction: `${INTERACTION_PATH}/${uid}/login`,
      abortHref: `${INTERACTION_PATH}/${uid}/abort`,
      clientName: client?.clientName ?? "Samhandling",
      accounts: directory.accounts.filter((a) => a.listed),
      acr: requestedAcr(params.acr_values),
      problem,
    });
    send(res, problem ? 400 : 200, html);
  }

  async function signIn(req: http.IncomingMessage, res: http.ServerResponse, uid: string): Promise<void> {
    const form = await readForm(req);
    const { prompt } = await provider.interactionDetails(req, res);
    if (prompt.name !== "login") return send(res, 400, errorPage("Uventet steg i innloggingen", { steg: prompt.name }));
    const account = directory.byKey(form.get("account") ?? "");
    if (!account) return showSignIn(req, res, uid, "Velg en av personene under.");
    let login: InteractionResults["login"];
    if (account.kind === "citizen") {
      const acr = form.get("acr") ?? ACR_LEVELS[0];
      if (!isAcrLevel(acr)) return showSignIn(req, res, uid, "Velg et sikkerhetsnivå.");
      login = { accountId: account.accountId, acr, amr: CITIZEN_AMR };
    } else {
      login = { accountId: account.accountId };
    }
    log.info("signed in", { kind: account.kind, acr: login.acr });
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }

  async function abort(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "Innloggingen ble avbrutt." }, { mergeWithLastSubmission: false });
  }

  return async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const match = ROUTE.exec((req.url ?? "/").split("?")[0]);
    if (!match) return false;
    const [, uid, action] = match;
    try {
      if (req.method === "GET" && !action) await showSignIn(req, res, uid);
      else if (req.method === "POST" && action === "login") await signIn(req, res, uid);
      else if (req.method === "GET" && action === "abort") await abort(req, res);
      else send(res, 405, errorPage("Ikke tillatt", { metode: req.method ?? "" }));
    } catch (error) {
      if (error instanceof errors.SessionNotFound) send(res, 400, errorPage("Innloggingen er utløpt", { feil: "Innloggingsøkten finnes ikke lenger." }));
      else if (error instanceof FormTooLarge) send(res, 413, errorPage("For stort skjema", {}));
      else throw error;
    }
    return true;
  };
}
