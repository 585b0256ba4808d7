// npm run load [-- --duration 60 --concurrency 24]
//
// A bounded load test on 127.0.0.1 only: starts its own federation, lets many
// coordinators read their cases' family overviews through the gateway while
// consents are granted and withdrawn in between, stops by itself, and fails
// (exit 1) unless there were
//   - zero 5xx answers,
//   - zero leaked fields (a restricted view with data, or a view granted on a
//     consent withdrawn before the request began),
//   - zero lost access-log entries (every view a client received has its rows
//     in that service's access_log: per actor, case and person, as many
//     SERVICE_DATA and INVOLVEMENT rows as views, as many granted ones as
//     granted views; registry: an IDENTITY row per person shown; samhandling:
//     a granted CASE row per case shown in a person's `cases`), and
//   - stable memory: the resident set of every process, sampled every 2 s with
//     its heap capped at LOAD_HEAP_MB, either grows little after warm-up or
//     has levelled off by the end (a leak under a cap keeps growing, then crashes).
//
// Bounded: every request gives up after LOAD_REQUEST_TIMEOUT_MS (30000; one
// without an answer counts as a failure), and the whole run after start-up,
// LOAD_DURATION_S and a margin — it stops by itself even if the gateway hangs.
// Everything is on 127.0.0.1: the federation it starts, and the PostgreSQL
// and Redis it is pointed at (any other host is refused).
//
// Settings (test/load/config.ts; all in docs/configuration.md): LOAD_DURATION_S,
// LOAD_CONCURRENCY, LOAD_HEAP_MB, LOAD_CHURN_TARGETS, LOAD_CHURN_PAUSE_MS,
// LOAD_GATEWAY_PORT, LOAD_REQUEST_TIMEOUT_MS; DATABASE_URL_TEMPLATE for
// PostgreSQL (its databases <LOAD_DATABASE_PREFIX><service> on that server
// are recreated; otherwise embedded PGlite in a temporary folder), REDIS_URL
// (the consent epoch and the rate-limit counters; its database index is used
// as given). Prints counts only, never personal data.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { generateClients } from "../../scripts/generate.ts";
import { startFederation, type Federation, type ProcessName } from "../../scripts/lib/federation.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { freshDatabases } from "../../scripts/lib/fresh-databases.ts";
import { loadConfig } from "./config.ts";
import { expectedStatus, leakedFields, type AccessView, type ConsentEvent } from "./checks.ts";
import { tokenFor } from "../support/tokens.ts";
import { SERVICE_NAMES, VIEW_SERVICES, type ServiceName, type ViewService } from "../../services/kit/catalog.ts";
import { demoCases, demoFamilies, demoPersons, DEMO_TODAY } from "../../demo/fjordvik.ts";
import { demoUser } from "../../demo/users.ts";

const { values: args } = parseArgs({
  options: { duration: { type: "string" }, concurrency: { type: "string" }, port: { type: "string" } },
});
const config = loadConfig(args);
const DURATION_MS = config.durationMs;
const CONCURRENCY = config.concurrency;
const CHURN_TARGETS = config.churnTargets;
const HEAP_MB = config.heapMb;
// Long enough that many reads fall wholly between two changes and can be checked against them.
const CHURN_PAUSE_MS = config.churnPauseMs;
const GATEWAY_PORT = config.gatewayPort;
const REQUEST_TIMEOUT_MS = config.requestTimeoutMs;
const DATABASE_PREFIX = config.databasePrefix;
const STARTUP_TIMEOUT_MS = 240_000;
const HOST = "127.0.0.1";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
// Memory may grow this much between the early and the late samples (caches and JIT warm up).
const MEMORY_GROWTH_LIMIT = { ratio: 0.25, mb: 40 };
// ...or, if it grew more, it must have stopped: the last fifth at most this much above the fourth.
const MEMORY_PLATEAU_LIMIT = { ratio: 0.03, mb: 8 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`${line}\n`);

