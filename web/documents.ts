// The app's operations as trusted documents: codegen's persisted-documents.json
// (id → text) turned into the gateway's manifest format, each document held to
// the gateway's own rules (valid against the public schema, one named
// operation, within the cost limit; gateway/persisted-documents.ts). The build
// fails on any document that breaks one, so production can run exactly what
// the app sends.
import fs from "node:fs";
import { checkedOperation, manifestText, publicSchema, type Manifest } from "../gateway/persisted-documents.ts";
import { documentsConfig } from "../gateway/config.ts";
import { PERSISTED_DOCUMENTS_FILE } from "./codegen.ts";

export function appManifest(file = PERSISTED_DOCUMENTS_FILE): Manifest {
  const documents = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  const schema = publicSchema();
  const { limits } = documentsConfig();
  const operations = Object.entries(documents).map(([id, text]) => {
    const operation = checkedOperation(schema, text, `the app's operation ${id.slice(0, 12)}…`, limits);
    // The app sends `id`; the gateway looks up `operation.id`. They must be one.
    if (operation.id !== id) throw new Error(`The app's operation ${operation.name} carries id ${id}, but the gateway would store it as ${operation.id}.`);
    return operation;
  });
  const names = operations.map((op) => op.name);
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) throw new Error(`Operation names must be unique in the app: ${[...new Set(twice)].join(", ")}.`);
  return { format: "apollo-persisted-query-manifest", version: 1, operations: operations.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function writeAppManifest(target: string): Manifest {
  const manifest = appManifest();
  fs.writeFileSync(target, manifestText(manifest));
  return manifest;
}
