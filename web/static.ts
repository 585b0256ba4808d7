// What the web server answers: the built app's files (held in memory, with a
// gzip copy of the text ones), /config.json, the SPA fallback, the security
// headers and the caching rules. Kept apart from the process (server.ts) so
// the rules can be read in one place.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type http from "node:http";
import type { RuntimeConfig } from "./src/runtime-config.ts";

interface Asset {
  body: Buffer;
  /** Present for compressible files worth compressing. */
  gzip: Buffer | null;
  type: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt", ".webmanifest"]);

/** Build outputs that are not for the browser: the trusted-documents manifest goes to the gateway; the stamp says what was built. */
const NOT_SERVED = new Set(["/persisted-documents.json", "/.build-stamp"]);

/** Vite names every file under assets/ by its content hash: it never changes under that name. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The entry page names the current hashed files: never reuse an old one. */
const NO_STORE = "no-store";
/** Other files (favicon, robots.txt) keep their names across builds: revalidate. */
const REVALIDATE = "no-cache";

/** Every file of the built app, by URL path. Throws when the build is missing. */
export function loadAssets(distDir: string): Map<string, Asset> {
  if (!fs.existsSync(path.join(distDir, "index.html"))) {
    throw new Error(`No built app at ${distDir} (index.html missing). Run \`npm run web:build\`.`);
  }
  const assets = new Map<string, Asset>();
  for (const entry of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const urlPath = "/" + path.relative(distDir, file).split(path.sep).join("/");
    if (NOT_SERVED.has(urlPath)) continue;
    const ext = path.extname(entry.name);
    const body = fs.readFileSync(file);
    const gzip = COMPRESSIBLE.has(ext) && body.length > 512 ? zlib.gzipSync(body, { level: 9 }) : null;
    const cacheControl = urlPath === "/index.html" ? NO_STORE : urlPath.startsWith("/assets/") ? IMMUTABLE : REVALIDATE;
    assets.set(urlPath, { body, gzip, type: TYPES[ext] ?? "application/octet-stream", cacheControl });
  }
  return assets;
}

const originOf = (url: string): string => new URL(url).origin;

/**
 * The Content-Security-Policy: scripts, styles and fonts from this origin
 * only (no inline script, no eval), requests only to the gateway and the
 * OpenID provider, never framed.
 */
export function contentSecurityPolicy(runtime: RuntimeConfig): string {
  const connect = new Set(["'self'", originOf(runtime.gatewayUrl)]);
  if (runtime.oidc) connect.add(originOf(runtime.oidc.issuer));
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // Designsystemet's CSS draws some icons as data: SVG.
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...connect].join(" ")}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(runtime: RuntimeConfig): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(runtime),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** Paths that name a file (an extension in the last segment, or a dotfile): no SPA fallback for them. */
const looksLikeFile = (urlPath: string): boolean => /(^\.|\.[a-z0-9]+$)/i.test(urlPath.slice(urlPath.lastIndexOf("/") + 1));

export interface StaticSite {
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
}

export function staticSite(assets: Map<string, Asset>, runtime: RuntimeConfig): StaticSite {
  const headers = securityHeaders(runtime);
  const configJson = Buffer.from(JSON.stringify(runtime));
  const index = assets.get("/index.html")!;

  const send = (req: http.IncomingMessage, res: http.ServerResponse, status: number, asset: Pick<Asset, "body" | "gzip" | "type" | "cacheControl">) => {
    const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) ? asset.gzip : null;
    const body = gzip ?? asset.body;
    res.writeHead(status, {
      ...headers,
      "content-type": asset.type,
      "cache-control": asset.cacheControl,
      "content-length": String(body.length),
      ...(asset.gzip ? { vary: "accept-encoding" } : {}),
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };
  const plain = (req: http.IncomingMessage, res: http.ServerResponse, status: number, text: string) =>
    send(req, res, status, { body: Buffer.from(text), gzip: null, type: "text/plain; charset=utf-8", cacheControl: NO_STORE });

  return {
    handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("allow", "GET, HEAD");
        return plain(req, res, 405, "Method not allowed");
      }
      let urlPath: string;
      try {
        urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://web").pathname);
      } catch {
        return plain(req, res, 400, "Bad request");
      }
      if (urlPath === "/config.json") return send(req, res, 200, { body: configJson, gzip: null, type: TYPES[".json"]!, cacheControl: NO_STORE });
      // Served from the in-memory table only: a path outside the build cannot name anything.
      const asset = assets.get(urlPath);
      if (asset && urlPath !== "/index.html") return send(req, res, 200, asset);
      if (looksLikeFile(urlPath) || urlPath.startsWith("/assets/")) return plain(req, res, 404, "Not found");
      // Every other path is a route of the app: it renders its own page (or its 404 page).
      return send(req, res, 200, index);
    },
  };
}