// --- who reads what -----------------------------------------------------------

interface Reader {
  actorId: string;
  caseId: string;
  familyId: string;
  headers: Record<string, string>;
}

interface Person {
  givenName: string;
  id: string;
  [service: string]: unknown;
}
interface Overview {
  family: { members: { person: Person | null }[] } | null;
}

const OVERVIEW = FAMILY_OVERVIEW_QUERY.replace("givenName", "id givenName");

async function readers(issuer: string): Promise<Reader[]> {
  const result: Reader[] = [];
  for (const c of demoCases.filter((x) => x.open)) {
    const family = demoFamilies.find((f) => f.caseIds.includes(c.caseId));
    if (!family) continue;
    for (const actorId of c.activeActorIds) {
      if (!demoUser(actorId)) continue;
      const token = await tokenFor(issuer, actorId);
      result.push({ actorId, caseId: c.caseId, familyId: family.familyId, headers: { authorization: `Bearer ${token}`, "x-case-id": c.caseId } });
    }
  }
  return result;
}

// --- requests -------------------------------------------------------------------

async function post<Data>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const startedAt = Date.now();
  // Bounded: a hung gateway costs this request its answer (counted), never the run its end.
  const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  const text = await response.text();
  let body: { data?: Data | null; errors?: { message: string; extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // a non-JSON answer counts as an error below
  }
  return { status: response.status, startedAt, endedAt: Date.now(), ...body };
}

// --- what is counted ------------------------------------------------------------

const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  graphqlErrors: new Map<string, number>(),
  networkErrors: 0,
  latencies: [] as number[],
  views: 0,
  leakedFields: 0,
  grantedAfterWithdrawal: 0,
  restrictedAfterGrant: 0,
  checkedAgainstConsent: 0,
  mutations: { ok: 0, failed: 0 },
};

/**
 * Views the clients received, per service and (actor, case, person): how many,
 * and by status. Registry's "view" is the person itself. The access log is
 * checked against these counts after the run.
 */
type Received = { views: number; byStatus: Map<string, number> };
const seen = new Map<ServiceName, Map<string, Received>>(SERVICE_NAMES.map((s) => [s, new Map()]));
const groupKey = (actorId: string, caseId: string | null, personId: string) => `${actorId}|${caseId ?? "-"}|${personId}`;

function remember(service: ServiceName, reader: Reader, personId: string, status: string, count = 1) {
  const groups = seen.get(service)!;
  const key = groupKey(reader.actorId, reader.caseId, personId);
  const group = groups.get(key) ?? { views: 0, byStatus: new Map<string, number>() };
  group.views += count;
  group.byStatus.set(status, (group.byStatus.get(status) ?? 0) + count);
  groups.set(key, group);
}

/** Counts what one overview answer showed: views per service and leaked fields. */
function recordAnswer(reader: Reader, res: { data?: Overview | null }): Person[] {
  const persons = (res.data?.family?.members ?? []).flatMap((m) => (m.person ? [m.person] : []));
  for (const person of persons) {
    remember("registry", reader, person.id, "GRANTED");
    // samhandling logs a granted CASE entry for the person for each of their cases it shows.
    if (Array.isArray(person.cases) && person.cases.length > 0) remember("samhandling", reader, person.id, "GRANTED", person.cases.length);
    for (const service of VIEW_SERVICES) {
      const view = person[service] as AccessView | null;
      if (!view) continue;
      stats.views += 1;
      stats.leakedFields += leakedFields(view).length;
      remember(service, reader, person.id, view.access.status);
    }
  }
  return persons;
}

// --- consents that change during the run -----------------------------------------

interface ChurnTarget {
  caseId: string;
  personId: string;
  service: ViewService;
  /** Who records the changes: an active member of the case. */
  recorder: Reader;
  /** Readers whose view of this person and service only this consent can grant. */
  readers: Set<string>;
  events: ConsentEvent[];
}
const churnKey = (caseId: string, personId: string, service: string) => `${caseId}|${personId}|${service}`;

