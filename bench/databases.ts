// One set of databases per municipality size, seeded once and reused: the
// subgraphs seed the deterministic synthetic municipality at start-up
// (SEED_SYNTHETIC_FAMILIES / SEED_SYNTHETIC_SEED, kit/config.ts); once a size
// is seeded, later runs start with SEED_DEMO=false and skip it. A set counts
// as seeded only for what it was seeded with — the catalog's services and the
// demo's code (demo/: the seed is code): a set seeded before a service joined,
// or before the generator changed, is dropped and seeded afresh, never
// measured half-filled.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { SERVICE_NAMES } from "../services/kit/catalog.ts";
import { ROOT_DIR } from "../services/kit/config.ts";
import type { BenchConfig } from "./config.ts";

export interface Databases {
  label: string;
  /** PostgreSQL: the maintenance database's URL and the prefix of these databases' names (to find their backends). */
  server: { adminUrl: string; namePrefix: string } | null;
  /** Environment for a federation on these databases (seeding or not). */
  env(seed: boolean): NodeJS.ProcessEnv;
  /** Data folder of one federation on these databases (PGlite keeps its files there). */
  dataDir(copy: string): string;
  seeded(): Promise<boolean>;
  markSeeded(): Promise<void>;
  /** PGlite: the second federation needs its own copy of the files. */
  copyFor(copy: string): void;
}

function seedEnv(config: BenchConfig, families: number, seed: boolean): NodeJS.ProcessEnv {
  return { SEED_SYNTHETIC_FAMILIES: String(families), SEED_SYNTHETIC_SEED: String(config.seed), SEED_DEMO: seed ? "true" : "false" };
}

/** What a seeded set holds follows from: the services, and every file of demo/. Short: it is part of a database name. */
function seedKey(): string {
  const hash = createHash("sha256").update(SERVICE_NAMES.join(","));
  const demo = path.join(ROOT_DIR, "demo");
  const files = (fs.readdirSync(demo, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).sort();
  for (const file of files) hash.update("\0").update(file).update("\0").update(fs.readFileSync(path.join(demo, file)));
  return hash.digest("hex").slice(0, 12);
}

const noServiceUrls = Object.fromEntries(SERVICE_NAMES.map((s) => [`DATABASE_URL_${s.toUpperCase()}`, ""]));

function postgres(config: BenchConfig, families: number, label: string): Databases {
  const template = config.databaseTemplate.replaceAll("{service}", `${label}_{service}`);
  const nameOf = (service: string) => new URL(template.replaceAll("{service}", service)).pathname.slice(1);
  const adminUrl = new URL(template.replaceAll("{service}", "admin"));
  adminUrl.pathname = "/postgres";
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const exists = (client: pg.Client, name: string) => client.query("select 1 from pg_database where datname = $1", [name]).then((r) => r.rowCount === 1);
  // An empty database named …_seeded_<key> marks a finished seed of what the key names.
  const marker = nameOf(`seeded_${seedKey()}`);
  return {
    label,
    server: { adminUrl: adminUrl.toString(), namePrefix: nameOf("") },
    env: (seed) => ({ ...seedEnv(config, families, seed), ...noServiceUrls, DATABASE_URL_TEMPLATE: template }),
    dataDir: (copy) => path.join(config.dataRoot, `${label}-${copy}`),
    seeded: () =>
      admin(async (client) => {
        if (await exists(client, marker)) return true;
        // Anything of the set from an earlier seed (other services, another generator) goes; then a fresh, empty set.
        const prefix = nameOf("");
        const { rows } = await client.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [prefix]);
        for (const { datname } of rows) await client.query(`drop database "${datname}" with (force)`);
        for (const service of SERVICE_NAMES) await client.query(`create database "${nameOf(service)}"`);
        return false;
      }),
    markSeeded: () => admin(async (client) => void (await client.query(`create database "${marker}"`))),
    copyFor: () => {},
  };
}

function pglite(config: BenchConfig, families: number, label: string): Databases {
  const dir = (copy: string) => path.join(config.dataRoot, `pglite-${label}-${copy}`);
  const marker = path.join(dir("a"), ".seeded");
  const key = seedKey();
  return {
    label,
    server: null,
    env: (seed) => ({ ...seedEnv(config, families, seed), ...noServiceUrls, DATABASE_URL_TEMPLATE: "" }),
    dataDir: dir,
    seeded: async () => {
      if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === key) return true;
      // Seeded with other services or another generator (or never): start from nothing.
      fs.rmSync(dir("a"), { recursive: true, force: true });
      return false;
    },
    markSeeded: async () => fs.writeFileSync(marker, key),
    copyFor(copy) {
      // PGlite is one process per database: the rules-off federation runs on a copy.
      fs.rmSync(dir(copy), { recursive: true, force: true });
      for (const service of SERVICE_NAMES) {
        fs.cpSync(path.join(dir("a"), service), path.join(dir(copy), service), { recursive: true });
      }
    },
  };
}

export function benchDatabases(config: BenchConfig, families: number): Databases {
  const label = `f${families}s${config.seed}`;
  return config.database === "postgresql" ? postgres(config, families, label) : pglite(config, families, label);
}
