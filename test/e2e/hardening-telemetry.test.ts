// Telemetry through Hive's plugins: Prometheus metrics on the shared gateway's
// metrics port (bounded labels only), and OpenTelemetry traces exported over
// OTLP/HTTP to a collector of the test's own.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { asUser, gateway } from "../support/graphql.ts";
import { sampleValue } from "../support/metrics.ts";
import { loadManifest } from "../../gateway/persisted-documents.ts";
import { DEFAULT_DOCUMENTS_MANIFEST } from "../../gateway/config.ts";
import { post, startGateway, type ExtraGateway } from "./hardening-support.ts";

const metricsUrl = () => `http://127.0.0.1:${inject("gatewayPort") + 95}/metrics`;

/** The scrape's series (metric and labels, no values) of the gateway's own metrics; the process's own are left out. */
function seriesOf(scrape: string): string[] {
  return scrape
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#") && !/^(process|nodejs)_/.test(line))
    .map((line) => line.slice(0, line.lastIndexOf(" ")))
    .sort();
}

describe("Prometheus metrics", () => {
  it("the gateway serves /metrics on its own port (METRICS_PORT), with request, phase, HTTP and per-document metrics", async () => {
    const res = await gateway(`query ($id: ID!) { person(id: $id) { givenName nav { access { status } } } }`, { id: demoPersonId("eriksen", "Tor") }, await asUser("coordinator", demoCaseId("eriksen")));
    expect(res.errors).toBeUndefined();
    // Not on the public port.
    expect((await fetch(`http://127.0.0.1:${inject("gatewayPort")}/metrics`)).status).toBe(404);
    const metrics = await fetch(metricsUrl());
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^# TYPE graphql_envelop_request_duration histogram$/m);
    expect(text).toMatch(/^graphql_envelop_request\{operationType="query"\} \d+$/m);
    expect(text).toMatch(/^graphql_yoga_http_duration_count\{[^}]*statusCode="200"[^}]*\} \d+$/m);
    expect(text).toMatch(/^hub_gateway_requests_count\{operation="other",status="200"\} \d+$/m);
    // Declared; in this e2e run the shared gateway records no samples for them yet (an in-process
    // gateway does: see the report of issue 5), so only their presence is checked here.
    expect(text).toMatch(/^# TYPE graphql_gateway_subgraph_execute_duration histogram$/m);
    // Subgraph calls go by the hub's own transport (gateway/transport.ts), which passes no fetch hooks:
    // their time is in the histogram above, and no empty fetch histogram is declared.
    expect(text).not.toMatch(/graphql_gateway_fetch_duration/);
    // Labels carry operation types, statuses and subgraph names, never variables, tokens or names a client chose.
    expect(text).not.toContain(demoPersonId("eriksen", "Tor"));
    expect(text).not.toMatch(/Bearer|eyJ|operationName=|url=/);
  });

  it("labels a trusted document by its name, anything else as other — a name the client chose included", async () => {
    const count = async (operation: string) => sampleValue(await (await fetch(metricsUrl())).text(), "hub_gateway_requests_count", { operation, status: "200" }) || 0;
    const [overviews, others] = [await count("FamilyOverview"), await count("other")];
    const overview = [...loadManifest(DEFAULT_DOCUMENTS_MANIFEST).values()].find((op) => op.name === "FamilyOverview")!;
    const byId = await post(inject("gatewayUrl"), { documentId: overview.id, variables: { familyId: demoFamilyId("berg") } }, await asUser("coordinator", demoCaseId("berg")));
    expect(byId.errors, byId.raw).toBeUndefined();
    const chosen = await post(inject("gatewayUrl"), { query: "query FamilyOverview { __typename }", operationName: "FamilyOverview" });
    expect(chosen.errors, chosen.raw).toBeUndefined();
    expect(await count("FamilyOverview")).toBe(overviews + 1);
    expect(await count("other")).toBe(others + 1);
  });

  it("neither a person's id in a URL nor 2,000 unique URLs get in: the series stay what they were", async () => {
    const csrf = { "x-graphql-csrf": "1", accept: "application/json" };
    const id = demoPersonId("berg", "Geir");
    const base = inject("gatewayUrl");
    // Once first, so that every label value these requests can produce is there before the count.
    const unique = (pad: string) => `${base}?query=${encodeURIComponent("{ __typename }")}&variables=${encodeURIComponent(JSON.stringify({ pad }))}`;
    const warm = await fetch(unique("warm"), { headers: csrf });
    expect(warm.status).toBe(200);
    const before = await (await fetch(metricsUrl())).text();
    const lookup = await fetch(`${base}?query=${encodeURIComponent(`query Who_${id.replace(/\W/g, "_")} { person(id: "${id}") { givenName } }`)}`, { headers: { ...csrf, ...(await asUser("coordinator", demoCaseId("berg"))) } });
    expect(lookup.status).toBe(200);
    const pad = "x".repeat(4_000);
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const res = await fetch(unique(`${pad}${batch * 100 + i}`), { headers: csrf });
          expect(res.status).toBe(200);
          await res.arrayBuffer();
        }),
      );
    }
    const after = await (await fetch(metricsUrl())).text();
    expect(after).not.toContain(id);
    expect(after).not.toContain(pad);
    expect(after).not.toMatch(/Who_/);
    // The same series before and after (only their values moved), so the scrape did not grow either.
    expect(seriesOf(after)).toEqual(seriesOf(before));
    expect(after.length).toBeLessThan(before.length * 1.1 + 1_000);
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
