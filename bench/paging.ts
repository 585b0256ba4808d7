// npm run bench:paging — what the first page of a long list costs, through
// the gateway: a case's stafettlogg (Case.stafettloggPage) and a service's
// access log (navAuditLogPage), a citizen's own log in a service
// (Person.navAccessLogPage) and its auditors' review list (navReviewListPage),
// each at 10, 100, 1,000 and 10,000 entries, beside the whole list the same
// field gave before paging (Case.stafettlogg, navAuditLog, navAccessLog,
// navReviewList). Per request: the SQL statements each subgraph sent (its
// hub_sql_statements_total counter), the rows PostgreSQL read from the list's
// table (pg_stat_user_tables), and the time, median and p90 of 30 requests one
// at a time. A page should cost the same at every size.
//
// Needs PostgreSQL: DATABASE_URL_TEMPLATE (its databases are <name>_paging_{service},
// dropped and made afresh); BENCH_PAGING_PORT and the ports above it (bench/config.ts).
// Bounded: a federation start, then about four minutes (mostly pauses of 11 s).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DevSignIn } from "../identity/dev-token.ts";
import { startFederation } from "../scripts/lib/federation.ts";
import { AccessLog, type AccessLogRecord } from "../services/kit/access-log.ts";
import { SERVICE_NAMES, subgraphPort, type ServiceName } from "../services/kit/catalog.ts";
import { demoCaseId } from "../demo/fjordvik.ts";
import { demoUser } from "../demo/users.ts";
import { pagingBenchConfig } from "./config.ts";

const SIZES = [10, 100, 1_000, 10_000];
const REQUESTS = 30;
const WARM_UP = 3;
/** Longer than the access log's contended spell (10 s) and PostgreSQL's longest wait before a backend reports its statistics. */
const SETTLE_MS = 11_000;
const READER = "skole-kontaktlaerer-1"; // a member of the Haugland case, writing for skole
const CASE = demoCaseId("haugland");
const AUDITOR = "nav-auditor";
const CITIZEN = "citizen"; // Sara Haugland: every grown access-log entry is about her

const config = pagingBenchConfig();
const template = config.databaseTemplate;
if (!template) {
  console.error("npm run bench:paging needs PostgreSQL: DATABASE_URL_TEMPLATE=postgres://hub:hub@127.0.0.1:5432/<prefix>_{service}");
  process.exit(2);
}
const port = config.port;
const benchTemplate = template.replaceAll("{service}", "paging_{service}");
const urlOf = (service: ServiceName) => benchTemplate.replaceAll("{service}", service);

