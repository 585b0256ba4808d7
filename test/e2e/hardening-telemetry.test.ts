// Telemetry through Hive's plugins: Prometheus metrics on the shared gateway,
// and OpenTelemetry traces exported over OTLP/HTTP to a collector of the test's own.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

describe("Prometheus metrics", () => {
  it("the gateway serves /metrics with request, phase and HTTP metrics", async () => {
    const res = await gateway(`query ($id: ID!) { person(id: $id) { givenName nav { access { status } } } }`, { id: demoPersonId("eriksen", "Tor") }, await asUser("coordinator", demoCaseId("eriksen")));
    expect(res.errors).toBeUndefined();
    const metrics = await fetch(`http://127.0.0.1:${inject("gatewayPort")}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^# TYPE graphql_envelop_request_duration histogram$/m);
    expect(text).toMatch(/^graphql_envelop_request\{operationName="[^"]*",operationType="query"\} \d+$/m);
    expect(text).toMatch(/^graphql_yoga_http_duration_count\{[^}]*statusCode="200"[^}]*\} \d+$/m);
    // Declared; in this e2e run the shared gateway records no samples for them yet (an in-process
    // gateway does: see the report of issue 5), so only their presence is checked here.
    expect(text).toMatch(/^# TYPE graphql_gateway_subgraph_execute_duration histogram$/m);
    // Subgraph calls go by the hub's own transport (gateway/transport.ts), which passes no fetch hooks:
    // their time is in the histogram above, and no empty fetch histogram is declared.
    expect(text).not.toMatch(/graphql_gateway_fetch_duration/);
    // Labels carry operation and subgraph names, never variables or tokens.
    expect(text).not.toContain(demoPersonId("eriksen", "Tor"));
    expect(text).not.toMatch(/Bearer|eyJ/);
  });
});

describe("OpenTelemetry tracing", () => {
  const bodies: string[] = [];
  let collector: http.Server;
  let gw: ExtraGateway;

  beforeAll(async () => {
    collector = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.url === "/v1/traces") bodies.push(Buffer.concat(chunks).toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const port = (collector.address() as { port: number }).port;
    gw = await startGateway(inject("gatewayPort") + 66, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`, OTEL_SERVICE_NAME: "hub-gateway-test" });
  });

  afterAll(async () => {
    await gw?.stop();
    await new Promise<void>((resolve) => collector?.close(() => resolve()));
  });

  it("exports spans for a request and its subgraph calls", async () => {
    const res = await post(gw.url, { query: `query Traced { myCases { id } }` }, await asUser("coordinator"));
    expect(res.errors, res.raw).toBeUndefined();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !bodies.some((b) => b.includes("Traced"))) await new Promise((r) => setTimeout(r, 250));
    const all = bodies.join("\n");
    expect(all).toContain("hub-gateway-test");
    expect(all).toContain("Traced");
    expect(all).toMatch(/subgraph\.execute|samhandling/);
  });

  it("never exports variables, answers or tokens: a person looked up by id leaves only names and hashes", async () => {
    const id = demoPersonId("berg", "Geir");
    const headers = await asUser("coordinator", demoCaseId("berg"));
    const res = await post(gw.url, { query: `query TracedPerson($id: ID!) { person(id: $id) { givenName familyName nav { access { status } } } }`, variables: { id } }, headers);
    expect(res.errors, res.raw).toBeUndefined();
    expect(res.data).toMatchObject({ person: { givenName: "Geir", familyName: "Berg", nav: { access: { status: "GRANTED" } } } });
    const deadline = Date.now() + 20_000;
    const traced = () => bodies.filter((b) => b.includes("TracedPerson")).join("\n");
    // Wait until the spans of the subgraph calls (nav's among them) have been exported too.
    while (Date.now() < deadline && !traced().includes("nav")) await new Promise((r) => setTimeout(r, 250));
    expect(traced()).toContain("nav");
    const all = bodies.join("\n");
    // The person's id travels in the variables (to the gateway) and in the representations (to the subgraphs).
    expect(all).not.toContain(id);
    expect(all).not.toMatch(/Geir|"Berg"/);
    expect(all).not.toMatch(/Bearer|eyJ/);
  });
});
