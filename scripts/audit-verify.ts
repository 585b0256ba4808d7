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
import { describeProblem, verifyAnchored, type AnchoredResult } from "../services/kit/access-log-anchored.ts";
import { CheckpointFile } from "../services/kit/access-log-checkpoint.ts";
import { publicHalf, readDevCheckpointKey, type CheckpointPublicKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { isServiceName, SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { auditVerifyConfig, type AuditVerifyConfig } from "./config.ts";
import { DatabaseUnavailable as CannotVerify, requireTable, withServiceDatabase } from "./lib/service-database.ts";

async function verifyService(service: ServiceName, config: AuditVerifyConfig, trusted: readonly CheckpointPublicKey[]): Promise<AnchoredResult> {
  return withServiceDatabase(service, config, async (pool) => {
    await requireTable(pool, "access_log");
    return verifyAnchored(pool, service, await new CheckpointFile(config.checkpointDir, service).read(), trusted);
  });
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