async function freshDatabases(): Promise<void> {
  const adminUrl = new URL(urlOf("registry"));
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    for (const service of SERVICE_NAMES) {
      const name = new URL(urlOf(service)).pathname.slice(1);
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-paging-"));
const logFile = path.join(dir, "federation.log");
await freshDatabases();
const started = Date.now();
const federation = await startFederation({
  gatewayPort: port,
  dataDir: path.join(dir, "data"),
  env: { DATABASE_URL_TEMPLATE: benchTemplate, LOG_LEVEL: config.logLevel, REDIS_URL: "" },
  output: logFile,
});
console.log(`federation up in ${((Date.now() - started) / 1000).toFixed(0)} s (log: ${logFile})`);

const samhandlingDb = new pg.Pool({ connectionString: urlOf("samhandling"), max: 2 });
const navDb = new pg.Pool({ connectionString: urlOf("nav"), max: 2 });

try {
  const signIn = async (user: string) => (await (await DevSignIn.at(federation.identityIssuer!)).run(user)).access_token;
  const reader = { authorization: `Bearer ${await signIn(READER)}`, "x-case-id": CASE };
  const auditor = { authorization: `Bearer ${await signIn(AUDITOR)}` };
  const citizen = { authorization: `Bearer ${await signIn(CITIZEN)}` };
  const citizenId = demoUser(CITIZEN)!.claims.personId!;

  const ask = async (query: string, headers: Record<string, string>) => {
    const res = await fetch(federation.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  };
  const statements = async (service: ServiceName) => {
    const text = await (await fetch(`http://127.0.0.1:${subgraphPort(service, port)}/metrics`)).text();
    return Number(/^hub_sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
  };

  /**
   * Rows PostgreSQL read from `table` so far (sequential and index fetches). A
   * backend reports them once idle for a while (at most PGSTAT_IDLE_INTERVAL,
   * 10 s), so they are read after a pause, as is the next measurement's start.
   */
  const rowsRead = async (db: pg.Pool, table: string) =>
    Number((await db.query("SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_user_tables WHERE relname = $1", [table])).rows[0].n);
  const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

  /** Per request of `query`: SQL statements `service` sent, rows it read from `table`, and the time. */
  const measure = async (query: string, headers: Record<string, string>, service: ServiceName, db: pg.Pool, table: string) => {
    const [sqlBefore, rowsBefore] = [await statements(service), await rowsRead(db, table)];
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = performance.now();
      await ask(query, headers);
      ms.push(performance.now() - t);
    }
    await settle();
    const sql = ((await statements(service)) - sqlBefore) / REQUESTS;
    const rows = ((await rowsRead(db, table)) - rowsBefore) / REQUESTS;
    ms.sort((a, b) => a - b);
    return { sql, rows, p50: ms[Math.floor(ms.length / 2)]!, p90: ms[Math.floor(ms.length * 0.9)]! };
  };

  // Entries of the reader's own service, so every one is readable: the page is as full as it can be.
  const growStafettlogg = async (size: number) => {
    const have = Number((await samhandlingDb.query("SELECT count(*) FROM stafettlogg_entry WHERE case_id = $1", [CASE])).rows[0].count);
    if (have > size) throw new Error(`the case already has ${have} entries`);
    await samhandlingDb.query(
      `INSERT INTO stafettlogg_entry (id, case_id, kind, text, author_actor_id, author_name, author_service, at)
       SELECT 'sl_bench_' || $2::int || '_' || g, $1, 'NOTE'::"StafettloggKind", 'Notat ' || g, $3, 'Benk', 'SKOLE'::"ServiceName", now() - make_interval(secs => g)
       FROM generate_series(1, $4::int) g`,
      [CASE, size, READER, size - have],
    );
  };
  const accessLog = new AccessLog(navDb);
  const growAccessLog = async (size: number) => {
    const have = Number((await navDb.query("SELECT count(*) FROM access_log WHERE request_id LIKE 'bench-%'")).rows[0].count);
    const records: AccessLogRecord[] = Array.from({ length: Math.max(0, size - have) }, (_, i) => ({
      requestId: `bench-${size}-${i}`,
      actorId: "nav-veileder-1",
      actorService: "nav",
      personId: citizenId,
      categories: ["SERVICE_DATA"],
      caseId: CASE,
      decision: "GRANTED",
      reason: "OWN_SERVICE",
      basis: null,
      // Every other one on the review list: it grows with the log, at half its pace.
      extraordinary: i % 2 === 0,
    }));
    await accessLog.append(records);
  };

  const PAGE = `{ case(id: "${CASE}") { stafettloggPage(first: 20) { edges { cursor node { id text at } } pageInfo { hasNextPage endCursor } } } }`;
  const WHOLE = `{ case(id: "${CASE}") { stafettlogg { id text at } } }`;
  // Up to the moment the log was grown: every audit read is itself logged, and would otherwise be what the pages show.
  const AUDIT_PAGE = (to: string) => `{ navAuditLogPage(to: "${to}", first: 20) { edges { cursor node { entryId personId at } } pageInfo { hasNextPage endCursor } } }`;
  const AUDIT_LIST = (to: string) => `{ navAuditLog(to: "${to}") { entryId personId at } }`;
  const MINE_PAGE = `{ me { navAccessLogPage(first: 20) { edges { cursor node { entryId at } } pageInfo { hasNextPage endCursor } } } }`;
  const MINE_LIST = `{ me { navAccessLog { entryId at } } }`;
  const REVIEW_PAGE = `{ navReviewListPage(first: 20) { edges { cursor node { entryId at } } pageInfo { hasNextPage endCursor } } }`;
  const REVIEW_LIST = `{ navReviewList { entryId at } }`;
  const TABLES = [
    ["stafettloggPage(first: 20)", "stafettlogg (whole)"],
    ["navAuditLogPage(first: 20)", "navAuditLog (up to 1000)"],
    ["me.navAccessLogPage(first: 20)", "me.navAccessLog (up to 1000)"],
    ["navReviewListPage(first: 20)", "navReviewList (up to 1000; half the entries)"],
  ];

  const rows: string[][] = TABLES.map(() => []);
  for (const size of SIZES) {
    await growStafettlogg(size);
    await growAccessLog(size);
    const grown = new Date(Date.now() + 1).toISOString();
    // Statistics as autovacuum keeps them (it would analyze the grown tables within a minute or so).
    await samhandlingDb.query("ANALYZE stafettlogg_entry");
    await navDb.query("ANALYZE access_log");
    const queries = [
      [PAGE, reader, "samhandling", samhandlingDb, "stafettlogg_entry"],
      [WHOLE, reader, "samhandling", samhandlingDb, "stafettlogg_entry"],
      [AUDIT_PAGE(grown), auditor, "nav", navDb, "access_log"],
      [AUDIT_LIST(grown), auditor, "nav", navDb, "access_log"],
      [MINE_PAGE, citizen, "nav", navDb, "access_log"],
      [MINE_LIST, citizen, "nav", navDb, "access_log"],
      [REVIEW_PAGE, auditor, "nav", navDb, "access_log"],
      [REVIEW_LIST, auditor, "nav", navDb, "access_log"],
    ] as const;
    // Warm up (decisions cached, statements planned), then let nav's log writer find its head again:
    // the rows this benchmark appended made it lose a race, and it appends under a lock for 10 s after.
    for (const [query, headers] of queries) for (let i = 0; i < WARM_UP; i++) await ask(query, headers);
    await settle();
    const cells: Awaited<ReturnType<typeof measure>>[] = [];
    for (const [query, headers, service, db, table] of queries) cells.push(await measure(query, headers, service, db, table));
    const cell = (c: (typeof cells)[number]) => `${c.sql.toFixed(1)} | ${Math.round(c.rows).toLocaleString("en")} | ${c.p50.toFixed(1)} | ${c.p90.toFixed(1)}`;
    TABLES.forEach((_, t) => {
      const row = `| ${size.toLocaleString("en")} | ${cell(cells[2 * t]!)} | ${cell(cells[2 * t + 1]!)} |`;
      console.log(row);
      rows[t]!.push(row);
    });
  }
  console.log(`\n${config.commandLine} — ${new Date().toISOString()}, ${os.cpus().length} CPUs, ${REQUESTS} requests per cell after ${WARM_UP} to warm up`);
  TABLES.forEach(([page, whole], t) =>
    console.log(
      [
        "",
        `| entries | ${page}: SQL | rows read | p50 ms | p90 ms | ${whole}: SQL | rows read | p50 ms | p90 ms |`,
        "|---:|" + "---:|".repeat(8),
        ...rows[t]!,
      ].join("\n"),
    ),
  );
} finally {
  await samhandlingDb.end();
  await navDb.end();
  await federation.stop();
}
