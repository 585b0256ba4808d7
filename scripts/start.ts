// npm start: the whole federation on the embedded default (PGlite under
// ./data), with the Fjordvik demo families. Ctrl-C stops everything.
import { SERVICE_NAMES, subgraphPort } from "../services/kit/catalog.ts";
import { startConfig } from "./config.ts";
import { generateClients } from "./generate.ts";
import { startFederation } from "./lib/federation.ts";
import { exampleQuery } from "./lib/example.ts";
import { startupProgress } from "./lib/startup-progress.ts";

const { gatewayPort, dataDir, databaseUrls, stallTimeoutMs } = startConfig();

await generateClients();
const onPostgres = SERVICE_NAMES.filter((s) => databaseUrls[s]);
console.log(
  `Starting seven subgraphs and the gateway (databases: ${onPostgres.length ? `PostgreSQL for ${onPostgres.join(", ")}, ` : ""}PGlite under ${dataDir})…`,
);
const progress = startupProgress();
const federation = await startFederation({ gatewayPort, dataDir, output: "inherit", startupTimeoutMs: stallTimeoutMs, onProgress: progress.onProgress, compiled: true })
  .catch((error: unknown) => {
    // The harness has stopped every process it started; say why, without a stack (the code is fine).
    console.error(`\nnpm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  })
  .finally(() => progress.stop());

const example = exampleQuery();
const body = JSON.stringify({ query: example.query.replace(/\s+/g, " "), variables: example.variables });
console.log(`
Samhandling hub is running.

  Gateway and GraphiQL  http://localhost:${gatewayPort}/graphql
  Health / readiness    http://localhost:${gatewayPort}/healthcheck  http://localhost:${gatewayPort}/readiness
  Subgraphs             ${SERVICE_NAMES.map((s) => `${s} :${subgraphPort(s, gatewayPort)}`).join(", ")}

Personal data needs a token and a declared case. Demo users: \`npm run token\`.
The ${example.familyName} family, as their investeringsleder sees it:

  TOKEN=$(npm run -s token -- ${example.user})
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
