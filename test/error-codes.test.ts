// One error-code registry (services/kit/error-codes.ts): every code the
// gateway and the services send comes from it, docs/errors.md is generated
// from it, docs/operations.md agrees with it, and a fault has one code.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorCodeEntry } from "../services/kit/error-codes.ts";
import { handlingOf } from "../examples/client/errors.ts";
import { hubError, refusalResponse } from "../services/kit/errors.ts";
import { createRequestListener } from "../services/kit/http.ts";
import { ERRORS_DOC, errorsDoc } from "../scripts/lib/reference-docs.ts";
import { buildSchema, type GraphQLEnumType } from "graphql";
import { ERROR_CODE_ENUM } from "../services/kit/error-code-enum.ts";

const registry = ERROR_CODES as Record<string, ErrorCodeEntry>;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT_DIR, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

const CODE = /["']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)["']/g;
/** `code: "X"` (also `code: cond ? "X" : "Y"`), up to the end of the value. */
const CODE_PROPERTY = /\bcode:\s*([^,}\n;]+)/g;
/** The registry's helpers and the kit's HTTP refusal, first argument. */
const CODE_ARGUMENT = /\b(?:hubError|requestRefusal|refusalExtensions|refusalResponse|clientError|coded|HttpError)\(\s*(["'][^"']*["'])/g;

/** Every code literal in gateway/ and services/, with where it is. */
function codesInSources(): { code: string; at: string }[] {
  const found: { code: string; at: string }[] = [];
  for (const file of [...sourceFiles("gateway"), ...sourceFiles("services")]) {
    if (file.endsWith(`${path.sep}error-codes.ts`)) continue;
    const source = fs.readFileSync(file, "utf8");
    for (const pattern of [CODE_PROPERTY, CODE_ARGUMENT]) {
      for (const match of source.matchAll(pattern)) {
        for (const literal of match[1]!.matchAll(CODE)) {
          const line = source.slice(0, match.index).split("\n").length;
          found.push({ code: literal[1]!, at: `${path.relative(ROOT_DIR, file)}:${line}` });
        }
      }
    }
  }
  return found;
}

describe("the error-code registry", () => {
  it("holds every code the gateway and the services send", () => {
    const found = codesInSources();
    // The scan sees the hub's own codes wherever they are written: plugins, the kit, samhandling.
    for (const code of ["REQUEST_TOO_LARGE", "RATE_LIMITED", "PERSISTED_DOCUMENTS_UNAVAILABLE", "SERVICE_UNAVAILABLE", "PURPOSE_MISMATCH", "CACHE_INVALIDATION_FAILED", "NOT_COMPETENT", "ACCESS_LOG_UNAVAILABLE", "SHUTTING_DOWN"]) {
      expect(found.map((f) => f.code), code).toContain(code);
    }
    const unknown = found.filter((f) => !isErrorCode(f.code)).map((f) => `${f.code} at ${f.at}`);
    expect(unknown, "add the code to services/kit/error-codes.ts (and run `npm run docs`), or use one it has").toEqual([]);
  });

  it("has one code per fault: a body over the limit is REQUEST_TOO_LARGE everywhere, PAYLOAD_TOO_LARGE nowhere", () => {
    expect(isErrorCode("PAYLOAD_TOO_LARGE")).toBe(false);
    for (const file of [...sourceFiles("gateway"), ...sourceFiles("services")]) expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/PAYLOAD_TOO_LARGE/);
  });

  it("describes every code, and gives a status to each refusal and a place to each code", () => {
    for (const [code, entry] of Object.entries(registry)) {
      expect(entry.status !== undefined || entry.field === true, `${code}: a refusal (status) or a field's error`).toBe(true);
      if (entry.status !== undefined) expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.meaning.length, code).toBeGreaterThan(10);
      expect(entry.action.length, code).toBeGreaterThan(10);
    }
  });

  it("marks the codes a client may send again unchanged as retryable, and the hub's errors say so in extensions.retryable", () => {
    const retryable = Object.keys(registry).filter((code) => registry[code]!.retryable);
    expect(retryable).toEqual(expect.arrayContaining(["SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT", "SHUTTING_DOWN", "ACCESS_LOG_UNAVAILABLE"]));
    // What a retryable code advises is to try again; a request that can never succeed as sent is not retryable.
    for (const code of retryable) expect(registry[code]!.action, code).toMatch(/try again|send the request again/i);
    for (const code of ["BAD_USER_INPUT", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "CACHE_INVALIDATION_FAILED"]) expect(registry[code]!.retryable, code).toBeUndefined();
    const refusal = JSON.parse(refusalResponse("SHUTTING_DOWN", "Stopping.").body) as { errors: { extensions: unknown }[] };
    expect(refusal.errors[0]!.extensions).toEqual({ code: "SHUTTING_DOWN", retryable: true });
    expect(hubError("ACCESS_LOG_UNAVAILABLE", "Not logged.").extensions).toEqual({ code: "ACCESS_LOG_UNAVAILABLE", retryable: true });
    expect(hubError("FORBIDDEN", "Not yours.").extensions).toEqual({ code: "FORBIDDEN" });
    // The example client (its own program, on the generated types) tries again on exactly these.
    for (const code of Object.keys(registry)) expect(handlingOf(code as ErrorCode) === "retry-later", `examples/client/errors.ts on ${code}`).toBe(registry[code]!.retryable === true);
  });

  it("is what docs/errors.md says (run `npm run docs`)", () => {
    expect(fs.readFileSync(ERRORS_DOC, "utf8")).toBe(errorsDoc());
  });

  it("is published in the public schema as the enum ErrorCode, every code with its meaning and action as its description", () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT_DIR, "schema", "public.graphql"), "utf8"));
    const published = schema.getType(ERROR_CODE_ENUM) as GraphQLEnumType;
    expect(published.description).toMatch(/extensions\.code/);
    expect(published.getValues().map((v) => v.name)).toEqual(Object.keys(registry));
    for (const value of published.getValues()) {
      expect(value.description, value.name).toContain(registry[value.name]!.meaning);
      expect(value.description, value.name).toContain(registry[value.name]!.action);
    }
    // And in the example client's generated types, as the union a client switches on (npm run web:codegen).
    const enums = fs.readFileSync(path.join(ROOT_DIR, "examples", "client", "generated", "schema-enums.ts"), "utf8");
    for (const code of Object.keys(registry)) expect(enums, code).toContain(`| '${code}'`);
  });

  it("agrees with docs/operations.md, which links to docs/errors.md for the list", () => {
    const operations = fs.readFileSync(path.join(ROOT_DIR, "docs", "operations.md"), "utf8");
    expect(operations).toContain("](errors.md)");
    // "413 `REQUEST_TOO_LARGE`": the statuses named are the registry's.
    const pairs = [...operations.matchAll(/\b([1-5]\d\d) `([A-Z][A-Z0-9_]+)`/g)];
    expect(pairs.length).toBeGreaterThan(5);
    for (const [, status, code] of pairs) {
      expect(isErrorCode(code), `docs/operations.md names ${status} ${code}`).toBe(true);
      const entry = registry[code!]!;
      expect(Number(status) === entry.status || (status === "200" && entry.field), `docs/operations.md: ${status} ${code}, registry: ${entry.status}`).toBe(true);
    }
    // The limits table (variable | default | refused with): each limit's code is a registry code.
    const limitsSection = operations.slice(operations.indexOf("## Limits"), operations.indexOf("\n## ", operations.indexOf("## Limits") + 1));
    const limits = limitsSection.split("\n").filter((l) => /^\| `[A-Z][A-Z0-9_]+` .*\|$/.test(l));
    expect(limits.length).toBeGreaterThan(5);
    for (const row of limits) {
      const refusedWith = row.split(" | ").at(-1)!;
      const code = /`([A-Z][A-Z0-9_]+)`/.exec(refusedWith)?.[1];
      expect(code !== undefined && isErrorCode(code), row).toBe(true);
    }
  });
});

describe("a subgraph's own refusals", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer(
      createRequestListener({
        apollo: {} as ApolloServer,
        verify: async () => null,
        context: async () => ({}),
        isReady: () => true,
        metrics: () => "",
        maxBodyBytes: 100,
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusal = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code });

  it("answer with the registry's code and status", async () => {
    const tooLarge = await refusal(await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "x".repeat(200) }) }));
    expect(tooLarge).toEqual({ status: 413, code: "REQUEST_TOO_LARGE" });
    const cases = [
      [await fetch(`${base}/elsewhere`), "NOT_FOUND"],
      [await fetch(`${base}/graphql`), "METHOD_NOT_ALLOWED"],
      [await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1]" }), "BAD_REQUEST"],
    ] as const;
    for (const [res, code] of cases) expect(await refusal(res)).toEqual({ status: registry[code]!.status, code });
  });
});
