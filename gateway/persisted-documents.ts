// Trusted (persisted) documents: the operations the hub's own clients send,
// committed as .graphql files under gateway/documents/, validated against the
// public schema and written to a manifest in Apollo's persisted-query
// manifest format. In production the gateway runs only these; a client sends
// `documentId` (or the APQ `extensions.persistedQuery.sha256Hash`) instead of
// the query text (Hive's runtime reads both).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, print, validate, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { ROOT_DIR } from "../services/kit/config.ts";
import { documentCost } from "./document-measures.ts";

export const DOCUMENTS_DIR = path.join(ROOT_DIR, "gateway", "documents");
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

/** Reads every .graphql file in `dir`, checks each against the public schema and the cost limit (MAX_COST), and builds the manifest. */
export function buildManifest(limits: { maxCost: number; listSize: number }, dir = DOCUMENTS_DIR, schemaPath = PUBLIC_SCHEMA): Manifest {
  const schema = publicSchema(schemaPath);
  const operations = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((file) => checkedOperation(schema, fs.readFileSync(path.join(dir, file), "utf8"), file, limits));
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** The manifest's documents by id; a clear error when the file is missing or not a manifest. */
export function loadManifest(file: string): Map<string, ManifestOperation> {
  if (!fs.existsSync(file)) throw new Error(`No trusted-documents manifest at ${file}. Run \`npm run documents\` (or set PERSISTED_DOCUMENTS_PATH).`);
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Manifest>;
  if (parsed.format !== "apollo-persisted-query-manifest" || !Array.isArray(parsed.operations)) {
    throw new Error(`${file} is not an apollo-persisted-query-manifest; regenerate it with \`npm run documents\`.`);
  }
  return new Map(parsed.operations.map((op) => [op.id, op]));
}
