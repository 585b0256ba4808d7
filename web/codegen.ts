// npm run web:codegen             writes web/src/graphql/generated/ from schema/public.graphql and the app's operations,
//                                  and examples/client/generated/ from the example client's (docs/client-kit.md)
// npm run web:codegen -- --check  fails when the committed files are stale
//
// GraphQL Code Generator's client preset: every operation in a .graphql file
// under web/src (beside the page that sends it) becomes a typed document —
// `import { MyCasesDocument } from "…/graphql/generated/graphql.ts"` — with
// its result and variable types taken from the public schema, so no type for
// API data is written by hand. Documents are imported by name rather than
// through the preset's `graphql()` lookup table, which would put every
// operation of the app into the first page's bundle. Each
// document also carries its trusted-document id, computed exactly as the
// gateway's manifest computes it (sha256 of the printed document), and the
// preset lists all of them in persisted-documents.json, which `npm run
// documents` and the build put into the gateway's one manifest
// (gateway/documents/manifest.json; web/documents.ts).
//
// The output is committed (like schema/ and gateway/documents/manifest.json):
// a clean clone type-checks without a generation step, and a change to the
// API shows in review as a change to the app's types. `--check` runs in the
// tests, so the committed files cannot drift from the schema or the app.
import fs from "node:fs";
import path from "node:path";
import { parse, print } from "graphql";
import { generate, type CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";
import { ROOT_DIR } from "../services/kit/config.ts";
import { APP_DOCUMENTS_FILE, documentId } from "../gateway/persisted-documents.ts";

export const GENERATED_DIR = path.join(ROOT_DIR, "web", "src", "graphql", "generated");
/**
 * The example client a municipality's frontend team starts from
 * (examples/client/): its operations get the same preset, and besides it
 * every enum of the public schema — `ErrorCode` among them, which no
 * operation selects (a code travels in an error's extensions), so the preset
 * alone would leave it out.
 */
export const EXAMPLE_GENERATED_DIR = path.join(ROOT_DIR, "examples", "client", "generated");
const GENERATED_DIRS = [GENERATED_DIR, EXAMPLE_GENERATED_DIR];
/** Where the preset lists the app's operations (id → text): where the gateway's manifest takes them from. */
export const PERSISTED_DOCUMENTS_FILE = APP_DOCUMENTS_FILE;

/** The id the gateway gives a document: sha256 of graphql-js's printed form. */
export const trustedDocumentId = (operation: string): string => documentId(print(parse(operation)));

const TYPESCRIPT_CONFIG = {
  useTypeImports: true,
  enumsAsTypes: true,
  importExtension: ".ts",
  scalars: { Date: "string", DateTime: "string" },
  strictScalars: true,
} as const;

function config(): CodegenConfig {
  const rel = (p: string) => path.relative(process.cwd(), path.join(ROOT_DIR, p)) || ".";
  /** The client preset for one client's operations: typed documents, each with its trusted-document id. */
  const clientPreset = (documents: string) => ({
    documents: [rel(documents)],
    preset: "client" as const,
    presetConfig: {
      fragmentMasking: { unmaskFunctionName: "readFragment" },
      persistedDocuments: { mode: "embedHashInDocument" as const, hashPropertyName: "hash", hashAlgorithm: trustedDocumentId },
    },
    // urql's cache reads __typename on every object; the stored document must ask for it, since
    // in production the gateway runs the stored text, not the one urql would have sent.
    documentTransforms: [addTypenameSelectionDocumentTransform],
    config: TYPESCRIPT_CONFIG,
  });
  return {
    schema: rel("schema/public.graphql"),
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${rel("web/src/graphql/generated")}/`]: clientPreset("web/src/**/*.graphql"),
      [`${rel("examples/client/generated")}/`]: clientPreset("examples/client/**/*.graphql"),
      [rel("examples/client/generated/schema-enums.ts")]: { plugins: ["typescript"], config: { ...TYPESCRIPT_CONFIG, onlyEnums: true } },
    },
  };
}

/** The generated files, by absolute path, without writing them. */
export async function generatedFiles(): Promise<Map<string, string>> {
  const outputs = (await generate(config(), false)) as { filename: string; content: string }[];
  return new Map(outputs.map((o) => [path.resolve(o.filename), o.content]));
}

/** Writes the generated files (only those that changed); returns the names written. */
export async function writeGenerated(): Promise<string[]> {
  const written: string[] = [];
  for (const [file, content] of await generatedFiles()) {
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(path.relative(ROOT_DIR, file));
  }
  return written;
}

/** Files that differ from what codegen would write now (and generated files codegen no longer writes). */
export async function staleGenerated(): Promise<string[]> {
  const expected = await generatedFiles();
  const stale = [...expected].filter(([file, content]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content).map(([file]) => file);
  const present = GENERATED_DIRS.flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : []));
  stale.push(...present.filter((file) => !expected.has(file)));
  return stale.map((file) => path.relative(ROOT_DIR, file));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes("--check")) {
    const stale = await staleGenerated();
    if (stale.length > 0) {
      console.error(`Generated GraphQL code is stale: ${stale.join(", ")}. Run \`npm run web:codegen\` and commit the result.`);
      process.exit(1);
    }
    console.log("generated GraphQL code is up to date");
  } else {
    const written = await writeGenerated();
    console.log(written.length ? `wrote ${written.join(", ")}` : "generated GraphQL code is up to date");
    // The next step of docs/frontend.md: production runs only what the gateway's manifest holds.
    if (written.includes(path.relative(ROOT_DIR, PERSISTED_DOCUMENTS_FILE))) {
      console.log("The app's operations changed: `npm run documents` (or `npm run web:build`) makes them trusted documents in gateway/documents/manifest.json.");
    }
  }
}
