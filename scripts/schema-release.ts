// npm run schema:release             releases the public schema as it is now: copies schema/public.graphql to
//                                    schema/released/public.graphql and moves the changelog's unreleased entries
//                                    under today's date, with every change GraphQL Inspector finds
// npm run schema:release -- --check  the breaking-change gate alone (test/schema-gate.test.ts runs it in `npm test`)
//
// Releasing is a deliberate act (docs/api-changelog.md says when): what is
// released is what clients may build on, and from then on the gate compares
// every change with it.
import fs from "node:fs";
import { API_CHANGELOG, gateFailures, gatePasses, PUBLIC_SCHEMA, RELEASED_SCHEMA, repositoryGate } from "./lib/schema-gate.ts";
import { releasedChangelog } from "./lib/api-changelog.ts";

const report = await repositoryGate();
if (!gatePasses(report)) {
  console.error(`The public schema does not pass the breaking-change gate (docs/api-changelog.md):\n${gateFailures(report).map((f) => `- ${f}`).join("\n")}`);
  process.exit(1);
}
const changes = [...report.recorded.map((r) => r.change), ...report.other];
if (process.argv.includes("--check")) {
  console.log(`schema/public.graphql passes the gate against the released schema (${report.recorded.length} recorded breaking, ${report.other.length} other changes unreleased)`);
} else if (changes.length === 0) {
  console.log("Nothing to release: schema/public.graphql is the released schema.");
} else {
  const today = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(API_CHANGELOG, releasedChangelog(fs.readFileSync(API_CHANGELOG, "utf8"), today, changes.map((c) => `${c.criticality.level.toLowerCase().replace("_", "-")}: ${c.message}`)));
  fs.copyFileSync(PUBLIC_SCHEMA, RELEASED_SCHEMA);
  console.log(`Released ${changes.length} changes as of ${today}: wrote schema/released/public.graphql and docs/api-changelog.md. Commit both.`);
}