function adult(personId: string): boolean {
  const p = demoPersons.find((x) => x.personId === personId);
  if (!p || p.role !== "ADULT") return false;
  const today = new Date(DEMO_TODAY);
  const born = new Date(p.birthDate);
  const age = today.getUTCFullYear() - born.getUTCFullYear() - (today < new Date(Date.UTC(today.getUTCFullYear(), born.getUTCMonth(), born.getUTCDate())) ? 1 : 0);
  return age >= 18;
}

async function findChurnTargets(url: string, all: Reader[]): Promise<Map<string, ChurnTarget>> {
  const targets = new Map<string, ChurnTarget>();
  for (const reader of all) {
    const res = await post<Overview>(url, OVERVIEW, { familyId: reader.familyId }, reader.headers);
    for (const person of recordAnswer(reader, res)) {
      if (!adult(person.id)) continue;
      for (const service of VIEW_SERVICES) {
        const view = person[service] as AccessView | null;
        if (view?.access.status !== "RESTRICTED" || view.access.reason !== "NO_CONSENT") continue;
        const key = churnKey(reader.caseId, person.id, service);
        const target = targets.get(key) ?? { caseId: reader.caseId, personId: person.id, service, recorder: reader, readers: new Set<string>(), events: [] };
        target.readers.add(reader.actorId);
        targets.set(key, target);
      }
    }
  }
  // Spread over cases and services, a few at a time.
  const chosen = new Map<string, ChurnTarget>();
  const usedCases = new Map<string, number>();
  for (const [key, t] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
    if (chosen.size >= CHURN_TARGETS) break;
    if ((usedCases.get(t.caseId) ?? 0) >= Math.ceil(CHURN_TARGETS / 2)) continue;
    usedCases.set(t.caseId, (usedCases.get(t.caseId) ?? 0) + 1);
    chosen.set(key, t);
  }
  return chosen;
}

/** The adult the consent is about gives and withdraws it, signed in (a consent is the person's act: issue 17). */
async function churn(url: string, target: ChurnTarget, until: number, issuer: string): Promise<void> {
  // Signed in at the identity provider as the person, at the high level consents need.
  const giver = { authorization: `Bearer ${await tokenFor(issuer, target.personId)}` };
  const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
  const WITHDRAW = `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`;
  while (Date.now() < until - 1_000) {
    const grant: ConsentEvent = { kind: "grant", sentAt: Date.now() };
    target.events.push(grant);
    const granted = await post<{ grantConsent: { id: string } }>(
      url,
      GRANT,
      {
        input: {
          caseId: target.caseId,
          subjectId: target.personId,
          capacity: "SELF",
          services: [target.service.toUpperCase()],
          categories: ["INVOLVEMENT", "SERVICE_DATA"],
        },
      },
      giver,
    );
    const id = granted.data?.grantConsent.id;
    if (!id || granted.errors) {
      stats.mutations.failed += 1;
      return; // the state is unknown from here: stop changing this one rather than guess
    }
    grant.ackAt = granted.endedAt;
    stats.mutations.ok += 1;
    await sleep(CHURN_PAUSE_MS * (0.5 + Math.random()));

    const withdraw: ConsentEvent = { kind: "withdraw", sentAt: Date.now() };
    target.events.push(withdraw);
    const withdrawn = await post(url, WITHDRAW, { id }, giver);
    if (withdrawn.errors || withdrawn.status !== 200) {
      stats.mutations.failed += 1;
      return;
    }
    withdraw.ackAt = withdrawn.endedAt;
    stats.mutations.ok += 1;
    await sleep(CHURN_PAUSE_MS * (0.5 + Math.random()));
  }
}

/**
 * Reads one churned view over and over with a small query, so that many
 * reads fall wholly between two changes and are checked against them (the
 * family overviews are slow enough under load to overlap most changes).
 */
