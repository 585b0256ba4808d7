// Hive's HMAC upstream signature, over the bytes subgraphs verify: query,
// variables and all extensions (claims, purpose), not just query and variables.
import { createHmac, webcrypto } from "node:crypto";
import { defaultPrintFn } from "@graphql-tools/executor-common";
import { useHmacUpstreamSignature } from "@graphql-mesh/hmac-upstream-signature";
import { SIGNATURE_EXTENSION, signedPayload } from "../../services/kit/auth/signing.ts";

export function useHubSigning(secret: string) {
  return useHmacUpstreamSignature({
    secret,
    extensionName: SIGNATURE_EXTENSION,
    serializeExecutionRequest: (request) =>
      signedPayload({ query: defaultPrintFn(request.document), variables: request.variables, extensions: request.extensions }),
  });
}

type Subtle = typeof webcrypto.subtle;

/**
 * The gateway's WebCrypto (its fetchAPI.crypto, which the HMAC plugin signs
 * with), except that HMAC-SHA-256 with a raw key is computed at once with
 * node:crypto. WebCrypto runs every signature as a job on libuv's thread pool;
 * for a 32-byte MAC over a few kilobytes, the hand-off costs more than the hash
 * (about 5 % of the gateway's CPU and a thread round trip on each of the seven
 * subgraph calls of an overview, bench/RESULTS.md). Same bytes, same signature.
 */
export function hubCrypto(): Crypto {
  const secrets = new WeakMap<object, Buffer>();
  const real = webcrypto.subtle;
  const isRawHmacSha256 = (format: string, algorithm: unknown) => {
    const a = algorithm as { name?: string; hash?: string | { name?: string } } | undefined;
    const hash = typeof a?.hash === "string" ? a.hash : a?.hash?.name;
    return format === "raw" && a?.name === "HMAC" && hash === "SHA-256";
  };
  const bytes = (data: ArrayBufferView | ArrayBuffer) =>
    ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data as ArrayBuffer);
  const importKey = ((format: string, keyData: BufferSource, algorithm: unknown, extractable: boolean, usages: KeyUsage[]) => {
    if (!isRawHmacSha256(format, algorithm)) return (real.importKey as (...args: unknown[]) => Promise<CryptoKey>).call(real, format, keyData, algorithm, extractable, usages);
    // An opaque handle: the key bytes stay in this closure, as a CryptoKey's stay inside WebCrypto.
    const handle = Object.freeze({ type: "secret", extractable: false, algorithm: { name: "HMAC", hash: { name: "SHA-256" } }, usages: [...usages] });
    secrets.set(handle, Buffer.from(bytes(keyData)));
    return Promise.resolve(handle as unknown as CryptoKey);
  }) as Subtle["importKey"];
  const sign: Subtle["sign"] = (algorithm, key, data) => {
    const secret = secrets.get(key);
    if (!secret) return real.sign(algorithm, key, data);
    const mac = createHmac("sha256", secret).update(bytes(data)).digest();
    return Promise.resolve(mac.buffer.slice(mac.byteOffset, mac.byteOffset + mac.byteLength) as ArrayBuffer);
  };
  const subtle = new Proxy(real, {
    get(target, property) {
      if (property === "importKey") return importKey;
      if (property === "sign") return sign;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    subtle,
    getRandomValues: webcrypto.getRandomValues.bind(webcrypto),
    randomUUID: webcrypto.randomUUID.bind(webcrypto),
  } as unknown as Crypto;
}
