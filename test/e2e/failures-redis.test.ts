// Redis — the shared decision cache — dies and comes back. Correctness over
// speed: every subgraph asks samhandling instead, answers stay exactly as the
// rules say, the outage is logged once per process (not once per request),
// and the cache is used again when Redis returns. A real redis-server of this
// suite's own is killed with SIGKILL and restarted.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_NAMES, VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoFamilyId } from "../../services/kit/demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { eventually, ownGatewayPort, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";

const SLOT = 3;
const REDIS_PORT = ownGatewayPort(SLOT) + 90;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

type View = { access: { status: string; reason: string } } | null;
interface Overview {
  family: { members: { person: Record<string, View> & { givenName: string } }[] } | null;
}

let hub: OwnFederation;
let redis: ChildProcess | undefined;

async function startRedis(): Promise<void> {
  redis = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined); // refused until the server listens
  const up = await eventually(async () => {
    await client.connect().catch(() => undefined);
    return (await client.ping()) === "PONG";
  }, 10_000, 100);
  client.disconnect();
  if (!up) throw new Error(`redis-server did not start on ${REDIS_PORT}`);
}

async function killRedis(): Promise<void> {
  const child = redis;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
}

async function cachedKeys(): Promise<number> {
  const client = new Redis(REDIS_URL);
  try {
    return (await client.keys("hub:decision:*")).length;
  } finally {
    client.disconnect();
  }
}

/** The overview's access statuses by person and service: what the rules decided. */
async function statuses() {
  const res = await hub.gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await hub.asUser("coordinator", demoCaseId("berg")));
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return Object.fromEntries(res.data!.family!.members.map((m) => [m.person.givenName, VIEW_SERVICES.map((s) => m.person[s]?.access.status).join(",")]));
}

// Without redis-server on this machine the suite cannot run; CI installs it (.ci/run).
const hasRedisServer = await new Promise<boolean>((resolve) => {
  const probe = spawn("redis-server", ["--version"], { stdio: "ignore" });
  probe.once("error", () => resolve(false));
  probe.once("exit", (code) => resolve(code === 0));
});

describe.runIf(hasRedisServer || process.env.CI === "true")("Redis down", () => {
  beforeAll(async () => {
    await startRedis();
    hub = await startOwnFederation(SLOT, { REDIS_URL });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await killRedis();
  });

  let expected: Record<string, string>;

  it("caches decisions in Redis while it runs", async () => {
    expected = await statuses();
    // Ida's consent covers only the fact of health involvement: her health data stays closed.
    expect(expected.Ida.split(",")[VIEW_SERVICES.indexOf("helse")]).not.toBe("GRANTED");
    expect(expected.Geir).toBe(VIEW_SERVICES.map(() => "GRANTED").join(","));
    expect(await statuses()).toEqual(expected);
    expect(await cachedKeys()).toBeGreaterThan(0);
  });

  it("asks samhandling instead when Redis is killed: the same answers, and one log line per process, not per request", async () => {
    const mark = hub.logSize();
    await killRedis();
    for (let i = 0; i < 5; i++) expect(await statuses()).toEqual(expected);
    const lines = hub.logSince(mark).filter((l) => l.includes("decision cache unavailable"));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    // Five requests touch six caching processes each; per-request logging would write about 30 lines.
    expect(lines.length).toBeLessThanOrEqual(SERVICE_NAMES.length);
  });

  it("uses the cache again when Redis returns", async () => {
    const mark = hub.logSize();
    await startRedis();
    expect(
      await eventually(async () => {
        expect(await statuses()).toEqual(expected);
        return (await cachedKeys()) > 0;
      }, 20_000, 500),
    ).toBe(true);
    expect(hub.logSince(mark).some((l) => l.includes("decision cache available again"))).toBe(true);
  });
});
