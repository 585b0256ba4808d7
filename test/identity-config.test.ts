// The development provider's settings, its people and the proposed
// claim-mapping file, without a running process.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CASEWORK_SERVICES } from "../services/kit/catalog.ts";
import { groupOf, writeScope } from "../identity/claims.ts";
import { MACHINE_CLIENTS } from "../identity/clients.ts";
import { IDENTITY_SETTINGS, identityConfig } from "../identity/config.ts";
import { DEV_MAPPING_FILE, devMapping, renderMapping } from "../identity/mapping.ts";
import { loadIdentityMapping, type IdentityMapping } from "../gateway/identity/mapping.ts";
import { demoWorld } from "../demo/index.ts";
import { demoDirectory, type StaffAccount } from "../identity/users.ts";
import { demoOfficeStaff, demoPersons, demoStaff } from "../demo/fjordvik.ts";
import { demoUsers } from "../demo/users.ts";
import { VIEW_SERVICES } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";

describe("identityConfig", () => {
  it("derives its port, issuer and the web app's URIs from the gateway's port", () => {
    const config = identityConfig({ GATEWAY_PORT: "5000", DATA_DIR: "/tmp/hub-data" });
    expect(config).toEqual({
      port: 5100,
      host: "127.0.0.1",
      issuer: "http://localhost:5100",
      dataDir: "/tmp/hub-data/identity",
      webRedirectUris: ["http://localhost:5200/auth/callback"],
      webPostLogoutRedirectUris: ["http://localhost:5200/"],
      shutdownTimeoutMs: 15_000,
      directory: { syntheticFamilies: 0, syntheticSeed: 1 },
    });
    expect(identityConfig({}).port).toBe(4100);
    // The synthetic families the subgraphs seed are people who can sign in too.
    expect(identityConfig({ SEED_SYNTHETIC_FAMILIES: "30", SEED_SYNTHETIC_SEED: "7" }).directory).toEqual({ syntheticFamilies: 30, syntheticSeed: 7 });
  });

  it("takes explicit settings, and says what is wrong with a bad one", () => {
    const config = identityConfig({
      IDENTITY_PORT: "4555",
      IDENTITY_ISSUER: "https://login.example.test/",
      IDENTITY_WEB_REDIRECT_URIS: "http://localhost:5173/cb, http://127.0.0.1:5173/cb",
    });
    expect(config).toMatchObject({ port: 4555, issuer: "https://login.example.test", webRedirectUris: ["http://localhost:5173/cb", "http://127.0.0.1:5173/cb"] });
    expect(() => identityConfig({ IDENTITY_PORT: "http" })).toThrow('IDENTITY_PORT must be a whole number from 1 to 65535, got "http"');
    expect(() => identityConfig({ IDENTITY_WEB_REDIRECT_URIS: "ftp://x" })).toThrow(/IDENTITY_WEB_REDIRECT_URIS must be a comma-separated list, each a URL \(http:\/\/… or https:\/\/…\)/);
  });

  it("refuses production", () => {
    expect(() => identityConfig({ NODE_ENV: "production" })).toThrow("refuses to run with NODE_ENV=production");
  });

  it("describes every setting it reads", () => {
    const read = fs.readFileSync(path.join(ROOT_DIR, "identity", "config.ts"), "utf8");
    const names = IDENTITY_SETTINGS.map((s) => s.name);
    for (const name of read.matchAll(/(?:setting|computed|optional)\("([A-Z_]+)"/g)) expect(names).toContain(name[1]);
    for (const s of IDENTITY_SETTINGS) expect(s.description.length, s.name).toBeGreaterThan(20);
    // Nothing else in identity/ reads the environment.
    for (const file of fs.readdirSync(path.join(ROOT_DIR, "identity")).filter((f) => f.endsWith(".ts") && f !== "config.ts")) {
      expect(fs.readFileSync(path.join(ROOT_DIR, "identity", file), "utf8"), file).not.toMatch(/process\.env/);
    }
  });
});

describe("the people who can sign in", () => {
  const directory = demoDirectory();

  it("are every demo employee, every auditor and directory administrator, the stand-ins in no case, and every person in the demo register", () => {
    const staff = directory.accounts.filter((a) => a.kind === "employee");
    const admins = demoOfficeStaff.filter((st) => st.roles[0] === "admin").map((st) => st.actorId);
    const standIns = demoUsers().filter((u) => u.title === "vikar" || u.key === "registry-saksbehandler-1").map((u) => u.key);
    // One per service that takes part in cases, and the population register's clerk.
    expect(standIns).toHaveLength(CASEWORK_SERVICES.length + 1);
    expect(staff.map((a) => a.accountId).sort()).toEqual([...Object.keys(demoStaff), ...admins, ...standIns].sort());
    expect(directory.accounts.every((a) => a.listed)).toBe(true);
    expect(directory.accounts.filter((a) => a.kind === "citizen")).toHaveLength(demoPersons.length);
    for (const user of demoUsers()) expect(directory.byKey(user.key), user.key).toBeDefined();
    expect(directory.byKey("coordinator")?.accountId).toBe("samhandling-investeringsleder-1");
    for (const person of demoPersons) expect(directory.byKey(person.nationalId)?.accountId).not.toContain(person.nationalId);
    // A person id signs the person in too (tests know people by it).
    expect(directory.byKey(demoPersons[0]!.personId)).toBe(directory.byKey(demoPersons[0]!.nationalId));
  });

  it("with synthetic families, are their people and the synthetic staff too, signed in by key but not listed on the page", () => {
    const withSynthetic = demoDirectory({ syntheticFamilies: 10, syntheticSeed: 1 });
    const world = demoWorld({ syntheticFamilies: 10, syntheticSeed: 1 });
    expect(withSynthetic.accounts.filter((a) => a.kind === "citizen")).toHaveLength(world.registry.person.length);
    const member = world.samhandling.caseMember.find((m) => m.actorId && !demoStaff[m.actorId])!;
    expect(withSynthetic.byKey(member.actorId!)).toMatchObject({ kind: "employee", service: member.service.toLowerCase(), listed: false });
    const synthetic = world.registry.person.find((p) => !demoPersons.some((d) => d.personId === p.id))!;
    expect(withSynthetic.byKey(synthetic.id!)).toMatchObject({ kind: "citizen", nationalId: synthetic.nationalId, listed: false });
  });
});

describe(DEV_MAPPING_FILE, () => {
  const mapping = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, DEV_MAPPING_FILE), "utf8")) as IdentityMapping;
  const directory = demoDirectory();

  it("is current (npm run identity:mapping rewrites it)", () => {
    expect(fs.readFileSync(path.join(ROOT_DIR, DEV_MAPPING_FILE), "utf8")).toBe(renderMapping(devMapping(directory)));
  });

  it("places every employee and auditor in their service and unit, and every machine client in its service only", () => {
    const [dev] = mapping.issuers;
    expect(mapping.audience).toBe("samhandling-hub");
    for (const account of directory.accounts.filter((a): a is StaffAccount => a.kind !== "citizen")) {
      const rule = dev.employees!.groups!.values[groupOf(account).id];
      expect(rule, account.accountId).toEqual({ displayName: expect.any(String), service: account.service, unit: account.unit });
      for (const role of account.roles) expect(Object.entries(dev.employees!.roles!.values)).toContainEqual([expect.any(String), role]);
    }
    expect(dev.machines!.scopes).toEqual(Object.fromEntries(MACHINE_CLIENTS.map((c) => [c.scope, { service: c.service }])));
    expect(Object.keys(dev.machines!.scopes)).toEqual([...MACHINE_CLIENTS.filter((c) => c.service !== "samhandling").map((c) => writeScope(c.service)), "samhandling:archive"]);
    expect(dev.citizens).toMatchObject({ nationalId: "pid", high: ["idporten-loa-high"] });
  });

  it("is a mapping the gateway accepts, with the development provider's issuer filled in", () => {
    const [issuer] = loadIdentityMapping(path.join(ROOT_DIR, DEV_MAPPING_FILE), (name) => (name === "IDENTITY_ISSUER" ? "http://localhost:4100" : undefined));
    expect(issuer).toMatchObject({ issuer: "http://localhost:4100", audience: "samhandling-hub", discovery: "http://localhost:4100/.well-known/openid-configuration" });
  });
});
