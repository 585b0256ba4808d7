// The recipe of docs/adding-a-service.md, proved with the real command: in a
// copy of the repository (its tracked files), `npm run new-service -- tannhelse
// "<what it is>"` writes the service — its folder services/tannhelse/, its folder
// prisma/tannhelse/, one catalog entry, its demo-data file — and runs compose, which
// takes it everywhere the services are listed: the supergraph and the public
// schema, docker-compose.yml, the PostgreSQL init script, samhandling's
// ServiceName (with its migration, so a consent can name it), the example
// query, the README, the identity provider's mapping (its machine client),
// the web app's generated documents and code, the Kubernetes manifests. Then: a token naming it is a
// caller, its machine client gets a token the gateway's mapping places, its
// server seeds its demo rows, the conformance suites list it, and the copy
// (the web app included) type-checks. Nothing else is touched.
import { execFile, execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { checkDrift } from "../scripts/db-check.ts";
import { CATALOG_FILES } from "../scripts/lib/catalog-files.ts";
import { kubernetesFiles, KUBERNETES_DIR } from "../scripts/lib/kubernetes.ts";
import { exampleOverlayFiles } from "../scripts/lib/kubernetes-example.ts";
import { WEB_SERVICE_FILES } from "../scripts/lib/web-service-files.ts";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

const run = promisify(execFile);

/** What the command is given: the name, and one line in bokmål; English and nothing else by option. */
const COMMAND = [
  "tannhelse",
  "Tannhelsetjenesten: innkallinger, behandling og oppfølging av barns tannhelse",
  "--en-title",
  "Public dental service",
  "--en",
  "Appointments, treatment and follow-up of children's dental health.",
];
const PORT = 4101 + SERVICE_NAMES.length;

/** The Kubernetes manifests a new service changes or adds: every one that lists the services (scripts/lib/kubernetes.ts). */
function kubernetesChanges(): string[] {
  const names = [...SERVICE_NAMES, COMMAND[0]!];
  const now = (rel: string) => (fs.existsSync(path.join(ROOT_DIR, rel)) ? fs.readFileSync(path.join(ROOT_DIR, rel), "utf8") : "");
  return Object.entries(kubernetesFiles(names, exampleOverlayFiles(names)))
    .filter(([rel, text]) => now(rel) !== text)
    .map(([rel]) => rel);
}

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
let changes: string[];
let output: string;
let refusals: { name: string; code: number; stderr: string }[] = [];
let writtenByRefusals: string[];
const read = (rel: string) => fs.readFileSync(path.join(copy, rel), "utf8");
/** The copy's processes run on this Node (24), whatever `node` is first on PATH. */
const env = () => ({ ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` });
const newService = (...args: string[]) => run("npm", ["run", "--silent", "new-service", "--", ...args], { cwd: copy, env: env(), maxBuffer: 10 * 1024 * 1024 });

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
  // Refused before anything is written: a name that is no one lower-case word, a reserved word, a service that exists.
  for (const name of ["TANNHELSE", "class", "nav"]) {
    const refused = await newService(name, "Noe").then(
      () => ({ name, code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ name, code: error.code, stderr: error.stderr }),
    );
    refusals.push(refused);
  }
  writtenByRefusals = changed(before, snapshot(copy));

  output = (await newService(...COMMAND)).stdout;
  changes = changed(before, snapshot(copy));
}, 240_000);

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

const SCAFFOLD = [/^services\/tannhelse\/[a-z-]+\.ts$/, /^prisma\/tannhelse\//, /^services\/kit\/catalog\.ts$/, /^demo\/services\/tannhelse\.ts$/];
/** Code generated from the public schema and the app's documents (web:codegen, run by compose). */
const GENERATED_CODE = [/^web\/src\/graphql\/generated\//, /^examples\/client\/generated\//];

describe("npm run new-service (docs/adding-a-service.md)", () => {
  it("refuses a name that is no one lower-case word, a reserved word or a service that exists: exit code 2, bokmål and English, nothing written", () => {
    const says = { TANNHELSE: ["ett ord med små bokstaver", "one lower-case word"], class: ["reservert ord", "reserved word"], nav: ["finnes allerede", "already"] } as Record<string, [string, string]>;
    expect(refusals.map((r) => r.name)).toEqual(Object.keys(says));
    for (const r of refusals) {
      expect(r.code, r.name).toBe(2);
      expect(r.stderr, r.name).toMatch(new RegExp(`Feil: .*${says[r.name]![0]}[\\s\\S]*Error: .*${says[r.name]![1]}`));
    }
    expect(writtenByRefusals).toEqual([]);
  });

  it("writes four things: its services/ folder, its prisma/ folder, one catalog entry, its demo-data file", () => {
    const scaffolded = changes.filter((f) => SCAFFOLD.some((p) => p.test(f)));
    for (const place of SCAFFOLD) expect(scaffolded.some((f) => place.test(f)), String(place)).toBe(true);
    for (const file of ["index.ts", "types.ts", "data.ts", "involvement.ts", "resolvers.ts", "writes.ts"]) expect(scaffolded, file).toContain(`services/tannhelse/${file}`);
    expect(scaffolded.some((f) => /^prisma\/tannhelse\/migrations\/\d{14}_init\/migration\.sql$/.test(f))).toBe(true);
  });

  it("makes the entry from the line: the title before the colon, the whole line, the koordinerende enhet as front door", () => {
    const entry = /\{\n\s+name: "tannhelse",[\s\S]*?\n\s+\},\n/.exec(read("services/kit/catalog.ts"))?.[0] ?? "";
    expect(entry).toContain(`title: { en: "Public dental service", nb: "Tannhelsetjenesten" }`);
    expect(entry).toContain(`nb: "Tannhelsetjenesten: innkallinger, behandling og oppfølging av barns tannhelse"`);
    expect(entry).toContain("frontDoor: KOORDINERENDE_ENHET,");
    expect(output).toContain("FRONT_DOOR_NAME_TANNHELSE");
  });

  it("runs compose, which changes only files it writes", () => {
    const composed = changes.filter((f) => !SCAFFOLD.some((p) => p.test(f)) && !GENERATED_CODE.some((p) => p.test(f)));
    const migrations = composed.filter((f) => /^prisma\/samhandling\/migrations\/\d{14}_service_names\/migration\.sql$/.test(f));
    expect(migrations).toHaveLength(1);
    expect(composed.filter((f) => !migrations.includes(f))).toEqual(
      [
        ...Object.values(CATALOG_FILES),
        ...kubernetesChanges(),
        "docs/integration/tannhelse.schema.json",
        // The citizen's copy reads its view and its access log (gateway/data-copy/documents.ts).
        "gateway/documents/DataCopyTannhelseAccessLog.graphql",
        "gateway/documents/DataCopyTannhelseView.graphql",
        "gateway/documents/WriteTannhelse.graphql",
        "gateway/documents/manifest.json",
        // Every subgraph's SDL: the shared ActorService enum names every service, the new one too.
        ...[...SERVICE_NAMES, "tannhelse"].map((s) => `schema/${s}.graphql`),
        "schema/public.graphql",
        "schema/supergraph.graphql",
      ].sort(),
    );
    expect(changes).toContain("web/src/graphql/generated/graphql.ts");
  });

  it("puts the service in the supergraph on the next port, and its view of a person in the public schema", () => {
    expect(read("schema/supergraph.graphql")).toContain(`TANNHELSE @join__graph(name: "tannhelse", url: "http://127.0.0.1:${PORT}/graphql")`);
    const publicSchema = read("schema/public.graphql");
    expect(publicSchema).toMatch(/type Person \{[\s\S]*?\n {2}tannhelse: TannhelseView\n[\s\S]*?\n\}/);
    expect(publicSchema).toMatch(/type TannhelseView \{/);
    expect(publicSchema).toMatch(/enum ServiceName \{[\s\S]*?\n {2}TANNHELSE\n[\s\S]*?\}/);
  });

  it("runs it in docker-compose.yml and creates its database", () => {
    const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, { environment: Record<string, string>; depends_on?: Record<string, unknown> }> };
    expect(compose.services.tannhelse?.environment).toMatchObject({ PORT: String(PORT), DATABASE_URL_TANNHELSE: "postgres://hub:${POSTGRES_PASSWORD}@postgres:5432/hub_tannhelse" });
    expect(compose.services.gateway?.environment.SUBGRAPH_URL_TANNHELSE).toBe(`http://tannhelse:${PORT}/graphql`);
    expect(Object.keys(compose.services.gateway?.depends_on ?? {})).toContain("tannhelse");
    expect(read("deploy/postgres-init.sql")).toContain("create database hub_tannhelse;");
  });

  it("runs it on a cluster: its Deployment on the next port, the gateway's URL of it, its migration Job", () => {
    const own = parseAllDocuments(read(`${KUBERNETES_DIR}/base/tannhelse.yaml`)).map((d) => d.toJS() as { kind: string; spec: { template?: { spec: { containers: { ports: { containerPort: number }[] }[] } } } });
    expect(own.map((o) => o.kind)).toEqual(["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]);
    expect(own[0]!.spec.template!.spec.containers[0]!.ports[0]!.containerPort).toBe(PORT);
    expect(read(`${KUBERNETES_DIR}/base/gateway.yaml`)).toContain(`value: http://tannhelse:${PORT}/graphql`);
    expect(read(`${KUBERNETES_DIR}/migrate/jobs.yaml`)).toContain("name: migrate-tannhelse");
  });

  it("adds it to samhandling's ServiceName last, with the migration that adds the value", async () => {
    expect(read("prisma/samhandling/schema.prisma")).toMatch(/enum ServiceName \{\n(\s+[A-Z]+\n)*\s+FAMILY\n(\s+[A-Z]+\n)*\s+TANNHELSE\n\}/);
    const migration = changes.find((f) => f.includes("_service_names/"))!;
    expect(read(migration)).toContain(`ALTER TYPE "ServiceName" ADD VALUE 'TANNHELSE';`);
    for (const schema of ["samhandling", "tannhelse"]) expect((await checkDrift(schema, path.join(copy, "prisma"))).drift, schema).toBeNull();
  }, 60_000);

  it("shows it in the example query (a trusted document) and the README's list", () => {
    expect(read("gateway/documents/FamilyOverview.graphql")).toMatch(/\n {8}tannhelse \{ access \{ status reason \} involved contact \{ name phone \} \}\n/);
    const overview = (JSON.parse(read("gateway/documents/manifest.json")) as { operations: { name: string; body: string }[] }).operations.find((o) => o.name === "FamilyOverview")!;
    expect(overview.body).toContain("tannhelse {");
    expect(read("README.md")).toContain(`| \`tannhelse\` | ${PORT} | Public dental service (Tannhelsetjenesten) |`);
  });

  it("takes a token naming it as a caller, seeds its server from its demo-data file, lets a consent name it, runs it in the conformance suites, and leaves no listing stale", async () => {
    const probe = path.join(copy, "probe.mts");
    fs.writeFileSync(
      probe,
      `import { callerFromClaims } from "./services/kit/auth/caller.ts";
import { VIEW_SERVICES } from "./services/kit/catalog.ts";
import { subgraphConfig } from "./services/kit/config.ts";
import { demoSeed } from "./demo/seed.ts";
import { staleCatalogFiles } from "./scripts/lib/catalog-files.ts";
import { ServiceName } from "./prisma/samhandling/generated/enums.ts";
import { CONSENT_SERVICES } from "./web/src/consents/services.ts";
const caller = callerFromClaims({ sub: "tannhelse-tannpleier-1", name: "Tannpleier", service: "tannhelse", roles: ["caseworker"] }, undefined);
const seed = await demoSeed("tannhelse")({ ...subgraphConfig("tannhelse", {}), syntheticFamilies: 0 });
const frontDoor = subgraphConfig("tannhelse", {}).frontDoor;
const ownDoor = subgraphConfig("tannhelse", { FRONT_DOOR_NAME_TANNHELSE: "Tannklinikken, mottaket", FRONT_DOOR_PHONE_TANNHELSE: "+47 400 99 000" }).frontDoor;
console.log(JSON.stringify({
  caller, tables: Object.fromEntries(Object.entries(seed).map(([t, rows]) => [t, rows.length])), stale: staleCatalogFiles(),
  consent: { enum: Object.values(ServiceName).includes("TANNHELSE"), form: CONSENT_SERVICES.includes("TANNHELSE") },
  conformance: VIEW_SERVICES.includes("tannhelse"), frontDoor, ownDoor,
}));
`,
    );
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", probe], { cwd: copy, env: process.env });
      expect(JSON.parse(stdout)).toEqual({
        caller: { kind: "actor", claims: expect.objectContaining({ service: "tannhelse" }) },
        tables: { tannhelseRecord: 2 },
        stale: [],
        consent: { enum: true, form: true },
        conformance: true,
        frontDoor: { name: "Koordinerende enhet, Fjordvik kommune", phone: "+47 400 06 000" },
        ownDoor: { name: "Tannklinikken, mottaket", phone: "+47 400 99 000" },
      });
    } finally {
      fs.rmSync(probe);
    }
    // The suites take every view service of the catalog, so they need no line of their own.
    for (const suite of ["test/e2e/conformance.test.ts", "test/e2e/conformance-writes.test.ts"]) expect(read(suite), suite).toContain("VIEW_SERVICES");
  }, 60_000);

  it("gives its machine client (tannhelse-integration) a token at the identity provider that the gateway's mapping places as tannhelse's system", async () => {
    const port = Number(process.env.TEST_GATEWAY_PORT ?? 14000) + 2390;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-new-service-identity-"));
    const provider = spawn(process.execPath, ["--import", "tsx", "identity/index.ts"], {
      cwd: copy,
      env: { ...env(), NODE_ENV: "test", LOG_LEVEL: "warn", GATEWAY_PORT: String(port - 100), IDENTITY_PORT: String(port), DATA_DIR: dataDir },
      stdio: "ignore",
    });
    const probe = path.join(copy, "probe-machine.mts");
    try {
      await expect.poll(() => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false), { timeout: 60_000, interval: 250 }).toBe(true);
      const issuer = `http://localhost:${port}`;
      fs.writeFileSync(
        probe,
        `import { devMachineToken } from "./scripts/lib/dev-machine-token.ts";
import { loadIdentityMapping } from "./gateway/identity/mapping.ts";
import { hubClaimsOf } from "./gateway/identity/claims.ts";
import { callerFromClaims } from "./services/kit/auth/caller.ts";
const token = await devMachineToken(${JSON.stringify(issuer)}, ${JSON.stringify(dataDir)}, "tannhelse-integration");
const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
const [issuer] = loadIdentityMapping("deploy/identity-mapping.dev.json", (name) => (name === "IDENTITY_ISSUER" ? ${JSON.stringify(issuer)} : undefined));
const claims = await hubClaimsOf(issuer, payload, { find: async () => null });
console.log(JSON.stringify({ scope: payload.scope, caller: callerFromClaims(claims, undefined) }));
`,
      );
      const { stdout } = await run(process.execPath, ["--import", "tsx", probe], { cwd: copy, env: env() });
      expect(JSON.parse(stdout)).toEqual({ scope: "tannhelse:write", caller: expect.objectContaining({ kind: "machine", service: "tannhelse" }) });
    } finally {
      provider.kill("SIGTERM");
      fs.rmSync(probe, { force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("is in the web app's generated documents: the family overview, who has seen, the auditor's pages — and the trusted-document manifest", () => {
    expect(read(WEB_SERVICE_FILES.overviewViews)).toContain("\n  tannhelse { access { status reason } involved contact { name role phone } }\n");
    expect(read(WEB_SERVICE_FILES.personAccessLogs)).toContain("tannhelseAccessLogPage(first: 50) {");
    expect(read(WEB_SERVICE_FILES.personAccessLogMore)).toContain("query TannhelsePersonAccessLogMore(");
    expect(read(WEB_SERVICE_FILES.innsynDocuments)).toContain("  tannhelse: TannhelsePersonAccessLogMoreDocument,");
    expect(read(WEB_SERVICE_FILES.auditLog)).toContain("query TannhelseAuditLog(");
    expect(read(WEB_SERVICE_FILES.reviewList)).toContain("mutation MarkTannhelseReviewed(");
    expect(read(WEB_SERVICE_FILES.auditDocuments)).toContain("tannhelse: { auditLog: TannhelseAuditLogDocument, reviewList: TannhelseReviewListDocument, markReviewed: MarkTannhelseReviewedDocument },");
    const operations = (JSON.parse(read("gateway/documents/manifest.json")) as { operations: { name: string; body: string }[] }).operations;
    expect(operations.find((o) => o.name === "CasePage")?.body).toMatch(/\btannhelse \{/);
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(["TannhelseAuditLog", "TannhelseReviewList", "MarkTannhelseReviewed"]));
  });

  it("type-checks with the rest of the code unchanged, the web app included", async () => {
    const tsc = path.join(copy, "node_modules", "typescript", "bin", "tsc");
    // Two projects, two processes at once: each is one thread, and the machine has more than one core.
    await Promise.all(["tsconfig.json", "web/tsconfig.json"].map((project) => run(process.execPath, [tsc, "--noEmit", "-p", project], { cwd: copy, env: process.env })));
  }, 240_000);
});