async function probe(url: string, target: ChurnTarget, until: number): Promise<void> {
  const query = `query ($id: ID!) { person(id: $id) { id givenName ${target.service} { access { status reason } involved } } }`;
  while (Date.now() < until) {
    stats.requests += 1;
    let res: Awaited<ReturnType<typeof post<{ person: Person | null }>>>;
    try {
      res = await post<{ person: Person | null }>(url, query, { id: target.personId }, target.recorder.headers);
    } catch {
      stats.networkErrors += 1;
      continue;
    }
    countAnswer(res);
    const person = res.data?.person;
    if (!person) continue;
    remember("registry", target.recorder, person.id, "GRANTED");
    const view = person[target.service] as AccessView | null;
    if (view) {
      stats.views += 1;
      stats.leakedFields += leakedFields(view).length;
      remember(target.service, target.recorder, person.id, view.access.status);
    }
    completed.push({ reader: target.recorder, startedAt: res.startedAt, endedAt: res.endedAt, persons: [person] });
  }
}

function countAnswer(res: { status: number; startedAt: number; endedAt: number; errors?: { extensions?: { code?: string } }[] }): void {
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  stats.latencies.push(res.endedAt - res.startedAt);
  for (const e of res.errors ?? []) {
    const code = e.extensions?.code ?? "NO_CODE";
    stats.graphqlErrors.set(code, (stats.graphqlErrors.get(code) ?? 0) + 1);
  }
}

// --- readers ------------------------------------------------------------------------

interface Completed {
  reader: Reader;
  startedAt: number;
  endedAt: number;
  persons: Person[];
}
const completed: Completed[] = [];

async function coordinator(url: string, pool: Reader[], index: number, until: number): Promise<void> {
  let n = index;
  while (Date.now() < until) {
    const reader = pool[n++ % pool.length];
    stats.requests += 1;
    let res: Awaited<ReturnType<typeof post<Overview>>>;
    try {
      res = await post<Overview>(url, OVERVIEW, { familyId: reader.familyId }, reader.headers);
    } catch {
      stats.networkErrors += 1;
      continue;
    }
    countAnswer(res);
    const persons = recordAnswer(reader, res);
    completed.push({ reader, startedAt: res.startedAt, endedAt: res.endedAt, persons });
  }
}

function checkAgainstConsents(targets: Map<string, ChurnTarget>): void {
  for (const read of completed) {
    for (const person of read.persons) {
      for (const service of VIEW_SERVICES) {
        const target = targets.get(churnKey(read.reader.caseId, person.id, service));
        const view = person[service] as AccessView | null;
        if (!target || !view || !target.readers.has(read.reader.actorId)) continue;
        const expected = expectedStatus(target.events, read.startedAt, read.endedAt);
        if (expected === "EITHER") continue;
        stats.checkedAgainstConsent += 1;
        // Baseline was RESTRICTED with NO_CONSENT: after the withdrawal, any more than that is a leak.
        if (expected === "RESTRICTED" && view.access.status !== "RESTRICTED") stats.grantedAfterWithdrawal += 1;
        if (expected === "GRANTED" && view.access.status === "RESTRICTED") stats.restrictedAfterGrant += 1;
      }
    }
  }
}

// --- memory -----------------------------------------------------------------------

const memory = new Map<ProcessName, number[]>();

