// npm run audit:verify [-- service...]
//
// Verifies each service's access log (default: every service): its hash
// chain, and that the chain still reaches every signed checkpoint kept
// outside the database (services/kit/access-log-anchored.ts) — so rows
// removed from the end, or from the start without a prune's checkpoint, are
// found too. PostgreSQL when DATABASE_URL_<SERVICE> / DATABASE_URL_TEMPLATE is
// set, otherwise the embedded PGlite data under <DATA_DIR or ./data>/<service>/pgdata;
// the checkpoints from ACCESS_LOG_CHECKPOINT_DIR, checked with the public keys given
// (development: also the data folder's key).
// Exit code: 0 all intact, 1 a log is broken or not anchored, 2 a log could not be checked.
//
// Only counts, sequence numbers and checkpoint times are printed, never the logged persons.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

import { describeProblem, verifyAnchored, type AnchoredResult } from "../services/kit/access-log-anchored.ts";
import { CheckpointFile } from "../services/kit/access-log-checkpoint.ts";
import { publicHalf, readDevCheckpointKey, type CheckpointPublicKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { isServiceName, SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { auditVerifyConfig, type AuditVerifyConfig } from "./config.ts";

class CannotVerify extends Error {}

async function withPostgres<T>(url: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

async function withPglite<T>(dataDir: string, use: (pool: pg.Pool) => Promise<T>): Promise<T> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new CannotVerify(`no database at ${dataDir}`);
  // PGlite has no cross-process lock: it would open a data folder that a
  // running service has open, and the two would corrupt it. A running PGlite
  // leaves postmaster.pid there (removed on a clean close), so refuse then.
  if (existsSync(path.join(dataDir, "postmaster.pid"))) {
    throw new CannotVerify(
      `${dataDir} is in use (postmaster.pid present): stop the hub first or use PostgreSQL. ` +
        `If no service is running, the last one did not shut down cleanly; start and stop it once.`,
    );
  }
  const db = await PGlite.create(dataDir);
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "audit-verify-"));
  // As in services/kit/db/database.ts: a private unix socket, one pg connection.
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections: 2 });
  try {
    await server.start();
    const pool = new pg.Pool({ host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 });
    try {
      return await use(pool);
    } finally {
      await pool.end();
    }
  } finally {
    await server.stop();
    await db.close();
    rmSync(socketDir, { recursive: true, force: true });
  }
}

async function verifyService(service: ServiceName, config: AuditVerifyConfig, trusted: readonly CheckpointPublicKey[]): Promise<AnchoredResult> {
  const check = async (pool: pg.Pool) => {
    const { rows } = await pool.query<{ t: string | null }>(`SELECT to_regclass('access_log')::text AS t`);
    if (rows[0]?.t === null) throw new CannotVerify("no access_log table (start the service once to apply its migrations)");
    return verifyAnchored(pool, service, await new CheckpointFile(config.checkpointDir, service).read(), trusted);
  };
  const url = config.databaseUrls[service];
  if (url) return withPostgres(url, check);
  return withPglite(path.join(config.dataDir, service, "pgdata"), check);
}

/** The keys given; in development also the data folder's (which the subgraphs made and sign with). */
function trustedKeys(config: AuditVerifyConfig): CheckpointPublicKey[] {
  const dev = config.production ? undefined : readDevCheckpointKey(config.dataDir);
  return [...config.trustedKeys, ...(dev ? [publicHalf(dev)] : [])];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(service: string, r: AnchoredResult): string {
  const rows = r.chain.rows === 0 ? "0 rows" : `${plural(r.chain.rows, "row")}, seq ${r.firstSeq} to ${r.lastSeq}${r.prunedBefore ? " (pruned before it, with a checkpoint)" : ""}`;
  const anchors = r.newest === null ? "no checkpoint" : `${plural(r.checkpoints, "checkpoint")}, the newest of seq ${r.newest.seq} at ${r.newest.at}; ${plural(r.rowsAfterNewest, "row")} after it`;
  return `ok ${service}: ${rows}; ${anchors}`;
}

async function main(): Promise<number> {
  const config = auditVerifyConfig();
  const named = process.argv.slice(2);
  const unknown = named.filter((s) => !isServiceName(s));
  if (unknown.length > 0) {
    console.error(`Unknown service(s): ${unknown.join(", ")}. Services: ${SERVICE_NAMES.join(", ")}`);
    return 2;
  }
  const services = named.length > 0 ? (named as ServiceName[]) : [...SERVICE_NAMES];
  const trusted = trustedKeys(config);
  let broken = 0;
  let failed = 0;
  for (const service of services) {
    try {
      const result = await verifyService(service, config, trusted);
      if (result.ok) {
        console.log(summary(service, result));
        continue;
      }
      broken += 1;
      const { chain } = result;
      // A first row that follows nothing is told as the prune it was (below), not as a broken link.
      if (!chain.ok && !result.problems.some((p) => p.problem === "PRUNED_WITHOUT_CHECKPOINT")) {
        console.log(`BROKEN ${service} at seq ${chain.brokenAt}: ${chain.problem} (${chain.rows} rows intact before it)`);
      }
      for (const problem of result.problems) console.log(`BROKEN ${describeProblem(service, problem)}`);
    } catch (err) {
      // A service that never ran has no database: nothing to verify unless it was asked for by name.
      if (err instanceof CannotVerify && err.message.startsWith("no database") && named.length === 0) {
        console.log(`skip ${service}: ${err.message}`);
        continue;
      }
      failed += 1;
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
      console.log(`error ${service}: ${err instanceof Error ? err.message : String(err)}${cause}`);
    }
  }
  return broken > 0 ? 1 : failed > 0 ? 2 : 0;
}

process.exitCode = await main();
