// The web server as a real process: security headers, caching, the SPA
// fallback, /config.json, readiness, its log, and a graceful SIGTERM.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WEB_DIST_DIR } from "../../web/config.ts";
import { STUB_GATEWAY_URL, STUB_ISSUER, startWebApp, type WebApp } from "../support/web-app.ts";

const hashedScript = () => {
  const html = fs.readFileSync(path.join(WEB_DIST_DIR, "index.html"), "utf8");
  return html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
};

describe("web server", () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp(1);
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
  });

  test("the app's page for every route, never stored", async () => {
    for (const route of ["/", "/saker", "/auth/callback?code=x&state=y", "/finnes/ikke"]) {
      const response = await fetch(`${app.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  test("strict security headers on every answer", async () => {
    for (const route of ["/", hashedScript(), "/config.json", "/nope.js"]) {
      const headers = (await fetch(`${app.url}${route}`)).headers;
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp, route).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain(`connect-src 'self' ${new URL(STUB_GATEWAY_URL).origin}`);
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
    }
  });

  test("no inline script in the page", async () => {
    const html = await (await fetch(app.url)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\bon[a-z]+="/);
  });

  test("hashed assets are immutable and sent gzipped to who asks", async () => {
    const script = hashedScript();
    const response = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("vary")).toBe("accept-encoding");
    // fetch decodes gzip itself; the body must be the file exactly.
    expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(WEB_DIST_DIR, script)))).toBe(true);
    const raw = await new Promise<{ encoding?: string; length: number }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${app.url}${script}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], length: zlib.gunzipSync(Buffer.concat(chunks)).length }));
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(raw.length).toBe(fs.statSync(path.join(WEB_DIST_DIR, script)).size);
  });

  test("/config.json gives the app its settings and is never stored", async () => {
    const response = await fetch(`${app.url}/config.json`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ gatewayUrl: STUB_GATEWAY_URL, oidc: { issuer: STUB_ISSUER, clientId: "samhandling-web", scope: "openid hub" }, trustedDocumentsOnly: false });
  });

  test("missing files are 404, not the app; build outputs for the gateway are not served", async () => {
    for (const route of ["/assets/gone-123.js", "/favicon.png", "/persisted-documents.json", "/.build-stamp", "/../package.json", "/%2e%2e/package.json"]) {
      const response = await fetch(`${app.url}${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
    expect((await fetch(`${app.url}/favicon.svg`)).headers.get("cache-control")).toBe("no-cache");
  });

  test("only GET and HEAD", async () => {
    const response = await fetch(app.url, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    const head = await fetch(app.url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  test("readiness and liveness", async () => {
    expect(await (await fetch(`${app.url}/readyz`)).json()).toEqual({ ready: true });
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ ok: true });
  });
});

describe("web server lifecycle", () => {
  test("SIGTERM: ready false, then a clean exit; JSON log lines that name no path", async () => {
    const app = await startWebApp(2);
    await fetch(`${app.url}/saker/secret-case-id`);
    expect(await app.stop()).toBe(0);
    const lines = app.output().trim().split("\n");
    const entries = lines.map((line) => JSON.parse(line) as { component: string; msg: string; level: string });
    expect(entries.map((e) => e.msg)).toEqual(["web app ready", "shutting down", "stopped"]);
    expect(entries.every((e) => e.component === "web")).toBe(true);
    expect(app.output()).not.toContain("secret-case-id");
  }, 60_000);

  test("refuses to start without a build, saying how to make one", async () => {
    await expect(startWebApp(3, { WEB_DIST_DIR: path.join(WEB_DIST_DIR, "nothing-here") })).rejects.toThrow(/npm run web:build/);
  }, 60_000);

  test("in production, refuses to start without the public URLs", async () => {
    await expect(startWebApp(3, { NODE_ENV: "production", WEB_GATEWAY_URL: "" })).rejects.toThrow(/WEB_GATEWAY_URL must be set in production/);
  }, 60_000);
});
