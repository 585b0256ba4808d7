// What the gateway makes of a subgraph that misbehaves, and when it stops
// working on a request: a gateway of the test's own (NODE_ENV=development,
// as the project's test gateways run) whose nav is a stand-in the test
// controls, the other services the shared federation's.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser } from "../support/graphql.ts";
import { eventually } from "../support/own-federation.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const CASE = demoCaseId("eriksen");
const TOR = demoPersonId("eriksen", "Tor");
/** A member of Tor Eriksen's case (his ansvarsgruppe's coordinator). */
const ACTOR = "kriminalomsorg-koordinator-1";
const QUERY = `query ($id: ID!) { person(id: $id) { givenName nav { involved } } }`;
/** What the stand-in's errors say: internals no client may see. */
const INTERNAL_TEXT = 'relation "nav_secret" does not exist at /srv/nav/data.ts:12';

type Behaviour = "uncoded error" | "coded error with a stack" | "hang" | "not json";

/** A stand-in for nav: answers as told, and records when each call it got was closed. */
class StandIn {
  behaviour: Behaviour = "hang";
  readonly calls: { receivedAt: number; closedAt?: number }[] = [];
  private server = http.createServer((req, res) => {
    const call: { receivedAt: number; closedAt?: number } = { receivedAt: Date.now() };
    this.calls.push(call);
    res.on("close", () => (call.closedAt ??= Date.now()));
    req.resume();
    req.on("end", () => {
      if (this.behaviour === "hang") return;
      if (this.behaviour === "not json") return res.writeHead(200, { "content-type": "text/html" }).end("<html>Internal Server Error at /srv/nav/index.ts</html>");
      res.writeHead(200, { "content-type": "application/json" });
      const stack = [`Error: ${INTERNAL_TEXT}`, "    at load (/srv/nav/data.ts:12:7)"];
      const error =
        this.behaviour === "uncoded error"
          ? { message: INTERNAL_TEXT, path: ["_entities", 0, "nav"] }
          : { message: "Only the case's members may see this.", path: ["_entities", 0, "nav"], extensions: { code: "FORBIDDEN", stacktrace: stack, exception: { stacktrace: stack } } };
      res.end(JSON.stringify({ data: { _entities: [null] }, errors: [error] }));
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Internals that must never reach a client, in any mode. */
function expectNoInternals(raw: string) {
  expect(raw).not.toMatch(/\n\s+at |node_modules|\/srv\/|\/work\/|\.ts:\d+|stack|originalError|nav_secret/i);
}

const navStandIn = new StandIn();
let gw: ExtraGateway;
let deadline: ExtraGateway;

beforeAll(async () => {
  const nav = await navStandIn.listen();
  const port = inject("gatewayPort");
  [gw, deadline] = await Promise.all([
    startGateway(port + 72, { SUBGRAPH_URL_NAV: nav, UPSTREAM_TIMEOUT_MS: "20000" }),
    startGateway(port + 73, { SUBGRAPH_URL_NAV: nav, UPSTREAM_TIMEOUT_MS: "20000", REQUEST_DEADLINE_MS: "1500" }),
  ]);
  // One request through the 1.5 s gateway first, whatever it answers: its first plan and first connections
  // to the real subgraphs are not what the deadline test is about, and on a loaded machine they alone can
  // use up 1.5 s before the call to nav is made.
  navStandIn.behaviour = "uncoded error";
  await post(deadline.url, { query: QUERY, variables: { id: TOR } }, await asUser(ACTOR, CASE)).catch(() => undefined);
});

afterAll(async () => {
  await Promise.all([gw?.stop(), deadline?.stop()]);
  await navStandIn.close();
});

describe("a subgraph's own error", () => {
  it("without a code → SUBGRAPH_ERROR naming the service, its text masked; the rest of the answer stands", async () => {
    navStandIn.behaviour = "uncoded error";
    const res = await post(gw.url, { query: QUERY, variables: { id: TOR } }, await asUser(ACTOR, CASE));
    expect(res.status, res.raw).toBe(200);
    expect((res.data?.person as { givenName: string } | null)?.givenName).toBe("Tor");
    const errors = res.errors ?? [];
    expect(errors.length, res.raw).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions, res.raw).toMatchObject({ code: "SUBGRAPH_ERROR", serviceName: "nav" });
      expect(error.message).toMatch(/^The nav service answered with an error/);
    }
    expectNoInternals(res.raw);
  });

  it("with a code but a stack attached → its code and message, never the stack", async () => {
    navStandIn.behaviour = "coded error with a stack";
    const res = await post(gw.url, { query: QUERY, variables: { id: TOR } }, await asUser(ACTOR, CASE));
    expect(res.status, res.raw).toBe(200);
    expect(res.errors?.[0]?.extensions, res.raw).toEqual({ code: "FORBIDDEN", serviceName: "nav" });
    expect(res.errors?.[0]?.message).toBe("Only the case's members may see this.");
    expectNoInternals(res.raw);
  });

  it("an answer that is no GraphQL answer → SERVICE_UNAVAILABLE, no internals", async () => {
    navStandIn.behaviour = "not json";
    const res = await post(gw.url, { query: QUERY, variables: { id: TOR } }, await asUser(ACTOR, CASE));
    expect(res.status, res.raw).toBe(200);
    expect(res.errors?.[0]?.extensions, res.raw).toMatchObject({ code: "SERVICE_UNAVAILABLE", serviceName: "nav" });
    expectNoInternals(res.raw);
  });
});

describe("when the gateway stops working on a request", () => {
  it("a client that goes away: the subgraph call it was waiting for is aborted at once, not at the upstream timeout", async () => {
    navStandIn.behaviour = "hang";
    const before = navStandIn.calls.length;
    const client = new AbortController();
    const sent = fetch(gw.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await asUser(ACTOR, CASE)) },
      body: JSON.stringify({ query: QUERY, variables: { id: TOR } }),
      signal: client.signal,
    }).catch((error: unknown) => error);
    expect(await eventually(async () => navStandIn.calls.length > before, 10_000), "nav was never called").toBe(true);
    const call = navStandIn.calls[before]!;
    const gone = Date.now();
    client.abort();
    await sent;
    expect(await eventually(async () => call.closedAt !== undefined, 8_000), "the call to nav is still open").toBe(true);
    // The upstream timeout is 20 s here; the call must end with the client.
    expect(call.closedAt! - gone).toBeLessThan(5_000);
  });

  it("past REQUEST_DEADLINE_MS: 503 REQUEST_DEADLINE_EXCEEDED, and the subgraph call is aborted", async () => {
    navStandIn.behaviour = "hang";
    const before = navStandIn.calls.length;
    const started = Date.now();
    const res = await post(deadline.url, { query: QUERY, variables: { id: TOR } }, await asUser(ACTOR, CASE));
    const took = Date.now() - started;
    expect(res.status, res.raw).toBe(503);
    expect(res.errors?.[0]?.extensions?.code, res.raw).toBe("REQUEST_DEADLINE_EXCEEDED");
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(10_000);
    expect(res.headers.get("x-hub-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expectNoInternals(res.raw);
    const call = navStandIn.calls[before];
    expect(call, "nav was never called").toBeDefined();
    expect(await eventually(async () => call!.closedAt !== undefined, 8_000), "the call to nav is still open").toBe(true);
    expect(deadline.log()).toMatch(/"msg":"request stopped at its deadline"/);
  });
});
