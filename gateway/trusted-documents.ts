// Where the gateway finds trusted documents: the manifest file first, then
// (with REDIS_URL) a Redis hash, so documents can be published to running
// gateways without a deploy (`npm run documents -- --redis`).
//
// A Redis entry is held to the same rules as the manifest: its body must hash
// to its id and pass the public schema and the cost limit (checked once per
// id and body), since anyone who can write to that hash could otherwise run any
// document, at any cost, in production. While Redis cannot be read, a
// document that is not in the manifest is answered "unavailable, try again",
// not "no such document", and the outage is logged once.
import type { Redis } from "ioredis";
import { failFastRedis } from "../services/kit/redis.ts";
import type { GraphQLSchema } from "graphql";
import { refusalExtensions, requestRefusal, type RefusalCode } from "../services/kit/errors.ts";
import { createLogger, outageLog } from "../services/kit/log.ts";
import type { Hardening } from "./config.ts";
import { checkedOperation, documentId, publicSchema, type ManifestOperation } from "./persisted-documents.ts";

type Lookup = (id: string) => Promise<string | null>;

/** Hive's persisted-documents errors are given as message and extensions. */
const clientError = (code: RefusalCode, message: string) => ({ message, extensions: refusalExtensions(code) });

/** Redis entries, checked; null for an id Redis does not hold or holds a refused document under. */
export function redisDocuments(redis: Pick<Redis, "hget">, key: string, limits: Hardening["limits"], schema: () => GraphQLSchema): Lookup {
  const log = createLogger("gateway");
  const outage = outageLog("gateway", "trusted documents in Redis cannot be read; only the manifest's documents run until it returns", "trusted documents in Redis readable again");
  // The verdict on each id's body, kept with the body: an entry rewritten under the same id is checked again.
  const verdicts = new Map<string, { body: string; ok: boolean }>();
  return async (id) => {
    let body: string | null;
    try {
      body = await redis.hget(key, id);
    } catch (error) {
      outage.failed(error);
      throw requestRefusal("PERSISTED_DOCUMENTS_UNAVAILABLE", "Trusted documents published to Redis cannot be read right now (documents in the gateway's manifest still run). Try again shortly.");
    }
    outage.ok();
    if (body === null) return null;
    const known = verdicts.get(id);
    if (known?.body === body) return known.ok ? body : null;
    try {
      if (documentId(body) !== id) throw new Error("its body does not hash to its id");
      // Same text, same id: what the manifest would hold for it.
      if (checkedOperation(schema(), body, "the document", limits).body !== body) throw new Error("its body is not in printed form, so its id is not the manifest's");
      verdicts.set(id, { body, ok: true });
      return body;
    } catch (error) {
      // Logged once per id and body: the id is a hash of a document, never personal data.
      log.error("refused a trusted document from Redis", { documentId: id, redisKey: key, reason: (error as Error).message });
      verdicts.set(id, { body, ok: false });
      return null;
    }
  };
}

/** Hive's `persistedDocuments` option for the hub's manifest (`fromFile`) and, with Redis, the published hash. */
export function trustedDocuments(hardening: Hardening, fromFile: ReadonlyMap<string, ManifestOperation>) {
  let fromRedis: Lookup | null = null;
  if (hardening.rateLimit.redisUrl) {
    // During an outage a lookup fails at once; the lookup logs the outage once.
    const redis = failFastRedis(hardening.rateLimit.redisUrl);
    let schema: GraphQLSchema | undefined;
    fromRedis = redisDocuments(redis, hardening.persistedDocumentsRedisKey, hardening.limits, () => (schema ??= publicSchema()));
  }
  return {
    getPersistedOperation: async (id: string) => fromFile.get(id)?.body ?? (fromRedis ? await fromRedis(id) : null),
    allowArbitraryDocuments: hardening.allowArbitraryDocuments,
    customErrors: {
      notFound: clientError("PERSISTED_DOCUMENT_NOT_FOUND", "No trusted document has this documentId. Use an id from gateway/documents/manifest.json."),
      keyNotFound: clientError("PERSISTED_DOCUMENT_REQUIRED", "Send a documentId (or extensions.persistedQuery.sha256Hash) from the trusted-documents manifest."),
      persistedQueryOnly: clientError("PERSISTED_DOCUMENT_REQUIRED", "Only trusted documents run here: send a documentId from the manifest instead of the query text."),
    },
  };
}
