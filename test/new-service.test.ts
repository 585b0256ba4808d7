// The recipe of docs/adding-a-service.md, proved: in a copy of the repository
// (its tracked files), a throwaway service is added by exactly four changes —
// its folder services/<name>/, its folder prisma/<name>/, one catalog entry,
// its demo-data file — and `npm run compose` takes it everywhere the services
// are listed: the supergraph and the public schema, docker-compose.yml, the
// PostgreSQL init script, samhandling's ServiceName (with its migration), the
// example query, the README; a token naming it is a caller, and its server
// gets its demo rows. Compose touches only files it generates.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkDrift } from "../scripts/db-check.ts";
import { CATALOG_FILES } from "../scripts/lib/catalog-files.ts";
import { scaffoldService, type NewService } from "../scripts/lib/new-service.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

const run = promisify(execFile);

// A service the hub does not have yet (PPT and the housing office joined by this recipe, issue 23).
const KRIM: NewService = {
  name: "kriminalomsorg",
  title: { en: "Correctional service", nb: "Kriminalomsorgen" },
  description: {
    en: "The correctional service: sentences served in the community and the return after release.",
    nb: "Kriminalomsorgen: straff i samfunnet og tilbakeføring etter løslatelse.",
  },
  frontDoor: { name: "Kriminalomsorgen, friomsorgskontoret", phone: "+47 400 06 000" },
};
const PORT = 4101 + SERVICE_NAMES.length;

/** Every file of the copy but dependencies and generated Prisma clients, with a hash of its contents. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(root, abs);
      if (entry.name === "node_modules" || /^prisma\/[^/]+\/generated$/.test(rel)) continue;
      if (entry.isDirectory()) walk(abs);
      else files.set(rel, createHash("sha256").update(fs.readFileSync(abs)).digest("hex"));
    }
  };
  walk(root);
  return files;
}

/** Files added, changed or removed between two snapshots, sorted. */
const changed = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

let copy: string;
let scaffolded: string[];
let composedChanges: string[];
const read = (rel: string) => fs.readFileSync(path.join(copy, rel), "utf8");

beforeAll(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "hub-new-service-"));
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT_DIR, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const rel of tracked) {
    if (!fs.existsSync(path.join(ROOT_DIR, rel))) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    fs.copyFileSync(path.join(ROOT_DIR, rel), path.join(copy, rel));
  }
  fs.symlinkSync(path.join(ROOT_DIR, "node_modules"), path.join(copy, "node_modules"));
  // Generated, not tracked: start from this checkout's clients; compose generates the new service's and samhandling's again.
  for (const s of SERVICE_NAMES) fs.cpSync(path.join(ROOT_DIR, "prisma", s, "generated"), path.join(copy, "prisma", s, "generated"), { recursive: true });

  const before = snapshot(copy);
  scaffolded = await scaffoldService(copy, KRIM);
  const afterScaffold = snapshot(copy);
  expect(changed(before, afterScaffold)).toEqual([...scaffolded].sort());
  await run(process.execPath, ["--import", "tsx", "scripts/compose.ts"], { cwd: copy, env: process.env, maxBuffer: 10 * 1024 * 1024 });
  composedChanges = changed(afterScaffold, snapshot(copy));
}, 240_000);

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

