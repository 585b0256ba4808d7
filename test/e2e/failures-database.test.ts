// A database server crashes. NAV and samhandling each run on a PostgreSQL
// server of this suite's own (initdb into a temporary folder, 127.0.0.1 only);
// the others on their embedded databases. The postmaster is killed with
// SIGKILL — no shutdown, no checkpoint — and started again on the same data.
// - NAV's server down: NAV answers with an error of its own (it cannot write
//   its access log, so it releases nothing), every other service answers as
//   before, and NAV recovers by itself when the server is back.
// - Nothing already acknowledged is lost: access-log entries written before a
//   crash, a consent and a stafettlogg entry acknowledged just before it, are
//   all there after the restart, and the logs' hash chains still verify.
// - samhandling's server down: samhandling's own data errors, and no service
//   grants anything it did not grant before (decisions cannot be made).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { AccessLog } from "../../services/kit/access-log.ts";
import { demoCaseId, demoFamilyId, demoPersonId } from "../../demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { eventually, ownGatewayPort, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres.ts";

const SLOT = 4;
const BERG = demoCaseId("berg");
const ERIKSEN = demoCaseId("eriksen");
const NILSEN = demoCaseId("nilsen");
const TOR = demoPersonId("eriksen", "Tor");

type View = { access: { status: string } } | null;
interface Overview {
  family: { name: string; members: { person: (Record<string, View> & { givenName: string }) | null }[] } | null;
}

let hub: OwnFederation;
let navServer: PrivatePostgres;
let samServer: PrivatePostgres;

async function overview() {
  const res = await hub.gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await hub.asUser("coordinator", BERG));
  const members = res.data?.family?.members ?? [];
  return {
    res,
    members,
    present: VIEW_SERVICES.filter((s) => members.length > 0 && members.every((m) => m.person?.[s] != null)),
    failed: [...new Set((res.errors ?? []).map((e) => String(e.path?.[e.path.length - 1])))],
    codes: [...new Set((res.errors ?? []).map((e) => String(e.extensions?.code)))],
  };
}

/** Every view's status, by person and service ("-" where the person or view is missing). */
function statuses(members: Awaited<ReturnType<typeof overview>>["members"]): Record<string, string> {
  const out: Record<string, string> = {};
  members.forEach((m, i) => {
    for (const s of VIEW_SERVICES) out[`${m.person?.givenName ?? i}/${s}`] = m.person?.[s]?.access.status ?? "-";
  });
  return out;
}

async function accessLogSeqs(server: PrivatePostgres, database: string): Promise<string[]> {
  return (await server.query<{ seq: string }>(database, "select seq::text as seq from access_log order by access_log.seq")).map((r) => r.seq);
}

async function chainIntact(server: PrivatePostgres, database: string) {
  const pool = new pg.Pool({ connectionString: server.url(database), max: 1 });
  try {
    return await new AccessLog(pool).verify();
  } finally {
    await pool.end();
  }
}

const TOR_SKOLE = `query ($id: ID!) { person(id: $id) { givenName skole { access { status reason } } } }`;
const GRANT = `mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }`;
const APPEND = `mutation ($caseId: ID!, $input: StafettloggEntryInput!) { appendStafettlogg(caseId: $caseId, input: $input) { id } }`;
const STAFETTLOGG = `query ($id: ID!) { case(id: $id) { stafettlogg { id } } }`;
const CONSENTS = `query ($c: ID!) { consents(caseId: $c) { id active } }`;

