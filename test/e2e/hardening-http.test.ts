// The gateway as an HTTP server facing browsers and hostile clients: CORS for
// the web app's origin alone, and timeouts that cut off a client sending its
// headers or body slowly (slowloris) or holding a connection open doing nothing.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { subgraphPort, webPort } from "../../services/kit/catalog.ts";
import { asUser } from "../support/graphql.ts";
import { startGateway, type ExtraGateway } from "./hardening-support.ts";

const shared = () => inject("gatewayUrl");
const webOrigin = () => `http://localhost:${webPort(inject("gatewayPort"))}`;
const EVIL = "https://evil.example";

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, x-case-id" },
  });
}

async function fromOrigin(url: string, origin: string) {
  return fetch(url, {
    method: "POST",
    headers: { origin, "content-type": "application/json", ...(await asUser("coordinator")) },
    body: JSON.stringify({ query: "{ myCases { id } }" }),
  });
}

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith("access-control-"));

describe("CORS", () => {
  let configured: ExtraGateway;
  beforeAll(async () => {
    configured = await startGateway(inject("gatewayPort") + 77, { CORS_ORIGINS: "https://samhandling.fjordvik.kommune.no, http://localhost:5173" });
  });
  afterAll(async () => {
    await configured?.stop();
  });

  it("allows the web app's own origin by default: credentials, the token and case headers, the request id readable", async () => {
    const pre = await preflight(shared(), webOrigin());
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(webOrigin());
    expect(pre.headers.get("access-control-allow-credentials")).toBe("true");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization.*x-case-id|x-case-id.*authorization/);
    expect(pre.headers.get("vary")).toMatch(/Origin/);
    const res = await fromOrigin(shared(), webOrigin());
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(webOrigin());
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-hub-request-id");
    expect(res.headers.get("vary")).toMatch(/Origin/);
  });

  it("gives any other origin no CORS headers at all: no credentials, no echo, no 'null'", async () => {
    for (const origin of [EVIL, "null", `${webOrigin()}.evil.example`, webOrigin().replace("http:", "https:")]) {
      const pre = await preflight(shared(), origin);
      expect(corsHeaders(pre), origin).toEqual([]);
      const res = await fromOrigin(shared(), origin);
      expect(corsHeaders(res), origin).toEqual([]);
      expect(res.headers.get("vary")).toMatch(/Origin/);
    }
  });

  it("takes its allow-list from CORS_ORIGINS, which then replaces the default", async () => {
    const allowed = await preflight(configured.url, "https://samhandling.fjordvik.kommune.no");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://samhandling.fjordvik.kommune.no");
    expect((await preflight(configured.url, "http://localhost:5173")).headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const defaultOrigin = `http://localhost:${webPort(inject("gatewayPort") + 77)}`;
    expect(corsHeaders(await preflight(configured.url, defaultOrigin))).toEqual([]);
    expect(corsHeaders(await fromOrigin(configured.url, EVIL))).toEqual([]);
  });
});

type Pace = "idle" | "slow headers" | "slow body" | "kept alive";

/** A raw client that behaves as told; resolves with how long the server kept the connection and what it answered. */
function client(port: number, pace: Pace, giveUpMs = 40_000): Promise<{ closedAfterMs: number | null; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    const socket = net.connect(port, "127.0.0.1", () => {
      if (pace === "slow headers") {
        socket.write("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        timer = setInterval(() => socket.write("X-Slow: 1\r\n"), 300);
      } else if (pace === "slow body") {
        socket.write("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        timer = setInterval(() => socket.write(" "), 300);
      } else if (pace === "kept alive") {
        socket.write("GET /healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      }
    });
    const done = (closedAfterMs: number | null) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs, answer });
    };
    const giveUp = setTimeout(() => done(null), giveUpMs);
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => done(Date.now() - started));
    socket.on("error", () => undefined);
  });
}

describe("timeouts", () => {
  let quick: ExtraGateway;
  const port = () => inject("gatewayPort") + 78;
  beforeAll(async () => {
    quick = await startGateway(port(), { HTTP_HEADERS_TIMEOUT_MS: "1000", HTTP_REQUEST_TIMEOUT_MS: "2000", HTTP_KEEP_ALIVE_TIMEOUT_MS: "1000" });
  });
  afterAll(async () => {
    await quick?.stop();
  });

  it("cuts off, with HTTP_*_TIMEOUT_MS, a client that sends its headers or its body slowly, or nothing", async () => {
    const [headers, body, idle, keptAlive] = await Promise.all((["slow headers", "slow body", "idle", "kept alive"] as const).map((pace) => client(port(), pace)));
    expect(headers.closedAfterMs, "slow headers").not.toBeNull();
    expect(headers.closedAfterMs!).toBeGreaterThanOrEqual(900);
    expect(headers.closedAfterMs!).toBeLessThan(5_000);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(body.closedAfterMs, "slow body").not.toBeNull();
    expect(body.closedAfterMs!).toBeGreaterThanOrEqual(1_900);
    expect(body.closedAfterMs!).toBeLessThan(6_000);
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(idle.closedAfterMs, "idle").not.toBeNull();
    expect(idle.closedAfterMs!).toBeLessThan(5_000);
    expect(keptAlive.answer).toMatch(/^HTTP\/1\.1 200/);
    expect(keptAlive.closedAfterMs, "kept alive").not.toBeNull();
    expect(keptAlive.closedAfterMs!).toBeLessThan(5_000);
  });

  it("has deliberate defaults on the gateway and every subgraph: slow headers are cut off after 10 s, not Node's 60", async () => {
    const gateway = inject("gatewayPort");
    const [atGateway, atSubgraph] = await Promise.all([client(gateway, "slow headers"), client(subgraphPort("nav", gateway), "slow headers")]);
    for (const [where, result] of [["gateway", atGateway], ["nav", atSubgraph]] as const) {
      expect(result.closedAfterMs, where).not.toBeNull();
      expect(result.closedAfterMs!, where).toBeGreaterThanOrEqual(9_500);
      expect(result.closedAfterMs!, where).toBeLessThan(20_000);
      expect(result.answer, where).toMatch(/^HTTP\/1\.1 408/);
    }
  }, 60_000);
});