function sampleMemory(federation: Federation): void {
  for (const name of [...SERVICE_NAMES, "gateway"] as const) {
    const pid = federation.pid(name);
    if (!pid) continue;
    try {
      const kb = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8", timeout: 5_000 }).trim());
      if (kb > 0) memory.set(name, [...(memory.get(name) ?? []), kb / 1024]);
    } catch {
      // the process is gone; reported by the counts
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function memoryReport(): { lines: string[]; unstable: string[] } {
  const lines: string[] = [];
  const unstable: string[] = [];
  for (const [name, samples] of memory) {
    // Early: after the first fifth (warm-up); late: the last fifth.
    const fifth = Math.max(1, Math.floor(samples.length / 5));
    const early = median(samples.slice(fifth, 2 * fifth));
    const late = median(samples.slice(-fifth));
    // A heap that V8 lets fill up to its cap before collecting grows early and then stays put;
    // a leak keeps growing until the cap crashes the process (counted as failures above).
    // So: stable if it grew little after warm-up, or if it has levelled off (the fourth fifth
    // and the last fifth agree).
    const fourth = median(samples.slice(-2 * fifth, -fifth));
    const grewLittle = late <= Math.max(early * (1 + MEMORY_GROWTH_LIMIT.ratio), early + MEMORY_GROWTH_LIMIT.mb);
    const levelledOff = late <= Math.max(fourth * (1 + MEMORY_PLATEAU_LIMIT.ratio), fourth + MEMORY_PLATEAU_LIMIT.mb);
    const ok = grewLittle || levelledOff;
    if (!ok) unstable.push(name);
    const verdict = grewLittle ? "" : levelledOff ? "  levelled off" : "  GREW";
    lines.push(`  ${name.padEnd(13)} early ${early.toFixed(0).padStart(4)} MB  4/5 ${fourth.toFixed(0).padStart(4)} MB  late ${late.toFixed(0).padStart(4)} MB  max ${Math.max(...samples).toFixed(0).padStart(4)} MB${verdict}`);
  }
  return { lines, unstable };
}

// --- access log ---------------------------------------------------------------------

interface LogRow {
  actor_id: string;
  case_id: string | null;
  person_id: string;
  category: string;
  decision: string;
  n: number;
}

// One row may name several persons and several categories decided alike (kit/access-log.ts looks, kit/access.ts decideAll): count each.
const LOG_SQL = `select actor_id, case_id, person_id, category, decision, count(*)::int as n
  from access_log, unnest(person_ids) as person_id, unnest(categories) as category
  group by actor_id, case_id, person_id, category, decision`;

async function accessLogRows(service: ServiceName, dataDir: string, databaseUrl: string | undefined): Promise<LogRow[]> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, statement_timeout: 60_000 });
    await client.connect();
    try {
      return (await client.query<LogRow>(LOG_SQL)).rows;
    } finally {
      await client.end();
    }
  }
  // The service has stopped (cleanly), so its embedded database can be opened here.
  const db = await PGlite.create(path.join(dataDir, service, "pgdata"));
  try {
    return (await db.query<LogRow>(LOG_SQL)).rows;
  } finally {
    await db.close();
  }
}

/**
 * Views a client received without their rows in that service's log. Per
 * (actor, case, person): a view service logs SERVICE_DATA and INVOLVEMENT
 * once each per view (one row when decided alike), SERVICE_DATA granted exactly when the view is
 * GRANTED; registry writes one IDENTITY row, granted, per person shown. More
 * rows than views (a request the client gave up on) are reported, not lost.
 * samhandling writes a granted CASE row for every subject of each case it
 * shows, so a person's rows are at least the cases shown in their `cases`.
 */
async function lostEntries(dataDir: string, urls: Partial<Record<ServiceName, string>>) {
  const result: { service: ServiceName; received: number; logged: number; lost: number }[] = [];
  for (const service of SERVICE_NAMES) {
    const rows = await accessLogRows(service, dataDir, urls[service]);
    const count = (key: string, category: string, decision?: string) =>
      rows
        .filter((r) => groupKey(r.actor_id, r.case_id, r.person_id) === key && r.category === category && (!decision || r.decision === decision))
        .reduce((n, r) => n + Number(r.n), 0);
    let received = 0;
    let lost = 0;
    for (const [key, group] of seen.get(service)!) {
      received += group.views;
      const expected: [string, string | undefined, number][] =
        service === "registry"
          ? [["IDENTITY", "GRANTED", group.views]]
          : service === "samhandling"
            ? [["CASE", "GRANTED", group.views]]
            : [
              ["SERVICE_DATA", undefined, group.views],
              ["INVOLVEMENT", undefined, group.views],
              ["SERVICE_DATA", "GRANTED", group.byStatus.get("GRANTED") ?? 0],
            ];
      for (const [category, decision, want] of expected) lost += Math.max(0, want - count(key, category, decision));
    }
    const logged = rows.filter((r) => seen.get(service)!.has(groupKey(r.actor_id, r.case_id, r.person_id))).reduce((n, r) => n + Number(r.n), 0);
    result.push({ service, received, logged, lost });
  }
  return result;
}

