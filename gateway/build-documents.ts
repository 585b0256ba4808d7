// npm run documents            writes gateway/documents/manifest.json: the hub's documents (gateway/documents/*.graphql)
//                              and the web app's operations (web/src/graphql/generated/persisted-documents.json)
// npm run documents -- --check fails when the manifest is stale (CI)
// npm run documents -- --redis also stores the documents in Redis (REDIS_URL) for gateways that read them there
import fs from "node:fs";
import { Redis } from "ioredis";
import { buildManifest, manifestText, writeManifest } from "./persisted-documents.ts";
import { DEFAULT_DOCUMENTS_MANIFEST, documentsConfig } from "./config.ts";
import { settingsOrExit } from "../services/kit/env.ts";

const args = new Set(process.argv.slice(2));
const config = settingsOrExit("npm run documents", () => documentsConfig());
// A document over the cost limit, invalid against the schema or named twice: its message, no stack.
const manifest = (() => {
  try {
    return buildManifest(config.limits);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();

if (args.has("--check")) {
  const current = fs.existsSync(DEFAULT_DOCUMENTS_MANIFEST) ? fs.readFileSync(DEFAULT_DOCUMENTS_MANIFEST, "utf8") : "";
  if (current !== manifestText(manifest)) {
    console.error("gateway/documents/manifest.json is stale (a document under gateway/documents/ or an operation of the web app changed): run `npm run documents` and commit it.");
    process.exit(1);
  }
  console.log(`manifest up to date (${manifest.operations.length} documents)`);
  process.exit(0);
}

const wrote = writeManifest(manifest, DEFAULT_DOCUMENTS_MANIFEST);
console.log(`${wrote ? "wrote" : "up to date:"} ${manifest.operations.length} trusted documents in gateway/documents/manifest.json`);
for (const op of manifest.operations) console.log(`  ${op.id}  ${op.type} ${op.name}`);

if (args.has("--redis")) {
  if (!config.redisUrl) {
    console.error("--redis needs REDIS_URL.");
    process.exit(1);
  }
  const redis = new Redis(config.redisUrl);
  const key = config.redisKey;
  await redis.hset(key, Object.fromEntries(manifest.operations.map((op) => [op.id, op.body])));
  redis.disconnect();
  console.log(`stored them in Redis hash ${key}`);
}