// A PostgreSQL installation is needed to start servers of our own; CI always has one (.ci/run), and there a missing one fails.
describe.runIf(postgresBinDir() !== null || process.env.CI === "true")("a database server crashes", () => {
  beforeAll(async () => {
    [navServer, samServer] = await Promise.all([startPrivatePostgres(ownGatewayPort(SLOT) + 90), startPrivatePostgres(ownGatewayPort(SLOT) + 91)]);
    await navServer.createDatabases(["hub_nav"]);
    await samServer.createDatabases(["hub_samhandling"]);
    hub = await startOwnFederation(SLOT, { DATABASE_URL_NAV: navServer.url("hub_nav"), DATABASE_URL_SAMHANDLING: samServer.url("hub_samhandling") });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await Promise.all([navServer?.close(), samServer?.close()]);
  });

  let before: Record<string, string>;

  it("answers in full with NAV and samhandling on PostgreSQL", async () => {
    const { res, present, members } = await overview();
    expect(res.errors, res.raw).toBeUndefined();
    expect(present).toEqual([...VIEW_SERVICES]);
    before = statuses(members);
  });

  it("NAV's server killed: an error for NAV only, the others answer, NAV releases nothing; it recovers by itself and loses no access-log entry", async () => {
    const logged = await accessLogSeqs(navServer, "hub_nav");
    expect(logged.length).toBeGreaterThan(0);

    await navServer.kill();
    for (let i = 0; i < 3; i++) {
      const { res, present, failed, codes, members } = await overview();
      expect(res.status).toBeLessThan(500);
      expect(res.data?.family?.name).toBe("Berg");
      expect(present).toEqual(VIEW_SERVICES.filter((s) => s !== "nav"));
      expect(failed).toEqual(["nav"]);
      expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
      // Everything else exactly as before the crash.
      const now = statuses(members);
      for (const key of Object.keys(before)) if (!key.endsWith("/nav")) expect(now[key], key).toBe(before[key]);
      // The NAV process is still alive and says it is live.
      expect((await fetch(`${hub.subgraphBase("nav")}/healthz`)).status).toBe(200);
    }

    await navServer.start();
    expect(await eventually(async () => (await overview()).res.errors === undefined, 30_000, 300)).toBe(true);
    const after = await overview();
    expect(after.present).toEqual([...VIEW_SERVICES]);
    expect(statuses(after.members)).toEqual(before);

    // Every entry written before the crash is still there, and new ones follow on the same chain.
    const now = await accessLogSeqs(navServer, "hub_nav");
    expect(now.slice(0, logged.length)).toEqual(logged);
    expect(now.length).toBeGreaterThan(logged.length);
    expect(await chainIntact(navServer, "hub_nav")).toEqual({ ok: true, rows: now.length });
  });

  it("samhandling's server killed right after it acknowledged a consent and a stafettlogg entry: both are there after the restart", async () => {
    const kriminalomsorg = await hub.asUser("kriminalomsorg-koordinator-1", ERIKSEN);
    const ungdomslos = await hub.asUser("skole-ungdomslos-1", NILSEN);
    const torBefore = await hub.gateway<{ person: { skole: { access: { status: string } } } | null }>(TOR_SKOLE, { id: TOR }, kriminalomsorg);
    expect(torBefore.data?.person?.skole.access.status).toBe("RESTRICTED");

    // Tor gives it himself, signed in.
    const granted = await hub.gateway<{ grantConsent: { id: string } }>(
      GRANT,
      { input: { caseId: ERIKSEN, subjectId: TOR, capacity: "SELF", services: ["SKOLE"], categories: ["SERVICE_DATA"] } },
      await hub.asUser(TOR),
    );
    expect(granted.errors, granted.raw).toBeUndefined();
    const entry = await hub.gateway<{ appendStafettlogg: { id: string } }>(APPEND, { caseId: NILSEN, input: { kind: "NOTE", text: "Skrevet rett før databasen krasjet." } }, ungdomslos);
    expect(entry.errors, entry.raw).toBeUndefined();
    const logged = await accessLogSeqs(samServer, "hub_samhandling");
    // Both acknowledged: crash at once.
    await samServer.kill();

    for (let i = 0; i < 2; i++) {
      // samhandling's own data cannot be read: an error, never a 5xx or an internal message.
      const log = await hub.gateway(STAFETTLOGG, { id: NILSEN }, ungdomslos);
      expect(log.status).toBeLessThan(500);
      expect(log.errors?.length ?? 0, log.raw).toBeGreaterThan(0);
      expect(log.raw).not.toMatch(/ECONNREFUSED|postgres|\bat \//i);
      // Decisions cannot be made: nothing is granted that was not granted before.
      const { res, members } = await overview();
      expect(res.status).toBeLessThan(500);
      const now = statuses(members);
      for (const [key, status] of Object.entries(now)) if (status === "GRANTED") expect(before[key], key).toBe("GRANTED");
    }

    await samServer.start();
    expect(await eventually(async () => (await hub.gateway(STAFETTLOGG, { id: NILSEN }, ungdomslos)).errors === undefined, 30_000, 300)).toBe(true);
    const entries = await hub.gateway<{ case: { stafettlogg: { id: string }[] } }>(STAFETTLOGG, { id: NILSEN }, ungdomslos);
    expect(entries.data?.case.stafettlogg.map((e) => e.id)).toContain(entry.data!.appendStafettlogg.id);
    const consents = await hub.gateway<{ consents: { id: string; active: boolean }[] }>(CONSENTS, { c: ERIKSEN }, kriminalomsorg);
    expect(consents.data?.consents.find((c) => c.id === granted.data!.grantConsent.id)).toEqual({ id: granted.data!.grantConsent.id, active: true });
    // And it is in force.
    const torAfter = await hub.gateway<{ person: { skole: { access: { status: string; reason: string } } } | null }>(TOR_SKOLE, { id: TOR }, kriminalomsorg);
    expect(torAfter.data?.person?.skole.access).toEqual({ status: "GRANTED", reason: "CONSENT" });

    const now = await accessLogSeqs(samServer, "hub_samhandling");
    expect(now.slice(0, logged.length)).toEqual(logged);
    expect(await chainIntact(samServer, "hub_samhandling")).toEqual({ ok: true, rows: now.length });
    // The family overview is back to what it was (the new consent is for another case).
    expect(await eventually(async () => JSON.stringify(statuses((await overview()).members)) === JSON.stringify(before), 20_000, 300)).toBe(true);
  });
});
