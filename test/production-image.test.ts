// What the production image holds: the Dockerfile's last stage installs no
// dev dependency, every package it does install is under an open-source
// licence, and the code it runs needs nothing else. The benchmark's peer
// (@apollo/gateway, Elastic License 2.0) and the tooling (vitest, the Prisma
// CLI, Playwright) stay out of it.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT_DIR } from "../services/kit/config.ts";
import { hubProcesses, MIGRATE_ENTRY } from "../scripts/lib/kubernetes.ts";
import { devOnlyOptionalPackages, productionPackages, type Lock, type LockEntry } from "../deploy/production-tree.ts";

const lock = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "package-lock.json"), "utf8")) as Lock;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** SPDX ids of OSI-approved open-source licences the hub accepts in what it ships (OFL-1.1: the Noto Sans font embedded in PDFs). */
const OPEN_SOURCE = new Set(["MIT", "MIT-0", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "BlueOak-1.0.0", "Unlicense", "Python-2.0", "EPL-2.0", "MPL-2.0", "CC0-1.0", "Zlib", "OFL-1.1"]);
/** Packages whose package.json names no licence, with what their LICENSE file says (read by hand). */
const LICENCE_FILES: Record<string, string> = { "seq-queue": "MIT", "png-js": "MIT" };

/** `(MIT OR Apache-2.0)`, `MIT and ISC`: open source when every AND-part has an open alternative. */
function openSource(expression: string): boolean {
  return expression
    .replace(/[()]/g, "")
    .split(/\s+AND\s+/i)
    .every((part) => part.split(/\s+OR\s+/i).some((id) => OPEN_SOURCE.has(id.trim())));
}

const packageName = (key: string) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);

/** What the image keeps: `npm ci --omit=dev`, less what deploy/production-tree.ts removes. */
const production = productionPackages(lock);

function declaredLicence(key: string, entry: LockEntry): string | undefined {
  if (entry.license) return entry.license;
  const own = path.join(ROOT_DIR, key, "package.json");
  if (fs.existsSync(own)) {
    const json = JSON.parse(fs.readFileSync(own, "utf8")) as { license?: string | { type?: string }; licenses?: { type?: string }[] };
    const found = typeof json.license === "string" ? json.license : (json.license?.type ?? json.licenses?.map((l) => l.type).join(" AND "));
    if (found) return found;
  }
  return LICENCE_FILES[packageName(key)];
}

describe("the production dependency tree", () => {
  it("is all open source", () => {
    expect(production.length).toBeGreaterThan(100);
    const refused = production
      .map(([key, entry]) => ({ name: packageName(key), licence: declaredLicence(key, entry) }))
      .filter(({ licence }) => !licence || !openSource(licence))
      .map(({ name, licence }) => `${name}: ${licence ?? "no licence named"}`);
    expect(refused, "not open source (or add an OSI-approved SPDX id to the allow-list after reading the licence)").toEqual([]);
  });

  it("holds neither the benchmark's peer nor the tooling", () => {
    const names = new Set(production.map(([key]) => packageName(key)));
    for (const tool of ["@apollo/gateway", "@apollo/composition", "vitest", "prisma", "playwright-core", "autocannon", "@graphql-codegen/cli", "vite", "node"]) {
      expect(names.has(tool), tool).toBe(false);
    }
    expect(manifest.devDependencies["@apollo/gateway"], "the benchmark's peer is a dev dependency").toBeDefined();
    expect(manifest.dependencies["@apollo/gateway"]).toBeUndefined();
  });

  it("the licence check itself refuses what is not open source", () => {
    expect(openSource("Elastic-2.0")).toBe(false);
    expect(openSource("SEE LICENSE IN LICENSE")).toBe(false);
    expect(openSource("(MIT OR Elastic-2.0)")).toBe(true);
    expect(openSource("MIT AND Elastic-2.0")).toBe(false);
    expect(declaredLicence("node_modules/@apollo/gateway", lock.packages["node_modules/@apollo/gateway"]!)).toBe("Elastic-2.0");
  });
});

/** Every module the processes of the image load, from their entry points (dynamic imports of the project's own modules included). */
function runtimeModules(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const rel = queue.pop()!;
    if (files.has(rel)) continue;
    files.add(rel);
    const source = ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT_DIR, rel), "utf8"), ts.ScriptTarget.Latest, false);
    const specifiers: string[] = [];
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        // A type-only import is gone at run time.
        if (!(ts.isImportDeclaration(node) && node.importClause?.isTypeOnly) && !(ts.isExportDeclaration(node) && node.isTypeOnly)) specifiers.push(node.moduleSpecifier.text);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        specifiers.push(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) {
        const target = path.relative(ROOT_DIR, path.resolve(ROOT_DIR, path.dirname(rel), specifier)).split(path.sep).join("/");
        if (/\.tsx?$/.test(target)) queue.push(target);
      } else if (!specifier.startsWith("node:")) {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
      }
    }
  }
  return { files, packages };
}

describe("the code the image runs", () => {
  // What the cluster runs (deploy/kubernetes/): the gateway, every subgraph, the web app's server and the migration Jobs.
  const entries = [...hubProcesses().map((p) => p.command.at(-1)!), MIGRATE_ENTRY];
  const { files, packages } = runtimeModules(entries);

  it("needs only production dependencies", () => {
    expect(files.size).toBeGreaterThan(50);
    const missing = [...packages].filter((name) => !manifest.dependencies[name]).sort();
    expect(missing, "imported by a process of the image but not a production dependency").toEqual([]);
  });

  it("lives in the folders the Dockerfile's production stage copies", () => {
    const dockerfile = fs.readFileSync(path.join(ROOT_DIR, "Dockerfile"), "utf8");
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    const copied = [...finalStage.matchAll(/^COPY\s+(?:--\S+\s+)*(.+)\s+\S+$/gm)].flatMap((m) => m[1]!.split(/\s+/)).map((p) => p.replace(/^\/app\//, "").replace(/\/$/, ""));
    const outside = [...new Set([...files].map((f) => f.split("/")[0]!))].filter((top) => !copied.includes(top));
    expect(outside, "the production stage must COPY these folders").toEqual([]);
  });
});

describe("the Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(ROOT_DIR, "Dockerfile"), "utf8");
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it("builds in one stage and installs only production dependencies in the image it ships", () => {
    expect(stages.length, "a build stage and a production stage").toBeGreaterThanOrEqual(2);
    const final = stages.at(-1)!;
    expect(final).toMatch(/^RUN npm ci\b.*--omit=dev/m);
    // And then removes what --omit=dev leaves of the dev tree (the Prisma CLI among it).
    expect(final).toMatch(/node --import tsx deploy\/production-tree\.ts/);
    expect(devOnlyOptionalPackages(lock).map((key) => key.replace(/^node_modules\//, ""))).toContain("prisma");
    // Nothing of the build stage's node_modules (which holds the dev dependencies) is carried over.
    expect(final).not.toMatch(/COPY --from=\S+\s+.*node_modules/);
    expect(final).toMatch(/^ENV NODE_ENV=production$/m);
    expect(final).toMatch(/^USER node$/m);
  });
});