// --- PostgreSQL and Redis ---------------------------------------------------------------

/** Refuses a PostgreSQL or Redis that is not on this machine: the load test stays on 127.0.0.1. */
function loopbackOnly(name: string, raw: string | undefined): void {
  if (!raw) return;
  const host = new URL(raw.replaceAll("{service}", "x")).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`${name} points at ${host}; the load test runs against 127.0.0.1 only.`);
}

/** <LOAD_DATABASE_PREFIX><service> on the server of DATABASE_URL_TEMPLATE, recreated empty. */
function loadDatabases(template: string): Promise<Record<ServiceName, string>> {
  return freshDatabases(template, (service) => `${DATABASE_PREFIX}${service}`);
}

// --- the run ------------------------------------------------------------------------------

async function main(): Promise<number> {
  loopbackOnly("DATABASE_URL_TEMPLATE", config.databaseTemplate);
  loopbackOnly("REDIS_URL", config.redisUrl);
  await generateClients();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-load-"));
  const dataDir = path.join(dir, "data");
  const logFile = path.join(dir, "federation.log");
  const databaseUrls = config.databaseTemplate ? await loadDatabases(config.databaseTemplate) : {};
  const env: NodeJS.ProcessEnv = {
    HOST,
    GATEWAY_HOST: HOST,
    LOG_LEVEL: "warn",
    DATABASE_URL_TEMPLATE: "",
    REDIS_URL: config.redisUrl ?? "",
    // Every service shares one server here; a few connections each leave room for everyone else.
    DATABASE_POOL_SIZE: String(config.poolSize),
    // Each process's JavaScript heap capped as a container's would be. On a large machine V8 lets
    // the heap grow for minutes before it collects, which looks like growth; under a cap a leak
    // shows as an out-of-memory crash (network errors, 5xx) and steady use stays flat.
    NODE_OPTIONS: [config.nodeOptions, `--max-old-space-size=${HEAP_MB}`].filter(Boolean).join(" "),
  };
  for (const s of SERVICE_NAMES) env[`DATABASE_URL_${s.toUpperCase()}`] = (databaseUrls as Partial<Record<ServiceName, string>>)[s] ?? "";

  log(`load: starting the federation on ${HOST}:${GATEWAY_PORT} (${config.databaseTemplate ? "PostgreSQL" : "PGlite"}, ${config.redisUrl ? "consent epoch in Redis" : "consent epoch pushed by samhandling"}, heaps capped at ${HEAP_MB} MB); logs in ${logFile}`);
  const federation = await startFederation({ gatewayPort: GATEWAY_PORT, dataDir, env, output: logFile, startupTimeoutMs: STARTUP_TIMEOUT_MS });
  const url = federation.gatewayUrl;
  let exitCode = 1;
  try {
    const pool = await readers(federation.identityIssuer!);
    const targets = await findChurnTargets(url, pool);
    completed.length = 0;
    log(`load: ${CONCURRENCY} concurrent coordinators over ${pool.length} (actor, case) pairs, ${targets.size} consents changing (each with a reader probing it), for ${DURATION_MS / 1000} s`);

    const startedAt = Date.now();
    const until = startedAt + DURATION_MS;
    sampleMemory(federation);
    const sampler = setInterval(() => sampleMemory(federation), 2_000);
    await Promise.all([
      ...Array.from({ length: CONCURRENCY }, (_, i) => coordinator(url, pool, i, until)),
      ...[...targets.values()].map((t) => churn(url, t, until, federation.identityIssuer!)),
      ...[...targets.values()].map((t) => probe(url, t, until)),
    ]);
    clearInterval(sampler);
    sampleMemory(federation);
    const elapsed = (Date.now() - startedAt) / 1000;
    checkAgainstConsents(targets);

    // Stop cleanly before reading the embedded databases.
    await federation.stop();
    const logs = await lostEntries(dataDir, databaseUrls);
    const { lines: memoryLines, unstable } = memoryReport();

    const fiveXX = [...stats.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const lost = logs.reduce((n, l) => n + l.lost, 0);
    const leaks = stats.leakedFields + stats.grantedAfterWithdrawal;
    const latencies = [...stats.latencies].sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;

    log("");
    log(`requests          ${stats.requests} in ${elapsed.toFixed(1)} s (${(stats.requests / elapsed).toFixed(1)}/s), latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
    log(`HTTP statuses     ${[...stats.byStatus].map(([s, c]) => `${s}: ${c}`).join(", ")}; network errors ${stats.networkErrors}`);
    log(`GraphQL errors    ${stats.graphqlErrors.size ? [...stats.graphqlErrors].map(([c, n]) => `${c}: ${n}`).join(", ") : "none"}`);
    log(`consent changes   ${stats.mutations.ok} acknowledged, ${stats.mutations.failed} failed`);
    log(`views             ${stats.views} service views received; ${stats.checkedAgainstConsent} checked against the consent timeline`);
    log(`leaks             ${stats.leakedFields} fields beyond what a view's status allows, ${stats.grantedAfterWithdrawal} views not restricted after a withdrawal`);
    log(`stale restrictions ${stats.restrictedAfterGrant} views restricted after a grant (not a leak; the next request must see a change)`);
    log(`access log        ${logs.map((l) => `${l.service} ${l.received}/${l.logged}${l.lost ? ` LOST ${l.lost}` : ""}`).join(", ")}  (views received / rows written for those actors, cases and persons)`);
    log(`memory (RSS)`);
    for (const line of memoryLines) log(line);

    const failures = [
      fiveXX > 0 && `${fiveXX} answers with status 5xx`,
      stats.networkErrors > 0 && `${stats.networkErrors} requests without an answer`,
      leaks > 0 && `${leaks} leaked fields or views`,
      lost > 0 && `${lost} views without their access-log entry`,
      stats.mutations.failed > 0 && `${stats.mutations.failed} consent changes failed`,
      unstable.length > 0 && `memory grew in ${unstable.join(", ")}`,
      stats.requests === 0 && "no requests were made",
    ].filter((x): x is string => typeof x === "string");
    log("");
    if (failures.length === 0) {
      log("load: PASS — zero 5xx, zero leaks, zero lost access-log entries, memory stable");
      exitCode = 0;
    } else {
      log(`load: FAIL — ${failures.join("; ")}`);
    }
  } finally {
    await federation.stop();
    if (exitCode === 0 && !config.keepData) fs.rmSync(dir, { recursive: true, force: true });
  }
  return exitCode;
}

// The last word: whatever hangs (a process that will not stop, a database that does not answer), the run ends.
const WATCHDOG_MS = STARTUP_TIMEOUT_MS + DURATION_MS + 3 * REQUEST_TIMEOUT_MS + 120_000;
setTimeout(() => {
  process.stderr.write(`load: FAIL — not finished ${Math.round(WATCHDOG_MS / 1000)} s after the start; giving up (the processes it started stop with it)\n`);
  process.exit(2);
  // Not unref'd: should everything else go quiet with the run unfinished, this still ends it with a failure.
}, WATCHDOG_MS);

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