describe("adding a service (docs/adding-a-service.md)", () => {
  it("takes four changes: its services/ folder, its prisma/ folder, one catalog entry, its demo-data file", () => {
    const places = [/^services\/kriminalomsorg\/[a-z-]+\.ts$/, /^prisma\/kriminalomsorg\//, /^services\/kit\/catalog\.ts$/, /^demo\/services\/kriminalomsorg\.ts$/];
    for (const file of scaffolded) expect(places.some((p) => p.test(file)), file).toBe(true);
    for (const place of places) expect(scaffolded.some((f) => place.test(f)), String(place)).toBe(true);
  });

  it("npm run compose changes only files it writes", () => {
    const migrations = composedChanges.filter((f) => /^prisma\/samhandling\/migrations\/\d{14}_service_names\/migration\.sql$/.test(f));
    expect(migrations).toHaveLength(1);
    expect(composedChanges.filter((f) => !migrations.includes(f))).toEqual(
      [
        ...Object.values(CATALOG_FILES),
        "docs/integration/kriminalomsorg.schema.json",
        "gateway/documents/WriteKriminalomsorg.graphql",
        "gateway/documents/manifest.json",
        // Every subgraph's SDL: the shared ActorService enum names every service, the new one too.
        ...[...SERVICE_NAMES, "kriminalomsorg"].map((s) => `schema/${s}.graphql`),
        "schema/public.graphql",
        "schema/supergraph.graphql",
      ].sort(),
    );
  });

  it("puts the service in the supergraph on the next port, and its view of a person in the public schema", () => {
    expect(read("schema/supergraph.graphql")).toContain(`KRIMINALOMSORG @join__graph(name: "kriminalomsorg", url: "http://127.0.0.1:${PORT}/graphql")`);
    const publicSchema = read("schema/public.graphql");
    expect(publicSchema).toMatch(/type Person \{[\s\S]*?\n {2}kriminalomsorg: KriminalomsorgView\n[\s\S]*?\n\}/);
    expect(publicSchema).toMatch(/type KriminalomsorgView \{/);
    expect(publicSchema).toMatch(/enum ServiceName \{[\s\S]*?\n {2}KRIMINALOMSORG\n[\s\S]*?\}/);
  });

  it("runs it in docker-compose.yml and creates its database", () => {
    const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, { environment: Record<string, string>; depends_on?: Record<string, unknown> }> };
    expect(compose.services.kriminalomsorg?.environment).toMatchObject({ PORT: String(PORT), DATABASE_URL_KRIMINALOMSORG: "postgres://hub:${POSTGRES_PASSWORD}@postgres:5432/hub_kriminalomsorg" });
    expect(compose.services.gateway?.environment.SUBGRAPH_URL_KRIMINALOMSORG).toBe(`http://kriminalomsorg:${PORT}/graphql`);
    expect(Object.keys(compose.services.gateway?.depends_on ?? {})).toContain("kriminalomsorg");
    expect(read("deploy/postgres-init.sql")).toContain("create database hub_kriminalomsorg;");
  });

  it("adds it to samhandling's ServiceName last, with the migration that adds the value", async () => {
    expect(read("prisma/samhandling/schema.prisma")).toMatch(/enum ServiceName \{\n(\s+[A-Z]+\n)*\s+FAMILY\n(\s+[A-Z]+\n)*\s+KRIMINALOMSORG\n\}/);
    const migration = composedChanges.find((f) => f.includes("_service_names/"))!;
    expect(read(migration)).toContain(`ALTER TYPE "ServiceName" ADD VALUE 'KRIMINALOMSORG';`);
    for (const schema of ["samhandling", "kriminalomsorg"]) expect((await checkDrift(schema, path.join(copy, "prisma"))).drift, schema).toBeNull();
  }, 60_000);

  it("shows it in the example query (a trusted document) and the README's list", () => {
    expect(read("gateway/documents/FamilyOverview.graphql")).toMatch(/\n {8}kriminalomsorg \{ access \{ status reason \} involved contact \{ name phone \} \}\n/);
    const overview = (JSON.parse(read("gateway/documents/manifest.json")) as { operations: { name: string; body: string }[] }).operations.find((o) => o.name === "FamilyOverview")!;
    expect(overview.body).toContain("kriminalomsorg {");
    expect(read("README.md")).toContain(`| \`kriminalomsorg\` | ${PORT} | Correctional service (Kriminalomsorgen) |`);
  });

  it("takes a token naming it as a caller, seeds its server from its demo-data file, and leaves no listing stale", async () => {
    const probe = path.join(copy, "probe.mts");
    fs.writeFileSync(
      probe,
      `import { callerFromClaims } from "./services/kit/auth/caller.ts";
import { subgraphConfig } from "./services/kit/config.ts";
import { demoSeed } from "./demo/seed.ts";
import { staleCatalogFiles } from "./scripts/lib/catalog-files.ts";
const caller = callerFromClaims({ sub: "kriminalomsorg-radgiver-1", name: "Rådgiver", service: "kriminalomsorg", roles: ["caseworker"] }, undefined);
const seed = await demoSeed("kriminalomsorg")({ ...subgraphConfig("kriminalomsorg", {}), syntheticFamilies: 0 });
console.log(JSON.stringify({ caller, tables: Object.fromEntries(Object.entries(seed).map(([t, rows]) => [t, rows.length])), stale: staleCatalogFiles() }));
`,
    );
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", probe], { cwd: copy, env: process.env });
      expect(JSON.parse(stdout)).toEqual({ caller: { kind: "actor", claims: expect.objectContaining({ service: "kriminalomsorg" }) }, tables: { kriminalomsorgRecord: 2 }, stale: [] });
    } finally {
      fs.rmSync(probe);
    }
  }, 60_000);

  it("type-checks with the rest of the code unchanged", async () => {
    await run(process.execPath, [path.join(copy, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."], { cwd: copy, env: process.env });
  }, 120_000);
});
