// The app's operations: generated code up to date, typed results, and ids that
// are the gateway's own — so the manifest production runs holds exactly what
// the app sends, and nothing over the cost limit gets into it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { staleGenerated, trustedDocumentId } from "../../web/codegen.ts";
import { appManifest } from "../../web/documents.ts";
import { CaseSummaryFragmentDoc, MyCasesDocument, type CaseKind, type MyCasesQueryVariables } from "../../web/src/graphql/generated/graphql.ts";
import { trustedDocumentIdOf } from "../../web/src/graphql/client.ts";
import { APP_DOCUMENTS_FILE, buildManifest, checkedOperation, loadManifest, publicSchema } from "../../gateway/persisted-documents.ts";
import { DEFAULT_DOCUMENTS_MANIFEST, documentsConfig } from "../../gateway/config.ts";
import { PERSISTED_DOCUMENTS_FILE } from "../../web/codegen.ts";

describe("generated operations", () => {
  test("the committed code matches the schema and the app's .graphql files", async () => {
    expect(await staleGenerated()).toEqual([]);
  }, 60_000);

  test("results are typed from the schema", () => {
    type Case = ResultOf<typeof CaseSummaryFragmentDoc>;
    expectTypeOf<ResultOf<typeof MyCasesDocument>["myCasesPage"]["edges"][number]["node"]["title"]>().toEqualTypeOf<string>();
    expectTypeOf<Case["kind"]>().toEqualTypeOf<CaseKind>();
    expectTypeOf<Case["btiLevel"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Case["overdueFollowUpCount"]>().toEqualTypeOf<number>();
    expectTypeOf<VariablesOf<typeof MyCasesDocument>>().toEqualTypeOf<MyCasesQueryVariables>();
    expectTypeOf<MyCasesQueryVariables["first"]>().toEqualTypeOf<number | null | undefined>();
  });

  test("each document carries the id the gateway's manifest gives it", () => {
    const manifest = appManifest();
    const myCases = manifest.operations.find((op) => op.name === "MyCases");
    expect(myCases).toBeDefined();
    expect(trustedDocumentIdOf(MyCasesDocument)).toBe(myCases!.id);
    // The gateway's own check of the same text gives the same id.
    const { limits } = documentsConfig();
    expect(checkedOperation(publicSchema(), myCases!.body, "MyCases", limits).id).toBe(myCases!.id);
    // Asks for __typename everywhere (urql's cache needs it from the stored text).
    expect(myCases!.body).toMatch(/myCasesPage\(first: \$first, after: \$after\) \{\s+__typename/);
  });
});

describe("the app's manifest", () => {
  const withDocuments = (documents: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-documents-"));
    const file = path.join(dir, "persisted-documents.json");
    fs.writeFileSync(file, JSON.stringify(documents));
    return file;
  };

  test("refuses an operation over the gateway's cost limit", () => {
    // Lists inside lists: 10 × 10 × 10 … by demand control's rules.
    const heavy = "query Heavy { myCases { subjects { cases { subjects { cases { subjects { cases { id } } } } } } } }";
    expect(() => appManifest(withDocuments({ [trustedDocumentId(heavy)]: heavy }))).toThrow(/over MAX_COST/);
  });

  test("refuses a document whose id is not the gateway's", () => {
    const text = "query MyCases { myCases { id } }";
    expect(() => appManifest(withDocuments({ ["0".repeat(64)]: text }))).toThrow(/would store it as/);
  });

  test("refuses a document the public schema does not have", () => {
    const text = "query Secret { everyone { nationalId } }";
    expect(() => appManifest(withDocuments({ [trustedDocumentId(text)]: text }))).toThrow(/does not match schema/);
  });
});

describe("the gateway's manifest", () => {
  test("holds every operation of the app, by the id the app sends (the committed file, as production loads it)", () => {
    expect(PERSISTED_DOCUMENTS_FILE, "codegen writes where the manifest reads").toBe(APP_DOCUMENTS_FILE);
    const trusted = loadManifest(DEFAULT_DOCUMENTS_MANIFEST);
    const app = appManifest().operations;
    expect(app.length).toBeGreaterThan(0);
    for (const op of app) expect(trusted.get(op.id), `${op.name} in gateway/documents/manifest.json (run \`npm run documents\`)`).toEqual(op);
    expect(trusted.get(trustedDocumentIdOf(MyCasesDocument))?.name).toBe("MyCases");
    // And nothing else but the hub's own documents (gateway/documents/*.graphql).
    const hub = buildManifest(documentsConfig().limits, undefined, undefined, null).operations;
    expect([...trusted.keys()].sort()).toEqual([...hub, ...app].map((op) => op.id).sort());
  });

  test("refuses an operation of the app named as one of the hub's documents", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-documents-"));
    const file = path.join(dir, "persisted-documents.json");
    const text = "query FamilyOverview { myCases { id } }";
    fs.writeFileSync(file, JSON.stringify({ [trustedDocumentId(text)]: text }));
    expect(() => buildManifest(documentsConfig().limits, undefined, undefined, file)).toThrow(/names must be unique .*: FamilyOverview/);
  });
});
