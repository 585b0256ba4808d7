// A federation of its own for a run that drives the web app in a browser on
// this machine (the web benchmark, bench/web.ts; the guide's screenshots,
// scripts/docs-screenshots.ts): the development identity provider, every
// subgraph with the demo data on databases created afresh, the gateway and
// the web app, all listening on 127.0.0.1 only, no Redis. The databases are
// the embedded ones under `dataRoot`, or — with a PostgreSQL URL template —
// the run's own on that server (the template's names with `prefix` before the
// service), dropped and created again: never the template's own.
import fs from "node:fs";
import path from "node:path";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { freshDatabases } from "./fresh-databases.ts";
import { startFederation, type Federation } from "./federation.ts";

export interface WebFederationOptions {
  gatewayPort: number;
  /** Emptied first; holds the embedded databases, the development secrets and the log. */
  dataRoot: string;
  /** PostgreSQL URL template with {service}, or null for the embedded databases. */
  databaseTemplate: string | null;
  /** Before the service in the run's own database names on PostgreSQL (`bench_web_` → `hub_bench_web_nav`). */
  databasePrefix: string;
  logLevel: string;
  /** Extra environment for every process (WEB_TRUSTED_DOCUMENTS_ONLY, …). */
  env?: NodeJS.ProcessEnv;
  gatewayEnv?: NodeJS.ProcessEnv;
  startupTimeoutMs?: number;
  say: (line: string) => void;
}

export interface WebFederation {
  federation: Federation;
  /** The web app's address (localhost: the provider's client redirects there only). */
  webUrl: string;
  /** The databases in words, for the run's report. */
  databases: string;
  /** Every process's output. */
  log: string;
}

export async function startWebFederation(options: WebFederationOptions): Promise<WebFederation> {
  fs.rmSync(options.dataRoot, { recursive: true, force: true });
  fs.mkdirSync(options.dataRoot, { recursive: true });
  let databaseEnv: NodeJS.ProcessEnv = { DATABASE_URL_TEMPLATE: "" };
  let databases = "the embedded databases (PGlite, created afresh)";
  if (options.databaseTemplate) {
    const own = options.databaseTemplate.replaceAll("{service}", `${options.databasePrefix}{service}`);
    const name = (service: string) => new URL(own.replaceAll("{service}", service)).pathname.slice(1);
    await freshDatabases(own, name);
    databaseEnv = { DATABASE_URL_TEMPLATE: own };
    databases = `PostgreSQL (databases ${name("*")}, created afresh)`;
  }
  const log = path.join(options.dataRoot, "federation.log");
  options.say(`starting the federation on ${databases}, the provider and the web app (log in ${path.relative(process.cwd(), log)})`);
  const listenLocally = { HOST: "127.0.0.1", GATEWAY_HOST: "127.0.0.1", IDENTITY_HOST: "127.0.0.1", WEB_HOST: "127.0.0.1" };
  const federation = await startFederation({
    gatewayPort: options.gatewayPort,
    dataDir: path.join(options.dataRoot, "federation"),
    output: log,
    startupTimeoutMs: options.startupTimeoutMs ?? 240_000,
    withWeb: true,
    env: {
      NODE_ENV: "development",
      ...databaseEnv,
      // One database each from the template or the embedded default: never a URL of the caller's own for one service.
      ...Object.fromEntries(SERVICE_NAMES.map((s) => [`DATABASE_URL_${s.toUpperCase()}`, ""])),
      ...listenLocally,
      REDIS_URL: "",
      LOG_LEVEL: options.logLevel,
      ...options.env,
    },
    gatewayEnv: options.gatewayEnv,
  });
  return { federation, webUrl: federation.webUrl!, databases, log };
}
