// The app's operations as trusted documents: codegen's persisted-documents.json
// (id → text), each held to the gateway's own rules (valid against the public
// schema, one named operation, within the cost limit, the id the gateway
// gives its text; gateway/persisted-documents.ts). They are part of the
// gateway's one manifest (gateway/documents/manifest.json), which the build
// writes (as `npm run documents` does), so production runs exactly what the
// app sends; the build fails on any operation that breaks a rule.
import { DEFAULT_DOCUMENTS_MANIFEST, documentsConfig } from "../gateway/config.ts";
import { appOperations, buildManifest, manifestOf, publicSchema, writeManifest, type Manifest } from "../gateway/persisted-documents.ts";
import { PERSISTED_DOCUMENTS_FILE } from "./codegen.ts";

/** The app's operations alone, checked. */
export function appManifest(file = PERSISTED_DOCUMENTS_FILE): Manifest {
  return manifestOf(appOperations(publicSchema(), documentsConfig().limits, file), "in the app");
}

/** Brings gateway/documents/manifest.json up to date with the app's operations (and the hub's own); the manifest and whether it changed. */
export function writeTrustedDocuments(): { manifest: Manifest; app: Manifest; wrote: boolean } {
  const app = appManifest();
  const manifest = buildManifest(documentsConfig().limits);
  return { manifest, app, wrote: writeManifest(manifest, DEFAULT_DOCUMENTS_MANIFEST) };
}
