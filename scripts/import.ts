// npm run import -- <service> <file.ndjson> [--dry-run] [--restart] [--checkpoint <path>]
//
// A first load from a journal system's export: one record per line, each a
// `<Service>RecordInput` (docs/integration/<service>.schema.json), written
// through the service's write API as its own machine client — the path every
// write takes, with its guard, checks, transaction, access log and signals
// (docs/integration/README.md says why it does not write to the database
// itself). Lines go in calls of 500; a call with a refused line is sent again
// without it, so every line but the refused ones is written.
//
// --dry-run    checks every line and asks the service what each would do; writes nothing, keeps no checkpoint
// --restart    starts from the first line, ignoring a checkpoint (writing again is safe: UNCHANGED)
// --checkpoint where the checkpoint lives (default: <file>.checkpoint.json)
//
// Progress goes to stderr, the summary (counts, and each refused line with
// its reason) to stdout; no record's content is printed. Exit code 0: every
// line written; 2: done, some lines refused; 1: stopped (run it again to
// resume from the checkpoint).
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { VIEW_SERVICES, type ViewService } from "../services/kit/catalog.ts";
import { MAX_RECORDS_PER_CALL } from "../services/kit/writes/names.ts";
import { importConfig } from "./config.ts";
import { devMachineToken } from "./lib/dev-machine-token.ts";
import { emptyCounts, fingerprint, readCheckpoint, writeCheckpoint, type Checkpoint, type Counts } from "./lib/import/checkpoint.ts";
import { ImportStopped, WriteClient } from "./lib/import/client.ts";
import { Progress } from "./lib/import/progress.ts";
import { lineChecker, recordInput, type ImportRecord, type LineRefusal } from "./lib/import/records.ts";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run import -- <service> <file.ndjson> [--dry-run] [--restart] [--checkpoint <path>]\nServices: ${VIEW_SERVICES.join(", ")}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args.splice(at, 1), true) : false;
};
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const dryRun = flag("--dry-run");
const restart = flag("--restart");
const checkpointArg = option("--checkpoint");
const [serviceArg, fileArg, ...extra] = args;
if (!serviceArg || !fileArg || extra.length > 0) usage("Expected a service and a file.");
if (!(VIEW_SERVICES as readonly string[]).includes(serviceArg)) usage(`"${serviceArg}" is no service with data of its own.`);
const service = serviceArg as ViewService;
const file = path.resolve(fileArg);
if (!fs.existsSync(file)) usage(`No file ${file}.`);
const checkpointPath = path.resolve(checkpointArg ?? `${file}.checkpoint.json`);

const config = importConfig();
const client = new WriteClient({
  service,
  gatewayUrl: config.gatewayUrl,
  token: config.token ? () => Promise.resolve(config.token!) : () => devMachineToken(config.issuer, config.dataDir, `${service}-integration`),
  renewable: !config.token,
});

const started = Date.now();
const file_ = await fingerprint(file);
let checkpoint: Checkpoint | null;
try {
  checkpoint = dryRun || restart ? null : readCheckpoint(checkpointPath, service, file_);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (checkpoint?.complete) {
  console.log(`${service}: ${path.basename(file)} was imported already (${checkpointPath}). --restart imports it again (what is already there stays UNCHANGED).`);
  printSummary(checkpoint.counts, checkpoint.refusals, 0, 0);
  process.exit(checkpoint.refusals.length > 0 ? 2 : 0);
}

const counts: Counts = checkpoint?.counts ?? emptyCounts();
const refusals: LineRefusal[] = checkpoint?.refusals ?? [];
const skipUpTo = checkpoint?.line ?? 0;
if (skipUpTo > 0) console.error(`resuming after line ${skipUpTo} (${checkpointPath})`);

let stopping = false;
process.on("SIGINT", () => {
  if (stopping) process.exit(130);
  stopping = true;
  console.error("\nstopping after the call under way; run the import again to resume (Ctrl-C again to stop at once)");
});

const progress = new Progress(file_.size);
const check = lineChecker(recordInput(service));
let sentLines = 0;
let bytes = 0;

/** Sends one call's records; a call with refused records goes again without them (nothing of it was written). */
async function send(batch: ImportRecord[]): Promise<void> {
  let pending = batch;
  while (pending.length > 0) {
    const answer = await client.write(pending.map((r) => r.record), dryRun);
    const refused = new Set<number>();
    for (const result of answer.results) {
      if (!result.refusal) continue;
      refused.add(result.index);
      refusals.push({ line: pending[result.index]!.line, ...result.refusal });
      counts.refused += 1;
    }
    if (answer.written || dryRun || refused.size === 0) {
      for (const result of answer.results) if (result.outcome && !result.refusal) counts[result.outcome.toLowerCase() as "created" | "updated" | "unchanged"] += 1;
      return;
    }
    pending = pending.filter((_, index) => !refused.has(index));
  }
}

function save(line: number, complete: boolean): void {
  if (dryRun) return;
  writeCheckpoint(checkpointPath, { version: 1, service, size: file_.size, sha256: file_.sha256, line, counts, refusals, complete });
}

let lineNumber = 0;
let batch: ImportRecord[] = [];
try {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const text of lines) {
    lineNumber += 1;
    bytes += Buffer.byteLength(text) + 1;
    if (lineNumber <= skipUpTo || text.trim() === "") continue;
    sentLines += 1;
    const checked = check(lineNumber, text);
    if ("code" in checked) {
      refusals.push(checked);
      counts.refused += 1;
    } else {
      batch.push(checked);
    }
    if (batch.length === MAX_RECORDS_PER_CALL) {
      await send(batch);
      batch = [];
      save(lineNumber, false);
      progress.update(bytes, sentLines, counts);
      if (stopping) throw new ImportStopped(`Stopped after line ${lineNumber}; the checkpoint has it. Run the same command to resume.`);
    }
  }
  await send(batch);
  save(lineNumber, true);
  progress.done(bytes, sentLines, counts);
} catch (error) {
  progress.done(bytes, sentLines, counts);
  if (!(error instanceof ImportStopped)) throw error;
  console.error(error.message);
  printSummary(counts, refusals, sentLines, Date.now() - started);
  process.exit(1);
}
printSummary(counts, refusals, sentLines, Date.now() - started);
process.exit(refusals.length > 0 ? 2 : 0);

function printSummary(total: Counts, refused: readonly LineRefusal[], lines: number, ms: number): void {
  const out: string[] = [];
  if (lines > 0) out.push(`${service}: ${lines} lines in ${(ms / 1000).toFixed(1)} s (${Math.round(lines / Math.max(ms / 1000, 0.001))} lines/s)${dryRun ? " — dry run: nothing written, these are what would be" : ""}`);
  out.push(`  created    ${total.created}`, `  updated    ${total.updated}`, `  unchanged  ${total.unchanged}`, `  refused    ${total.refused}`);
  if (refused.length > 0) {
    out.push("refused lines:");
    for (const r of [...refused].sort((a, b) => a.line - b.line)) out.push(`  line ${r.line}: ${r.code}${r.field ? ` ${r.field}` : ""} — ${r.message}`);
  }
  console.log(out.join("\n"));
}
