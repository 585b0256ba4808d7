// Trusted (persisted) documents: every operation production runs, in one
// committed manifest (gateway/documents/manifest.json, Apollo's persisted-query
// manifest format) built from two sources:
//   - the hub's own documents, .graphql files under gateway/documents/ (the
//     machine clients' writes, the API's worked examples, the benchmark's);
//   - the web app's operations, as `npm run web:codegen` lists them in
//     web/src/graphql/generated/persisted-documents.json (id → text).
// Each is validated against the public schema and priced against the cost
// limit; names are unique across both. In production the gateway runs only
// these; a client sends `documentId` (or the APQ
// `extensions.persistedQuery.sha256Hash`) instead of the query text (Hive's
// runtime reads both).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, print, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { ROOT_DIR } from "../services/kit/config.ts";
import { documentCost } from "./document-measures.ts";

export const DOCUMENTS_DIR = path.join(ROOT_DIR, "gateway", "documents");
/** The web app's operations, id → text, as `npm run web:codegen` writes them (web/codegen.ts); committed. */
export const APP_DOCUMENTS_FILE = path.join(ROOT_DIR, "web", "src", "graphql", "generated", "persisted-documents.json");
const PUBLIC_SCHEMA = path.join(ROOT_DIR, "schema", "public.graphql");

export interface ManifestOperation {
  /** sha256 (hex) of `body`. */
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

export interface Manifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: ManifestOperation[];
}

export const documentId = (body: string): string => createHash("sha256").update(body).digest("hex");

/** The public schema trusted documents are checked against. */
export const publicSchema = (schemaPath = PUBLIC_SCHEMA): GraphQLSchema => buildSchema(fs.readFileSync(schemaPath, "utf8"));

/**
 * One trusted document, checked: valid against the public schema, exactly one
 * named operation, within the cost limit. Throws a message naming `label` (a
 * file, or where the document came from) otherwise.
 */
export function checkedOperation(schema: GraphQLSchema, text: string, label: string, limits: { maxCost: number; listSize: number }): ManifestOperation {
  const document = parse(text);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${label} does not match schema/public.graphql: ${errors.map((e) => e.message).join("; ")}`);
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (ops.length !== 1 || !ops[0]!.name) throw new Error(`${label} must hold exactly one named operation (fragments may sit beside it).`);
  const cost = documentCost(schema, document, limits.listSize);
  if (cost > limits.maxCost) throw new Error(`${label} costs ${cost} by demand control's rules, over MAX_COST ${limits.maxCost}: trim it or raise the limit on purpose.`);
  // Printed, so formatting and comments do not change the id.
  const body = print(document);
  return { id: documentId(body), name: ops[0]!.name.value, type: ops[0]!.operation as ManifestOperation["type"], body };
}

type Limits = { maxCost: number; listSize: number };

/** The hub's own documents: every .graphql file in `dir`, checked. */
export function hubOperations(schema: GraphQLSchema, limits: Limits, dir = DOCUMENTS_DIR): ManifestOperation[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((file) => checkedOperation(schema, fs.readFileSync(path.join(dir, file), "utf8"), file, limits));
}

/** The web app's operations (codegen's id → text), checked; each id must be the one the gateway gives its text. */
export function appOperations(schema: GraphQLSchema, limits: Limits, file = APP_DOCUMENTS_FILE): ManifestOperation[] {
  if (!fs.existsSync(file)) throw new Error(`No list of the web app's operations at ${path.relative(ROOT_DIR, file)}: run \`npm run web:codegen\`.`);
  const documents = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  return Object.entries(documents).map(([id, text]) => {
    const operation = checkedOperation(schema, text, `the app's operation ${id.slice(0, 12)}…`, limits);
    // The app sends `id`; the gateway looks up `operation.id`. They must be one.
    if (operation.id !== id) throw new Error(`The app's operation ${operation.name} carries id ${id}, but the gateway would store it as ${operation.id}.`);
    return operation;
  });
}

/** Operations sorted by name; two with one name are refused (metrics, logs and people tell documents apart by name). */
function byUniqueName(operations: ManifestOperation[], what: string): ManifestOperation[] {
  const names = operations.map((op) => op.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Operation names must be unique ${what}: ${[...new Set(twice)].join(", ")}.`);
  return [...operations].sort((a, b) => a.name.localeCompare(b.name));
}

/** A manifest of these operations (names unique). */
export const manifestOf = (operations: ManifestOperation[], what: string): Manifest => ({
  format: "apollo-persisted-query-manifest",
  version: 1,
  operations: byUniqueName(operations, what),
});

/**
 * Everything production runs: the hub's documents in `dir` and the app's in
 * `appFile` (null: the hub's alone), each checked against the public schema
 * and the cost limit (MAX_COST).
 */
export function buildManifest(limits: Limits, dir = DOCUMENTS_DIR, schemaPath = PUBLIC_SCHEMA, appFile: string | null = APP_DOCUMENTS_FILE): Manifest {
  const schema = publicSchema(schemaPath);
  const operations = [...hubOperations(schema, limits, dir), ...(appFile ? appOperations(schema, limits, appFile) : [])];
  return manifestOf(operations, "across gateway/documents/ and the web app (rename one)");
}

export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/**
 * Writes `manifest` to `file` unless it already holds exactly that (a test
 * publishing to Redis, or a build, must not touch a file other suites read);
 * true when it wrote.
 */
export function writeManifest(manifest: Manifest, file: string): boolean {
  const text = manifestText(manifest);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.writeFileSync(file, text);
  return true;
}

/** The manifest's documents by id; a clear error when the file is missing or not a manifest. */
export function loadManifest(file: string): Map<string, ManifestOperation> {
  if (!fs.existsSync(file)) throw new Error(`No trusted-documents manifest at ${file}. Run \`npm run documents\` (or set PERSISTED_DOCUMENTS_PATH).`);
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Manifest>;
  if (parsed.format !== "apollo-persisted-query-manifest" || !Array.isArray(parsed.operations)) {
    throw new Error(`${file} is not an apollo-persisted-query-manifest; regenerate it with \`npm run documents\`.`);
  }
  return new Map(parsed.operations.map((op) => [op.id, op]));
}
