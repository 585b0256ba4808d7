// A PostgreSQL server of a suite's own: a fresh cluster (initdb) in a
// temporary folder, on 127.0.0.1 only, that the suite may kill with SIGKILL
// and start again — a real crash of the database server, not a refusal of
// connections. Trust authentication for the role "hub" on loopback; nothing
// else can reach it. As root (CI containers) the server runs as the
// "postgres" system user, because PostgreSQL refuses to run as root.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ROLE = "hub";

/** The newest installed PostgreSQL's bin folder (Debian layout, or PG_BIN_DIR), or null when there is none. */
export function postgresBinDir(): string | null {
  const candidates = process.env.PG_BIN_DIR
    ? [process.env.PG_BIN_DIR]
    : (fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql") : [])
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`);
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "postgres"))) ?? null;
}

function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export interface PrivatePostgres {
  port: number;
  /** A connection URL for one database on this server. */
  url(database: string): string;
  createDatabases(names: readonly string[]): Promise<void>;
  /** SIGKILL to the postmaster: no shutdown checkpoint, backends left to notice on their own. */
  kill(): Promise<void>;
  /** Starts the server again on the same data (crash recovery replays the WAL); waits until it accepts connections. */
  start(): Promise<void>;
  /** A query on one database, on a connection of its own. */
  query<Row extends pg.QueryResultRow>(database: string, sql: string, params?: unknown[]): Promise<Row[]>;
  /** Stops the server and removes its folder (kept with KEEP_TEST_DATA=1). */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `maxConnections`: the server's max_connections (default 60); a suite with many processes, each with its pool, needs more. */
export async function startPrivatePostgres(port: number, { maxConnections = 60 } = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries (initdb, postgres) under /usr/lib/postgresql/<version>/bin: install the postgresql package (.ci/run does) or set PG_BIN_DIR.");
  const owner = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-private-pg-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "postgres.log");
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  execFileSync(path.join(bin, "initdb"), ["-D", dataDir, "-U", ROLE, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
    stdio: "pipe",
    ...(owner ?? {}),
  });

  let server: ChildProcess | undefined;
  const url = (database: string) => `postgres://${ROLE}@127.0.0.1:${port}/${database}`;

  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const canConnect = async () => {
    const client = new pg.Client({ connectionString: url("postgres"), connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  const start = async () => {
    const deadline = Date.now() + 60_000;
    // After a SIGKILL the old backends hold the shared memory until they notice the postmaster is gone:
    // a start before that refuses, so try again.
    while (Date.now() < deadline) {
      const fd = fs.openSync(logFile, "a");
      if (owner) fs.fchownSync(fd, owner.uid, owner.gid);
      const child = spawn(
        path.join(bin, "postgres"),
        ["-D", dataDir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", `max_connections=${maxConnections}`, "-c", "shared_buffers=16MB"],
        { stdio: ["ignore", fd, fd], ...(owner ?? {}) },
      );
      fs.closeSync(fd);
      server = child;
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) {
        if (await canConnect()) return;
        await sleep(150);
      }
      await sleep(300);
    }
    throw new Error(`private PostgreSQL did not start on port ${port}; see ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`);
  };

  const query = async <Row extends pg.QueryResultRow>(database: string, sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query<Row>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  await start();
  return {
    port,
    url,
    async createDatabases(names) {
      for (const name of names) await query("postgres", `create database "${name}"`);
    },
    async kill() {
      const child = server;
      if (!child) return;
      child.kill("SIGKILL");
      await exited(child);
    },
    start,
    query,
    async close() {
      const child = server;
      if (child && child.exitCode === null && child.signalCode === null) {
        // Fast shutdown: disconnect the clients, no need to wait for them.
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited(child);
        clearTimeout(timer);
      }
      if (process.env.KEEP_TEST_DATA !== "1") fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
