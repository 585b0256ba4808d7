// npm run retention [-- --dry-run] [service...]
//
// Runs each service's retention rules once (default: every service), as its
// daily job does (docs/retention.md), on PostgreSQL when DATABASE_URL_<SERVICE>
// / DATABASE_URL_TEMPLATE is set, otherwise on the embedded PGlite data under
// <DATA_DIR or ./data>/<service>/pgdata (stop the hub first). With --dry-run
// it deletes nothing and prints what would go.
//
// Prints per rule its cut-off, why, and how many records of each kind:
// never which records, never a person.
// Exit code: 0 done, 2 a database could not be opened or a name is unknown.
import { checkpointAnchor, CheckpointFile, checkpointSigner, useCheckpointAnchor } from "../services/kit/access-log-checkpoint.ts";
import { devCheckpointKey } from "../services/kit/access-log-checkpoint-keys.ts";
import { isServiceName, SERVICE_NAMES, type ServiceName } from "../services/kit/catalog.ts";
import { runRetention, type RuleReport } from "../services/kit/retention/run.ts";
import { retentionScriptConfig } from "./config.ts";
import { retentionRulesOf } from "./lib/retention-rules.ts";
import { DatabaseUnavailable, requireTable, withServiceDatabase } from "./lib/service-database.ts";

const day = (d: Date) => d.toISOString().slice(0, 10);

function describe(service: ServiceName, reports: readonly RuleReport[], dryRun: boolean): string[] {
  const lines = [`${service}${dryRun ? " (dry run: nothing deleted)" : ""}:`];
  for (const report of reports) {
    const some = report.kinds.filter((k) => k.count > 0);
    const what = some.length === 0 ? "nothing due" : some.map((k) => `${k.kind} ${k.count}`).join(", ");
    lines.push(`  ${report.rule}: ${dryRun ? "would delete" : "deleted"} ${what} (older than ${day(report.cutOff)})`);
    lines.push(`    why: ${report.reason}`);
  }
  return lines;
}

async function main(): Promise<number> {
  const config = retentionScriptConfig();
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const named = args.filter((a) => a !== "--dry-run");
  const unknown = named.filter((s) => !isServiceName(s));
  if (unknown.length > 0) {
    console.error(`Unknown service(s) or option(s): ${unknown.join(", ")}. Services: ${SERVICE_NAMES.join(", ")}; option: --dry-run`);
    return 2;
  }
  const services = named.length > 0 ? (named as ServiceName[]) : [...SERVICE_NAMES];
  const at = new Date();
  let failed = 0;
  const key = config.checkpoints.key ?? (await devCheckpointKey(config.dataDir));
  for (const service of services) {
    try {
      // As the service's own process does: an access-log prune writes its signed boundary here first.
      useCheckpointAnchor(checkpointAnchor(await checkpointSigner(service, key), new CheckpointFile(config.checkpoints.dir, service)));
      const reports = await withServiceDatabase(service, config, async (pool) => {
        await requireTable(pool, "retention_tombstone");
        return runRetention(pool, retentionRulesOf(service), config.retention.periods, { at, dryRun });
      });
      console.log(describe(service, reports, dryRun).join("\n"));
    } catch (err) {
      // A service that never ran has no database: nothing to do unless it was asked for by name.
      if (err instanceof DatabaseUnavailable && err.message.startsWith("no database") && named.length === 0) {
        console.log(`skip ${service}: ${err.message}`);
        continue;
      }
      failed += 1;
      console.log(`error ${service}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return failed > 0 ? 2 : 0;
}

process.exitCode = await main();
