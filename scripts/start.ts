// npm start: the whole federation on the embedded default (PGlite under
// ./data), with the Fjordvik demo families, the development identity
// provider that signs people in, and the web app. Ctrl-C stops everything.
import { DEFAULT_GATEWAY_PORT, SERVICE_NAMES, subgraphPort } from "../services/kit/catalog.ts";
import { isBuildCurrent } from "../web/build.ts";
import { startConfig } from "./config.ts";
import { generateClients } from "./generate.ts";
import { spawnProcess, startFederation } from "./lib/federation.ts";
import { exampleQuery } from "./lib/example.ts";
import { startupProgress } from "./lib/startup-progress.ts";

const { gatewayPort, dataDir, databaseUrls, stallTimeoutMs } = startConfig();

await generateClients();
const onPostgres = SERVICE_NAMES.filter((s) => databaseUrls[s]);
console.log(
  `Starting the identity provider, ${SERVICE_NAMES.length} subgraphs, the gateway and the web app (databases: ${onPostgres.length ? `PostgreSQL for ${onPostgres.join(", ")}, ` : ""}PGlite under ${dataDir})…`,
);

/** The web app is built beside the other processes' start, and only when its sources changed since the last build. */
async function webBuild(): Promise<void> {
  if (isBuildCurrent()) return;
  console.log("Building the web app (its sources changed since the last build)…");
  const build = spawnProcess({ name: "web build", entry: "web/build.ts", env: { NODE_ENV: "production" }, output: "inherit" });
  const code = await build.exited();
  if (code !== 0) throw new Error(`The web app's build failed (exit code ${code}); see above. \`npm run web:build\` runs it alone.`);
}

const build = webBuild();
// Awaited once the gateway is up (startFederation); until then a failure must not count as unhandled.
build.catch(() => undefined);
const progress = startupProgress();
const federation = await startFederation({
  gatewayPort,
  dataDir,
  output: "inherit",
  withWeb: true,
  webBuild: build,
  startupTimeoutMs: stallTimeoutMs,
  onProgress: progress.onProgress,
  compiled: true,
})
  .catch((error: unknown) => {
    // The harness has stopped every process it started; say why, without a stack (the code is fine).
    console.error(`\nnpm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  })
  .finally(() => progress.stop());

const example = exampleQuery();
const body = JSON.stringify({ query: example.query.replace(/\s+/g, " "), variables: example.variables });
// The token script finds the provider from the gateway's port, as the gateway does: say it when it is not the default.
const portPrefix = gatewayPort === DEFAULT_GATEWAY_PORT ? "" : `GATEWAY_PORT=${gatewayPort} `;
console.log(`
Samhandling hub is running.

  Web app               ${federation.webUrl}/
  Gateway and GraphiQL  http://localhost:${gatewayPort}/graphql
  Identity provider     ${federation.identityIssuer}  (development sign-in: every demo person, no passwords)
  Health / readiness    http://localhost:${gatewayPort}/healthcheck  http://localhost:${gatewayPort}/readiness
  Subgraphs             ${SERVICE_NAMES.map((s) => `${s} :${subgraphPort(s, gatewayPort)}`).join(", ")}

Sign in to the web app as any demo person, or get a token for the API: \`${portPrefix}npm run token -- <user>\` (\`npm run token\` lists them).
Personal data needs a token and a declared case. The ${example.familyName} family, as their investeringsleder sees it:

  TOKEN=$(${portPrefix}npm run -s token -- ${example.user})
  curl -s http://localhost:${gatewayPort}/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer $TOKEN" -H 'x-case-id: ${example.caseId}' \\
    -d '${body}'

In GraphiQL, put {"authorization": "Bearer <token>", "x-case-id": "${example.caseId}"} under Headers and run:

${example.query}

with variables ${JSON.stringify(example.variables)}

Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    await federation.stop();
    process.exit(0);
  });
}
