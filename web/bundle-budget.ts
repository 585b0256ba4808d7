// The first page's JavaScript, gzipped: what a browser must fetch before it
// can show anything (the entry script and every chunk index.html preloads).
// Pages loaded later as their own chunks do not count; the budget is 250 KB.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export const FIRST_PAGE_JS_BUDGET_BYTES = 250 * 1024;

export interface FirstPageJs {
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
}

export function firstPageJs(distDir: string): FirstPageJs {
  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const urls = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]!),
  ];
  if (urls.length === 0) throw new Error(`${distDir}/index.html loads no script: is this a build of the app?`);
  const files = [...new Set(urls)].map((url) => ({ file: url, gzipBytes: zlib.gzipSync(fs.readFileSync(path.join(distDir, url)), { level: 9 }).length }));
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
