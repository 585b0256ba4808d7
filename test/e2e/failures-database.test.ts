// One service's database goes away. NAV runs on PostgreSQL here (the others
// on their embedded databases); its database is closed to new connections and
// its server processes are terminated — to NAV, the database is down. NAV
// then answers with an error of its own (it cannot write the access log, so it
// releases nothing), every other service answers as before, and NAV recovers
// by itself when the database is back.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEW_SERVICES } from "../../services/kit/catalog.ts";
import { demoCaseId, demoFamilyId } from "../../services/kit/demo/fjordvik.ts";
import { FAMILY_OVERVIEW_QUERY } from "../../scripts/lib/example.ts";
import { eventually, startOwnFederation, type OwnFederation, OWN_SETUP_TIMEOUT_MS } from "../support/own-federation.ts";

const DATABASE = "hub_fail_nav";
const template = process.env.DATABASE_URL_TEMPLATE;
/** The same server and role the PostgreSQL test pass uses, another database. */
const urlFor = (database: string) => {
  const url = new URL(template!.replaceAll("{service}", "nav"));
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const takeDown = () =>
  admin(async (c) => {
    await c.query(`alter database "${DATABASE}" with allow_connections false`);
    await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [DATABASE]);
  });
const bringBack = () => admin((c) => c.query(`alter database "${DATABASE}" with allow_connections true`));

type View = { access: { status: string } } | null;
interface Overview {
  family: { name: string; members: { person: Record<string, View> }[] } | null;
}

let hub: OwnFederation;

async function overview() {
  const res = await hub.gateway<Overview>(FAMILY_OVERVIEW_QUERY, { familyId: demoFamilyId("berg") }, await hub.asUser("coordinator", demoCaseId("berg")));
  const members = res.data?.family?.members ?? [];
  return {
    res,
    present: VIEW_SERVICES.filter((s) => members.length > 0 && members.every((m) => m.person[s] !== null)),
    failed: [...new Set((res.errors ?? []).map((e) => String(e.path?.[e.path.length - 1])))],
    codes: [...new Set((res.errors ?? []).map((e) => String(e.extensions?.code)))],
  };
}

// Needs a PostgreSQL server (DATABASE_URL_TEMPLATE, as for the PostgreSQL pass); CI always has one.
describe.runIf(Boolean(template) || process.env.CI === "true")("a service's database down", () => {
  beforeAll(async () => {
    await admin(async (c) => {
      await c.query(`drop database if exists "${DATABASE}" with (force)`);
      await c.query(`create database "${DATABASE}"`);
    });
    hub = await startOwnFederation(4, { DATABASE_URL_NAV: urlFor(DATABASE) });
  }, OWN_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await bringBack().catch(() => undefined);
    await admin((c) => c.query(`drop database if exists "${DATABASE}" with (force)`)).catch(() => undefined);
  });

  it("answers in full with NAV on PostgreSQL", async () => {
    const { res, present } = await overview();
    expect(res.errors).toBeUndefined();
    expect(present).toEqual([...VIEW_SERVICES]);
  });

  it("gives an error for NAV only while its database is down; the others answer, and NAV releases nothing", async () => {
    await takeDown();
    try {
      for (let i = 0; i < 3; i++) {
        const { res, present, failed, codes } = await overview();
        expect(res.status).toBeLessThan(500);
        expect(res.data?.family?.name).toBe("Berg");
        expect(present).toEqual(VIEW_SERVICES.filter((s) => s !== "nav"));
        expect(failed).toEqual(["nav"]);
        expect(codes).not.toContain("INTERNAL_SERVER_ERROR");
        // The NAV process is still alive and says it is live.
        expect((await fetch(`${hub.subgraphBase("nav")}/healthz`)).status).toBe(200);
      }
    } finally {
      await bringBack();
    }
  });

  it("recovers by itself when the database is back", async () => {
    expect(await eventually(async () => (await overview()).res.errors === undefined, 20_000, 300)).toBe(true);
    expect((await overview()).present).toEqual([...VIEW_SERVICES]);
  });
});
