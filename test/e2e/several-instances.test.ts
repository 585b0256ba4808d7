// Several instances (issue 25): two instances of the gateway and of every
// subgraph, as processes against one PostgreSQL server and one Redis, each
// subgraph's pair behind a round-robin forwarder as a Kubernetes Service puts
// pods behind one address (test/support/instance-pairs.ts). Under load —
// clients reading family overviews and writing through both gateways — one
// instance of every subgraph and one gateway are killed (SIGKILL), one at a
// time. Then: every acknowledged write is in its database (a service's write
// in its access log too), every answered read is in the access log of every
// service it reached (a released view as a release) and every chain verifies,
// and every request either succeeded or failed with an error a client may
// retry (registry codes marked retryable; at the killed gateway, a connection
// refused or reset). A consent withdrawal counts from the very next request
// through either gateway, the killed one restarted. docs/operations.md,
// "Several instances", says what this covers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES, type ServiceName, type ViewService } from "../../services/kit/catalog.ts";
import { ERROR_CODES, isErrorCode, type ErrorCodeEntry } from "../../services/kit/error-codes.ts";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { devMachineToken } from "../../scripts/lib/dev-machine-token.ts";
import { postgresBinDir } from "../support/private-postgres.ts";
import { hasRedisServer } from "../support/private-redis.ts";
import { startInstancePairs, type Instance, type InstancePairs } from "../support/instance-pairs.ts";
import { eventually, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";
import { bearerHeaders } from "../support/tokens.ts";

const SLOT = 0;
const BERG = demoCaseId("berg");
const GEIR = demoPersonId("berg", "Geir");
const TOR = demoPersonId("eriksen", "Tor");
const ERIKSEN = demoCaseId("eriksen");
/** Clients sending one request after another, each through both gateways in turn. */
const CLIENTS = 4;
/** A marker in every record the load writes, to find them again. */
const SOURCE_SYSTEM = `several-instances-${randomUUID().slice(0, 8)}`;

interface GraphQLError {
  message: string;
  extensions?: { code?: string; retryable?: boolean; serviceName?: string };
}
type View = { access: { status: string; reason: string } } | null;
type Member = { person: Record<ViewService, View> | null };
interface Body {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

/** One request of the load and what became of it. */
interface Outcome {
  kind: "read" | "write" | "stafettlogg";
  gateway: Instance;
  /** The service written to (a write). */
  service?: ViewService;
  /** The write's source id, or the stafettlogg entry's text. */
  key?: string;
  status?: number;
  requestId?: string;
  body?: Body;
  /** Why no answer came: the client's transport error (connection refused or reset). */
  transport?: string;
}

let pairs: InstancePairs;
const outcomes: Outcome[] = [];
const headers: { coordinator: Record<string, string>; machines: Map<ViewService, Record<string, string>> } = { coordinator: {}, machines: new Map() };

/** Transport failures a client sees when the gateway it talks to is killed: nothing was answered, the request may be sent again. */
const TRANSPORT_FAILURES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

function transportCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.name : String(error));
}

async function send(gateway: Instance, query: string, variables: Record<string, unknown>, auth: Record<string, string>): Promise<Omit<Outcome, "kind" | "gateway">> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(pairs.gatewayUrls[gateway], {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...auth },
      body: JSON.stringify({ query, variables }),
      // Far beyond the gateway's own limits: a request still unanswered then has hung, which no client can act on.
      signal: AbortSignal.timeout(60_000),
    });
    text = await response.text();
  } catch (error) {
    return { transport: transportCode(error) };
  }
  const requestId = response.headers.get("x-hub-request-id") ?? undefined;
  try {
    return { status: response.status, requestId, body: JSON.parse(text) as Body };
  } catch {
    // Not GraphQL's JSON: an answer without a code, which (3) below counts as a failure.
    return { status: response.status, requestId };
  }
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function overview(gateway: Instance) {
  return send(gateway, FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, headers.coordinator);
}

