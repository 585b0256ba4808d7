// The example query printed by `npm start` (docs/request-end-to-end.md): the Berg
// family (Velferdslab) as their investeringsleder sees it, for their case.
import fs from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "../../services/kit/config.ts";
import { demoCaseId, demoFamilyId } from "../../demo/fjordvik.ts";

/** The trusted document production accepts, so development and production run the same text. */
export const FAMILY_OVERVIEW_QUERY = fs
  .readFileSync(path.join(ROOT_DIR, "gateway", "documents", "FamilyOverview.graphql"), "utf8")
  .split("\n")
  .filter((line) => !line.trimStart().startsWith("#")) // printed on one line in a curl recipe, a comment would swallow the query
  .join("\n")
  .trim();

export const EXAMPLE_USER = "coordinator";

export function exampleQuery() {
  const variables = { familyId: demoFamilyId("berg") };
  return {
    familyName: "Berg",
    user: EXAMPLE_USER,
    caseId: demoCaseId("berg"),
    query: FAMILY_OVERVIEW_QUERY,
    variables,
  };
}
