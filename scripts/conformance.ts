// npm run conformance -- --url <subgraph> --service <name> [options]
//
// Runs the subgraph conformance checks (conformance/) against a view
// subgraph reached by URL — written in any language — and prints a report;
// exit code 0 when every check passed, 1 when one failed (or the harness
// could not start), 2 for a usage error. docs/conformance.md is the guide.
//
// Around the subgraph it starts what the checks need, in a temporary folder
// with embedded databases: the development identity provider, registry and
// samhandling with the demo world (the Fjordvik families and a few synthetic
// ones), and a gateway whose supergraph is composed from registry's and
// samhandling's SDL and the subgraph's own, fetched from it (`_service { sdl }`).
//
//   --print-settings   what the subgraph's process needs to work with the harness (keys, URLs), then exit
//   --print-fixture    the persons the checks use with --seed (the subgraph must hold nothing about them), as JSON, then exit
//   --seed <n>         the random seed of the synthetic families the checks' persons come from (default: a new one each run)
//   --port <n>         the harness's gateway port (default 4600); identity +100, registry +101, samhandling +102
//   --state-dir <dir>  where the harness keeps its signing keys between runs (default: <tmp>/hub-conformance)
//   --signing-secret <key>, --internal-signing-secret <key>
//                      the hub's two keys, when your subgraph already has its own (default: the state folder's)
//   --keep             keep the run's folder (databases, the processes' log) even when every check passed
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSchema } from "graphql";
import { identityPort, serviceEntry, subgraphPort, VIEW_SERVICES, type ServiceName, type ViewService } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import { ensureDevSecrets, type HubSecrets } from "../services/kit/auth/secrets.ts";
import { demoWorld } from "../demo/index.ts";
import { demoCaseId } from "../demo/fjordvik.ts";
import { startFederation, type Federation } from "./lib/federation.ts";
import { composeSubgraphs } from "./lib/schema.ts";
import { devMachineToken } from "./lib/dev-machine-token.ts";
import { bearerHeaders } from "../test/support/tokens.ts";
import { postBody, postGraphQL } from "../conformance/http.ts";
import { signedCall } from "../conformance/signing.ts";
import { conformanceSubjects, type ConformanceTarget } from "../conformance/target.ts";
import { reportLine, runConformance, verdict } from "../conformance/run.ts";
import { CHECKS } from "../conformance/checks.ts";

/** The services the harness runs itself: the register and the coordination with its decision endpoint. */
const AROUND: readonly ServiceName[] = ["registry", "samhandling"];
/**
 * Synthetic families seeded beside the demo: the checks' subjects come from
 * them. A new seed each run gives new persons, whom no subgraph's data can
 * name — so runs can follow each other against the same subgraph database.
 */
const SYNTHETIC_FAMILIES = 10;
const DEFAULT_PORT = 4600;

class UsageError extends Error {}

interface Options {
  url?: string;
  service: ViewService;
  port: number;
  stateDir: string;
  keep: boolean;
  printSettings: boolean;
  printFixture: boolean;
  seed: number;
  /** The keys given on the command line (both, or neither). */
  secrets?: HubSecrets;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      service: { type: "string" },
      port: { type: "string" },
      "state-dir": { type: "string" },
      keep: { type: "boolean", default: false },
      "print-settings": { type: "boolean", default: false },
      "print-fixture": { type: "boolean", default: false },
      seed: { type: "string" },
      "signing-secret": { type: "string" },
      "internal-signing-secret": { type: "string" },
    },
  });
  const service = values.service;
  if (!service || !(VIEW_SERVICES as readonly string[]).includes(service)) {
    throw new UsageError(`--service must name a view service of the catalog (services/kit/catalog.ts): ${VIEW_SERVICES.join(", ")}${service ? `; got "${service}"` : ""}`);
  }
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_000) throw new UsageError(`--port must be a port number; got "${values.port}"`);
  const seed = values.seed === undefined ? 1 + Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 1) throw new UsageError(`--seed must be a whole number from 1; got "${values.seed}"`);
  const [signingSecret, internalSigningSecret] = [values["signing-secret"], values["internal-signing-secret"]];
  if (!signingSecret !== !internalSigningSecret) throw new UsageError("--signing-secret and --internal-signing-secret go together");
  if (signingSecret && signingSecret === internalSigningSecret) throw new UsageError("the two keys must differ: a call signed for one hop must be refused on the other");
  const printOnly = values["print-settings"] || values["print-fixture"];
  if (!printOnly && !values.url) throw new UsageError("--url <the subgraph's GraphQL endpoint> is required (or --print-settings, --print-fixture)");
  if (values.url && !/^https?:\/\//.test(values.url)) throw new UsageError(`--url must be an http(s) URL; got "${values.url}"`);
  return {
    url: values.url,
    service: service as ViewService,
    port,
    stateDir: path.resolve(values["state-dir"] ?? path.join(os.tmpdir(), "hub-conformance")),
    keep: values.keep,
    printSettings: values["print-settings"],
    printFixture: values["print-fixture"],
    seed,
    secrets: signingSecret && internalSigningSecret ? { signingSecret, internalSigningSecret } : undefined,
  };
}