/** The load's requests, in turn: a read, a service's write (with a source key of its own), a read, a stafettlogg entry. */
async function one(gateway: Instance, step: number): Promise<Outcome> {
  switch (step % 4) {
    case 1: {
      const service = VIEW_SERVICES[Math.floor(step / 4) % VIEW_SERVICES.length]!;
      const key = randomUUID();
      const records = [{ startInvolvement: { sourceSystem: SOURCE_SYSTEM, sourceId: key, personId: GEIR, startedOn: "2025-06-02" } }];
      const query = `mutation ($records: [${capitalised(service)}RecordInput!]!) { write${capitalised(service)}(records: $records) { written created } }`;
      return { kind: "write", gateway, service, key, ...(await send(gateway, query, { records }, headers.machines.get(service)!)) };
    }
    case 3: {
      const key = `Oppfølging ${randomUUID()}`;
      const query = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id } }`;
      return { kind: "stafettlogg", gateway, key, ...(await send(gateway, query, { caseId: BERG, input: { kind: "NOTE", text: key } }, headers.coordinator)) };
    }
    default:
      return { kind: "read", gateway, ...(await overview(gateway)) };
  }
}

const acknowledged = (o: Outcome) => o.status === 200 && o.body?.errors === undefined && o.body?.data != null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the clients until `stop` resolves; every outcome is kept. */
async function load(stop: Promise<void>): Promise<void> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let step = client; !stopped; step += 1) {
        const outcome = await one(((client + step) % 2) as Instance, step);
        outcomes.push(outcome);
        // A client pauses before its next request after a failure, as one retrying would.
        if (!acknowledged(outcome)) await sleep(100);
      }
    }),
  );
}

/** The family's members in a read's answer (none when it has no family). */
const membersOf = (o: Outcome): Member[] => (o.body?.data as { family?: { members: Member[] } | null } | null | undefined)?.family?.members ?? [];

/** Whether a whole family overview comes back without an error through `gateway`. */
async function whole(gateway: Instance): Promise<boolean> {
  const res = await overview(gateway);
  return res.status === 200 && res.body?.errors === undefined;
}

/** The request ids of `of` that `service`'s access log has a row for (with `decision`, when given): one query. */
async function decisionsByRequest(service: ServiceName, of: readonly Outcome[], decision?: string): Promise<Set<string>> {
  const ids = of.map((o) => o.requestId).filter((id): id is string => id !== undefined);
  const sql = `select distinct request_id from access_log where request_id = any($1)${decision ? " and decision = $2" : ""}`;
  const rows = await pairs.postgres.query<{ request_id: string }>(pairs.database(service), sql, decision ? [ids, decision] : [ids]);
  return new Set(rows.map((r) => r.request_id));
}

const canRun = (postgresBinDir() !== null && (await hasRedisServer)) || process.env.CI === "true";

describe.runIf(canRun)("several instances of every process, one killed at a time under load", () => {
  beforeAll(async () => {
    pairs = await startInstancePairs(SLOT);
    headers.coordinator = await bearerHeaders(pairs.issuer, "coordinator", BERG);
    for (const service of VIEW_SERVICES) {
      headers.machines.set(service, { authorization: `Bearer ${await devMachineToken(pairs.issuer, pairs.dataDir, `${service}-integration`)}` });
    }
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await pairs?.close();
  });

  it("loses no acknowledged write and no access-log entry, and every failure is retryable", async () => {
    let stopLoad!: () => void;
    const running = load(new Promise<void>((resolve) => (stopLoad = resolve)));
    const kills: string[] = [];
    let gatewayBack: Promise<void> | undefined;
    try {
      await sleep(2_000);
      for (const [n, service] of SERVICE_NAMES.entries()) {
        const instance = (n % 2) as Instance;
        await pairs.killSubgraph(service, instance);
        kills.push(`${service}#${instance}`);
        // Recovered: the forwarder passes the dead instance over, and a whole answer comes back again.
        expect(await eventually(() => whole(1), 30_000), `recovered after ${service}#${instance} was killed`).toBe(true);
        await sleep(1_000);
        if (n === 3) {
          await pairs.killGateway(0);
          kills.push("gateway#0");
          gatewayBack = pairs.startGateway(0);
        }
      }
      await gatewayBack;
      expect(await eventually(() => whole(0), 30_000), "the restarted gateway answers in full").toBe(true);
      await sleep(1_000);
    } finally {
      stopLoad();
      await running;
      await gatewayBack?.catch(() => undefined);
    }
    expect(kills).toHaveLength(SERVICE_NAMES.length + 1);

    const reads = outcomes.filter((o) => o.kind === "read");
    const writes = outcomes.filter((o) => o.kind === "write");
    const entries = outcomes.filter((o) => o.kind === "stafettlogg");
    // A view that could not be decided says so itself (RESTRICTED, reason DECISION_UNAVAILABLE: asking again helps);
    // counted here, allowed as the retryable outcome it is.
    const undecided = reads.filter((o) => acknowledged(o) && membersOf(o).some((m) => VIEW_SERVICES.some((s) => m.person?.[s]?.access.reason === "DECISION_UNAVAILABLE")));
    const summary = `${outcomes.length} requests: ${reads.filter(acknowledged).length}/${reads.length} reads (${undecided.length} with a view undecided), ${writes.filter(acknowledged).length}/${writes.length} writes, ${entries.filter(acknowledged).length}/${entries.length} stafettlogg entries acknowledged`;
    const failures = new Map<string, number>();
    for (const o of outcomes.filter((x) => !acknowledged(x))) {
      const what = o.transport ?? [...new Set((o.body?.errors ?? []).map((e) => `${e.extensions?.code}${e.extensions?.serviceName ? `@${e.extensions.serviceName}` : ""}`))].join("+");
      failures.set(`${o.kind}@${o.gateway}: ${what}`, (failures.get(`${o.kind}@${o.gateway}: ${what}`) ?? 0) + 1);
    }
    console.log(summary, Object.fromEntries(failures));
    expect(reads.filter(acknowledged).length, summary).toBeGreaterThanOrEqual(10);
    expect(writes.filter(acknowledged).length, summary).toBeGreaterThanOrEqual(5);
    expect(entries.filter(acknowledged).length, summary).toBeGreaterThanOrEqual(5);

    // (3) Every request either succeeded, or failed in a way a client may retry: a transport failure
    // at a killed gateway (nothing answered), or errors whose codes the registry marks retryable.
    for (const o of outcomes) {
      if (acknowledged(o)) {
        // A whole answer is the whole family: never one that reads as "no such family" or fewer members, which a
        // client could not tell from a true answer (the rules could not be asked: SERVICE_UNAVAILABLE instead).
        if (o.kind === "read") expect(membersOf(o).length, `the whole answer ${o.requestId} through gateway ${o.gateway}`).toBe(4);
        continue;
      }
      if (o.transport !== undefined) {
        expect(TRANSPORT_FAILURES, `a ${o.kind} through gateway ${o.gateway} failed in transport`).toContain(o.transport);
        // Only the gateway that was killed broke connections: the other one answered every request it was sent.
        expect(o.gateway, `a ${o.kind} failed in transport (${o.transport}) at the gateway that was not killed`).toBe(0);
        continue;
      }
      const errors = o.body?.errors ?? [];
      expect(errors.length, `a ${o.kind} through gateway ${o.gateway} answered ${o.status} without data or GraphQL errors`).toBeGreaterThan(0);
      for (const error of errors) {
        const code = error.extensions?.code;
        expect(isErrorCode(code), `${code}: ${error.message}`).toBe(true);
        expect((ERROR_CODES[code as keyof typeof ERROR_CODES] as ErrorCodeEntry).retryable, `${code} is retryable: ${error.message}`).toBe(true);
        expect(error.extensions?.retryable, `${code} says so in its extensions`).toBe(true);
      }
    }

    // (1) Every acknowledged write is in its service's database, and in its access log.
    for (const service of VIEW_SERVICES) {
      const mine = writes.filter((o) => acknowledged(o) && o.service === service);
      const stored = new Set(
        (await pairs.postgres.query<{ source_id: string }>(pairs.database(service), "select source_id from involvement where source_system = $1", [SOURCE_SYSTEM])).map((r) => r.source_id),
      );
      const logged = await decisionsByRequest(service, mine, "WRITE");
      for (const o of mine) {
        expect(stored.has(o.key!), `${service}: the acknowledged write ${o.requestId} is stored`).toBe(true);
        expect(logged.has(o.requestId!), `${service}: the acknowledged write ${o.requestId} is in the access log`).toBe(true);
      }
    }
    const texts = new Map(
      (await pairs.postgres.query<{ id: string; text: string }>(pairs.database("samhandling"), "select id, text from stafettlogg_entry where case_id = $1", [BERG])).map((r) => [r.id, r.text]),
    );
    for (const o of entries.filter(acknowledged)) {
      const id = (o.body!.data as { appendStafettlogg: { id: string } }).appendStafettlogg.id;
      expect(texts.get(id), `the acknowledged stafettlogg entry ${id}`).toBe(o.key);
    }

    // (2) Every answered read is in the access log of every service it reached (a whole answer: all of them),
    // and every view it released (GRANTED), in whole answers and partial ones, as a release.
    const answered = reads.filter((r) => r.status === 200 && r.body?.data);
    let released = 0;
    for (const service of SERVICE_NAMES) {
      const all = await decisionsByRequest(service, answered);
      const granted = await decisionsByRequest(service, answered, "GRANTED");
      for (const o of answered) {
        if (acknowledged(o)) expect(all.has(o.requestId!), `${service}: the whole answer ${o.requestId} through gateway ${o.gateway} is in its access log`).toBe(true);
        if (!membersOf(o).some((m) => m.person?.[service as ViewService]?.access.status === "GRANTED")) continue;
        expect(granted.has(o.requestId!), `${service} released data in ${o.requestId} through gateway ${o.gateway}: logged as a release`).toBe(true);
        released += 1;
      }
    }
    expect(released).toBeGreaterThan(0);
    const audit = pairs.auditVerify();
    expect(audit.status, audit.output).toBe(0);

    // Both instances of every service took connections: the load really was spread over the pairs.
    for (const service of SERVICE_NAMES) expect(pairs.forwarder(service).connections().every((n) => n > 0), `${service}: ${pairs.forwarder(service).connections()}`).toBe(true);
  }, 240_000);

  it("honours a consent withdrawal on the very next request through either gateway, after the kills", async () => {
    const coordinator = await bearerHeaders(pairs.issuer, "kriminalomsorg-koordinator-1", ERIKSEN);
    const tor = await bearerHeaders(pairs.issuer, TOR);
    const READ = `query ($id: ID!) { person(id: $id) { skole { access { status reason } } } }`;
    const status = async (gateway: Instance) => {
      const res = await send(gateway, READ, { id: TOR }, coordinator);
      expect(res.body?.errors, JSON.stringify(res.body)).toBeUndefined();
      return (res.body!.data as { person: { skole: { access: { status: string } } } }).person.skole.access.status;
    };
    for (const [give, withdrawAt] of [[0, 1], [1, 0]] as const) {
      const granted = await send(
        give,
        `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`,
        { input: { caseId: ERIKSEN, subjectId: TOR, capacity: "SELF", services: ["SKOLE"], categories: ["SERVICE_DATA"] } },
        tor,
      );
      expect(granted.body?.errors, JSON.stringify(granted.body)).toBeUndefined();
      const id = (granted.body!.data as { grantConsent: { id: string } }).grantConsent.id;
      // Warm both gateways' and skole's caches with the grant.
      for (const gateway of [0, 1, 0, 1] as const) expect(await status(gateway)).toBe("GRANTED");
      const withdrawn = await send(withdrawAt, `mutation ($id: ID!) { withdrawConsent(id: $id) { id } }`, { id }, tor);
      expect(withdrawn.body?.errors, JSON.stringify(withdrawn.body)).toBeUndefined();
      // The very next request, through the other gateway first, then the same one.
      expect(await status(give)).toBe("RESTRICTED");
      expect(await status(withdrawAt)).toBe("RESTRICTED");
    }
  });
});
