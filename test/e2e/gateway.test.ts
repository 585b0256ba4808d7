// The gateway's own endpoints: health, readiness and an offline GraphiQL.
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { SERVICE_NAMES } from "../../services/kit/catalog.ts";
import { asUser, postGraphQL, subgraphUrl } from "../support/graphql.ts";
import { demoCaseId, demoPersonId } from "../../demo/fjordvik.ts";

const base = () => `http://127.0.0.1:${inject("gatewayPort")}`;

describe("gateway endpoints", () => {
  it("reports health and readiness", async () => {
    expect((await fetch(`${base()}/healthcheck`)).status).toBe(200);
    expect((await fetch(`${base()}/readiness`)).status).toBe(200);
  });

  it("serves GraphiQL with every script and style inline, so it works without internet", async () => {
    const res = await fetch(`${base()}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("GraphiQL");
    const external = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi)].map((m) => m[0]);
    expect(external).toEqual([]);
  });

  it("every subgraph reports health, readiness and Prometheus metrics", async () => {
    for (const service of SERVICE_NAMES) {
      const root = subgraphUrl(service);
      expect((await fetch(`${root}/healthz`)).status, service).toBe(200);
      expect(await (await fetch(`${root}/readyz`)).json(), service).toEqual({ ready: true });
      const metrics = await (await fetch(`${root}/metrics`)).text();
      expect(metrics, service).toMatch(/^hub_sql_statements_total\{service="\w+"\} \d+$/m);
      // The PostgreSQL pass really runs on PostgreSQL, the default pass on PGlite.
      expect(metrics, service).toContain(`hub_database_info{service="${service}",kind="${inject("database")}"} 1`);
    }
  });

  it("accepts a client's X-Request-Id and answers with it, the subgraphs still trusting the signed calls — but logs under its own id, returned as x-hub-request-id", async () => {
    const headers = { ...(await asUser("nav-veileder-3", demoCaseId("berg"))), "content-type": "application/json", "x-request-id": "frontend-req-42" };
    const res = await fetch(`${base()}/graphql`, { method: "POST", headers, body: JSON.stringify({ query: "query ($id: ID!) { person(id: $id) { givenName nav { access { status } } } }", variables: { id: demoPersonId("berg", "Geir") } }) });
    const body = (await res.json()) as { data?: { person: { givenName: string } | null }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.person?.givenName).toBe("Geir");
    expect(res.headers.get("x-request-id")).toBe("frontend-req-42");
    // The access logs record the hub's own id for the request, never one a client chose.
    const hubId = res.headers.get("x-hub-request-id");
    expect(hubId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const log = await postGraphQL<{ navAuditLog: { requestId: string }[] }>(
      `${base()}/graphql`,
      `query ($p: ID!) { navAuditLog(personId: $p, actorId: "nav-veileder-3", limit: 5) { requestId } }`,
      { p: demoPersonId("berg", "Geir") },
      await asUser("nav-auditor"),
    );
    expect(log.errors).toBeUndefined();
    const ids = log.data!.navAuditLog.map((e) => e.requestId);
    expect(ids).toContain(hubId);
    expect(ids).not.toContain("frontend-req-42");
  });
});

describe("the gateway's own log", () => {
  it("tags a request's lines with the hub's id, never with an X-Request-Id the client chose", async () => {
    const { startGateway } = await import("./hardening-support.ts");
    const gw = await startGateway(inject("gatewayPort") + 67, { LOG_LEVEL: "debug" });
    try {
      const mark = gw.log().length;
      const headers = { ...(await asUser("nav-veileder-3", demoCaseId("berg"))), "content-type": "application/json", "x-request-id": "chosen-by-the-client-7" };
      const res = await fetch(gw.url, { method: "POST", headers, body: JSON.stringify({ query: "query ($id: ID!) { person(id: $id) { nav { access { status } } } }", variables: { id: demoPersonId("berg", "Geir") } }) });
      expect(res.status).toBe(200);
      const hubId = res.headers.get("x-hub-request-id")!;
      expect(res.headers.get("x-request-id")).toBe("chosen-by-the-client-7");
      const ids = gw.log().slice(mark).split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { requestId?: string }).requestId).filter(Boolean);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(new Set([hubId]));
    } finally {
      await gw.stop();
    }
  });
});