const aroundUrl = (service: ServiceName, port: number) => `http://127.0.0.1:${subgraphPort(service, port)}/graphql`;

/** What the subgraph's process needs to take part: the hub's two keys and where the services it calls answer. */
function settingsFor(o: Options, secrets: HubSecrets): Record<string, string> {
  return {
    HUB_SIGNING_SECRET: secrets.signingSecret,
    HUB_INTERNAL_SIGNING_SECRET: secrets.internalSigningSecret,
    SUBGRAPH_URL_SAMHANDLING: aroundUrl("samhandling", o.port),
    SUBGRAPH_URL_REGISTRY: aroundUrl("registry", o.port),
    GATEWAY_PORT: String(o.port),
  };
}

const SETTING_NOTES: Record<string, string> = {
  HUB_SIGNING_SECRET: "the key the gateway signs every call to your subgraph with: refuse any call it does not verify",
  HUB_INTERNAL_SIGNING_SECRET: "the key your subgraph signs its own calls to samhandling and registry with",
  SUBGRAPH_URL_SAMHANDLING: "samhandling: the decision endpoint (_decide), the employee directory, involvement signals",
  SUBGRAPH_URL_REGISTRY: "registry: the person facts (ages, guardians, households)",
  GATEWAY_PORT: "the harness's gateway (the hub's own services derive the URLs above from it)",
};

/** The persons the checks use with `seed`, by household: the subgraph must hold nothing about them. */
const subjects = (seed: number) => conformanceSubjects(demoWorld({ syntheticFamilies: SYNTHETIC_FAMILIES, syntheticSeed: seed }), new Set());

/** The subgraph's SDL, asked for as the gateway would (signed: a conformant subgraph answers nothing unsigned). */
async function fetchSdl(url: string, service: ViewService, secrets: HubSecrets): Promise<string> {
  const res = await postBody<{ _service: { sdl: string } }>(url, signedCall(service, "{ _service { sdl } }", {}, {}, secrets)).catch((error: unknown) => {
    throw new Error(`the subgraph at ${url} could not be reached (${error instanceof Error ? error.message : String(error)}); is it running?`);
  });
  const sdl = res.data?._service?.sdl;
  if (!sdl) throw new Error(`the subgraph at ${url} did not answer a signed { _service { sdl } } (HTTP ${res.status}): ${res.raw.slice(0, 300)}; is it started with the settings --print-settings shows?`);
  return sdl;
}

