// The gateway's own HTTP transport for subgraph calls (gateway/transport.ts),
// against a real HTTP server of the test's: what it sends, how it reads an
// answer, and what counts as a failed call (which the subgraph-errors plugin
// turns into SERVICE_UNAVAILABLE or GATEWAY_TIMEOUT; test/e2e/failures-subgraph.test.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLError, parse } from "graphql";
import { answerOf, MAX_ANSWER_BYTES, subgraphExecutor } from "../gateway/transport.ts";
import { HUB_EXTENSION } from "../services/kit/auth/signing.ts";

interface Seen {
  method?: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

let server: http.Server;
let location = "";
const seen: Seen[] = [];
/** What the server answers next: status and raw body, or "hang" (never answers). */
let next: { status: number; body: string } | "hang" | "cut" = { status: 200, body: "{}" };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seen.push({ method: req.method, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown> });
      if (next === "hang") return;
      if (next === "cut") {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"data":{"person":');
        setTimeout(() => res.destroy(), 20);
        return;
      }
      res.writeHead(next.status, { "content-type": "application/json" });
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  location = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const document = parse("query Q($id: ID!) { person(id: $id) { id } }");
const request = (extra: Record<string, unknown> = {}) => ({
  document,
  variables: { id: "p1" },
  operationName: "Q",
  extensions: { [HUB_EXTENSION]: { requestId: "req-123", purpose: null, issuedAt: 1 }, signature: "sig" },
  ...extra,
});

describe("subgraph transport", () => {
  it("POSTs query, variables, operation name and extensions as JSON, with the hub's request id as X-Request-Id", async () => {
    next = { status: 200, body: JSON.stringify({ data: { person: { id: "p1" } } }) };
    const execute = subgraphExecutor(location);
    expect(await execute(request())).toEqual({ data: { person: { id: "p1" } } });
    const call = seen.at(-1)!;
    expect(call.method).toBe("POST");
    expect(call.headers["content-type"]).toBe("application/json");
    expect(call.headers["x-request-id"]).toBe("req-123");
    expect(call.body).toEqual({ query: "query Q($id:ID!){person(id:$id){id}}", variables: { id: "p1" }, operationName: "Q", extensions: request().extensions });
    execute[Symbol.dispose]();
  });

  it("keeps the connection alive between calls", async () => {
    next = { status: 200, body: JSON.stringify({ data: { ok: true } }) };
    const execute = subgraphExecutor(location);
    const ports = new Set<number>();
    const onConnection = (socket: { remotePort?: number }) => ports.add(socket.remotePort ?? 0);
    server.on("connection", onConnection);
    for (let i = 0; i < 3; i++) await execute(request());
    server.off("connection", onConnection);
    expect(ports.size).toBe(1);
    execute[Symbol.dispose]();
  });

  it("hands on the subgraph's GraphQL errors as GraphQLErrors with path and extensions, whatever the HTTP status", async () => {
    next = { status: 401, body: JSON.stringify({ errors: [{ message: "Unsigned", path: ["person"], extensions: { code: "UNSIGNED_REQUEST" } }] }) };
    const execute = subgraphExecutor(location);
    const result = await execute(request());
    expect(result.data).toBeUndefined();
    const error = result.errors?.[0];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ message: "Unsigned", path: ["person"], extensions: { code: "UNSIGNED_REQUEST" } });
    expect(error?.originalError).toBeUndefined();
    execute[Symbol.dispose]();
  });

  it("throws (a failed call, no GraphQL answer) for a body that is not JSON, not an object, or has neither data nor errors", () => {
    expect(() => answerOf(502, "<html>Bad gateway</html>")).toThrow(/HTTP 502 without a JSON body/);
    expect(() => answerOf(200, "null")).toThrow(/not a GraphQL answer/);
    expect(() => answerOf(200, "{}")).toThrow(/neither data nor errors/);
    expect(() => answerOf(200, JSON.stringify({ data: null, errors: [] }))).toThrow(/neither data nor errors/);
    expect(answerOf(200, JSON.stringify({ data: null, errors: [{ message: "x" }] })).errors?.[0]?.message).toBe("x");
  });

  it("fails a call that is refused", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const execute = subgraphExecutor(`http://127.0.0.1:${port}/graphql`);
    await expect(execute(request())).rejects.toThrow(/ECONNREFUSED/);
    execute[Symbol.dispose]();
  });

  it("stops waiting when the call's signal aborts (the upstream timeout), and does not send at all when it already has", async () => {
    next = "hang";
    const execute = subgraphExecutor(location);
    const before = seen.length;
    await expect(execute(request({ signal: AbortSignal.abort(new Error("gone already")) }))).rejects.toThrow("gone already");
    expect(seen.length).toBe(before);
    await expect(execute(request({ signal: AbortSignal.timeout(100) }))).rejects.toThrow();
    execute[Symbol.dispose]();
  });

  it("fails a call whose connection closes before the answer is complete", async () => {
    next = "cut";
    const execute = subgraphExecutor(location);
    await expect(execute(request())).rejects.toThrow();
    execute[Symbol.dispose]();
  });

  it("refuses an answer over the size cap instead of buffering it", async () => {
    next = { status: 200, body: JSON.stringify({ data: { blob: "x".repeat(MAX_ANSWER_BYTES) } }) };
    const execute = subgraphExecutor(location);
    await expect(execute(request())).rejects.toThrow(/larger than/);
    execute[Symbol.dispose]();
  });
});
