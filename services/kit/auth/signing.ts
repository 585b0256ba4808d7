// Request signing between the hub's own processes. The gateway signs every
// subgraph request with Hive's HMAC upstream-signature plugin, using the
// serializer below so that the signature covers the forwarded claims and the
// declared purpose (the plugin's default covers only query and variables).
// Subgraphs verify the same bytes before anything else runs.
//
// Two hops, two keys: the gateway signs its calls with HUB_SIGNING_SECRET, a
// subgraph its calls to another (decisions, person facts) with
// HUB_INTERNAL_SIGNING_SECRET, which the gateway never holds. A signed call
// names the subgraph it is for and carries a nonce, so it is good once, at
// that subgraph only (verification.ts).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { RefusalCode } from "../error-codes.ts";

export const SIGNATURE_EXTENSION = "hmac-signature";
/** Where the gateway puts the declared purpose and when it signed. */
export const HUB_EXTENSION = "hub";
/** Where Hive's JWT plugin forwards the verified token payload. */
export const JWT_EXTENSION = "jwt";
/** A signed request older than this is refused (replay window). */
export const MAX_SIGNATURE_AGE_MS = 60_000;

export interface HubExtension {
  /** The coordination case the request works in, from the client's X-Case-Id header. */
  purpose: string | null;
  requestId: string;
  /** Milliseconds since the epoch when the request was signed. */
  issuedAt: number;
  /** The subgraph the request is signed for; any other refuses it. */
  target?: string;
  /** Unique per signed request; the target refuses a nonce it has taken before. */
  nonce?: string;
  /** Set when a subgraph calls another subgraph on its own behalf. */
  service?: string;
  /** The consent epoch in force when the request reached the gateway (kit/consent-epoch.ts); null or absent: unknown. */
  consentEpoch?: number | null;
}

export interface SignableRequest {
  query?: string;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/**
 * JSON with object keys sorted at every level, so both ends serialise
 * identically. Written as one pass that appends to a string: it runs on every
 * signed call at both ends (seven per family overview), and the version built
 * from entries, filter, sort, map and join arrays was about 3 % of the
 * gateway's CPU. Keys sort by UTF-16 code units (Array.prototype.sort's order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += value[i] === undefined ? "null" : canonicalJson(value[i]);
    }
    return out + "]";
  }
  // Like JSON.stringify: an object with toJSON (a Date) is written as what toJSON returns.
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return canonicalJson((value as { toJSON(): unknown }).toJSON());
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  for (const key of keys) {
    const v = record[key];
    if (v === undefined || typeof v === "function") continue;
    if (out.length > 1) out += ",";
    out += JSON.stringify(key) + ":" + canonicalJson(v);
  }
  return out + "}";
}

const nonEmpty = (value: Record<string, unknown> | null | undefined) => (value && Object.keys(value).length > 0 ? value : undefined);

/** The bytes that are signed: query, variables and every extension but the signature itself. */
export function signedPayload(request: SignableRequest): string {
  const { [SIGNATURE_EXTENSION]: _signature, ...extensions } = request.extensions ?? {};
  return canonicalJson({ query: request.query, variables: nonEmpty(request.variables), extensions: nonEmpty(extensions) });
}

export function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64");
}

export type SignatureProblem = Extract<RefusalCode, "UNSIGNED_REQUEST" | "BAD_SIGNATURE" | "STALE_SIGNATURE">;

/** A fresh nonce for one signed request. */
export const newNonce = (): string => randomUUID();

/** Checks a request body's signature and freshness; null when it is good. */
export function signatureProblem(request: SignableRequest, secret: string, now = Date.now()): SignatureProblem | null {
  const signature = request.extensions?.[SIGNATURE_EXTENSION];
  if (typeof signature !== "string" || signature === "") return "UNSIGNED_REQUEST";
  const expected = Buffer.from(sign(signedPayload(request), secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "BAD_SIGNATURE";
  const hub = request.extensions?.[HUB_EXTENSION] as Partial<HubExtension> | undefined;
  if (typeof hub?.issuedAt !== "number" || Math.abs(now - hub.issuedAt) > MAX_SIGNATURE_AGE_MS) return "STALE_SIGNATURE";
  return null;
}

/** Signs a request this process sends itself (subgraph → subgraph with the internal key; tests). */
export function signRequest<R extends SignableRequest>(request: R, secret: string): R {
  const extensions = { ...(request.extensions ?? {}) };
  delete extensions[SIGNATURE_EXTENSION];
  const unsigned = { ...request, extensions };
  return { ...unsigned, extensions: { ...extensions, [SIGNATURE_EXTENSION]: sign(signedPayload(unsigned), secret) } };
}
