// A case change moves the consent epoch before it is written and after it is
// committed (services/samhandling/consent/decision-change.ts). When the epoch store
// (here: this suite's own Redis, killed) cannot be reached, the change is
// refused before anything is saved — with a code and a message that say so,
// so a client may simply try again — and goes through once Redis is back.
// (The epoch failing between the two moves, after the commit, is covered by
// test/consent-api.test.ts: saved, and said so with the ids.)
import { describe, expect, it } from "vitest";
import { demoPersonId } from "../../demo/fjordvik.ts";
import { hasRedisServer } from "../support/private-redis.ts";
import { eventually, ownFederationWithPrivateRedis, ownGatewayPort } from "../support/own-federation.ts";

const SLOT = 5;
const REDIS_PORT = ownGatewayPort(SLOT) + 90;
const OPENER = "nav-veileder-1";

let own: ReturnType<typeof ownFederationWithPrivateRedis>;

const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
/** A case opens from a task (issue 17): here a referral. */
const REFERRAL = { kind: "REFERRAL", reference: "Henvisning, testarkiv 2026/7" };
const ADD = `mutation ($caseId: ID!, $input: NewMemberInput!) { addCaseMember(caseId: $caseId, input: $input) { id } }`;
const sara = demoPersonId("haugland", "Sara");

async function as<T = Record<string, any>>(query: string, variables: Record<string, unknown>, caseId?: string) {
  return own.hub.gateway<T>(query, variables, await own.hub.asUser(OPENER, caseId));
}

describe.runIf((await hasRedisServer) || process.env.CI === "true")("a case change while the consent epoch cannot be moved", () => {
  own = ownFederationWithPrivateRedis(SLOT, REDIS_PORT);

  it("refuses the change, saving nothing, while the epoch cannot be moved, and takes it once Redis is back", async () => {
    const healthy = await as<{ openCase: { id: string } }>(OPEN, { input: { kind: "ANSVARSGRUPPE", title: "Før bruddet", subjectIds: [sara], referral: REFERRAL } });
    expect(healthy.errors).toBeUndefined();
    const caseId = healthy.data!.openCase.id;

    await own.redis.kill();
    const title = `Under bruddet ${Date.now()}`;
    const opened = await as(OPEN, { input: { kind: "ANSVARSGRUPPE", title, subjectIds: [sara], referral: REFERRAL } });
    expect(opened.status).toBe(200);
    expect(opened.errors?.[0]?.extensions).toMatchObject({ code: "CACHE_INVALIDATION_FAILED", saved: false });
    expect(opened.errors?.[0]?.message).toMatch(/was not saved/);
    expect(opened.errors?.[0]?.message).toMatch(/try again/);
    // Nothing saved: no case with that title.
    const mine = (await as<{ myCases: { id: string; title: string }[] }>(`{ myCases { id title } }`, {})).data!.myCases;
    expect(mine.filter((c) => c.title === title)).toEqual([]);

    const added = await as(ADD, { caseId, input: { actorId: "skole-kontaktlaerer-1", role: "PROFESSIONAL" } });
    expect(added.errors?.[0]?.extensions).toMatchObject({ code: "CACHE_INVALIDATION_FAILED", saved: false });
    const members = await as<{ case: { members: { displayName: string; service: string }[] } }>(`query ($id: ID!) { case(id: $id) { members { displayName service } } }`, { id: caseId }, caseId);
    expect(members.data!.case.members).not.toContainEqual({ displayName: "Marte Fossum", service: "SKOLE" });

    // With Redis back, the same kind of change answers normally again.
    await own.redis.start();
    expect(
      await eventually(async () => {
        const again = await as(ADD, { caseId, input: { actorId: "helse-helsesykepleier-2", role: "PROFESSIONAL" } });
        if (again.errors?.[0]?.extensions?.code === "CONFLICT") return true; // an earlier attempt got through
        return again.errors === undefined;
      }, 30_000, 1_000),
    ).toBe(true);
  });
});