function printSettings(o: Options, secrets: HubSecrets): void {
  console.log(`# Start ${o.service}'s subgraph with these settings, then run the harness (docs/conformance.md):`);
  for (const [name, value] of Object.entries(settingsFor(o, secrets))) console.log(`# ${SETTING_NOTES[name]}\n${name}=${value}`);
  const keys = o.secrets ? " --signing-secret … --internal-signing-secret … (the same)" : o.stateDir === path.join(os.tmpdir(), "hub-conformance") ? "" : ` --state-dir ${o.stateDir}`;
  console.log(`\n# then: npm run conformance -- --service ${o.service} --url <your subgraph's /graphql> --port ${o.port}${keys}`);
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  const secrets = o.secrets ?? ensureDevSecrets(o.stateDir);
  if (o.printSettings) {
    printSettings(o, secrets);
    return 0;
  }
  if (o.printFixture) {
    const fixture = { service: o.service, seed: o.seed, holdsNothingAbout: subjects(o.seed).flat(), foreignCase: demoCaseId("berg"), frontDoor: serviceEntry(o.service).frontDoor, checks: CHECKS.map((c) => c.id) };
    console.log(JSON.stringify(fixture, null, 2));
    return 0;
  }

  const url = o.url!;
  console.log(`Conformance of ${o.service} at ${url} (the checks' persons: seed ${o.seed}; --print-fixture --seed ${o.seed} lists them)`);
  const sdl = await fetchSdl(url, o.service, secrets);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-conformance-run-"));
  const logFile = path.join(runDir, "federation.log");
  const dataDir = path.join(runDir, "data");
  const composed = composeSubgraphs([
    ...AROUND.map((s) => ({ name: s, sdl: fs.readFileSync(path.join(ROOT_DIR, "schema", `${s}.graphql`), "utf8"), url: aroundUrl(s, o.port) })),
    { name: o.service, sdl, url },
  ]);
  const supergraphPath = path.join(runDir, "supergraph.graphql");
  fs.writeFileSync(supergraphPath, composed.supergraph);

  const env: NodeJS.ProcessEnv = {
    ...settingsFor(o, secrets),
    [`SUBGRAPH_URL_${o.service.toUpperCase()}`]: url,
    SUPERGRAPH_PATH: supergraphPath,
    // Embedded databases in the run's folder, each process on its own (no Redis): nothing shared with another hub.
    DATABASE_URL_TEMPLATE: "",
    ...Object.fromEntries(AROUND.map((s) => [`DATABASE_URL_${s.toUpperCase()}`, ""])),
    REDIS_URL: "",
    SEED_DEMO: "true",
    SEED_SYNTHETIC_FAMILIES: String(SYNTHETIC_FAMILIES),
    SEED_SYNTHETIC_SEED: String(o.seed),
    JOBS_ENABLED: "false",
    NODE_ENV: "development",
  };
  console.log(`Starting the identity provider, ${AROUND.join(" and ")} and a gateway on port ${o.port} (log: ${logFile}) …`);
  let federation: Federation | undefined;
  let passed = false;
  try {
    federation = await startFederation({ gatewayPort: o.port, dataDir, env, output: logFile, services: AROUND });
    const issuer = federation.identityIssuer ?? `http://localhost:${identityPort(o.port)}`;
    const gatewayUrl = federation.gatewayUrl;
    const target: ConformanceTarget = {
      service: o.service,
      subgraphUrl: url,
      gateway: (query, variables, headers) => postGraphQL(gatewayUrl, query, variables, headers),
      asUser: (user, caseId) => bearerHeaders(issuer, user, caseId),
      asMachine: async (service) => ({ authorization: `Bearer ${await devMachineToken(issuer, dataDir, `${service}-integration`)}` }),
      secrets,
      schema: buildSchema(composed.publicSchema),
      households: subjects(o.seed),
      frontDoor: serviceEntry(o.service).frontDoor!,
      otherService: VIEW_SERVICES.find((s) => s !== o.service)!,
      foreignCaseId: demoCaseId("berg"),
    };
    console.log(`Running ${CHECKS.length} checks …\n`);
    let area = "";
    const results = await runConformance(target, (result) => {
      if (result.area !== area) console.log(`${(area = result.area)}`);
      console.log(reportLine(result));
    });
    console.log(`\n${verdict(o.service, results)}`);
    passed = results.every((r) => r.outcome === "passed");
  } finally {
    await federation?.stop();
    if (passed && !o.keep) fs.rmSync(runDir, { recursive: true, force: true });
    else console.log(`The run's folder (the harness's processes' log, its databases) is kept: ${runDir}`);
  }
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`npm run conformance: ${error.message}`);
      process.exit(2);
    }
    console.error(`npm run conformance: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
