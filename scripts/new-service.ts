// npm run new-service -- <name> "<what the service is>" [--title "…"] [--en-title "…"] [--en "…"]
//                        [--front-door "…" --front-door-phone "+47 …"] [--no-compose]
//
// A new service in one command (docs/adding-a-service.md): writes its folder
// services/<name>/ (types, resolvers, data, involvement, the write API), its
// Prisma schema and first migration, its catalog entry and its demo-data
// file (scripts/lib/new-service.ts), then runs `npm run compose`, which takes
// it everywhere the services are listed — the supergraph, samhandling's
// ServiceName and its migration, docker-compose.yml, the web app's documents,
// the identity provider's mapping. After it `npm test` and `npm start`
// include the service with no other edit.
//
// "<what the service is>" is in bokmål: "PP-tjenesten: henvisninger og
// sakkyndige vurderinger" gives the title "PP-tjenesten" (before the colon)
// and the whole line as the description. English defaults to the same text
// until --en-title/--en say otherwise. The front door defaults to the
// municipality's koordinerende enhet; a municipality sets its own with
// FRONT_DOOR_NAME_<NAME> and FRONT_DOOR_PHONE_<NAME> (docs/configuration.md).
//
// Exit codes: 0 done, 2 a wrong argument (nothing written), 1 a failure after writing began.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT_DIR } from "../services/kit/config.ts";
import { scaffoldService, serviceNameProblem, type NewService } from "./lib/new-service.ts";
import { childEnv } from "./config.ts";

const USAGE = `Bruk / usage: npm run new-service -- <navn> "<hva tjenesten er>" [--title "…"] [--en-title "…"] [--en "…"]
                        [--front-door "…" --front-door-phone "+47 …"] [--no-compose]`;

function fail(code: 1 | 2, message: { nb: string; en: string }): never {
  console.error(`Feil: ${message.nb}\nError: ${message.en}${code === 2 ? `\n\n${USAGE}` : ""}`);
  process.exit(code);
}

/** The arguments; exit code 2 for an unknown option or one without its value. */
function parse() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        title: { type: "string" },
        "en-title": { type: "string" },
        en: { type: "string" },
        "front-door": { type: "string" },
        "front-door-phone": { type: "string" },
        "no-compose": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    fail(2, { nb: `Ukjent eller ufullstendig valg: ${(error as Error).message}`, en: (error as Error).message });
  }
}
const { positionals, values } = parse();
const [name = "", what = "", ...extra] = positionals;
if (!name || !what.trim() || extra.length > 0)
  fail(2, {
    nb: "Gi tjenestens navn (ett ord, små bokstaver) og én linje i anførselstegn om hva tjenesten er.",
    en: "Give the service's name (one lower-case word) and one quoted line saying what the service is.",
  });
const problem = serviceNameProblem(ROOT_DIR, name);
if (problem) fail(2, problem);

const line = what.trim().replace(/\s+/g, " ");
// The title is what comes before a colon or a dash ("PP-tjenesten: …"), else the whole line when short.
const lead = /^(.{2,60}?)\s*(?::|\s[–—-]\s)/.exec(line)?.[1];
const titleNb = values.title?.trim() || lead || (line.length <= 40 ? line : name.toUpperCase());
const door = values["front-door"]?.trim();
const phone = values["front-door-phone"]?.trim();
if (Boolean(door) !== Boolean(phone))
  fail(2, { nb: "--front-door og --front-door-phone hører sammen: gi begge eller ingen.", en: "--front-door and --front-door-phone go together: give both or neither." });
if (phone && !/^\+47[ 0-9]{8,}$/.test(phone))
  fail(2, { nb: `Telefonnummeret «${phone}» skal skrives +47 og åtte sifre.`, en: `The phone number "${phone}" is written +47 and eight digits.` });

const service: NewService = {
  name,
  title: { nb: titleNb, en: values["en-title"]?.trim() || titleNb },
  description: { nb: line, en: values.en?.trim() || line },
  ...(door && phone ? { frontDoor: { name: door, phone } } : {}),
};

let written: string[];
try {
  written = await scaffoldService(ROOT_DIR, service);
} catch (error) {
  fail(1, { nb: `Kunne ikke skrive tjenesten: ${(error as Error).message}`, en: `Could not write the service: ${(error as Error).message}` });
}
for (const rel of written) console.log(`wrote ${rel}`);

const upper = name.toUpperCase();
const next = [
  `${name}: ${service.title.nb}. Neste / next:`,
  `  npm test                       # the conformance suite included`,
  `  npm start                      # the family overview shows ${name}'s column`,
  `  npm run token -- ${name}-integration   # its machine client's token (scope ${name}:write)`,
  `Fill it in: docs/adding-a-service.md ("Filling it in"). The front door is ${door ? door : "the koordinerende enhet"};`,
  `a municipality sets its own with FRONT_DOOR_NAME_${upper} and FRONT_DOOR_PHONE_${upper}.`,
];
if (service.description.en === service.description.nb)
  next.push(`English: the catalog entry (services/kit/catalog.ts) has the bokmål text in "en" too; write the English there.`);

if (values["no-compose"]) {
  console.log(`\nRun \`npm run compose\` now: it takes ${name} everywhere the services are listed.\n${next.join("\n")}`);
  process.exit(0);
}
// A child process: this one has read the catalog as it was before the new entry.
try {
  execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts", "compose.ts")], { cwd: ROOT_DIR, env: childEnv(), stdio: "inherit" });
} catch {
  fail(1, {
    nb: `${name} er skrevet, men \`npm run compose\` feilet (se over). Rett feilen og kjør \`npm run compose\`.`,
    en: `${name} is written, but \`npm run compose\` failed (see above). Fix the cause and run \`npm run compose\`.`,
  });
}
console.log(`\n${next.join("\n")}`);
